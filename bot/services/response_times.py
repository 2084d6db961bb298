"""How long answers took, per kind of case: medians on each kind's own clock."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.services.case_rules import CaseRules
from bot.services.cases import CaseKind, Clock


@dataclass(frozen=True)
class AnsweredCase:
    """When a case was sent and when its answer came, as far as a median needs."""

    kind: CaseKind
    user_id: int
    clock: Clock
    happened_at: datetime
    answered_at: datetime


@dataclass(frozen=True)
class KindFigures:
    """Response times of one kind: the median on the kind's clock, how many, from how many
    sellers."""

    median: timedelta
    working_time: bool
    count: int
    sellers: int


def response_figures(
    answered: Iterable[AnsweredCase], rules: CaseRules
) -> dict[CaseKind, KindFigures]:
    """Medians per kind, each wait counted on the case's clock (working time where it is), so
    they compare with the policy's targets."""
    by_kind: dict[CaseKind, list[tuple[int, timedelta, bool]]] = {}
    for case in answered:
        span = rules.span(case.clock, case.happened_at, case.answered_at)
        by_kind.setdefault(case.kind, []).append((case.user_id, span.amount, span.working_time))
    return {
        kind: KindFigures(
            median=timedelta(
                seconds=statistics.median(amount.total_seconds() for _, amount, _w in waits)
            ),
            working_time=all(working for _, _amount, working in waits),
            count=len(waits),
            sellers=len({user for user, _amount, _working in waits}),
        )
        for kind, waits in by_kind.items()
    }
