"""Reminder pushes from the real bot process: timely, never lost, flood limits respected."""

from __future__ import annotations

import asyncio
import signal
import sqlite3

import pytest

from bot.offline.emulator import RateLimits, SentMessage
from tests.support.bot_process import BotProcess
from tests.support.driver import HttpDriver, wait_until
from tests.support.fake_bot_api import FakeBotApi, pushes
from tests.support.seed import seed_overdue_cases

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


async def test_overdue_case_is_pushed_within_two_seconds(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    await seller.send("/track")
    await seller.press("给小二发了消息")
    await seller.send("前天 09:00")
    await seller.press("保存")
    took = await wait_until(lambda: pushes(fake_api, seller.user_id) == 1, timeout=2.0)
    assert took < 2.0
    assert fake_api.emulator.refusals == []


async def test_sigkill_during_burst_loses_nothing(fake_api: FakeBotApi, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fake_api.emulator.rate_limits = RateLimits(per_second=30, per_chat_per_second=1)
    process = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    sellers = await seed_overdue_cases(process.database, 120)
    kills = 0
    for _ in range(2):
        await process.start()
        await asyncio.sleep(1.2)
        await process.stop(signal.SIGKILL)
        kills += 1
    await process.start()
    await wait_until(lambda: all(pushes(fake_api, chat) >= 1 for chat in sellers), timeout=60)
    await asyncio.sleep(0.5)
    assert await process.stop() == 0
    counts = [pushes(fake_api, chat) for chat in sellers]
    assert min(counts) == 1, "a reminder was lost"
    assert sum(counts) - len(sellers) <= kills, "more than one duplicate per kill"
    assert [name for name, _ in fake_api.emulator.refusals] == []
    with sqlite3.connect(process.database) as db:
        states = dict(db.execute("SELECT state, count(*) FROM reminders GROUP BY state"))
    assert states.get("sent") == len(sellers) and "claimed" not in states


async def test_429_is_honoured_and_403_stops_reminders(fake_api: FakeBotApi, tmp_path) -> None:  # type: ignore[no-untyped-def]
    process = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    first, blocked = await seed_overdue_cases(process.database, 2)
    fake_api.emulator.blocked_chats.add(blocked)
    fake_api.emulator.inject("sendMessage", 429, "Too Many Requests: retry after 1", 1)
    await process.start()
    await wait_until(lambda: pushes(fake_api, first) == 1, timeout=15)
    await asyncio.sleep(0.5)
    assert await process.stop() == 0
    refused = [(name, refusal.status) for name, refusal in fake_api.emulator.refusals]
    assert ("sendmessage", 429) in refused and ("sendmessage", 403) in refused
    assert pushes(fake_api, blocked) == 0
    with sqlite3.connect(process.database) as db:
        active = db.execute("SELECT active FROM users WHERE id = ?", (blocked,)).fetchone()[0]
        left = db.execute(
            "SELECT count(*) FROM reminders WHERE user_id = ? AND state = 'pending'", (blocked,)
        ).fetchone()[0]
    assert active == 0 and left == 0


async def test_an_english_sellers_push_and_its_buttons_are_in_english(
    bot_process: BotProcess, fake_api: FakeBotApi
) -> None:
    seller = HttpDriver(fake_api.emulator, 777002, language_code="en-GB")
    await seller.send("/track")
    await seller.press("Waiting for an AM")
    # Four days ago: the plain-hour assignment window has lapsed on any calendar.
    await seller.send("4 days ago")
    await seller.press("Save")

    def english_pushes() -> list[SentMessage]:
        messages = fake_api.emulator.chat_messages(seller.user_id)
        return [message for message in messages if "No answer in time" in message.text]

    await wait_until(lambda: bool(english_pushes()), timeout=5)
    push = english_pushes()[0]
    labels = [button["text"] for button in push.buttons()]
    assert "✅ Got a reply" in labels and "✖️ Close" in labels
    assert not any("\u4e00" <= char <= "\u9fff" for char in push.text + "".join(labels))
