"""Fixed moments for time-sensitive tests, in the zones sellers and managers live in."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

BEIJING = ZoneInfo("Asia/Shanghai")
MOSCOW = ZoneInfo("Europe/Moscow")


def bj(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in Beijing time."""
    return datetime(year, month, day, hour, minute, tzinfo=BEIJING)


def msk(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in Moscow time."""
    return datetime(year, month, day, hour, minute, tzinfo=MOSCOW)
