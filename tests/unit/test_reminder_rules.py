"""Quiet hours: silent or held pushes, in the seller's own zone, and how they are typed."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.services.profile import InvalidValue, parse_quiet_hours
from bot.services.quiet_hours import QuietHours, delivery
from tests.support.moments import BEIJING, MOSCOW, bj

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


NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("now", "ends"),
    [
        # 1 Nov 2026: 01:00-02:00 comes twice. Quiet hours end at 01:30 each time round.
        (datetime(2026, 11, 1, 5, 15, tzinfo=UTC), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
        (datetime(2026, 11, 1, 6, 15, tzinfo=UTC), datetime(2026, 11, 1, 6, 30, tzinfo=UTC)),
        (datetime(2026, 11, 1, 4, 0, tzinfo=UTC), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
    ],
    ids=["first-0115", "second-0115", "midnight"],
)
def test_quiet_hours_ending_in_a_repeated_hour(now: datetime, ends: datetime) -> None:
    quiet = QuietHours(NEW_YORK, time(23), time(1, 30), hold=True)
    assert delivery(quiet, now).hold_until == ends


def test_quiet_hours_ending_in_a_skipped_hour() -> None:
    # 8 Mar 2026: 02:00-03:00 does not exist (07:00 UTC the clocks jump to 03:00); quiet hours
    # "until 02:30" end after the jump, not before it and not a day later.
    quiet = QuietHours(NEW_YORK, time(23), time(2, 30), hold=True)
    held = delivery(quiet, datetime(2026, 3, 8, 6, 0, tzinfo=UTC)).hold_until
    jump = datetime(2026, 3, 8, 7, 0, tzinfo=UTC)
    assert held is not None and jump <= held <= jump + timedelta(hours=1)
    assert not quiet.contains(held)


@pytest.mark.parametrize("hours", range(0, 24 * 7, 1))
def test_a_hold_always_ends_later_and_outside_quiet_hours(hours: int) -> None:
    quiet = QuietHours(NEW_YORK, time(22, 30), time(1, 30), hold=True)
    now = datetime(2026, 10, 29, 0, 10, tzinfo=UTC) + timedelta(hours=hours)
    held = delivery(quiet, now).hold_until
    if held is not None:
        assert now < held <= now + timedelta(hours=4)
        assert not quiet.contains(held)


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
