"""Case time from the one owner: nudges, snoozes, spans on the case's clock, targets."""

from __future__ import annotations

from dataclasses import replace
from datetime import time, timedelta

from bot.services.case_rules import Snooze, TargetUnit
from bot.services.cases import CaseKind, Clock
from bot.services.quiet_hours import QuietHours
from tests.support.moments import BEIJING, bj, msk
from tests.support.rules import POLICY, RULES, case_on

QUIET = QuietHours(zone=BEIJING, start=time(23, 0), end=time(8, 0), hold=True)


def test_nudges_stop_after_the_policy_count() -> None:
    sent = bj(2026, 11, 27, 16, 0)  # Friday, 11:00 Moscow
    office = case_on(Clock.AM_OFFICE, sent)
    assert RULES.next_nudge(office, 1, sent) == bj(2026, 11, 30, 14, 0)  # Monday 09:00 Moscow
    plain = case_on(Clock.ELAPSED, sent)
    assert RULES.next_nudge(plain, 2, sent) == sent + timedelta(hours=24)
    total = 1 + POLICY.values.max_extra_nudges
    assert RULES.next_nudge(case_on(Clock.SUPPORT_TEAM, sent), total, sent) is None


def test_snooze_to_the_next_working_period() -> None:
    office = case_on(Clock.AM_OFFICE, bj(2026, 11, 27, 10, 0))
    saturday = bj(2026, 11, 28, 12, 0)
    monday_opening = bj(2026, 11, 30, 14, 0)
    assert RULES.snoozed_until(office, Snooze.NEXT_WORKING_PERIOD, saturday) == monday_opening
    open_now = bj(2026, 11, 27, 15, 0)  # 10:00 Moscow, Friday
    assert RULES.snoozed_until(office, Snooze.NEXT_WORKING_PERIOD, open_now) == monday_opening
    team = case_on(Clock.SUPPORT_TEAM, bj(2026, 11, 27, 10, 0))
    friday_evening = bj(2026, 11, 27, 20, 0)
    assert RULES.snoozed_until(team, Snooze.NEXT_WORKING_PERIOD, friday_evening) == bj(
        2026, 11, 30, 9, 0
    )
    assert RULES.snoozed_until(team, Snooze.HOUR, friday_evening) == bj(2026, 11, 27, 21, 0)


def test_overdue_remaining_and_waited_count_working_time_beside_the_calendar() -> None:
    due = bj(2026, 11, 27, 22, 0)  # 17:00 Moscow Friday
    office = case_on(Clock.AM_OFFICE, due, happened=bj(2026, 11, 27, 20, 0))
    late = RULES.overdue(office, bj(2026, 11, 30, 15, 0))
    assert late.working_time and late.amount == timedelta(hours=2)
    assert late.calendar == timedelta(days=2, hours=17)
    plain = RULES.overdue(case_on(Clock.ELAPSED, due), due + timedelta(hours=5))
    assert not plain.working_time and plain.amount == plain.calendar == timedelta(hours=5)
    assert RULES.remaining(office, bj(2026, 11, 27, 20, 0)).amount == timedelta(hours=2)
    assert RULES.overdue(office, bj(2026, 11, 27, 20, 0)).amount == timedelta(0)
    answered = case_on(
        Clock.AM_OFFICE, due, happened=bj(2026, 11, 27, 20, 0), answered=bj(2026, 11, 27, 21, 0)
    )
    assert RULES.waited(answered, bj(2026, 12, 10, 12, 0)).amount == timedelta(hours=1)


def test_a_deadline_in_the_past_is_reminded_at_once() -> None:
    now = bj(2026, 11, 27, 12, 0)
    assert RULES.first_reminder(now - timedelta(days=3), now) == now
    assert RULES.first_reminder(now + timedelta(hours=1), now) == now + timedelta(hours=1)
    old = case_on(Clock.ELAPSED, now - timedelta(days=1))
    assert RULES.reopened_reminder(old, now, QUIET) == now


def test_targets_and_the_guide_line_come_from_the_policy() -> None:
    target = RULES.target(CaseKind.INDIVIDUAL_APPLICATION)
    assert target is not None and target.unit is TargetUnit.WORKING_DAYS
    assert target.amount == POLICY.values.individual_review_working_days
    message = RULES.target(CaseKind.AM_MESSAGE)
    assert message is not None and message.unit is TargetUnit.WORKING_HOURS
    assert "am_first_response_hours" in message.policy_keys
    assert RULES.target(CaseKind.CUSTOM) is None
    assert RULES.unconfirmed(CaseKind.AM_MESSAGE) and not RULES.unconfirmed(CaseKind.CUSTOM)


