"""Figures for /stats: answered cases (for the medians) and operator totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.services.cases import CaseKind, Clock
from bot.services.clock import from_epoch, to_epoch
from bot.services.response_times import AnsweredCase


@dataclass(frozen=True)
class Totals:
    """What an operator sees."""

    users: int
    active_users: int
    open_cases: int
    overdue_cases: int
    reminders_sent: int
    reminders_failed: int


class StatsRepository:
    """Read-only queries over answered cases and reminders."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db

    async def answered(self, user_id: int | None = None) -> list[AnsweredCase]:
        """Answered cases (one seller's, or everyone's) with their two moments."""
        query = (
            "SELECT kind, user_id, clock, happened_at, answered_at FROM cases "
            "WHERE answered_at IS NOT NULL AND answered_at >= happened_at"
        )
        params: tuple[int, ...] = ()
        if user_id is not None:
            query += " AND user_id = ?"
            params = (user_id,)
        async with self._db.execute(query, params) as cursor:
            rows = await cursor.fetchall()
        return [
            AnsweredCase(
                CaseKind(row[0]), row[1], Clock(row[2]), from_epoch(row[3]), from_epoch(row[4])
            )
            for row in rows
        ]

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
