"""Everything stored about one user, for /export and to prove /delete left nothing."""

from __future__ import annotations

import json
from typing import Any

import aiosqlite

# Each table holding a user's rows, with the condition that selects them (one parameter: the
# user id). Deletion relies on ON DELETE CASCADE from `users`; the export reads each table.
USER_ROWS: dict[str, str] = {
    "users": "id = ?",
    "fsm_state": "user_id = ?",
    "cases": "user_id = ?",
    "case_events": "case_id IN (SELECT id FROM cases WHERE user_id = ?)",
    "reminders": "user_id = ?",
}


async def export_user_data(db: aiosqlite.Connection, user_id: int) -> dict[str, Any]:
    """Every row of every table that belongs to the user, as plain JSON values."""
    export: dict[str, Any] = {}
    for table, condition in USER_ROWS.items():
        async with db.execute(
            f"SELECT * FROM {table} WHERE {condition} ORDER BY rowid",
            (user_id,),
        ) as cursor:
            rows = await cursor.fetchall()
        export[table] = [_plain(dict(row)) for row in rows]
    return export


async def count_user_rows(db: aiosqlite.Connection, user_id: int) -> int:
    """How many rows anywhere still belong to the user (0 after /delete)."""
    return sum(len(rows) for rows in (await export_user_data(db, user_id)).values())


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    if isinstance(row.get("data"), str):
        row["data"] = json.loads(row["data"])
    return row
