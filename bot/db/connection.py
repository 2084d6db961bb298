"""Opening the database: one connection, WAL, foreign keys, one owning process."""

from __future__ import annotations

import asyncio
import fcntl
import os
import sqlite3
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, closing
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.db.migrations import migrate

BUSY_TIMEOUT_MS = 5000


class DatabaseError(Exception):
    """The database cannot be used; the message says why in one line for the operator."""


@dataclass
class Database:
    """The open connection and the lock that makes this process its only owner."""

    connection: aiosqlite.Connection
    lock_fd: int

    async def close(self) -> None:
        """Close the connection, then release the ownership lock."""
        await self.connection.close()
        os.close(self.lock_fd)


def _open_for_lock(path: Path, *, create: bool) -> int:
    flags = os.O_RDONLY | os.O_CLOEXEC | (os.O_CREAT if create else 0)
    try:
        return os.open(path, flags, 0o644)
    except IsADirectoryError as error:
        msg = f"{path} is a folder; set DATABASE_PATH to a file name inside it"
        raise DatabaseError(msg) from error
    except OSError as error:
        msg = f"cannot open {path}: {error.strerror}"
        raise DatabaseError(msg) from error


def _acquire_lock(path: Path) -> int:
    # The lock is taken on the database file itself, that is on its identity (device and
    # inode), not on a name: a symlink, a symlinked folder or a hard link in another folder
    # all reach the same inode, so all meet this lock (a lock file named after a path
    # misses a hard link). flock() locks are apart from SQLite's own fcntl() record locks,
    # so they never block SQLite; the descriptor stays open until the connection is closed
    # because closing any descriptor of the file would drop this process's SQLite locks.
    lock_fd = _open_for_lock(path, create=True)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as error:
        os.close(lock_fd)
        msg = f"another bot process already uses {path}; stop it first"
        raise DatabaseError(msg) from error
    return lock_fd


def _damage(connection: sqlite3.Connection) -> str | None:
    """The first problem `PRAGMA quick_check` finds (damaged pages behind an intact header),
    or None for a sound file."""
    first = connection.execute("PRAGMA quick_check(1)").fetchone()
    if first is None or first[0] == "ok":
        return None
    # One line for the operator: the report's "*** in database main ***" heading dropped.
    lines = str(first[0]).splitlines()
    return " ".join(line for line in lines if not line.startswith("***")) or lines[0]


def _damaged_message(path: Path, problem: str) -> str:
    return (
        f"{path} is damaged ({problem}); restore it from a backup "
        "or move it away to start with an empty database"
    )


def _check_usable(path: Path, busy_timeout_ms: int) -> None:
    """Sound and writable, checked before the bot serves anyone: a damaged, read-only or
    write-locked file stops the start with one line instead of failing every update."""
    try:
        with closing(sqlite3.connect(path, isolation_level=None)) as connection:
            connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            problem = _damage(connection)
            if problem is not None:
                raise DatabaseError(_damaged_message(path, problem))
            # A write that is rolled back: SQLite opens a file it may not write read-only
            # without a word, and another program's write lock shows only on writing.
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("CREATE TABLE write_probe (x)")
            connection.execute("ROLLBACK")
    except sqlite3.Error as error:
        raise DatabaseError(_unusable_message(path, error)) from error


def _unusable_message(path: Path, error: sqlite3.Error) -> str:
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_READONLY:
        return f"cannot write {path}: read-only; make the file and its folder writable"
    if code == sqlite3.SQLITE_BUSY:
        return f"{path} is locked by another program; close it and start again"
    if code == sqlite3.SQLITE_CORRUPT:
        return _damaged_message(path, str(error))
    return f"cannot use {path}: {error}"


async def open_database(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
    """Create the parent folder, take the lock, check, open, configure and migrate."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        msg = f"cannot create {path.parent}: {error.strerror}"
        raise DatabaseError(msg) from error
    lock_fd = _acquire_lock(path)
    try:
        _check_usable(path, busy_timeout_ms)
        connection = await aiosqlite.connect(path)
    except sqlite3.Error as error:
        os.close(lock_fd)
        msg = f"cannot open {path}: {error}"
        raise DatabaseError(msg) from error
    except DatabaseError:
        os.close(lock_fd)
        raise
    try:
        connection.row_factory = aiosqlite.Row
        await connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute("PRAGMA foreign_keys = ON")
        await connection.execute("PRAGMA synchronous = NORMAL")
        # Erased rows (/delete) are overwritten with zeros, not left in free pages.
        await connection.execute("PRAGMA secure_delete = ON")
        await migrate(connection)
    except (sqlite3.Error, RuntimeError) as error:
        await connection.close()
        os.close(lock_fd)
        msg = f"cannot use {path}: {error}"
        raise DatabaseError(msg) from error
    return Database(connection=connection, lock_fd=lock_fd)


def database_owned(path: Path) -> bool:
    """True while a bot process holds the database (used by the container health check)."""
    if not path.is_file():
        return False
    lock_fd = _open_for_lock(path, create=False)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(lock_fd)
    return False


def check_integrity(path: Path) -> None:
    """Raise DatabaseError naming the damage if `PRAGMA quick_check` finds any; read-only, so
    the health check can ask while the bot writes."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            problem = _damage(db)
    except sqlite3.Error as error:
        raise DatabaseError(_unusable_message(path, error)) from error
    if problem is not None:
        raise DatabaseError(_damaged_message(path, problem))


_write_locks: weakref.WeakKeyDictionary[aiosqlite.Connection, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


@asynccontextmanager
async def transaction(db: aiosqlite.Connection) -> AsyncIterator[None]:
    """One atomic write: handlers and the scheduler share the connection, so writes take
    turns and each commits (or rolls back) whole."""
    lock = _write_locks.setdefault(db, asyncio.Lock())
    async with lock:
        try:
            yield
        except BaseException:
            await db.rollback()
            raise
        await db.commit()
