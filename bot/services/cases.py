"""Cases: their kinds, states, timeline events and clocks, the case itself, the two working
schedules its deadlines run on. When things are due is decided in `case_rules`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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
    OWN_TASK = "task"  # something the seller must do by a deadline (from a manager's reply)


# Kinds whose deadline the seller sets (or a manager's reply gives), not the policy.
SELLER_SET_KINDS = frozenset({CaseKind.CUSTOM, CaseKind.OWN_TASK})


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
    FOLLOWED_UP = "followed_up"  # the follow-up letter was sent: the wait starts again
    ANSWERED = "answered"
    CLOSED = "closed"
    REOPENED = "reopened"
    EDITED = "edited"


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
class Case:
    """One thing the seller did and is waiting on."""

    id: int
    user_id: int
    kind: CaseKind
    happened_at: datetime
    due_at: datetime
    clock: Clock
    estimate: bool
    note: str | None
    status: CaseStatus
    answered_at: datetime | None
    nudges: int
    # What the seller must do by the deadline (None: the seller waits for a reply).
    task: str | None = None
    # The request number the other side gave («Заявка №…»).
    reference: str | None = None


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
