"""Quiet hours: whether a push goes out now, silently, or waits until they end (pure rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class QuietHours:
    """A seller's quiet period in their own time zone, and what to do with pushes in it."""

    zone: ZoneInfo
    start: time
    end: time
    hold: bool

    def contains(self, moment: datetime) -> bool:
        """Is the moment inside the quiet period (which may wrap past midnight)?"""
        local = moment.astimezone(self.zone).time()
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def ends_after(self, moment: datetime) -> datetime:
        """The end of the quiet period that contains `moment`."""
        local = moment.astimezone(self.zone)
        end = datetime.combine(local.date(), self.end, self.zone)
        return end if end > local else end + timedelta(days=1)


@dataclass(frozen=True)
class Delivery:
    """Send now (silently or not), or hold until a moment."""

    silent: bool = False
    hold_until: datetime | None = None


def delivery(quiet: QuietHours, now: datetime) -> Delivery:
    """Outside quiet hours: a normal push. Inside: silent, or held until they end."""
    if not quiet.contains(now):
        return Delivery()
    if quiet.hold:
        return Delivery(hold_until=quiet.ends_after(now))
    return Delivery(silent=True)
