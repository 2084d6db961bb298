"""aiogram FSM storage in the bot's SQLite database: a half-finished wizard survives restarts."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import aiosqlite
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey

from bot.db.connection import transaction


class SQLiteStorage(BaseStorage):
    """Wizard state and data in the `fsm_state` table, one row per chat and user."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._keys = DefaultKeyBuilder(with_destiny=True)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        """Save the wizard step (None leaves the wizard but keeps its data)."""
        value = state.state if isinstance(state, State) else state
        async with transaction(self._db):
            await self._db.execute(
                """
                INSERT INTO fsm_state (key, user_id, state) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET state = excluded.state
                """,
                (self._keys.build(key), key.user_id, value),
            )
            await self._forget_if_empty(key)

    async def get_state(self, key: StorageKey) -> str | None:
        """The saved wizard step, if any."""
        row = await self._row(key, "state")
        return str(row) if row is not None else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        """Save the wizard's collected answers."""
        async with transaction(self._db):
            await self._db.execute(
                """
                INSERT INTO fsm_state (key, user_id, data) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET data = excluded.data
                """,
                (self._keys.build(key), key.user_id, json.dumps(dict(data), ensure_ascii=False)),
            )
            await self._forget_if_empty(key)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        """The wizard's collected answers ({} when none)."""
        row = await self._row(key, "data")
        return dict(json.loads(row)) if row else {}

    async def close(self) -> None:
        """The connection belongs to the bot's `Database`, which closes it."""

    async def _forget_if_empty(self, key: StorageKey) -> None:
        # A cleared wizard leaves no row behind: nothing is kept that is not needed.
        await self._db.execute(
            "DELETE FROM fsm_state WHERE key = ? AND state IS NULL AND data = '{}'",
            (self._keys.build(key),),
        )

    async def _row(self, key: StorageKey, column: str) -> Any:
        async with self._db.execute(
            f"SELECT {column} FROM fsm_state WHERE key = ?",
            (self._keys.build(key),),
        ) as cursor:
            row = await cursor.fetchone()
        return row[0] if row else None
