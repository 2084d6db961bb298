"""Fixed moments for time-sensitive tests, in the zones sellers and managers live in."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

BEIJING = ZoneInfo("Asia/Shanghai")
MOSCOW = ZoneInfo("Europe/Moscow")


def bj(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in Beijing time."""
    return datetime(year, month, day, hour, minute, tzinfo=BEIJING)


def msk(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in Moscow time."""
    return datetime(year, month, day, hour, minute, tzinfo=MOSCOW)


# An ordinary working moment (Tuesday, 11:00 in Moscow, 16:00 in Beijing): the clock of every
# rig test that does not ask for another one, so no test reads the wall clock.
ORDINARY = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
# Moments that broke date-dependent tests before: a Monday before Moscow's working day starts,
# inside Russia's new-year holidays, and the day after a Russian holiday weekend.
EDGE_MOMENTS = {
    "monday-0600-utc": datetime(2026, 11, 30, 6, 0, tzinfo=UTC),
    "3-january": datetime(2027, 1, 3, 12, 0, tzinfo=UTC),
    "9-may": datetime(2026, 5, 9, 9, 0, tzinfo=UTC),
}
# Every fixed moment, for tests whose outcome depends on the date.
FIXED_MOMENTS = {"ordinary-tuesday": ORDINARY, **EDGE_MOMENTS}
MOMENTS = tuple(FIXED_MOMENTS.values())
MOMENT_IDS = tuple(FIXED_MOMENTS)


class RunningClock:
    """A wall clock that starts at a chosen moment and then runs at real speed (reminders
    still fall due while a test waits)."""

    def __init__(self, start: datetime = ORDINARY) -> None:
        self._start = start
        self._began = time.monotonic()

    def __call__(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._began)

    def advance(self, delta: timedelta) -> None:
        """Jump ahead (only a clock started at a chosen moment can)."""
        assert self._start is not None
        self._start += delta


def at_fixed_moments() -> pytest.MarkDecorator:
    """Run a rig test whose outcome depends on the date at each fixed moment (indirect
    `clock`); other rig tests run at the ordinary moment only."""
    return pytest.mark.parametrize("clock", list(FIXED_MOMENTS), indirect=True)


class ManualClock:
    """A wall clock that moves only when the test moves it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        """The current moment."""
        return self.now

    def advance(self, by: timedelta) -> None:
        """Move the clock forward."""
        self.now += by
