"""Deadlines per case kind, on the calendar and clock the policy names."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.services.cases import SELLER_SET_KINDS, CaseKind, Clock
from tests.support.moments import bj
from tests.support.rules import RULES


@pytest.mark.parametrize(
    ("kind", "happened", "due", "clock"),
    [
        # 2 working hours, Moscow 09:00–18:00 (= 14:00–23:00 Beijing)
        (CaseKind.AM_MESSAGE, bj(2026, 11, 26, 15, 10), bj(2026, 11, 26, 17, 10), Clock.AM_OFFICE),
        (CaseKind.AM_MESSAGE, bj(2026, 11, 26, 22, 30), bj(2026, 11, 27, 15, 30), Clock.AM_OFFICE),
        (CaseKind.AM_MESSAGE, bj(2026, 11, 3, 22, 0), bj(2026, 11, 5, 15, 0), Clock.AM_OFFICE),
        (CaseKind.ESCALATION, bj(2026, 11, 27, 23, 0), bj(2026, 11, 30, 16, 0), Clock.AM_OFFICE),
        # China team: before 16:00 → 2 h; after → next working morning + 2 h
        (
            CaseKind.SUPPORT_EMAIL,
            bj(2026, 11, 26, 15, 10),
            bj(2026, 11, 26, 17, 10),
            Clock.SUPPORT_TEAM,
        ),
        (
            CaseKind.SUPPORT_EMAIL,
            bj(2026, 11, 26, 16, 5),
            bj(2026, 11, 27, 11, 0),
            Clock.SUPPORT_TEAM,
        ),
        # the cut-off itself: 15:59 is before it, 16:00 is not
        (
            CaseKind.SUPPORT_EMAIL,
            bj(2026, 11, 26, 15, 59),
            bj(2026, 11, 26, 17, 59),
            Clock.SUPPORT_TEAM,
        ),
        (
            CaseKind.SUPPORT_EMAIL,
            bj(2026, 11, 26, 16, 0),
            bj(2026, 11, 27, 11, 0),
            Clock.SUPPORT_TEAM,
        ),
        (
            CaseKind.SUPPORT_EMAIL,
            bj(2026, 11, 28, 10, 0),
            bj(2026, 11, 30, 11, 0),
            Clock.SUPPORT_TEAM,
        ),
        (
            CaseKind.SUPPORT_EMAIL,
            bj(2026, 9, 19, 20, 0),
            bj(2026, 9, 20, 11, 0),
            Clock.SUPPORT_TEAM,
        ),  # make-up Sunday counts
        (CaseKind.MISSING_AM, bj(2026, 9, 30, 17, 0), bj(2026, 10, 8, 11, 0), Clock.SUPPORT_TEAM),
        (
            CaseKind.INDIVIDUAL_APPLICATION,
            bj(2026, 11, 27, 10, 0),
            bj(2026, 12, 4, 18, 0),
            Clock.SUPPORT_TEAM,
        ),
        # elapsed hours
        (CaseKind.AM_ASSIGNMENT, bj(2026, 11, 27, 10, 0), bj(2026, 11, 30, 10, 0), Clock.ELAPSED),
        (
            CaseKind.COMPLEX_HANDOVER,
            bj(2026, 11, 27, 10, 0),
            bj(2026, 11, 29, 10, 0),
            Clock.ELAPSED,
        ),
    ],
)
def test_deadline(kind: CaseKind, happened: datetime, due: datetime, clock: Clock) -> None:
    deadline = RULES.deadline(kind, happened)
    assert deadline.due == due and deadline.clock is clock
    assert not deadline.estimate


def test_undecreed_year_is_an_estimate() -> None:
    deadline = RULES.deadline(CaseKind.SUPPORT_EMAIL, bj(2027, 3, 2, 10, 0))
    assert deadline.estimate
    deadline = RULES.deadline(CaseKind.AM_MESSAGE, bj(2027, 3, 2, 15, 0))
    assert not deadline.estimate  # Russia's 2027 decree is known


def test_custom_has_no_computed_deadline() -> None:
    with pytest.raises(ValueError, match="no computed deadline"):
        RULES.deadline(CaseKind.CUSTOM, bj(2026, 11, 27, 10, 0))


def test_every_deadline_is_after_the_event() -> None:
    start = bj(2026, 12, 25, 0, 0)
    for kind in CaseKind:
        if kind in SELLER_SET_KINDS:
            continue
        for hour in range(0, 24 * 14, 5):
            happened = start + timedelta(hours=hour)
            assert RULES.deadline(kind, happened).due > happened
