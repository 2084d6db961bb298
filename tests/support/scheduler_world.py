"""The reminder scheduler alone: a real database, the Bot API emulator, a clock the test moves.

Each test drives `deliver()` itself, so nothing depends on when the suite runs or on how fast
the machine is.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from aiogram import Bot

from bot.db.case_repository import CaseRepository
from bot.db.connection import Database, open_database
from bot.db.user_repository import UserRepository
from bot.factory import create_bot
from bot.i18n import create_i18n
from bot.offline.emulator import BotApiEmulator, RateLimits, SentMessage
from bot.offline.session import OfflineSession
from bot.scheduler import ReminderScheduler
from bot.services.cases import Case, CaseKind, Clock, Deadline
from bot.services.clock import from_epoch
from bot.telegram.send_budget import SendBudget
from tests.support.fake_bot_api import PUSH_MARKER
from tests.support.fast import FAST_RETRY, fast_budget
from tests.support.moments import ManualClock
from tests.support.rules import RULES

DEFAULT_ZONE = "Asia/Shanghai"


@dataclass
class World:
    """What a scheduler test holds."""

    database: Database
    users: UserRepository
    cases: CaseRepository
    scheduler: ReminderScheduler
    bot: Bot
    emulator: BotApiEmulator
    clock: ManualClock

    async def seller(
        self,
        user_id: int,
        *,
        timezone: str | None = None,
        quiet_hours: str | None = None,
        hold: bool = False,
    ) -> None:
        """A seller who talked to the bot, with their own zone and quiet hours if given."""
        await self.users.ensure(user_id, user_id)
        await self.database.connection.execute(
            "UPDATE users SET timezone = ?, quiet_hours = ?, quiet_hold = ? WHERE id = ?",
            (timezone, quiet_hours, int(hold), user_id),
        )
        await self.database.connection.commit()

    async def case_due(
        self, user_id: int, due: datetime, kind: CaseKind = CaseKind.AM_ASSIGNMENT
    ) -> Case:
        """An open plain-hour case whose first reminder is due at `due`."""
        happened = due - timedelta(hours=72)
        deadline = Deadline(due, Clock.ELAPSED, False, ())
        return await self.cases.create(
            user_id, kind, happened, deadline, None, min(happened, self.clock()), due
        )

    async def reminders(self, case: Case) -> list[tuple[str, datetime]]:
        """The case's reminders: (state, due), oldest first."""
        async with self.database.connection.execute(
            "SELECT state, due_at FROM reminders WHERE case_id = ? ORDER BY id", (case.id,)
        ) as cursor:
            return [(state, from_epoch(due)) for state, due in await cursor.fetchall()]

    async def states(self) -> dict[str, int]:
        """How many reminders are in each state."""
        async with self.database.connection.execute(
            "SELECT state, count(*) FROM reminders GROUP BY state"
        ) as cursor:
            return {state: count for state, count in await cursor.fetchall()}

    async def deliver(self) -> int:
        """One pass of the scheduler over what is due now."""
        return await self.scheduler.deliver_due(self.bot)

    def pushes(self, chat_id: int) -> list[SentMessage]:
        """The reminder pushes a chat received, oldest first."""
        return self.emulator.sent_text(chat_id, PUSH_MARKER)

    def send_calls(self, chat_id: int) -> int:
        """How many times the bot tried to send a message to the chat."""
        return sum(
            1
            for name, params in self.emulator.calls
            if name == "sendmessage" and int(params["chat_id"]) == chat_id
        )


@asynccontextmanager
async def open_world(
    folder: Path,
    start: datetime,
    *,
    budget: SendBudget | None = None,
    rate_limits: RateLimits | None = None,
) -> AsyncIterator[World]:
    """A world whose clock starts at `start`; the scheduler loop itself is not running."""
    database = await open_database(folder / "bot.sqlite3")
    emulator = BotApiEmulator(rate_limits=rate_limits)
    budget = budget or fast_budget()
    bot = create_bot("42:test", session=OfflineSession(emulator), budget=budget, retry=FAST_RETRY)
    clock = ManualClock(start)
    wakeup = asyncio.Event()
    users = UserRepository(database.connection)
    cases = CaseRepository(database.connection, on_reminders_changed=wakeup.set)
    scheduler = ReminderScheduler(cases, users, RULES, create_i18n(), DEFAULT_ZONE, wakeup, clock)
    try:
        yield World(database, users, cases, scheduler, bot, emulator, clock)
    finally:
        await bot.session.close()
        await database.close()