def test_own_periods_on_a_working_clock() -> None:
    friday = bj(2026, 11, 27, 22, 30)  # 17:30 Moscow
    deadline = RULES.custom_deadline(friday, timedelta(hours=1), Clock.AM_OFFICE)
    assert deadline.due == bj(2026, 11, 30, 14, 30) and deadline.clock is Clock.AM_OFFICE
    days = RULES.working_days_deadline(friday, 3, Clock.AM_OFFICE)
    assert days.due == bj(2026, 12, 2, 23, 0)  # Wednesday 18:00 Moscow
    assert RULES.custom_deadline(friday, timedelta(days=2)).due == friday + timedelta(days=2)


def test_a_seller_coming_back_is_reminded_without_a_burst() -> None:
    now = bj(2026, 11, 27, 16, 0)  # Friday, 11:00 Moscow
    future = case_on(Clock.AM_OFFICE, bj(2026, 11, 27, 20, 0))
    assert RULES.resumed_reminder(future, now, QUIET) == bj(2026, 11, 27, 20, 0)
    never_reminded = case_on(Clock.AM_OFFICE, bj(2026, 11, 26, 20, 0))
    assert RULES.resumed_reminder(never_reminded, now, QUIET) == now
    reminded = replace(never_reminded, nudges=1)
    assert RULES.resumed_reminder(reminded, now, QUIET) == bj(2026, 11, 30, 14, 0)  # next morning
    used_up = replace(never_reminded, nudges=1 + POLICY.values.max_extra_nudges)
    assert RULES.resumed_reminder(used_up, now, QUIET) is None


def test_a_snooze_never_moves_a_reminder_before_the_deadline() -> None:
    # Bug caught: "remind in 1 hour" on a case due in two days put the reminder two days early
    # (and an "overdue by 0 minutes" push with it).
    now = bj(2026, 11, 27, 15, 0)
    ahead = case_on(Clock.AM_OFFICE, now + timedelta(days=2))
    assert not RULES.snoozable(ahead, now)
    for snooze in Snooze:
        assert RULES.snoozed_until(ahead, snooze, now) is None
    late = case_on(Clock.AM_OFFICE, now - timedelta(hours=1))
    assert RULES.snoozable(late, now)
    for snooze in Snooze:
        until = RULES.snoozed_until(late, snooze, now)
        assert until is not None and until > now


def test_the_sellers_own_deadline_is_reminded_ahead_in_waking_hours() -> None:
    # Bug caught: a deadline the seller must meet reminded only at the deadline itself (23:00
    # Beijing, inside quiet hours, too late to upload anything).
    quiet = QUIET
    thursday = msk(2026, 12, 10, 18, 0)  # closing time in Moscow: 23:00 in Beijing
    assert RULES.task_reminders(thursday, quiet) == (bj(2026, 12, 9, 8, 0), bj(2026, 12, 10, 8, 0))
    monday = msk(2026, 12, 14, 18, 0)  # the working day before is the Friday
    assert RULES.task_reminders(monday, quiet)[0] == bj(2026, 12, 11, 8, 0)
    task = replace(case_on(Clock.AM_OFFICE, thursday), task="upload the certificate")
    assert RULES.first_task_reminder(thursday, bj(2026, 12, 1, 12, 0), quiet) == bj(2026, 12, 9, 8)
    assert RULES.next_nudge(task, 1, bj(2026, 12, 9, 8, 0), quiet) == bj(2026, 12, 10, 8, 0)
    assert RULES.next_nudge(task, 2, bj(2026, 12, 10, 8, 0), quiet) == thursday
    assert RULES.next_nudge(task, 3, thursday, quiet) is None  # the push at the deadline is last
    # Tracked on the morning of the day, after waking: the deadline itself is what is left.
    assert RULES.first_task_reminder(thursday, bj(2026, 12, 10, 9, 0), quiet) == thursday


def test_a_reopened_or_resumed_task_is_reminded_ahead_again() -> None:
    # Bug caught: reopening (or unblocking the bot with) a deadline the seller must meet armed
    # its reminder at the deadline itself, in quiet hours, instead of ahead of it.
    due = msk(2026, 12, 10, 18, 0)
    task = replace(case_on(Clock.AM_OFFICE, due), task="upload the certificate")
    now = bj(2026, 12, 1, 12, 0)
    assert RULES.reopened_reminder(task, now, QUIET) == bj(2026, 12, 9, 8, 0)
    assert RULES.resumed_reminder(task, now, QUIET) == bj(2026, 12, 9, 8, 0)
    assert RULES.first_reminder_of(task, due, bj(2026, 12, 9, 9, 0), QUIET) == bj(2026, 12, 10, 8)
