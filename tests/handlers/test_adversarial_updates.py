"""Whatever Telegram may deliver: no unhandled exception, every button answered, every
outgoing call within Bot API limits (the emulator refuses anything Telegram would)."""

from __future__ import annotations

import asyncio
import logging
import tempfile
from pathlib import Path
from typing import Any

from aiogram.types import Update
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app import open_dispatcher
from bot.factory import create_bot
from bot.offline.emulator import MEDIA, BotApiEmulator
from bot.offline.session import OfflineSession
from bot.settings import Settings
from bot.telegram.send_budget import SendBudget

USERS = [1001, 1002]
COMMANDS = [
    "/start",
    "/help",
    "/faq",
    "/check",
    "/track",
    "/cases",
    "/stats",
    "/profile",
    "/templates",
    "/language",
    "/privacy",
    "/export",
    "/delete",
    "/cancel",
    "/nope",
    "/start@ozon_am_bot",
    "/START",
]
texts = st.one_of(
    st.text(max_size=200),
    st.builds(lambda chunk: (chunk * 10_000)[:10_000], st.text(min_size=1, max_size=20)),
    st.sampled_from(COMMANDS),
    st.builds(lambda c, t: f"{c} {t}", st.sampled_from(COMMANDS), st.text(max_size=50)),
    st.sampled_from(
        [
            "小二一直不回怎么办",
            "3小时前",
            "-5",
            "99999999999",
            "<b>&amp;",
            "\x00\x1f",
            "😀" * 50,
            "\u202eabc",
            "2026-11-26 15:30",
        ]
    ),
)
callback_data = st.one_of(
    st.text(max_size=64),
    st.sampled_from(
        [
            "m1:main",
            "m1:faq",
            "m1:check",
            "m1:track",
            "m1:cases",
            "f1:0",
            "f1:99",
            "f2:fraud",
            "f2:nothing",
            "e1:1:reg:y",
            "k1:s:am_msg::0",
            "k1:w:assign:at:1",
            "c1:v:1",
            "c1:x:2",
            "tm1:0:0:",
            "tm1:0:1:",
            "tm2:follow_up:0:",
            "tm2:escalation:1:",
            "k1:at:assign::1",
            "k1:at:assign::99999999999999999999",
            "c1:e:1",
            "pc1:entity_type:company",
            "d1:1",
            "l1:en",
            "t1:ph",
            "x1",
        ]
    ),
)


def sender(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "S", "language_code": "zh-hans"}


@st.composite
def updates(draw: st.DrawFn) -> dict[str, Any]:
    user = draw(st.sampled_from(USERS))
    kind = draw(
        st.sampled_from(["text", "callback", "edited", "group", "channel", "anonymous", "sticker"])
    )
    chat = {"id": user, "type": "private"}
    text = draw(texts)
    message: dict[str, Any] = {
        "message_id": 1,
        "date": 0,
        "chat": chat,
        "from": sender(user),
        "text": text,
    }
    if text.startswith("/"):
        command = text.split(" ", 1)[0]
        message["entities"] = [
            {"type": "bot_command", "offset": 0, "length": len(command.encode("utf-16-le")) // 2}
        ]
    if kind == "callback":
        return {
            "callback_query": {
                "id": str(draw(st.integers(1, 10**9))),
                "from": sender(user),
                "chat_instance": "1",
                "data": draw(callback_data),
                "message": {
                    **message,
                    "message_id": draw(st.integers(1, 50)),
                    "from": {"id": 1, "is_bot": True, "first_name": "B"},
                },
            }
        }
    if kind == "edited":
        return {"edited_message": {**message, "edit_date": 1}}
    if kind == "group":
        return {"message": {**message, "chat": {"id": -100, "type": "supergroup", "title": "g"}}}
    if kind == "channel":
        channel = {"id": -200, "type": "channel", "title": "c"}
        return {"channel_post": {"message_id": 1, "date": 0, "chat": channel, "text": text}}
    if kind == "anonymous":
        return {"message": {k: v for k, v in message.items() if k != "from"}}
    if kind == "sticker":
        without_text = {k: v for k, v in message.items() if k != "text"}
        return {"message": {**without_text, "sticker": MEDIA["sticker"]}}
    return {"message": message}


async def feed(sequence: list[dict[str, Any]], folder: Path) -> tuple[BotApiEmulator, set[str]]:
    emulator = BotApiEmulator()
    bot = create_bot(
        "42:adversarial", session=OfflineSession(emulator), budget=SendBudget.unlimited()
    )
    settings_ = Settings(_env_file=None, database_path=folder / "bot.sqlite3")
    callbacks = set()
    async with open_dispatcher(settings_) as dispatcher:
        for number, raw in enumerate(sequence, 1):
            raw = {"update_id": number, **raw}
            if "callback_query" in raw:
                # Register the query as Telegram would, so answering it is legal once.
                emulator._open_callbacks.add(raw["callback_query"]["id"])
                callbacks.add(raw["callback_query"]["id"])
            await dispatcher.feed_update(bot, Update.model_validate(raw))
        await dispatcher.emit_shutdown(bot=bot, dispatcher=dispatcher)
    return emulator, callbacks


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(sequence=st.lists(updates(), min_size=1, max_size=12))
def test_random_updates_never_break_the_bot(sequence: list[dict[str, Any]]) -> None:
    errors: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR:
                errors.append(record)

    handler = Collect()
    logging.getLogger().addHandler(handler)
    try:
        with tempfile.TemporaryDirectory() as folder:
            emulator, callbacks = asyncio.run(feed(sequence, Path(folder)))
    finally:
        logging.getLogger().removeHandler(handler)
    assert errors == [], [record.getMessage() for record in errors]
    # Buttons on messages the emulator never saw stand for messages too old to edit: the bot
    # falls back to a new message; a second press asking for the screen already shown is
    # "not modified", which the bot ignores. Every other refusal would be a broken limit.
    harmless = ("message to edit not found", "message is not modified")
    broken = [r for r in emulator.refusals if not any(h in r[1].description for h in harmless)]
    assert broken == [], broken
    assert emulator.open_callbacks() & callbacks == set(), "a button press was not answered"
