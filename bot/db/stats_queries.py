"""Figures for /stats: a seller's own response times, community medians, operator totals."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

import aiosqlite

from bot.services.cases import CaseKind
from bot.services.clock import to_epoch


@dataclass(frozen=True)
class KindFigures:
    """Response times of one case kind."""

    median: timedelta
    count: int
    sellers: int


@dataclass(frozen=True)
class Totals:
    """What an operator sees."""

    users: int
    active_users: int
    open_cases: int
    overdue_cases: int
    reminders_sent: int
    reminders_failed: int


def _figures(rows: list[tuple[str, int, int]]) -> dict[CaseKind, KindFigures]:
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for kind, user_id, seconds in rows:
        by_kind.setdefault(kind, []).append((user_id, seconds))
    return {
        CaseKind(kind): KindFigures(
            median=timedelta(seconds=statistics.median(seconds for _, seconds in values)),
            count=len(values),
            sellers=len({user for user, _ in values}),
        )
        for kind, values in by_kind.items()
    }


class StatsRepository:
    """Read-only queries over answered cases and reminders."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def response_times(self, user_id: int | None = None) -> dict[CaseKind, KindFigures]:
        """Median time from sending to the answer, per kind (one seller, or everyone)."""
        query = (
            "SELECT kind, user_id, answered_at - happened_at FROM cases "
            "WHERE answered_at IS NOT NULL AND answered_at >= happened_at"
        )
        params: tuple[int, ...] = ()
        if user_id is not None:
            query += " AND user_id = ?"
            params = (user_id,)
        async with self._db.execute(query, params) as cursor:
            rows = [(row[0], row[1], row[2]) for row in await cursor.fetchall()]
        return _figures(rows)

    async def totals(self, now: datetime) -> Totals:
        """Users, cases and reminders, counted for the operator."""
        async with self._db.execute(
            "SELECT (SELECT count(*) FROM users), "
            "(SELECT count(*) FROM users WHERE active = 1), "
            "(SELECT count(*) FROM cases WHERE status = 'open'), "
            "(SELECT count(*) FROM cases WHERE status = 'open' AND due_at < ?), "
            "(SELECT count(*) FROM reminders WHERE state = 'sent'), "
            "(SELECT count(*) FROM reminders WHERE state = 'failed')",
            (to_epoch(now),),
        ) as cursor:
            row = await cursor.fetchone()
        assert row is not None
        return Totals(*row)
