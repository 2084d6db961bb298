"""The SQLite layer against real database files: migrations, wizard state, the owner lock."""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import aiosqlite
import pytest
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey

from bot.__main__ import main
from bot.db.case_repository import CaseRepository
from bot.db.connection import DatabaseError, database_owned, open_database
from bot.db.fsm_storage import SQLiteStorage
from bot.db.migrations import LATEST_VERSION, MIGRATIONS, migrate, schema_version
from bot.db.privacy_queries import count_user_rows
from bot.db.user_repository import UserRepository
from bot.services.cases import CaseKind, Clock, Deadline
from bot.services.profile import ProfileField
from tests.support.moments import FIXED_MOMENTS, MOMENT_IDS, MOMENTS


async def scalar(db: aiosqlite.Connection, sql: str) -> object:
    """The single value a query returns."""
    async with db.execute(sql) as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return row[0]


async def table_columns(db: aiosqlite.Connection) -> dict[str, list[str]]:
    """Every table with its columns, to compare schemas."""
    async with db.execute("SELECT name FROM sqlite_master WHERE type = 'table'") as cursor:
        tables = sorted(row[0] for row in await cursor.fetchall())
    result = {}
    for table in tables:
        async with db.execute(f"PRAGMA table_info({table})") as cursor:
            result[table] = [row[1] for row in await cursor.fetchall()]
    return result


async def test_empty_file_migrates_to_latest(tmp_path: Path) -> None:
    database = await open_database(tmp_path / "a" / "bot.sqlite3")
    try:
        assert await schema_version(database.connection) == LATEST_VERSION
        assert await scalar(database.connection, "PRAGMA journal_mode") == "wal"
        assert await scalar(database.connection, "PRAGMA foreign_keys") == 1
    finally:
        await database.close()


@pytest.mark.parametrize("start", range(LATEST_VERSION))
async def test_every_earlier_version_migrates_to_the_same_schema(
    tmp_path: Path, start: int
) -> None:
    async with aiosqlite.connect(tmp_path / "fresh.sqlite3") as fresh:
        await migrate(fresh)
        expected = await table_columns(fresh)
    async with aiosqlite.connect(tmp_path / "old.sqlite3") as old:
        await migrate(old, target=start)
        assert await schema_version(old) == start
        if start >= 1:
            await old.execute(
                "INSERT INTO users (id, chat_id, seller_id, created_at, updated_at) "
                "VALUES (1, 1, '77', 'x', 'x')"
            )
            await old.commit()
    database = await open_database(tmp_path / "old.sqlite3")
    try:
        assert await table_columns(database.connection) == expected
        if start >= 1:
            user = await UserRepository(database.connection).get(1)
            assert user is not None and user.seller_id == "77"
    finally:
        await database.close()


# Each released migration's SHA-256: a database already at that version never runs it again, so
# editing one would leave old and new databases with different schemas. Append instead.
RELEASED = (
    "b536af4b36ce82f82138aebe9a3bdb040baefa615479c08a27340713d2405574",
    "ff9b9aca34c3cdc3314f578e8441ab7972ce7b8b703a1c130a7f538dbec332fc",
    "e81bf872fa710f05cb86cb4f414b2b9e864bae3090fb36a799b65a5adf745a65",
    "70e256fa1ec6c2806093509dfa6979bbaf2130c2a00f4d583ea8bc8a292eb811",
    "4e434a8a581836b3e916b7dcc720322be3ac108f934a0862e13318a0d706b1f1",  # 5: contact_name
)


def test_migrations_are_append_only_scripts() -> None:
    assert LATEST_VERSION == len(MIGRATIONS) >= 1
    assert all("CREATE" in script or "ALTER" in script for script in MIGRATIONS)
    digests = tuple(hashlib.sha256(script.encode()).hexdigest() for script in MIGRATIONS)
    assert digests[: len(RELEASED)] == RELEASED, "a released migration was edited"


# SHA-256 of each released migration. A database in use has run them: a change to one would
# never reach it. Append the hash of a new migration when it is released; never edit these.
RELEASED_MIGRATIONS = (
    "b536af4b36ce82f82138aebe9a3bdb040baefa615479c08a27340713d2405574",
    "ff9b9aca34c3cdc3314f578e8441ab7972ce7b8b703a1c130a7f538dbec332fc",
    "e81bf872fa710f05cb86cb4f414b2b9e864bae3090fb36a799b65a5adf745a65",
    "70e256fa1ec6c2806093509dfa6979bbaf2130c2a00f4d583ea8bc8a292eb811",
)


@pytest.mark.parametrize("version", range(len(RELEASED_MIGRATIONS)))
def test_released_migrations_are_never_edited(version: int) -> None:
    script = MIGRATIONS[version]
    assert hashlib.sha256(script.encode()).hexdigest() == RELEASED_MIGRATIONS[version], (
        f"migration {version + 1} was released and must not change; append a new one instead"
    )


