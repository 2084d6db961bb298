"""Users and their profiles."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any
from zoneinfo import ZoneInfo

import aiosqlite

from bot.db.connection import transaction
from bot.services.clock import WallClock, system_clock
from bot.services.policy import PolicyValues
from bot.services.profile import EntityType, KycStatus, ProfileField
from bot.services.quiet_hours import QuietHours, seller_quiet_hours


@dataclass(frozen=True)
class User:
    """One Telegram user and the seller profile they filled in."""

    id: int
    chat_id: int
    locale: str | None
    telegram_language: str | None
    seller_id: str | None
    company_name: str | None
    contact_name: str | None  # "" when the seller chose to sign with the company only
    entity_type: EntityType | None
    sku_count: int | None
    kyc_status: KycStatus | None
    timezone: str | None
    quiet_hours: str | None
    quiet_hold: bool
    active: bool
    created_at: str
    updated_at: str

    def as_dict(self) -> dict[str, Any]:
        """Plain values, for the data export."""
        return asdict(self)


def _user_from_row(row: aiosqlite.Row) -> User:
    return User(
        id=row["id"],
        chat_id=row["chat_id"],
        locale=row["locale"],
        telegram_language=row["telegram_language"],
        seller_id=row["seller_id"],
        company_name=row["company_name"],
        contact_name=row["contact_name"],
        entity_type=EntityType(row["entity_type"]) if row["entity_type"] else None,
        sku_count=row["sku_count"],
        kyc_status=KycStatus(row["kyc_status"]) if row["kyc_status"] else None,
        timezone=row["timezone"],
        quiet_hours=row["quiet_hours"],
        quiet_hold=bool(row["quiet_hold"]),
        active=bool(row["active"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


class UserRepository:
    """Reads and writes the `users` table."""

    def __init__(self, db: aiosqlite.Connection, clock: WallClock = system_clock) -> None:
        self._db = db
        self._clock = clock

    def _now(self) -> str:
        # Bookkeeping only (created / updated), kept as readable text.
        return self._clock().isoformat(timespec="seconds")

    async def get(self, user_id: int) -> User | None:
        """The user, or None if they never talked to the bot (or deleted their data)."""
        async with self._db.execute("SELECT * FROM users WHERE id = ?", (user_id,)) as cursor:
            row = await cursor.fetchone()
        return _user_from_row(row) if row else None

    async def ensure(
        self, user_id: int, chat_id: int, telegram_language: str | None = None
    ) -> User:
        """Create the user on first contact (with the language Telegram reports); mark them
        active again if they came back."""
        async with transaction(self._db):
            now = self._now()
            await self._db.execute(
                """
                INSERT INTO users (id, chat_id, telegram_language, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET chat_id = excluded.chat_id, active = 1,
                    telegram_language = coalesce(excluded.telegram_language, telegram_language)
                WHERE users.chat_id != excluded.chat_id OR users.active = 0
                    OR users.telegram_language IS NOT excluded.telegram_language
                    AND excluded.telegram_language IS NOT NULL
                """,
                (user_id, chat_id, telegram_language, now, now),
            )
            user = await self.get(user_id)
            assert user is not None
            return user

    async def set_field(self, user_id: int, field: ProfileField | str, value: object) -> None:
        """Update one column: a `ProfileField`, the chosen `locale` or the `telegram_language`."""
        async with transaction(self._db):
            column = field if field in {"locale", "telegram_language"} else ProfileField(field)
            await self._db.execute(
                f"UPDATE users SET {column} = ?, updated_at = ? WHERE id = ?",
                (value, self._now(), user_id),
            )

    async def save_field(
        self, user_id: int, chat_id: int, field: ProfileField, value: object
    ) -> None:
        """Store one profile field, creating the user first if needed."""
        await self.ensure(user_id, chat_id)
        await self.set_field(user_id, field, value)

    async def zone(self, user_id: int, default: ZoneInfo) -> ZoneInfo:
        """The seller's time zone, else the operator's default."""
        user = await self.get(user_id)
        return ZoneInfo(user.timezone) if user and user.timezone else default

    async def quiet_hours(
        self, user_id: int, default_zone: ZoneInfo, policy: PolicyValues
    ) -> QuietHours:
        """The seller's quiet hours in their zone (the policy's default when not set)."""
        user = await self.get(user_id)
        zone = ZoneInfo(user.timezone) if user and user.timezone else default_zone
        default = (policy.quiet_hours_start, policy.quiet_hours_end)
        setting, hold = (user.quiet_hours, user.quiet_hold) if user else (None, False)
        return seller_quiet_hours(zone, setting, default, hold)

    async def set_active(self, user_id: int, *, active: bool) -> None:
        """Mark a user who blocked the bot (403) inactive, or active again."""
        async with transaction(self._db):
            await self._db.execute(
                "UPDATE users SET active = ?, updated_at = ? WHERE id = ?",
                (int(active), self._now(), user_id),
            )

    async def delete(self, user_id: int) -> None:
        """Erase the user, their wizard state and (by cascade) everything they own, then copy
        the zeroed pages into the database file and empty the write-ahead log, which would
        otherwise keep the old pages until its next checkpoint."""
        async with transaction(self._db):
            await self._db.execute("DELETE FROM fsm_state WHERE user_id = ?", (user_id,))
            await self._db.execute("DELETE FROM users WHERE id = ?", (user_id,))
        async with transaction(self._db):
            await self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
