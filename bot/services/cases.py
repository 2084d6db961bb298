"""Cases: their kinds, states, timeline events and clocks, and when the answer to each is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.services.policy import PolicyValues
from bot.services.working_time import WorkCalendar, WorkSchedule


class CaseKind(StrEnum):
    """What the seller did and is now waiting on."""

    AM_ASSIGNMENT = "assign"
    AM_MESSAGE = "am_msg"
    SUPPORT_EMAIL = "email"
    COMPLEX_HANDOVER = "complex"
    MISSING_AM = "missing"
    ESCALATION = "escal"
    INDIVIDUAL_APPLICATION = "indiv"
    CUSTOM = "custom"


class CaseStatus(StrEnum):
    """Where a case stands."""

    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


class CaseEvent(StrEnum):
    """Timeline entries."""

    RECORDED = "recorded"
    REMINDED = "reminded"
    SNOOZED = "snoozed"
    EMAIL = "email"
    ANSWERED = "answered"
    CLOSED = "closed"
    REOPENED = "reopened"


class Clock(StrEnum):
    """Which clock a deadline runs on."""

    ELAPSED = "elapsed"  # plain hours, day and night
    AM_OFFICE = "am"  # the AM's working hours and calendar
    SUPPORT_TEAM = "support"  # the China support team's working hours and calendar


@dataclass(frozen=True)
class Deadline:
    """When an answer is due, on which clock, and whether the calendar is an estimate."""

    due: datetime
    clock: Clock
    estimate: bool
    # The policy values the deadline rests on (for the source line).
    policy_keys: tuple[str, ...]


@dataclass(frozen=True)
class Schedules:
    """The two working clocks, built once from the policy."""

    am_office: WorkSchedule
    support_team: WorkSchedule

    @classmethod
    def from_policy(cls, policy: PolicyValues) -> Schedules:
        """Calendars, zones and hours as the policy defines them."""
        return cls(
            am_office=WorkSchedule(
                WorkCalendar(policy.am_calendar),
                policy.am_timezone,
                policy.am_hours_start,
                policy.am_hours_end,
            ),
            support_team=WorkSchedule(
                WorkCalendar(policy.support_calendar),
                policy.support_timezone,
                policy.support_hours_start,
                policy.support_hours_end,
            ),
        )

    def for_clock(self, clock: Clock) -> WorkSchedule | None:
        """The working schedule behind a clock (None for elapsed time)."""
        return {Clock.AM_OFFICE: self.am_office, Clock.SUPPORT_TEAM: self.support_team}.get(clock)


def _support_start(happened: datetime, policy: PolicyValues, team: WorkSchedule) -> datetime:
    """Before the cut-off on a working day the clock starts at once, else next working morning."""
    local = happened.astimezone(team.zone)
    if team.calendar.is_working_day(local.date()) and local.time() < policy.support_cutoff:
        return happened
    return team.next_working_morning(happened)


def compute_deadline(
    kind: CaseKind, happened: datetime, policy: PolicyValues, schedules: Schedules
) -> Deadline:
    """When the reply to a case is due (not for CUSTOM: the seller sets that one)."""
    hours = timedelta(hours=1)
    am, team = schedules.am_office, schedules.support_team
    if kind is CaseKind.AM_ASSIGNMENT:
        due = happened + policy.am_assignment_hours * hours
        return Deadline(due, Clock.ELAPSED, False, ("am_assignment_hours", "min_compliant_skus"))
    if kind is CaseKind.COMPLEX_HANDOVER:
        due = happened + policy.complex_handover_hours * hours
        return Deadline(due, Clock.ELAPSED, False, ("complex_handover_hours",))
    if kind is CaseKind.AM_MESSAGE:
        due = am.add_working_hours(happened, policy.am_first_response_hours * hours)
        keys: tuple[str, ...] = ("am_first_response_hours", "am_hours_start", "am_hours_end")
        return Deadline(due, Clock.AM_OFFICE, am.spans_estimate(happened, due), keys)
    if kind is CaseKind.ESCALATION:
        due = am.add_working_hours(happened, policy.escalation_response_hours * hours)
        keys = ("escalation_response_hours", "am_hours_start", "am_hours_end")
        return Deadline(due, Clock.AM_OFFICE, am.spans_estimate(happened, due), keys)
    if kind in {CaseKind.SUPPORT_EMAIL, CaseKind.MISSING_AM}:
        reply_hours = (
            policy.support_reply_hours
            if kind is CaseKind.SUPPORT_EMAIL
            else policy.missing_am_reply_hours
        )
        start = _support_start(happened, policy, team)
        due = team.add_working_hours(start, reply_hours * hours)
        keys = (
            "support_reply_hours" if kind is CaseKind.SUPPORT_EMAIL else "missing_am_reply_hours",
            "support_cutoff",
        )
        return Deadline(due, Clock.SUPPORT_TEAM, team.spans_estimate(happened, due), keys)
    if kind is CaseKind.INDIVIDUAL_APPLICATION:
        due = team.add_working_days(happened, policy.individual_review_working_days)
        keys = ("individual_review_working_days",)
        return Deadline(due, Clock.SUPPORT_TEAM, team.spans_estimate(happened, due), keys)
    msg = f"{kind} has no computed deadline"
    raise ValueError(msg)