async def test_second_owner_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    first = await open_database(path)
    try:
        with pytest.raises(DatabaseError, match="another bot process"):
            await open_database(path)
    finally:
        await first.close()
    second = await open_database(path)
    await second.close()


async def test_a_symlink_does_not_make_a_second_owner(tmp_path: Path) -> None:
    real = tmp_path / "real" / "bot.sqlite3"
    real.parent.mkdir()
    (tmp_path / "linked-file.sqlite3").symlink_to(real)
    (tmp_path / "linked-folder").symlink_to(real.parent, target_is_directory=True)
    first = await open_database(tmp_path / "linked-file.sqlite3")
    try:
        for other in (real, tmp_path / "linked-folder" / "bot.sqlite3"):
            try:
                second = await open_database(other)
            except DatabaseError as error:
                assert "another bot process" in str(error)
            else:
                await second.close()
                pytest.fail(f"{other} became a second owner")
        assert database_owned(tmp_path / "linked-folder" / "bot.sqlite3")
    finally:
        await first.close()


async def test_a_hard_link_does_not_make_a_second_owner(tmp_path: Path) -> None:
    # Bug caught: a lock found by the path's name; a hard link in another folder names no
    # common path, so a second process would write through its own WAL and the data diverge.
    real = tmp_path / "real" / "bot.sqlite3"
    other = tmp_path / "other" / "copy.sqlite3"
    real.parent.mkdir()
    other.parent.mkdir()
    first = await open_database(real)
    try:
        os.link(real, other)
        with pytest.raises(DatabaseError, match="another bot process"):
            await open_database(other)
        assert database_owned(other)
    finally:
        await first.close()


async def test_a_folder_as_database_path_is_one_line(tmp_path: Path) -> None:
    # Bug caught: SQLite was asked to open the folder; its worker thread then printed a
    # traceback after the one line, once the event loop had closed.
    with pytest.raises(DatabaseError) as raised:
        await open_database(tmp_path)
    assert (
        str(raised.value) == f"{tmp_path} is a folder; set DATABASE_PATH to a file name inside it"
    )


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """The file read-only even for root (which ignores the mode bits): immutable then."""
    path.chmod(0o444)
    as_root = os.geteuid() == 0
    if as_root:
        subprocess.run(["chattr", "+i", str(path)], check=True)
    try:
        yield
    finally:
        if as_root:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o644)


async def test_a_read_only_database_stops_the_start_in_one_line(tmp_path: Path) -> None:
    # Bug caught: SQLite opens a file it may not write read-only without a word; the first
    # write (the scheduler's, at start-up) then ended in a traceback and exit status 1.
    path = tmp_path / "bot.sqlite3"
    await (await open_database(path)).close()
    with read_only(path), pytest.raises(DatabaseError) as raised:
        database = await open_database(path)
        await database.close()
    assert (
        str(raised.value)
        == f"cannot write {path}: read-only; make the file and its folder writable"
    )


async def test_a_database_another_program_writes_stops_the_start_in_one_line(
    tmp_path: Path,
) -> None:
    # Bug caught: in WAL mode the start only reads, so another program's write lock showed
    # at the first write after start-up, as a traceback.
    path = tmp_path / "bot.sqlite3"
    await (await open_database(path)).close()
    with sqlite3.connect(path, isolation_level=None) as writer:
        writer.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseError) as raised:
            database = await open_database(path, busy_timeout_ms=50)
            await database.close()
        writer.execute("ROLLBACK")
    assert str(raised.value) == f"{path} is locked by another program; close it and start again"


