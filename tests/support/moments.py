"""Fixed moments for time-sensitive tests, in the zones sellers and managers live in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")
MOSCOW = ZoneInfo("Europe/Moscow")


def bj(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in Beijing time."""
    return datetime(year, month, day, hour, minute, tzinfo=BEIJING)


def msk(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in Moscow time."""
    return datetime(year, month, day, hour, minute, tzinfo=MOSCOW)


# Moments that broke date-dependent tests: a Monday before Moscow's office opens (06:00 UTC =
# 09:00 Moscow, 14:00 Beijing), the Russian New Year holidays, Victory Day. Time-sensitive
# tests run at each of them and at the moment the suite runs.
AWKWARD_MOMENTS = (
    datetime(2026, 11, 30, 6, 0, tzinfo=UTC),
    datetime(2026, 1, 3, 6, 0, tzinfo=UTC),
    datetime(2026, 5, 9, 6, 0, tzinfo=UTC),
)
MOMENTS = (*AWKWARD_MOMENTS, datetime.now(UTC).replace(microsecond=0))
MOMENT_IDS = ("monday-0600utc", "3-january", "9-may", "today")


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
