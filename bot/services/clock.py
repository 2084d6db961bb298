"""The wall clock (passed to everything that needs "now", so tests can freeze it), and how a
moment is stored: whole UTC epoch seconds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

WallClock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real current moment, in UTC."""
    return datetime.now(UTC)


def to_epoch(moment: datetime) -> int:
    """Stored form of a moment."""
    return int(moment.timestamp())


def from_epoch(value: int) -> datetime:
    """A stored moment, in UTC."""
    return datetime.fromtimestamp(value, UTC)