def damaged_database(path: Path) -> None:
    """A database whose header is intact and whose table pages are overwritten."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        db.executemany("INSERT INTO notes (body) VALUES (?)", [("x" * 200,)] * 200)
    page_size = 4096
    with path.open("r+b") as file:
        file.seek(2 * page_size)
        file.write(b"\xa5" * (4 * page_size))


async def test_damaged_pages_stop_the_start_in_one_line(tmp_path: Path) -> None:
    # Bug caught: only the header was read at start; every update then failed.
    path = tmp_path / "bot.sqlite3"
    damaged_database(path)
    with pytest.raises(DatabaseError) as raised:
        database = await open_database(path)
        await database.close()
    message = str(raised.value)
    assert message.startswith(f"{path} is damaged (") and "\n" not in message
    assert message.endswith(
        "restore it from a backup or move it away to start with an empty database"
    )


def test_the_health_check_reports_damaged_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Bug caught: the health check asked only whether the file was owned, so a bot failing
    # every update on a damaged file was reported healthy.
    path = tmp_path / "bot.sqlite3"
    damaged_database(path)
    monkeypatch.setenv("DATABASE_PATH", str(path))
    with path.open("rb") as owner:
        fcntl.flock(owner, fcntl.LOCK_EX)  # the bot process owning the file
        status = main(["health"])
    assert status == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"Unhealthy: {path} is damaged (")


class Wizard(StatesGroup):
    step = State()


async def test_wizard_state_survives_reopen_and_clears_to_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    key = StorageKey(bot_id=1, chat_id=5, user_id=5)
    database = await open_database(path)
    storage = SQLiteStorage(database.connection)
    await storage.set_state(key, Wizard.step)
    await storage.update_data(key, {"sku": 3, "name": "北京 <&>"})
    await database.close()

    database = await open_database(path)
    storage = SQLiteStorage(database.connection)
    try:
        assert await storage.get_state(key) == "Wizard:step"
        assert await storage.get_data(key) == {"sku": 3, "name": "北京 <&>"}
        await storage.set_state(key, None)
        await storage.set_data(key, {})
        assert await scalar(database.connection, "SELECT count(*) FROM fsm_state") == 0
    finally:
        await database.close()


async def test_wizard_data_is_a_copy_until_saved(tmp_path: Path) -> None:
    database = await open_database(tmp_path / "bot.sqlite3")
    storage = SQLiteStorage(database.connection)
    key = StorageKey(bot_id=1, chat_id=6, user_id=6)
    try:
        given = {"answers": {"sku": 3}}
        await storage.set_data(key, given)
        given["answers"]["sku"] = 99
        data = await storage.get_data(key)
        data["answers"]["sku"] = 50
        assert await storage.get_data(key) == {"answers": {"sku": 3}}
    finally:
        await database.close()


async def test_user_fields_round_trip_and_cascade(tmp_path: Path) -> None:
    database = await open_database(tmp_path / "bot.sqlite3")
    users = UserRepository(database.connection)
    try:
        await users.ensure(9, 9)
        await users.set_field(9, ProfileField.SKU_COUNT, 12)
        await users.set_field(9, "locale", "en")
        user = await users.get(9)
        assert user is not None and user.sku_count == 12 and user.locale == "en"
        with pytest.raises(ValueError):
            await users.set_field(9, "id; DROP TABLE users", 1)
        await users.set_active(9, active=False)
        user = await users.ensure(9, 9)
        assert user.active
        await users.delete(9)
        assert await users.get(9) is None
    finally:
        await database.close()


@pytest.mark.parametrize("now", MOMENTS, ids=MOMENT_IDS)
async def test_push_finishing_after_delete_leaves_nothing(tmp_path: Path, now: datetime) -> None:
    database = await open_database(tmp_path / "bot.sqlite3")
    users, cases = UserRepository(database.connection), CaseRepository(database.connection)
    try:
        await users.ensure(3, 3)
        deadline = Deadline(now - timedelta(minutes=1), Clock.ELAPSED, False, ())
        await cases.create(
            3, CaseKind.AM_MESSAGE, now - timedelta(hours=1), deadline, None, now, deadline.due
        )
        (claimed,) = await cases.claim_due(now, 10)
        await users.delete(3)  # the seller erases their data while the push is in flight
        await cases.mark_sent(claimed, now, next_nudge=now + timedelta(days=1))
        assert await count_user_rows(database.connection, 3) == 0
    finally:
        await database.close()


async def test_scheduler_and_start_up_queries_never_read_every_reminder(tmp_path: Path) -> None:
    database = await open_database(tmp_path / "bot.sqlite3")
    cases = CaseRepository(database.connection)
    statements: list[str] = []
    try:
        await UserRepository(database.connection).ensure(5, 5)
        now = FIXED_MOMENTS["monday-0600-utc"]
        deadline = Deadline(now, Clock.ELAPSED, False, ())
        case = await cases.create(5, CaseKind.AM_MESSAGE, now, deadline, None, now, now)
        await database.connection.set_trace_callback(statements.append)
        await cases.recover_claimed()
        await cases.due(now, 100)
        (claimed,) = await cases.claim_due(now, 100)
        await cases.still_claimed(claimed)
        await cases.put_off_all([(claimed, now)])
        await cases.retry_later(claimed, now)
        await cases.release([claimed])
        await cases.mark_sent(claimed, now, now)
        await cases.mark_failed(claimed)
        await cases.stop_for_user(5)
        await cases.resume([(case, now)])
        await cases.snooze(case, now, now)
        await cases.next_due_at()
        await database.connection.set_trace_callback(None)  # type: ignore[arg-type]
        touching = [sql for sql in statements if "reminders" in sql]
        assert len(touching) >= 14, statements
        for sql in touching:
            async with database.connection.execute(f"EXPLAIN QUERY PLAN {sql}") as cursor:
                plan = [row[3] for row in await cursor.fetchall()]
            scans = [step for step in plan if step.startswith("SCAN r") and "INDEX" not in step]
            assert scans == [], (sql, plan)
    finally:
        await database.close()
