"""A chat's updates arriving together: handled in order, one at a time; queued plain text merged
into one message outside wizards (one notice a burst); a press answered on arrival, once."""

from __future__ import annotations

import asyncio
from typing import Any

from aiogram.types import Update

from bot.db.user_repository import UserRepository
from tests.support.rig import USER_ID, Rig

NOTICE = "收到多条消息，已合并为一条处理。"
# A manager's reply as Telegram delivers a long paste: in pieces, one message each.
PIECES = [
    "Добрый день! Ваше обращение № 12345678 передано в профильный отдел.",
    "Ответ поступит в течение 3 рабочих дней.",
    "Пришлите, пожалуйста, сертификат соответствия.",
]


async def arrive_together(rig: Rig, updates: list[dict[str, Any]]) -> None:
    """Feed the updates as polling does: one task each, created in arrival order."""
    tasks = [
        asyncio.create_task(rig.dispatcher.feed_update(rig.bot, Update.model_validate(update)))
        for update in updates
    ]
    await asyncio.gather(*tasks)


def texts(rig: Rig, user_id: int = USER_ID) -> list[str]:
    return [message.text for message in rig.emulator.chat_messages(user_id)]


async def test_a_pasted_reply_in_pieces_is_explained_once(rig: Rig) -> None:
    updates = [rig.emulator.user_message(USER_ID, piece) for piece in PIECES]
    await arrive_together(rig, updates)
    sent = texts(rig)
    assert sent[0] == NOTICE
    explained = [text for text in sent if "这条回复说了什么" in text]
    # One explanation, holding the first and the last piece's facts.
    assert len(explained) == 1 and len(sent) == 2
    assert "12345678" in explained[0] and "3 рабочих дней" in explained[0]
    assert "сертификат" in explained[0]


async def test_commands_are_not_merged_and_order_is_kept_with_one_notice(rig: Rig) -> None:
    words = ["小二是谁", "怎么联系小二", "/help", "邮件没人回", "KYC 审核中怎么办"]
    await arrive_together(rig, [rig.emulator.user_message(USER_ID, word) for word in words])
    sent = texts(rig)
    assert sent.count(NOTICE) == 1  # one burst: the chat never ran empty
    help_at = next(i for i, text in enumerate(sent) if "我能帮你做什么" in text)
    # Notice, the first two as one answer, /help, the last two as one answer.
    assert sent[0] == NOTICE and help_at == 2 and len(sent) == 4


async def test_typed_wizard_answers_are_handled_one_by_one(rig: Rig) -> None:
    await rig.chat.send("/profile")
    await rig.chat.press("公司名称")
    answers = ["Shenzhen Foo Trading", "小二是谁"]
    await arrive_together(rig, [rig.emulator.user_message(USER_ID, text) for text in answers])
    user = await UserRepository(rig.dispatcher["db"]).get(USER_ID)
    assert user is not None and user.company_name == "Shenzhen Foo Trading"
    assert NOTICE not in texts(rig)


async def test_a_press_in_a_busy_chat_is_answered_on_arrival_and_once(rig: Rig) -> None:
    menu = await rig.chat.send("/start")
    assert menu is not None
    press = rig.emulator.user_press(USER_ID, menu.message_id, "m1:faq")
    question = rig.emulator.user_message(USER_ID, "小二是谁")
    calls_before = len(rig.emulator.calls)
    await arrive_together(rig, [question, press])
    calls = [name for name, _ in rig.emulator.calls[calls_before:]]
    # The press is answered before the question ahead of it gets its reply, and only then.
    assert calls.count("answercallbackquery") == 1
    assert calls.index("answercallbackquery") < calls.index("sendmessage")
    assert rig.emulator.open_callbacks() == set()
