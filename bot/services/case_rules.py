"""The one owner of a case's time: deadlines, time on the case's clock, and reminder times.

Everything that decides *when* for a case lives here: the deadline of each kind (and of a
seller's own period), how long is left or overdue on the case's clock, how long the seller
waited, when the first reminder, a nudge, a snooze or a reopened case is due, each kind's policy
target, and whether the unconfirmed-guide line applies. Handlers, views and the scheduler ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.nlp.russian.facts import DateFact, DurationFact, DurationUnit, TimeFact, ZoneSource
from bot.services.cases import SELLER_SET_KINDS, Case, CaseKind, Clock, Deadline, Schedules
from bot.services.policy import Policy
from bot.services.quiet_hours import QuietHours
from bot.services.working_time import WorkSchedule

HOUR = timedelta(hours=1)
# Plain-hour cases have no office hours to wait for: the next nudge comes a day later.
ELAPSED_NUDGE_INTERVAL = timedelta(hours=24)
SNOOZE_HOUR = timedelta(hours=1)
# Policy values a deadline on the manager's working calendar rests on.
AM_CALENDAR_KEYS = ("am_hours_start", "am_hours_end", "am_calendar", "am_timezone")
_PLAIN_STEPS = {
    DurationUnit.DAYS: timedelta(days=1),
    DurationUnit.HOURS: timedelta(hours=1),
    DurationUnit.WEEKS: timedelta(weeks=1),
}


class TargetUnit(StrEnum):
    """How a kind's policy target is counted."""

    HOURS = "hours"
    WORKING_HOURS = "working_hours"
    WORKING_DAYS = "working_days"


class Snooze(StrEnum):
    """What "remind me later" can mean."""

    HOUR = "hour"
    NEXT_WORKING_PERIOD = "period"


@dataclass(frozen=True)
class Target:
    """What the policy promises for a kind of case: an amount, its unit, and its sources."""

    amount: int
    unit: TargetUnit
    policy_keys: tuple[str, ...]


@dataclass(frozen=True)
class ClockSpan:
    """Time between two moments on a case's clock, and the same span on the calendar."""

    amount: timedelta
    working_time: bool
    calendar: timedelta


# Which policy values each kind's deadline rests on: the one place this mapping is written.
_TARGETS: dict[CaseKind, tuple[str, TargetUnit, Clock, tuple[str, ...]]] = {
    CaseKind.AM_ASSIGNMENT: (
        "am_assignment_hours",
        TargetUnit.HOURS,
        Clock.ELAPSED,
        ("min_compliant_skus",),
    ),
    CaseKind.COMPLEX_HANDOVER: ("complex_handover_hours", TargetUnit.HOURS, Clock.ELAPSED, ()),
    CaseKind.AM_MESSAGE: (
        "am_first_response_hours",
        TargetUnit.WORKING_HOURS,
        Clock.AM_OFFICE,
        ("am_hours_start", "am_hours_end"),
    ),
    CaseKind.ESCALATION: (
        "escalation_response_hours",
        TargetUnit.WORKING_HOURS,
        Clock.AM_OFFICE,
        ("am_hours_start", "am_hours_end"),
    ),
    CaseKind.SUPPORT_EMAIL: (
        "support_reply_hours",
        TargetUnit.WORKING_HOURS,
        Clock.SUPPORT_TEAM,
        ("support_cutoff",),
    ),
    CaseKind.MISSING_AM: (
        "missing_am_reply_hours",
        TargetUnit.WORKING_HOURS,
        Clock.SUPPORT_TEAM,
        ("support_cutoff",),
    ),
    CaseKind.INDIVIDUAL_APPLICATION: (
        "individual_review_working_days",
        TargetUnit.WORKING_DAYS,
        Clock.SUPPORT_TEAM,
        (),
    ),
}


