"""Case rules on the shipped policy, and cases built in memory for the rules to judge."""

from __future__ import annotations

from datetime import datetime

from bot.content.policy_loader import load_policy
from bot.services.case_rules import CaseRules
from bot.services.cases import Case, CaseKind, CaseStatus, Clock, Schedules

POLICY = load_policy()
RULES = CaseRules(POLICY, Schedules.from_policy(POLICY.values))


def case_on(
    clock: Clock,
    due: datetime,
    happened: datetime | None = None,
    kind: CaseKind = CaseKind.AM_MESSAGE,
    answered: datetime | None = None,
) -> Case:
    """An open case (answered when `answered` is given) that only the rules will look at."""
    return Case(
        id=1,
        user_id=1,
        kind=kind,
        happened_at=happened or due,
        due_at=due,
        clock=clock,
        estimate=False,
        note=None,
        status=CaseStatus.ANSWERED if answered else CaseStatus.OPEN,
        answered_at=answered,
        nudges=0,
    )
