"""/export and /delete against the schema itself: every table that can hold a user's rows is
exported and erased, and erased rows leave no readable trace in the database files.

Which tables hold a user's rows is worked out from the schema (a `user_id` column, the users
table, or a foreign key to a table that holds them), not from the list the code uses, so a
new table is covered by these tests before anyone remembers to add it there.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiosqlite
import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.db.case_repository import CaseRepository
from bot.db.connection import Database, open_database
from bot.db.fsm_storage import SQLiteStorage
from bot.db.privacy_queries import export_user_data
from bot.db.user_repository import UserRepository
from bot.services.cases import CaseEvent, CaseKind, Clock, Deadline
from bot.services.profile import ProfileField

SELLER, NEIGHBOUR = 71, 72
MARKER = "ZQXJ-secret-company"
# Tables that hold no user's rows, each with the reason. Empty today.
NOT_USER_DATA: dict[str, str] = {}


async def user_tables(db: aiosqlite.Connection) -> dict[str, str]:
    """Each table that holds users' rows, with the condition selecting one user's (one `?`)."""
    async with db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ) as cursor:
        tables = [row[0] for row in await cursor.fetchall()]
    found: dict[str, str] = {}
    changed = True
    while changed:
        changed = False
        for table in tables:
            if table in found:
                continue
            condition = await _link(db, table, found)
            if condition is not None:
                found[table] = condition
                changed = True
    unlinked = set(tables) - set(found) - set(NOT_USER_DATA)
    assert not unlinked, f"tables whose owner cannot be told from the schema: {unlinked}"
    return found


async def _link(db: aiosqlite.Connection, table: str, found: dict[str, str]) -> str | None:
    if table == "users":
        return "id = ?"
    async with db.execute(f"PRAGMA table_info({table})") as cursor:
        columns = {row[1] for row in await cursor.fetchall()}
    if "user_id" in columns:
        return "user_id = ?"
    async with db.execute(f"PRAGMA foreign_key_list({table})") as cursor:
        keys = [(row[2], row[3], row[4]) for row in await cursor.fetchall()]
    for parent, column, parent_column in keys:
        if parent in found:
            return f"{column} IN (SELECT {parent_column} FROM {parent} WHERE {found[parent]})"
    return None


async def rows_of(db: aiosqlite.Connection, user_id: int) -> dict[str, int]:
    """How many rows each table holds for the user, by the schema's own links."""
    counts = {}
    for table, condition in (await user_tables(db)).items():
        async with db.execute(f"SELECT count(*) FROM {table} WHERE {condition}", (user_id,)) as c:
            row = await c.fetchone()
        assert row is not None
        counts[table] = int(row[0])
    return counts


async def fill(database: Database, user_id: int) -> None:
    """A seller who used everything that stores something."""
    db = database.connection
    users, cases = UserRepository(db), CaseRepository(db)
    now = datetime(2026, 11, 30, 6, 0, tzinfo=UTC)
    await users.ensure(user_id, user_id, "zh-hans")
    await users.set_field(user_id, ProfileField.COMPANY_NAME, f"{MARKER}-{user_id}")
    await SQLiteStorage(db).update_data(
        StorageKey(bot_id=1, chat_id=user_id, user_id=user_id), {"draft": f"{MARKER}-fsm"}
    )
    deadline = Deadline(now, Clock.ELAPSED, False, ())
    case = await cases.create(
        user_id, CaseKind.AM_MESSAGE, now - timedelta(hours=3), deadline, MARKER, now, now
    )
    await cases.record_event(case, CaseEvent.EMAIL, now)
    (claimed,) = [r for r in await cases.claim_due(now, 10) if r.case.user_id == user_id]
    await cases.mark_sent(claimed, now, now + timedelta(days=1))


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    opened = await open_database(tmp_path / "bot.sqlite3")
    await fill(opened, SELLER)
    await fill(opened, NEIGHBOUR)
    try:
        yield opened
    finally:
        await opened.close()


async def test_every_table_holding_user_rows_is_filled_by_the_test(database: Database) -> None:
    counts = await rows_of(database.connection, SELLER)
    assert all(counts.values()), f"a table the test does not fill: {counts}"


async def test_export_holds_every_row_of_every_table_and_nobody_elses(
    database: Database,
) -> None:
    export = await export_user_data(database.connection, SELLER)
    counts = await rows_of(database.connection, SELLER)
    assert {table: len(rows) for table, rows in export.items()} == counts
    assert str(NEIGHBOUR) not in str(export["users"])
    # A wizard's answers read as data, not as a string of escaped JSON.
    assert [row["data"] for row in export["fsm_state"]] == [{"draft": f"{MARKER}-fsm"}]


async def test_delete_leaves_no_row_and_spares_the_neighbour(database: Database) -> None:
    neighbour_before = await rows_of(database.connection, NEIGHBOUR)
    await UserRepository(database.connection).delete(SELLER)
    assert set((await rows_of(database.connection, SELLER)).values()) == {0}
    assert await rows_of(database.connection, NEIGHBOUR) == neighbour_before


def file_bytes(path: Path) -> bytes:
    """The database file and its write-ahead log, as a disk reader would see them."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


async def test_erased_rows_leave_no_trace_in_the_files(database: Database, tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    seller_marker = f"{MARKER}-{SELLER}".encode()
    assert seller_marker in file_bytes(path)  # the check below could fail
    await UserRepository(database.connection).delete(SELLER)
    # Read while the bot still runs: closing would checkpoint and hide a lingering WAL.
    assert seller_marker not in file_bytes(path)
    assert f"{MARKER}-{NEIGHBOUR}".encode() in file_bytes(path)
