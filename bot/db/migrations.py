"""Versioned schema migrations, applied in order at start-up (`PRAGMA user_version`)."""

from __future__ import annotations

import aiosqlite

# Each entry moves the schema from version N to N + 1. Never edit a released entry: append.
MIGRATIONS: tuple[str, ...] = (
    # 1: users and the persisted wizard state.
    """
    CREATE TABLE users (
        id            INTEGER PRIMARY KEY,
        chat_id       INTEGER NOT NULL,
        locale        TEXT,
        seller_id     TEXT,
        company_name  TEXT,
        entity_type   TEXT,
        sku_count     INTEGER,
        kyc_status    TEXT,
        timezone      TEXT,
        active        INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
    );
    CREATE TABLE fsm_state (
        key      TEXT PRIMARY KEY,
        user_id  INTEGER NOT NULL,
        state    TEXT,
        data     TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX fsm_state_user ON fsm_state (user_id);
    """,
)

LATEST_VERSION = len(MIGRATIONS)


async def schema_version(db: aiosqlite.Connection) -> int:
    """The version the database file is at."""
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def migrate(db: aiosqlite.Connection, target: int = LATEST_VERSION) -> int:
    """Apply every migration between the file's version and `target`; return the new version."""
    current = await schema_version(db)
    if current > LATEST_VERSION:
        msg = f"database schema {current} is newer than this bot ({LATEST_VERSION})"
        raise RuntimeError(msg)
    for version in range(current, target):
        # executescript commits first; the version bump sits in the same script so a crash
        # mid-migration leaves the old version number and the migration is re-run whole.
        await db.executescript(
            f"BEGIN;\n{MIGRATIONS[version]}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
        )
    return max(current, target)
