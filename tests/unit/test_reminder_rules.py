"""Quiet hours: silent or held pushes, in the seller's own zone, and how they are typed."""

from __future__ import annotations

from datetime import datetime, time

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
