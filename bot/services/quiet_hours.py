"""Quiet hours: whether a push goes out now, silently, or waits until they end (pure rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
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
        local = self._local(moment).time()
        if self.start <= self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def ends_after(self, moment: datetime) -> datetime:
        """The end of the quiet period that contains `moment` (in UTC): the first moment after
        it when the seller's clock shows the end time and the period is over.

        Compared as instants, not as wall times: when clocks go back, the end time comes twice
        (and a moment in the repeated hour may already be past the first one). When they go
        forward over the end time, it ends as long after the jump as the end time was after
        the start of the skipped hour (an hour that happens once a year, so a little late).
        """
        local = self._local(moment)
        instant = moment.astimezone(UTC)
        candidates = sorted(
            (
                datetime.combine(day, self.end, self.zone).replace(fold=fold)
                for day in (local.date() + timedelta(days=days) for days in (0, 1, 2))
                for fold in (0, 1)
            ),
            key=lambda candidate: candidate.astimezone(UTC),
        )
        for candidate in candidates:
            if candidate.astimezone(UTC) > instant and not self.contains(candidate):
                return candidate.astimezone(UTC)
        return candidates[-1].astimezone(UTC)

    def waking(self, day: date) -> datetime:
        """When the seller's quiet period ends on a day of their calendar (their morning)."""
        return datetime.combine(day, self.end, self.zone)

    def _local(self, moment: datetime) -> datetime:
        # Through UTC: astimezone() to a moment's own zone keeps a wall time that does not
        # exist (clocks going forward) instead of the one the seller's clock shows.
        return moment.astimezone(UTC).astimezone(self.zone)


def seller_quiet_hours(
    zone: ZoneInfo, setting: str | None, default: tuple[time, time], hold: bool
) -> QuietHours:
    """A seller's quiet hours: their own `HH:MM-HH:MM` setting, or the policy's default."""
    start, end = default
    if setting:
        first, last = setting.split("-")
        start, end = time.fromisoformat(first), time.fromisoformat(last)
    return QuietHours(zone=zone, start=start, end=end, hold=hold)


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
