"""The reminder scheduler: what is pushed, when, how often, and what a failure leaves behind.

Every test runs at the awkward fixed moments and at the moment the suite runs; the scheduler's
wall clock is the test's, so none of them depends on the day.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.db.stats_queries import StatsRepository
from bot.offline.emulator import RateLimits
from bot.scheduler import (
    FIRST_BACKOFF,
    IN_FLIGHT,
    MAX_BACKOFF,
    MAX_BROKEN_ATTEMPTS,
    MIN_HOLD,
    backoff,
)
from bot.services.cases import CaseKind, CaseStatus, Clock, Deadline
from bot.services.quiet_hours import Delivery
from bot.telegram.send_budget import SendBudget
from tests.support.moments import BEIJING, MOMENT_IDS, MOMENTS
from tests.support.rules import RULES
from tests.support.scheduler_world import World, open_world

SELLER, OTHER, THIRD = 601, 602, 603
HOUR = timedelta(hours=1)


@pytest.fixture(params=MOMENTS, ids=MOMENT_IDS)
async def world(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[World]:
    """The scheduler at one of the fixed moments, with no quiet hours in the way (a seller
    in a zone where that moment is midday)."""
    async with open_world(tmp_path, request.param) as opened:
        yield opened


async def daytime_seller(world: World, user_id: int) -> None:
    """A seller whose quiet hour is twelve hours away from the test's moment."""
    hour = world.clock().hour
    quiet = f"{(hour + 12) % 24:02d}:00-{(hour + 13) % 24:02d}:00"
    await world.seller(user_id, timezone="UTC", quiet_hours=quiet)


