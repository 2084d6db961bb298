"""Opening the database: one connection, WAL, foreign keys, one owning process."""

from __future__ import annotations

import asyncio
import fcntl
import os
import sqlite3
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import aiosqlite

from bot.db.migrations import migrate


class DatabaseError(Exception):
    """The database cannot be used; the message says why in one line for the operator."""


@dataclass
class Database:
    """The open connection and the lock that makes this process its only owner."""

    connection: aiosqlite.Connection
    lock_file: IO[str]

    async def close(self) -> None:
        """Close the connection, then release the ownership lock."""
        await self.connection.close()
        fcntl.flock(self.lock_file, fcntl.LOCK_UN)
        self.lock_file.close()


def _lock_path(path: Path) -> Path:
    # Beside the file the path finally names: two symlinks (or a symlinked folder) to one
    # database must find the same lock, or both processes would own it.
    real = path.resolve()
    return real.with_name(real.name + ".lock")


def _acquire_lock(path: Path) -> IO[str]:
    lock_path = _lock_path(path)
    try:
        lock_file = lock_path.open("a+", encoding="utf-8")
    except OSError as error:
        msg = f"cannot open {lock_path}: {error.strerror}"
        raise DatabaseError(msg) from error
    try:
        fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as error:
        lock_file.close()
        msg = f"another bot process already uses {path}; stop it first"
        raise DatabaseError(msg) from error
    lock_file.seek(0)
    lock_file.truncate()
    lock_file.write(str(os.getpid()))
    lock_file.flush()
    return lock_file


async def open_database(path: Path) -> Database:
    """Create the parent folder, take the lock, open, configure and migrate the database."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        msg = f"cannot create {path.parent}: {error.strerror}"
        raise DatabaseError(msg) from error
    lock_file = _acquire_lock(path)
    try:
        connection = await aiosqlite.connect(path)
    except sqlite3.Error as error:
        lock_file.close()
        msg = f"cannot open {path}: {error}"
        raise DatabaseError(msg) from error
    try:
        connection.row_factory = aiosqlite.Row
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute("PRAGMA foreign_keys = ON")
        await connection.execute("PRAGMA synchronous = NORMAL")
        await connection.execute("PRAGMA busy_timeout = 5000")
        # Erased rows (/delete) are overwritten with zeros, not left in free pages.
        await connection.execute("PRAGMA secure_delete = ON")
        await migrate(connection)
    except (sqlite3.Error, RuntimeError) as error:
        await connection.close()
        lock_file.close()
        msg = f"cannot use {path}: {error}"
        raise DatabaseError(msg) from error
    return Database(connection=connection, lock_file=lock_file)


def database_owned(path: Path) -> bool:
    """True while a bot process holds the database (used by the container health check)."""
    lock_path = _lock_path(path)
    if not lock_path.exists():
        return False
    with lock_path.open("a+", encoding="utf-8") as lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(lock_file, fcntl.LOCK_UN)
        return False


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
