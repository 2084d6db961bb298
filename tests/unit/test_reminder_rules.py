"""Pure rules behind reminders: quiet hours, nudges, snoozes, overdue amounts."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from bot.content.policy_loader import load_policy
from bot.services.cases import Clock, Schedules
from bot.services.profile import InvalidValue, parse_quiet_hours
from bot.services.reminders import (
    QuietHours,
    delivery,
    next_nudge,
    next_working_period,
    overdue,
    remaining,
)
from tests.support.moments import BEIJING, MOSCOW, bj

POLICY = load_policy().values
SCHEDULES = Schedules.from_policy(POLICY)
NIGHT = QuietHours(BEIJING, time(23), time(8), hold=False)


@pytest.mark.parametrize(
    ("moment", "quiet"),
    [
        (bj(2026, 11, 27, 23, 0), True),
        (bj(2026, 11, 27, 2, 0), True),
        (bj(2026, 11, 27, 7, 59), True),
        (bj(2026, 11, 27, 8, 0), False),
        (bj(2026, 11, 27, 22, 59), False),
    ],
)
def test_quiet_period_wraps_midnight(moment: datetime, quiet: bool) -> None:
    assert NIGHT.contains(moment) is quiet


def test_quiet_hours_in_the_sellers_zone() -> None:
    moscow_night = QuietHours(MOSCOW, time(23), time(8), hold=False)
    assert moscow_night.contains(bj(2026, 11, 27, 5, 0))  # 00:00 in Moscow
    assert not NIGHT.contains(bj(2026, 11, 27, 12, 0))


def test_delivery_silent_or_held() -> None:
    assert delivery(NIGHT, bj(2026, 11, 27, 12, 0)) == delivery(NIGHT, bj(2026, 11, 27, 9, 0))
    assert delivery(NIGHT, bj(2026, 11, 27, 1, 0)).silent
    held = QuietHours(BEIJING, time(23), time(8), hold=True)
    assert delivery(held, bj(2026, 11, 27, 23, 30)).hold_until == bj(2026, 11, 28, 8, 0)
    assert delivery(held, bj(2026, 11, 27, 3, 0)).hold_until == bj(2026, 11, 27, 8, 0)
    day = QuietHours(BEIJING, time(12), time(14), hold=True)
    assert delivery(day, bj(2026, 11, 27, 13, 0)).hold_until == bj(2026, 11, 27, 14, 0)


def test_nudges_stop_after_the_policy_count() -> None:
    sent = bj(2026, 11, 27, 16, 0)  # Friday, 11:00 Moscow
    first = next_nudge(Clock.AM_OFFICE, 1, sent, POLICY, SCHEDULES)
    assert first == bj(2026, 11, 30, 14, 0)  # Monday 09:00 Moscow
    assert next_nudge(Clock.ELAPSED, 2, sent, POLICY, SCHEDULES) == sent + timedelta(hours=24)
    total = 1 + POLICY.max_extra_nudges
    assert next_nudge(Clock.SUPPORT_TEAM, total, sent, POLICY, SCHEDULES) is None


def test_next_working_period() -> None:
    saturday = bj(2026, 11, 28, 12, 0)
    assert next_working_period(Clock.AM_OFFICE, saturday, SCHEDULES) == bj(2026, 11, 30, 14, 0)
    open_now = bj(2026, 11, 27, 15, 0)  # 10:00 Moscow, Friday
    assert next_working_period(Clock.AM_OFFICE, open_now, SCHEDULES) == bj(2026, 11, 30, 14, 0)
    assert next_working_period(Clock.SUPPORT_TEAM, bj(2026, 11, 27, 20, 0), SCHEDULES) == bj(
        2026, 11, 30, 9, 0
    )


def test_overdue_and_remaining_count_working_time() -> None:
    due = bj(2026, 11, 27, 22, 0)  # 17:00 Moscow Friday
    late = overdue(Clock.AM_OFFICE, due, bj(2026, 11, 30, 15, 0), SCHEDULES)
    assert late.working_time and late.amount == timedelta(hours=2)
    plain = overdue(Clock.ELAPSED, due, due + timedelta(hours=5), SCHEDULES)
    assert not plain.working_time and plain.amount == timedelta(hours=5)
    left = remaining(Clock.AM_OFFICE, due, bj(2026, 11, 27, 20, 0), SCHEDULES)
    assert left.amount == timedelta(hours=2)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("23:00-08:00", "23:00-08:00"),
        ("23-8", "23:00-08:00"),
        ("22:30 到 7:15", "22:30-07:15"),
        ("１２：００～１４：００", "12:00-14:00"),
    ],
)
def test_quiet_hours_parsing(text: str, value: str) -> None:
    assert parse_quiet_hours(text).value == value


@pytest.mark.parametrize("text", ["25:00-08:00", "8-8", "night", "", "23:00"])
def test_quiet_hours_refused(text: str) -> None:
    assert parse_quiet_hours(text).error is InvalidValue.NOT_A_TIME_RANGE
