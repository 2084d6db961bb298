"""Reminder pushes from the real bot process: timely, never lost, flood limits respected."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import time
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from bot.offline.emulator import RateLimits, SentMessage
from bot.scheduler import IN_FLIGHT
from tests.support.bot_process import BotProcess
from tests.support.driver import HttpDriver, wait_until
from tests.support.fake_bot_api import PUSH_MARKER, FakeBotApi, pushes
from tests.support.moments import BEIJING
from tests.support.seed import seed_overdue_cases

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


async def test_overdue_case_is_pushed_within_seconds(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    fake_api.emulator.rate_limits = RateLimits()
    # Five days ago on the plain-hour clock: overdue on any day the suite runs (a working-hour
    # case recorded "the day before yesterday" is not, on a Monday morning or in a holiday).
    five_days_ago = datetime.now(BEIJING) - timedelta(days=5)
    await seller.send("/track")
    await seller.press("等待分配小二")
    await seller.send(five_days_ago.strftime("%Y-%m-%d %H:%M"))
    await seller.press("保存")
    # The seller's own four replies used the chat's burst: the push waits its turn (a second
    # or two, leaving room for the next reply) instead of drawing a 429.
    await wait_until(lambda: pushes(fake_api, seller.user_id) == 1, timeout=15.0)
    assert fake_api.emulator.refusals == []
    # The push names the next reminder: the one the bot armed when it sent this.
    [push] = [m for m in fake_api.emulator.chat_messages(seller.user_id) if PUSH_MARKER in m.text]
    # Armed right after the send was answered: a moment later than the push itself.
    await wait_until(
        lambda: reminder_states(bot_process.database, seller.user_id).get("pending") == 1,
        timeout=5.0,
    )
    with sqlite3.connect(bot_process.database) as db:
        [(due,)] = db.execute(
            "SELECT due_at FROM reminders WHERE user_id = ? AND state = 'pending'",
            (seller.user_id,),
        ).fetchall()
    beijing = datetime.fromtimestamp(due, BEIJING)
    shown = f"下次提醒：北京时间 {beijing.month}月{beijing.day}日 {beijing:%H:%M} · 莫斯科时间"
    assert shown in push.text


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
    # A kill repeats at most the pushes on their way, never more than one per seller.
    assert sum(counts) - len(sellers) <= kills * IN_FLIGHT
    assert max(counts) <= 1 + kills
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


def reminder_states(database: Path, user_id: int) -> dict[str, int]:
    """The seller's reminders by state, read beside the running bot (WAL allows it)."""
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT state, count(*) FROM reminders WHERE user_id = ? GROUP BY state", (user_id,)
        )
        return dict(rows.fetchall())


async def stop_cleanly(process: BotProcess) -> None:
    assert await process.stop() == 0, process.log()
    assert "Traceback" not in process.log(), process.log()


async def test_a_push_due_during_a_15_second_outage_arrives_once_afterwards(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    process = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    (seller,) = await seed_overdue_cases(process.database, 1)
    fake_api.emulator.outage("sendMessage", 15)
    outage_over = time.monotonic() + 15
    await process.start()
    await wait_until(lambda: pushes(fake_api, seller) == 1, timeout=120)
    (push,) = fake_api.emulator.sent_text(seller, PUSH_MARKER)
    assert push.at >= outage_over
    assert [status for _, refusal in fake_api.emulator.refusals if (status := refusal.status)]
    assert {refusal.status for _, refusal in fake_api.emulator.refusals} == {502}
    await wait_until(lambda: reminder_states(process.database, seller).get("sent") == 1, 30)
    await stop_cleanly(process)
    assert pushes(fake_api, seller) == 1
    # Sent, and its nudge waits: never marked failed.
    assert reminder_states(process.database, seller) == {"sent": 1, "pending": 1}


async def test_lost_answers_do_not_repeat_a_push(fake_api: FakeBotApi, tmp_path: Path) -> None:
    process = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    (seller,) = await seed_overdue_cases(process.database, 1)
    # Telegram carries out the call, but the connection drops before its answer, twice.
    fake_api.emulator.lose_answers("sendMessage", 2)
    await process.start()
    await wait_until(lambda: reminder_states(process.database, seller).get("sent") == 1, 60)
    await stop_cleanly(process)
    assert pushes(fake_api, seller) == 1
    assert reminder_states(process.database, seller) == {"sent": 1, "pending": 1}


async def test_a_seller_who_unblocks_the_bot_gets_reminders_again(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    process = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    (seller,) = await seed_overdue_cases(process.database, 1)
    fake_api.emulator.block(seller)
    await process.start()

    def stopped() -> bool:
        states = reminder_states(process.database, seller)
        return not states.get("pending") and not states.get("claimed")

    await wait_until(stopped, timeout=30)
    fake_api.emulator.unblock(seller)
    await wait_until(lambda: pushes(fake_api, seller) == 1, timeout=30)
    await stop_cleanly(process)


async def test_sellers_talking_while_pushes_drain_stay_under_telegrams_limits(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    fake_api.emulator.rate_limits = RateLimits()
    process = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    sellers = await seed_overdue_cases(process.database, 150)
    talkers = sellers[:40]
    questions = 3

    def replies(chat: int) -> int:
        return sum(PUSH_MARKER not in m.text for m in fake_api.emulator.chat_messages(chat))

    def answered(chat: int, asked: int) -> bool:
        return replies(chat) >= asked

    async def talk(chat: int) -> None:
        for asked in range(1, questions + 1):
            fake_api.emulator.user_message(chat, "小二一直不回怎么办")
            await wait_until(partial(answered, chat, asked), timeout=60)

    await process.start()
    await asyncio.gather(*(talk(chat) for chat in talkers))
    await wait_until(lambda: all(pushes(fake_api, chat) >= 1 for chat in sellers), timeout=90)
    await stop_cleanly(process)
    assert [refusal.status for _, refusal in fake_api.emulator.refusals] == []
    assert [pushes(fake_api, chat) for chat in sellers] == [1] * len(sellers)
    assert [replies(chat) for chat in talkers] == [questions] * len(talkers)
