"""Preparing a bot database before the process starts: users with overdue cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.db.case_repository import CaseRepository
from bot.db.connection import open_database
from bot.db.user_repository import UserRepository
from bot.services.cases import CaseKind, Clock, Deadline

FIRST_SELLER = 500_000


async def seed_overdue_cases(
    database: Path, sellers: int, per_seller: int = 1, first: int = FIRST_SELLER
) -> list[int]:
    """`per_seller` overdue AM-message cases per seller (plain-hour clock: no nudge soon
    after), seller by seller; returns the sellers' ids."""
    database.parent.mkdir(parents=True, exist_ok=True)
    opened = await open_database(database)
    users = UserRepository(opened.connection)
    cases = CaseRepository(opened.connection)
    now = datetime.now(UTC)
    ids = list(range(first, first + sellers))
    happened = now - timedelta(hours=5)
    deadline = Deadline(now - timedelta(hours=1), Clock.ELAPSED, False, ())
    try:
        for user_id in ids:
            await users.ensure(user_id, user_id)
            for _ in range(per_seller):
                await cases.create(
                    user_id, CaseKind.AM_MESSAGE, happened, deadline, None, happened, deadline.due
                )
    finally:
        await opened.close()
    return ids
