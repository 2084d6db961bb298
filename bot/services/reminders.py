"""When reminders go out: overdue amounts, nudges, snoozes and quiet hours (pure rules)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.services.cases import Clock, Schedules
from bot.services.policy import PolicyValues
from bot.services.working_time import WorkSchedule

ELAPSED_NUDGE_INTERVAL = timedelta(hours=24)


@dataclass(frozen=True)
class Overdue:
    """How late an answer is, and whether that is counted in working time."""

    amount: timedelta
    working_time: bool


def _schedule(clock: Clock, schedules: Schedules) -> WorkSchedule | None:
    return schedules.for_clock(clock)


def overdue(clock: Clock, due: datetime, now: datetime, schedules: Schedules) -> Overdue:
    """Time past the deadline: working time on a working clock, plain time otherwise."""
    schedule = _schedule(clock, schedules)
    if schedule is None:
        return Overdue(max(timedelta(0), now - due), working_time=False)
    return Overdue(schedule.working_time_between(due, now), working_time=True)


def remaining(clock: Clock, due: datetime, now: datetime, schedules: Schedules) -> Overdue:
    """Time left until the deadline, counted the same way."""
    schedule = _schedule(clock, schedules)
    if schedule is None:
        return Overdue(max(timedelta(0), due - now), working_time=False)
    return Overdue(schedule.working_time_between(now, due), working_time=True)


def next_nudge(
    clock: Clock,
    reminders_sent: int,
    sent_at: datetime,
    policy: PolicyValues,
    schedules: Schedules,
) -> datetime | None:
    """After a reminder: the next nudge (next working morning on the case's clock, or a day
    later), or None once the policy's extra nudges are used up."""
    if reminders_sent >= policy.max_extra_nudges + 1:
        return None
    schedule = _schedule(clock, schedules)
    if schedule is None:
        return sent_at + ELAPSED_NUDGE_INTERVAL
    return schedule.next_working_morning(sent_at)


def next_working_period(clock: Clock, now: datetime, schedules: Schedules) -> datetime:
    """ "Remind me in the next working period": the next opening of the office the case waits on
    (the AM's office for plain-time cases)."""
    schedule = _schedule(clock, schedules) or schedules.am_office
    if schedule.is_open(now):
        return schedule.next_working_morning(now)
    return schedule.next_opening(now)


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