def hook_send(world: World, monkeypatch: pytest.MonkeyPatch, chat_id: int, action: Any) -> None:
    """Run `action()` when the emulator has carried out a sendMessage to `chat_id` (the push
    is on its way: the seller acts before the bot hears back)."""
    original = world.emulator.call

    async def call(
        method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> tuple[int, dict[str, Any]]:
        answer = await original(method, params, files)
        if method.lower() == "sendmessage" and int(params["chat_id"]) == chat_id:
            await action()
        return answer

    monkeypatch.setattr(world.emulator, "call", call)


async def test_a_due_reminder_is_pushed_once_and_its_nudge_armed(world: World) -> None:
    await daytime_seller(world, SELLER)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    assert await world.deliver() == 1
    assert await world.deliver() == 0
    [push] = world.pushes(SELLER)
    states = await world.reminders(case)
    nudge = world.clock() + 24 * HOUR
    assert states == [("sent", world.clock() - HOUR), ("pending", nudge)]
    # The push says when the next one comes: the moment just armed, in Beijing time.
    [line] = [line for line in push.text.splitlines() if line.startswith("🔔 下次提醒：北京时间")]
    assert f"{nudge.astimezone(BEIJING):%H:%M} · 莫斯科时间" in line


async def test_a_reminder_not_yet_due_waits(world: World) -> None:
    await daytime_seller(world, SELLER)
    await world.case_due(SELLER, world.clock() + timedelta(minutes=5))
    assert await world.deliver() == 0
    world.clock.advance(timedelta(minutes=5))
    assert await world.deliver() == 1


@pytest.mark.parametrize("status", [CaseStatus.CLOSED, CaseStatus.ANSWERED])
async def test_a_case_closed_while_its_reminder_is_claimed_is_not_pushed(
    world: World, monkeypatch: pytest.MonkeyPatch, status: CaseStatus
) -> None:
    # More sellers due first than pushes go out at once, so the last one's reminder is claimed
    # in the same batch but still waiting when the first push goes out.
    first = [900 + n for n in range(IN_FLIGHT + 1)]
    for n, seller in enumerate(first):
        await daytime_seller(world, seller)
        await world.case_due(seller, world.clock() - 3 * HOUR + n * timedelta(minutes=1))
    await daytime_seller(world, OTHER)
    other = await world.case_due(OTHER, world.clock() - HOUR)

    async def close_other() -> None:
        await world.cases.set_status(other, status, world.clock())

    hook_send(world, monkeypatch, first[0], close_other)
    assert await world.deliver() == len(first) + 1
    assert all(len(world.pushes(seller)) == 1 for seller in first)
    assert world.send_calls(OTHER) == 0
    assert [state for state, _ in await world.reminders(other)] == ["cancelled"]
    world.clock.advance(48 * HOUR)
    await world.deliver()
    assert world.send_calls(OTHER) == 0


async def test_a_case_closed_while_its_push_is_on_the_way_arms_no_nudge(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await daytime_seller(world, SELLER)
    case = await world.case_due(SELLER, world.clock() - HOUR)

    async def close() -> None:
        await world.cases.set_status(case, CaseStatus.CLOSED, world.clock())

    hook_send(world, monkeypatch, SELLER, close)
    await world.deliver()
    assert [state for state, _ in await world.reminders(case)] == ["sent"]


async def test_a_snooze_racing_a_push_leaves_one_reminder(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await daytime_seller(world, SELLER)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    snoozed_to = world.clock() + 3 * HOUR

    async def snooze() -> None:
        await world.cases.snooze(case, snoozed_to, world.clock())

    hook_send(world, monkeypatch, SELLER, snooze)
    await world.deliver()
    waiting = [(s, due) for s, due in await world.reminders(case) if s in {"pending", "claimed"}]
    assert waiting == [("pending", snoozed_to)]


async def test_a_server_outage_puts_the_push_back_until_telegram_answers(world: World) -> None:
    await daytime_seller(world, SELLER)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    for _ in range(3):
        world.emulator.inject("sendMessage", 502, "Bad Gateway")
    await world.deliver()
    assert world.pushes(SELLER) == []
    (state, due), *_ = await world.reminders(case)
    assert state == "pending" and due == world.clock() + FIRST_BACKOFF
    # Backing off: nothing is claimed before then, not even other sellers' reminders.
    await daytime_seller(world, OTHER)
    await world.case_due(OTHER, world.clock() - HOUR)
    assert await world.deliver() == 0
    for _ in range(4):  # a failure stops each pass: two more, then both go out
        world.clock.advance(MAX_BACKOFF)
        await world.deliver()
    assert len(world.pushes(SELLER)) == 1 and len(world.pushes(OTHER)) == 1
    assert (await world.reminders(case))[0][0] == "sent"
    assert "failed" not in await world.states()


async def test_each_failed_pass_waits_longer_and_a_push_resets_it(world: World) -> None:
    await daytime_seller(world, SELLER)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    for _ in range(3):
        world.emulator.inject("sendMessage", 500, "Internal Server Error")
    for wait in (FIRST_BACKOFF, 2 * FIRST_BACKOFF, 4 * FIRST_BACKOFF):
        await world.deliver()
        assert (await world.reminders(case))[0] == ("pending", world.clock() + wait)
        world.clock.advance(wait - timedelta(seconds=1))
        assert await world.deliver() == 0  # still backing off
        world.clock.advance(timedelta(seconds=1))
    await world.deliver()
    assert len(world.pushes(SELLER)) == 1
    later = await world.case_due(SELLER, world.clock() - HOUR)
    world.emulator.inject("sendMessage", 502, "Bad Gateway")
    await world.deliver()
    assert (await world.reminders(later))[0] == ("pending", world.clock() + FIRST_BACKOFF)


def test_backoff_doubles_and_is_bounded() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [FIRST_BACKOFF, 2 * FIRST_BACKOFF, 4 * FIRST_BACKOFF]
    assert backoff(10_000) == MAX_BACKOFF


async def test_flood_control_waits_at_least_retry_after(world: World) -> None:
    await daytime_seller(world, SELLER)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    world.emulator.inject("sendMessage", 429, "Too Many Requests: retry after 30", 30)
    await world.deliver()
    (state, due), *_ = await world.reminders(case)
    assert state == "pending" and due >= world.clock() + timedelta(seconds=30)


async def test_a_lost_answer_does_not_duplicate_the_push(world: World) -> None:
    await daytime_seller(world, SELLER)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    world.emulator.lose_answers("sendMessage", 2)
    await world.deliver()
    world.clock.advance(MAX_BACKOFF)
    await world.deliver()
    assert len(world.pushes(SELLER)) == 1
    # Counted as sent, so the case goes on as usual: its nudge is armed.
    assert [state for state, _ in await world.reminders(case)] == ["sent", "pending"]


async def test_one_broken_reminder_does_not_hold_the_batch(world: World) -> None:
    for seller in (SELLER, OTHER, THIRD):
        await daytime_seller(world, seller)
        await world.case_due(seller, world.clock() - HOUR)
    await world.seller(OTHER, timezone="Mars/Olympus_Mons")  # stored before zones were checked
    await world.deliver()
    assert len(world.pushes(SELLER)) == 1 and len(world.pushes(THIRD)) == 1
    states = await world.states()
    assert "claimed" not in states and states["pending"] >= 1
    # Tried again later, a bounded number of times.
    for _ in range(MAX_BROKEN_ATTEMPTS + 2):
        world.clock.advance(MAX_BACKOFF)
        await world.deliver()
    assert (await world.states()).get("failed") == 1


async def test_a_block_cancels_the_sellers_other_reminders_claimed_ones_too(
    world: World,
) -> None:
    await daytime_seller(world, SELLER)
    await daytime_seller(world, OTHER)
    blocked = [await world.case_due(SELLER, world.clock() - HOUR * n) for n in (3, 2, 1)]
    await world.case_due(OTHER, world.clock() - HOUR)
    await world.case_due(SELLER, world.clock() + 5 * HOUR)  # a later one, still pending
    world.emulator.blocked_chats.add(SELLER)
    await world.deliver()
    assert world.send_calls(SELLER) == 1 and len(world.pushes(OTHER)) == 1
    for case in blocked[1:]:
        assert [state for state, _ in await world.reminders(case)] == ["cancelled"]
    user = await world.users.get(SELLER)
    assert user is not None and not user.active
    world.clock.advance(10 * HOUR)
    await world.deliver()
    assert world.send_calls(SELLER) == 1


async def test_other_refusals_fail_that_push_only(world: World) -> None:
    await daytime_seller(world, SELLER)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    world.emulator.inject("sendMessage", 400, "Bad Request: chat not found")
    await world.deliver()
    assert [state for state, _ in await world.reminders(case)] == ["failed"]
    user = await world.users.get(SELLER)
    assert user is not None and user.active


# -- quiet hours ---------------------------------------------------------------------------------


async def test_pushes_in_quiet_hours_are_silent(world: World) -> None:
    hour = world.clock().hour
    await world.seller(
        SELLER, timezone="UTC", quiet_hours=f"{hour:02d}:00-{(hour + 2) % 24:02d}:00"
    )
    await world.case_due(SELLER, world.clock() - HOUR)
    await world.deliver()
    (push,) = world.pushes(SELLER)
    assert push.disable_notification


async def test_pushes_outside_quiet_hours_make_a_sound(world: World) -> None:
    await daytime_seller(world, SELLER)
    await world.case_due(SELLER, world.clock() - HOUR)
    await world.deliver()
    (push,) = world.pushes(SELLER)
    assert not push.disable_notification


async def test_hold_keeps_the_push_until_quiet_hours_end(world: World) -> None:
    hour = world.clock().hour
    quiet = f"{hour:02d}:00-{(hour + 2) % 24:02d}:00"
    await world.seller(SELLER, timezone="UTC", quiet_hours=quiet, hold=True)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    await world.deliver()
    assert world.pushes(SELLER) == []
    ends = world.clock().replace(minute=0, second=0) + 2 * HOUR
    assert (await world.reminders(case))[0] == ("pending", ends)
    world.clock.now = ends
    await world.deliver()
    (push,) = world.pushes(SELLER)
    assert not push.disable_notification


async def test_the_sellers_own_zone_and_quiet_hours_are_used(world: World) -> None:
    # Quiet now in Moscow by the seller's own setting; the default zone (Beijing) and the
    # default period would not hold it at this moment.
    moscow_hour = (world.clock().hour + 3) % 24
    quiet = f"{moscow_hour:02d}:00-{(moscow_hour + 1) % 24:02d}:00"
    await world.seller(SELLER, timezone="Europe/Moscow", quiet_hours=quiet, hold=True)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    await world.deliver()
    assert world.pushes(SELLER) == []
    assert (await world.reminders(case))[0][0] == "pending"


async def test_a_hold_that_would_end_at_once_still_waits_a_while(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Whatever the quiet-hours rule answers, a held push is not claimed again at once.
    monkeypatch.setattr(
        "bot.scheduler.delivery", lambda quiet, now: Delivery(hold_until=now - HOUR)
    )
    await daytime_seller(world, SELLER)
    case = await world.case_due(SELLER, world.clock() - HOUR)
    assert await asyncio.wait_for(world.deliver(), 10) == 1
    assert (await world.reminders(case))[0] == ("pending", world.clock() + MIN_HOLD)


async def test_hold_ending_in_a_repeated_hour_does_not_spin(tmp_path: Path) -> None:
    # New York's clocks go back at 02:00 on 1 November 2026: 01:00-02:00 comes twice. At 01:15
    # the second time, quiet hours ending at 01:30 end 15 minutes later, not "at 01:30 earlier".
    second_0115 = datetime(2026, 11, 1, 6, 15, tzinfo=UTC)
    async with open_world(tmp_path, second_0115) as world:
        await world.seller(
            SELLER, timezone="America/New_York", quiet_hours="23:00-01:30", hold=True
        )
        case = await world.case_due(SELLER, second_0115 - HOUR)
        claims = 0
        claim_due = world.cases.claim_due

        async def counted(now: datetime, limit: int) -> Any:
            nonlocal claims
            claims += 1
            return await claim_due(now, limit)

        world.cases.claim_due = counted  # type: ignore[method-assign]
        await asyncio.wait_for(world.deliver(), 10)
        assert claims <= 3
        assert (await world.reminders(case))[0] == (
            "pending",
            datetime(2026, 11, 1, 6, 30, tzinfo=UTC),
        )


# -- per-chat pacing -----------------------------------------------------------------------------


async def test_a_chat_that_had_its_share_is_put_off_not_waited_for(tmp_path: Path) -> None:
    # Per chat: a burst of 3, one of them left for replies, then one every 0.6 s. The third and
    # fourth reminders would hold the batch up: they are due again a little later instead,
    # and the other seller's push goes at once.
    budget = SendBudget(chat_interval=0.6, chat_burst=3)
    start = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
    async with open_world(tmp_path, start, budget=budget) as world:
        await world.seller(SELLER, timezone="UTC", quiet_hours="18:00-19:00")
        await world.seller(OTHER, timezone="UTC", quiet_hours="18:00-19:00")
        cases = [await world.case_due(SELLER, start - HOUR) for _ in range(4)]
        await world.case_due(OTHER, start - HOUR)
        await asyncio.wait_for(world.deliver(), 10)
        assert len(world.pushes(SELLER)) == 2 and len(world.pushes(OTHER)) == 1
        put_off = [(await world.reminders(case))[0] for case in cases[2:]]
        assert all(state == "pending" and due > start for state, due in put_off)
        assert "claimed" not in await world.states()


async def test_several_reminders_for_one_seller_keep_to_the_chat_limit(tmp_path: Path) -> None:
    # The emulator refuses (429) above 5 messages a second per chat after a burst of 3; the
    # budget is set a little under that. Six reminders for one seller and one for another.
    budget = SendBudget(chat_interval=0.22, chat_burst=3)
    limits = RateLimits(per_second=30, per_chat_per_second=5, chat_burst=3)
    start = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
    async with open_world(tmp_path, start, budget=budget, rate_limits=limits) as world:
        await world.seller(SELLER, timezone="UTC", quiet_hours="18:00-19:00")
        await world.seller(OTHER, timezone="UTC", quiet_hours="18:00-19:00")
        for _ in range(6):
            await world.case_due(SELLER, start - HOUR)
        await world.case_due(OTHER, start - HOUR)
        for _ in range(20):
            await world.deliver()
            if len(world.pushes(SELLER)) == 6:
                break
            await asyncio.sleep(0.25)
            world.clock.advance(timedelta(seconds=1))
        pushes = world.pushes(SELLER)
        assert len(pushes) == 6 and len(world.pushes(OTHER)) == 1
        assert world.emulator.refusals == []
        # The other seller was not kept waiting behind the first one's queue.
        assert world.pushes(OTHER)[0].at < pushes[2].at
        # Two at once (the third of the burst is left for a reply), then one per interval.
        assert pushes[-1].at - pushes[0].at >= 4 * 0.22 - 0.01


async def test_pushes_overlap_but_never_two_to_one_chat(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    sellers = [800 + n for n in range(3 * IN_FLIGHT)]
    for seller in sellers:
        await daytime_seller(world, seller)
        for _ in range(2):
            await world.case_due(seller, world.clock() - HOUR)
    original = world.emulator.call
    flying: list[int] = []
    most = 0

    async def slow_call(
        method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> tuple[int, dict[str, Any]]:
        nonlocal most
        if method.lower() != "sendmessage":
            return await original(method, params, files)
        chat = int(params["chat_id"])
        assert chat not in flying, "two pushes to one chat at once"
        flying.append(chat)
        most = max(most, len(flying))
        await asyncio.sleep(0.02)  # Telegram's answer takes a while
        flying.remove(chat)
        return await original(method, params, files)

    monkeypatch.setattr(world.emulator, "call", slow_call)
    while await world.deliver():
        world.clock.advance(timedelta(seconds=2))
    assert all(len(world.pushes(seller)) == 2 for seller in sellers)
    assert 1 < most <= IN_FLIGHT


async def test_stop_right_after_a_wake_up_stops_the_loop(world: World) -> None:
    # Bug caught: the loop slept in asyncio.wait_for, which on Python 3.11 swallows a
    # cancellation arriving just after the wake-up was set: stop() (SIGTERM after a case was
    # saved) then waited for ever.
    await world.scheduler.start(world.bot)
    await asyncio.sleep(0.05)  # the loop is asleep, waiting for a wake-up
    await daytime_seller(world, SELLER)
    await world.case_due(SELLER, world.clock() + HOUR)  # sets the wake-up
    await asyncio.sleep(0)  # the wake-up is seen, the loop not yet resumed
    started = time.monotonic()
    # (stop() itself swallows a cancellation, so a hang shows as the 2 s of this bound)
    await asyncio.wait_for(world.scheduler.stop(), 2)
    assert time.monotonic() - started < 1


def has_chinese(text: str) -> bool:
    """Any CJK ideograph in the text."""
    return any("\u4e00" <= char <= "\u9fff" for char in text)


@pytest.mark.parametrize(
    ("telegram_language", "chosen", "english"),
    [("en-GB", None, True), ("zh-hans", "en", True), ("en-US", "zh", False), (None, None, False)],
)
async def test_a_push_and_its_buttons_are_in_the_sellers_language(
    world: World, telegram_language: str | None, chosen: str | None, english: bool
) -> None:
    # Bug caught (checked before only in a subprocess test): the push rendered outside the
    # seller's locale, its text or its buttons in Chinese for an English seller (or the
    # chosen language ignored for Telegram's).
    await daytime_seller(world, SELLER)
    await world.users.ensure(SELLER, SELLER, telegram_language)
    if chosen is not None:
        await world.users.set_field(SELLER, "locale", chosen)
    await world.case_due(SELLER, world.clock() - HOUR)
    assert await world.deliver() == 1
    (push,) = world.emulator.chat_messages(SELLER)
    labels = "".join(button["text"] for button in push.buttons())
    if english:
        assert "No answer in time" in push.text and "✅ Got a reply" in labels
        assert not has_chinese(push.text + labels)
    else:
        assert "超时未回复" in push.text and has_chinese(labels)


async def test_the_sellers_own_deadline_is_pushed_ahead_then_once_at_it(tmp_path: Path) -> None:
    # Bugs caught: a task's push read "no answer in time … overdue by 0 minutes" before its
    # deadline; its pushes went on after the deadline as if it waited for a reply.
    due = datetime(2026, 12, 10, 15, 0, tzinfo=UTC)  # 23:00 Beijing, a Thursday
    mornings = [datetime(2026, 12, day, 0, 0, tzinfo=UTC) for day in (9, 10)]  # 08:00 Beijing
    async with open_world(tmp_path, datetime(2026, 12, 1, 4, 0, tzinfo=UTC)) as world:
        await world.seller(SELLER, timezone="Asia/Shanghai", quiet_hours="23:30-08:00")
        deadline = Deadline(due, Clock.AM_OFFICE, False, ())
        quiet = await world.users.quiet_hours(SELLER, BEIJING, RULES.policy.values)
        first = RULES.first_task_reminder(due, world.clock(), quiet)
        assert first == mornings[0]
        now = world.clock()
        case = await world.cases.create(
            SELLER,
            CaseKind.CUSTOM,
            now,
            deadline,
            None,
            now,
            first,
            task="上传合格证书",
            reference="87654321",
        )
        pushed = []
        for moment in (*mornings, due):
            world.clock.now = moment
            assert await world.deliver() == 1
            pushed.append(world.emulator.chat_messages(SELLER)[-1].text)
        assert all("上传合格证书" in text and "工单号：87654321" in text for text in pushed)
        assert "快到了" in pushed[0] and "超时" not in pushed[0] and "下次提醒" in pushed[0]
        assert "截止时间到了" in pushed[2] and "下次提醒" not in pushed[2]
        assert await world.reminders(case) == [("sent", at) for at in (*mornings, due)]


async def test_pushes_label_both_spans_escalate_and_say_which_is_last(tmp_path: Path) -> None:
    # Bugs caught: "已超时 1 个工作小时（16小时）" read as two durations of one unit; every push
    # gave the same advice however late; the last push did not say no more would come.
    due = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)  # Friday 17:00 Moscow
    happened = due - timedelta(days=3)
    async with open_world(tmp_path, datetime(2026, 11, 30, 7, 0, tzinfo=UTC)) as world:
        await world.seller(SELLER, timezone="Asia/Shanghai")
        deadline = Deadline(due, Clock.AM_OFFICE, False, ())
        now = world.clock()
        await world.cases.create(SELLER, CaseKind.AM_MESSAGE, happened, deadline, None, now, now)
        pushed = []
        for _push in range(1 + RULES.policy.values.max_extra_nudges):
            assert await world.deliver() == 1
            pushed.append(world.emulator.chat_messages(SELLER)[-1].text)
            next_due = await world.cases.next_due_at()
            if next_due is not None:
                world.clock.now = max(next_due, world.clock.now)
        assert await world.cases.next_due_at() is None
        assert re.search(r"已超时 \d 个工作小时（日历时间 2天）", pushed[0])
        assert "礼貌跟进一次" in pushed[0] and "跟进后还是没有回复" in pushed[1]
        assert all("最后一次提醒" not in text for text in pushed[:-1])
        assert "最后一次提醒" in pushed[-1] and "下次提醒" not in pushed[-1]


async def test_operator_totals_count_only_cases_past_their_deadline_as_overdue(
    tmp_path: Path,
) -> None:
    # Bug caught: the overdue count compared the wrong way, so the operator saw every case
    # still within its time as overdue and the late ones as fine.
    start = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    async with open_world(tmp_path, start) as world:
        for seller in (SELLER, OTHER, THIRD):
            await world.seller(seller)
        await world.case_due(SELLER, start - HOUR)
        await world.case_due(OTHER, start + HOUR)
        await world.case_due(THIRD, start + 2 * HOUR)
        totals = await StatsRepository(world.database.connection).totals(start)
        assert (totals.open_cases, totals.overdue_cases) == (3, 1)