class CaseRules:
    """Case time on the policy's values and working calendars."""

    def __init__(self, policy: Policy, schedules: Schedules) -> None:
        self.policy = policy
        self.schedules = schedules

    # -- targets and deadlines ---------------------------------------------------------------

    def target(self, kind: CaseKind) -> Target | None:
        """The policy's promise for a kind (None for the seller's own deadlines)."""
        if kind not in _TARGETS:
            return None
        key, unit, _clock, extra = _TARGETS[kind]
        amount = getattr(self.policy.values, key)
        return Target(amount, unit, (key, *extra))

    def unconfirmed(self, kind: CaseKind) -> bool:
        """Does the kind's deadline rest on the unconfirmed third-party guide?"""
        target = self.target(kind)
        return target is not None and self.policy.unconfirmed(target.policy_keys)

    def deadline(self, kind: CaseKind, happened: datetime) -> Deadline:
        """When the answer to a case of this kind is due (not CUSTOM: the seller sets that)."""
        target = self.target(kind)
        if target is None:
            msg = f"{kind} has no computed deadline"
            raise ValueError(msg)
        clock = _TARGETS[kind][2]
        schedule = self.schedules.for_clock(clock)
        if schedule is None:
            due = happened + target.amount * HOUR
            return Deadline(due, clock, False, target.policy_keys)
        if target.unit is TargetUnit.WORKING_DAYS:
            due = schedule.add_working_days(happened, target.amount)
        elif clock is Clock.SUPPORT_TEAM:
            start = self._support_start(happened, schedule)
            due = schedule.add_working_hours(start, target.amount * HOUR)
        else:
            due = schedule.add_working_hours(happened, target.amount * HOUR)
        return Deadline(due, clock, schedule.spans_estimate(happened, due), target.policy_keys)

    def custom_deadline(
        self, happened: datetime, wait: timedelta, clock: Clock = Clock.ELAPSED
    ) -> Deadline:
        """A seller's own period: plain time, or working time on one of the two offices."""
        schedule = self.schedules.for_clock(clock)
        if schedule is None:
            return Deadline(happened + wait, clock, False, ())
        due = schedule.add_working_hours(happened, wait)
        return Deadline(due, clock, schedule.spans_estimate(happened, due), ())

    def corrected_deadline(self, case: Case, happened: datetime) -> Deadline:
        """The deadline after the seller corrects when the case happened: recomputed for the
        policy's kinds, the same wait for the seller's own."""
        if case.kind in SELLER_SET_KINDS:
            wait = self.span(case.clock, case.happened_at, case.due_at).amount
            return self.custom_deadline(happened, wait, case.clock)
        return self.deadline(case.kind, happened)

    def working_days_deadline(self, happened: datetime, days: int, clock: Clock) -> Deadline:
        """The end of the `days`-th working day after `happened` on an office's calendar."""
        schedule = self.schedules.for_clock(clock)
        if schedule is None:
            msg = "working days need a working clock"
            raise ValueError(msg)
        due = schedule.add_working_days(happened, days)
        return Deadline(due, clock, schedule.spans_estimate(happened, due), ())

    def reply_deadline(
        self, fact: DurationFact | DateFact | TimeFact, now: datetime
    ) -> Deadline | None:
        """When a period a manager named (read at `now`), a date or a time falls due, on the
        manager's office calendar; None if it is already past or further ahead than
        `farthest`.

        Working days end at closing time on the n-th working day after today; working hours
        run on office hours; calendar days, hours and weeks are plain time. A date alone is
        due at closing time that day, or on the last working day before it when the office is
        closed that day. A time without a date is its next occurrence on a working day.
        """
        if isinstance(fact, DurationFact):
            deadline = self._period_deadline(fact, now)
        elif isinstance(fact, DateFact):
            deadline = self._date_deadline(fact.day, now)
        else:
            deadline = self._time_deadline(fact, now)
        if deadline is None or deadline.due <= now or deadline.due > self.farthest(now):
            return None
        return deadline

    def farthest(self, now: datetime) -> datetime:
        """The latest deadline a case may have: dates further ahead («до 31.12.9999») are not
        offered, so no count of working days ever runs over a span a message chose."""
        return now + timedelta(days=self.policy.values.max_deadline_days)

    def _date_deadline(self, day: date, now: datetime) -> Deadline | None:
        office = self.schedules.am_office
        if not now.date() - timedelta(days=1) <= day <= self.farthest(now).date():
            return None
        while not office.calendar.is_working_day(day):
            day -= timedelta(days=1)
        due = datetime.combine(day, office.closes, office.zone)
        return Deadline(due, Clock.AM_OFFICE, office.spans_estimate(now, due), AM_CALENDAR_KEYS)

    def _time_deadline(self, fact: TimeFact, now: datetime) -> Deadline | None:
        office = self.schedules.am_office
        due = fact.start
        keys = ("am_timezone",) if fact.zone_source is ZoneSource.ASSUMED else ()
        if fact.dated:
            return Deadline(due, Clock.ELAPSED, False, keys)
        local = due.astimezone(office.zone)
        while due <= now or not office.calendar.is_working_day(local.date()):
            due += timedelta(days=1)
            local = due.astimezone(office.zone)
        return Deadline(due, Clock.ELAPSED, False, keys)

    def _period_deadline(self, fact: DurationFact, now: datetime) -> Deadline | None:
        office = self.schedules.am_office
        # The least calendar time the period can take (a working day is at least a day, a
        # working hour at least an hour of an office day): longer than the horizon is refused
        # before any working day is counted.
        if fact.unit is DurationUnit.WORKING_HOURS:
            office_day = datetime.combine(date.min, office.closes) - datetime.combine(
                date.min, office.opens
            )
            least_days = fact.amount * (HOUR / office_day)
        elif fact.unit is DurationUnit.WORKING_DAYS:
            least_days = fact.amount
        else:
            least_days = fact.amount * (_PLAIN_STEPS[fact.unit] / timedelta(days=1))
        if least_days > self.policy.values.max_deadline_days:
            return None
        if fact.unit is DurationUnit.WORKING_DAYS:
            due = office.add_working_days(now, fact.amount)
        elif fact.unit is DurationUnit.WORKING_HOURS:
            due = office.add_working_hours(now, timedelta(hours=fact.amount))
        else:
            return Deadline(now + fact.amount * _PLAIN_STEPS[fact.unit], Clock.ELAPSED, False, ())
        return Deadline(due, Clock.AM_OFFICE, office.spans_estimate(now, due), AM_CALENDAR_KEYS)

    def _support_start(self, happened: datetime, team: WorkSchedule) -> datetime:
        # The bot's reading of the guide: before the cut-off on a working day the clock starts
        # at once, otherwise on the next working morning.
        local = happened.astimezone(team.zone)
        cutoff = self.policy.values.support_cutoff
        if team.calendar.is_working_day(local.date()) and local.time() < cutoff:
            return happened
        return team.next_working_morning(happened)

    # -- time on the case's clock ---------------------------------------------------------------

    def span(self, clock: Clock, start: datetime, end: datetime) -> ClockSpan:
        """Time from `start` to `end` (zero if not after) on a clock, and on the calendar.

        Counted over at most the deadline horizon (`max_deadline_days`): a case stored with a
        deadline years away reads as a year's time, at the cost of a year's count."""
        horizon = timedelta(days=self.policy.values.max_deadline_days)
        if end - start > horizon:  # (start + horizon could pass the year 9999 otherwise)
            end = start + horizon
        calendar = max(timedelta(0), end - start)
        schedule = self.schedules.for_clock(clock)
        if schedule is None:
            return ClockSpan(calendar, working_time=False, calendar=calendar)
        return ClockSpan(schedule.working_time_between(start, end), True, calendar)

    def remaining(self, case: Case, now: datetime) -> ClockSpan:
        """Time left until the deadline."""
        return self.span(case.clock, now, case.due_at)

    def overdue(self, case: Case, now: datetime) -> ClockSpan:
        """Time past the deadline."""
        return self.span(case.clock, case.due_at, now)

    def waited(self, case: Case, now: datetime) -> ClockSpan:
        """From the event to the answer (or to now, while there is none)."""
        end = case.answered_at if case.answered_at is not None else now
        return self.span(case.clock, case.happened_at, end)

    # -- reminder times --------------------------------------------------------------------------

    def first_reminder(self, due: datetime, now: datetime) -> datetime:
        """At the deadline; a deadline already past is overdue now, never "in the past"."""
        return max(due, now)

    def task_reminders(self, due: datetime, quiet: QuietHours) -> tuple[datetime, ...]:
        """When a deadline the seller must meet is reminded ahead: as the seller wakes (their
        quiet hours end) on the working day before the deadline's day (China's calendar) and
        on that day itself; only the moments before the deadline."""
        day = due.astimezone(quiet.zone).date()
        before = day - timedelta(days=1)
        while not self.schedules.support_team.calendar.is_working_day(before):
            before -= timedelta(days=1)
        return tuple(moment for moment in map(quiet.waking, (before, day)) if moment < due)

    def first_task_reminder(self, due: datetime, now: datetime, quiet: QuietHours) -> datetime:
        """The first reminder of the seller's own deadline: the next one ahead, or the
        deadline itself when none is left."""
        ahead = [moment for moment in self.task_reminders(due, quiet) if moment > now]
        return ahead[0] if ahead else self.first_reminder(due, now)

    def next_nudge(
        self,
        case: Case,
        reminders_sent: int,
        sent_at: datetime,
        quiet: QuietHours | None = None,
    ) -> datetime | None:
        """After a reminder: the next nudge (next working morning on the case's clock, or a day
        later), or None once the policy's extra nudges are used up. A deadline the seller must
        meet is reminded ahead (see `task_reminders`, given the seller's quiet hours), then at
        the deadline, and that push is its last."""
        if case.task is not None:
            if sent_at >= case.due_at:
                return None
            if quiet is None:
                return case.due_at
            return self.first_task_reminder(case.due_at, sent_at, quiet)
        if reminders_sent >= self.policy.values.max_extra_nudges + 1:
            return None
        schedule = self.schedules.for_clock(case.clock)
        if schedule is None:
            return sent_at + ELAPSED_NUDGE_INTERVAL
        return schedule.next_working_morning(sent_at)

    def snoozed_until(self, case: Case, snooze: Snooze, now: datetime) -> datetime | None:
        """An hour from now, or the next opening of the office the case waits on (the AM's
        office for plain-time cases); None while the case is not yet due: its reminder is at
        the deadline, and a snooze only ever moves a reminder later, never before it."""
        if not self.snoozable(case, now):
            return None
        if snooze is Snooze.HOUR:
            return now + SNOOZE_HOUR
        schedule = self.schedules.for_clock(case.clock) or self.schedules.am_office
        if schedule.is_open(now):
            return schedule.next_working_morning(now)
        return schedule.next_opening(now)

    def snoozable(self, case: Case, now: datetime) -> bool:
        """Can "remind me later" be offered (only once the deadline has passed)?"""
        return case.due_at <= now

    def first_reminder_of(
        self, case: Case, due: datetime, now: datetime, quiet: QuietHours
    ) -> datetime:
        """The first reminder of a case's (new) deadline: ahead of it when the deadline is the
        seller's own to meet, at it (or at once if it has passed) otherwise."""
        if case.task is not None:
            return self.first_task_reminder(due, now, quiet)
        return self.first_reminder(due, now)

    def reopened_reminder(self, case: Case, now: datetime, quiet: QuietHours) -> datetime:
        """A reopened case is reminded as a new one: at its deadline (ahead of it for the
        seller's own), or at once if that has passed."""
        return self.first_reminder_of(case, case.due_at, now, quiet)

    def resumed_reminder(self, case: Case, now: datetime, quiet: QuietHours) -> datetime | None:
        """The seller unblocked the bot: a case never reminded is reminded as a new one (at
        once if its deadline has passed); one already reminded goes on with its next nudge, if
        any is left (so coming back does not bring a burst of repeated pushes)."""
        if case.nudges == 0:
            return self.first_reminder_of(case, case.due_at, now, quiet)
        return self.next_nudge(case, case.nudges, now, quiet)
