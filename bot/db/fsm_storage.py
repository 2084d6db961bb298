"""aiogram FSM storage in the bot's SQLite database: a half-finished wizard survives restarts."""

from __future__ import annotations

import copy
import json
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import aiosqlite
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey

from bot.db.connection import transaction

# Rows kept in memory. Only this process writes the table (the database lock sees to it), so
# a write-through cache is exact and spares the database read every update would otherwise do.
CACHE_SIZE = 50_000


class SQLiteStorage(BaseStorage):
    """Wizard state and data in the `fsm_state` table, one row per chat and user."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self._db = db
        self._keys = DefaultKeyBuilder(with_destiny=True)
        self._cache: OrderedDict[str, tuple[str | None, dict[str, Any]]] = OrderedDict()

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        """Save the wizard step (None leaves the wizard but keeps its data)."""
        value = state.state if isinstance(state, State) else state
        _, data = await self._load(key)
        await self._save(key, value, data)

    async def get_state(self, key: StorageKey) -> str | None:
        """The saved wizard step, if any."""
        return (await self._load(key))[0]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        """Save the wizard's collected answers."""
        state, _ = await self._load(key)
        await self._save(key, state, copy.deepcopy(dict(data)))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        """The wizard's collected answers ({} when none)."""
        # A copy: a nested value changed by a handler must not change the cache before set_data.
        return copy.deepcopy((await self._load(key))[1])

    async def close(self) -> None:
        """The connection belongs to the bot's `Database`, which closes it."""

    async def _load(self, key: StorageKey) -> tuple[str | None, dict[str, Any]]:
        cache_key = self._keys.build(key)
        if cache_key in self._cache:
            self._cache.move_to_end(cache_key)
            return self._cache[cache_key]
        async with self._db.execute(
            "SELECT state, data FROM fsm_state WHERE key = ?", (cache_key,)
        ) as cursor:
            row = await cursor.fetchone()
        value = (row[0], json.loads(row[1])) if row else (None, {})
        self._remember(cache_key, value)
        return value

    async def _save(self, key: StorageKey, state: str | None, data: dict[str, Any]) -> None:
        cache_key = self._keys.build(key)
        async with transaction(self._db):
            if state is None and not data:
                # A cleared wizard leaves no row behind: nothing is kept that is not needed.
                await self._db.execute("DELETE FROM fsm_state WHERE key = ?", (cache_key,))
            else:
                await self._db.execute(
                    """
                    INSERT INTO fsm_state (key, user_id, state, data) VALUES (?, ?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET state = excluded.state, data = excluded.data
                    """,
                    (cache_key, key.user_id, state, json.dumps(data, ensure_ascii=False)),
                )
        self._remember(cache_key, (state, data))

    def _remember(self, cache_key: str, value: tuple[str | None, dict[str, Any]]) -> None:
        self._cache[cache_key] = value
        self._cache.move_to_end(cache_key)
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
