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
    # 2: tracked cases, their timeline, reminders; quiet-hours settings. Times are UTC epoch
    # seconds so the due-reminder index compares integers.
    """
    ALTER TABLE users ADD COLUMN quiet_hours TEXT;
    ALTER TABLE users ADD COLUMN quiet_hold INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE cases (
        id           INTEGER PRIMARY KEY,
        user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind         TEXT NOT NULL,
        happened_at  INTEGER NOT NULL,
        due_at       INTEGER NOT NULL,
        clock        TEXT NOT NULL,
        estimate     INTEGER NOT NULL DEFAULT 0,
        note         TEXT,
        status       TEXT NOT NULL DEFAULT 'open',
        answered_at  INTEGER,
        nudges       INTEGER NOT NULL DEFAULT 0,
        created_at   INTEGER NOT NULL,
        closed_at    INTEGER
    );
    CREATE INDEX cases_user ON cases (user_id, status);
    CREATE INDEX cases_kind_answered ON cases (kind, answered_at);
    CREATE TABLE case_events (
        id       INTEGER PRIMARY KEY,
        case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        at       INTEGER NOT NULL,
        event    TEXT NOT NULL
    );
    CREATE INDEX case_events_case ON case_events (case_id);
    CREATE TABLE reminders (
        id          INTEGER PRIMARY KEY,
        case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        user_id     INTEGER NOT NULL,
        due_at      INTEGER NOT NULL,
        state       TEXT NOT NULL DEFAULT 'pending',
        attempts    INTEGER NOT NULL DEFAULT 0,
        sent_at     INTEGER
    );
    CREATE INDEX reminders_pending_due ON reminders (due_at) WHERE state = 'pending';
    CREATE INDEX reminders_case ON reminders (case_id);
    CREATE INDEX reminders_user ON reminders (user_id, state);
    """,
    # 3: start-up finds reminders a crash left claimed without reading every reminder.
    """
    CREATE INDEX reminders_claimed ON reminders (id) WHERE state = 'claimed';
    """,
    # 4: the language Telegram reports for the user, so pushes speak it too.
    """
    ALTER TABLE users ADD COLUMN telegram_language TEXT;
    """,
    # 5: the contact person who signs the letters (optional; "" when the seller declined).
    """
    ALTER TABLE users ADD COLUMN contact_name TEXT;
    """,
    # 6: a deadline the seller must meet (what is to be done; NULL: a wait for a reply), and
    # the request number the other side gave (shown with the case, its pushes and letters).
    """
    ALTER TABLE cases ADD COLUMN task TEXT;
    ALTER TABLE cases ADD COLUMN reference TEXT;
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
