"""Shared fixtures: a real SQLite file, the production dispatcher, the Bot API emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import open_dispatcher
from bot.factory import create_bot
from bot.offline.emulator import BotApiEmulator
from bot.offline.session import OfflineSession
from bot.settings import Settings
from bot.telegram.send_budget import SendBudget
from tests.support.driver import InProcessDriver
from tests.support.fake_translation import FakeTranslationService
from tests.support.moments import FIXED_MOMENTS, RunningClock
from tests.support.rig import USER_ID, Rig


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing at a fresh database file, ignoring any developer `.env`."""
    return Settings(_env_file=None, database_path=tmp_path / "bot.sqlite3", admin_ids="7")


@pytest.fixture
async def service() -> AsyncIterator[FakeTranslationService]:
    """A local fake translation service (LibreTranslate and DeepL), started and stopped."""
    fake = FakeTranslationService()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
def clock(request: pytest.FixtureRequest) -> RunningClock:
    """The bot's wall clock from an ordinary working moment, or (parametrized indirectly with a
    key of `FIXED_MOMENTS`) from one of the moments that broke date-dependent tests before."""
    key = getattr(request, "param", None)
    return RunningClock(FIXED_MOMENTS[key]) if key else RunningClock()


@pytest.fixture
async def rig(settings: Settings, clock: RunningClock) -> AsyncIterator[Rig]:
    """The production dispatcher on a real database, talking to the emulator in process."""
    emulator = BotApiEmulator()
    # Handlers are tested here, not Telegram's limits (tests/unit/test_send_budget.py).
    budget = SendBudget.unlimited()
    bot = create_bot("42:test-token", session=OfflineSession(emulator), budget=budget)
    async with open_dispatcher(settings, clock) as dispatcher:
        await dispatcher.emit_startup(bot=bot, dispatcher=dispatcher)
        yield Rig(emulator, InProcessDriver(dispatcher, bot, emulator, USER_ID), dispatcher, bot)
        await dispatcher.emit_shutdown(bot=bot, dispatcher=dispatcher)
    assert emulator.refusals == [], "the bot made calls Telegram would refuse"
    assert emulator.open_callbacks() == set(), "a button press was left unanswered"
