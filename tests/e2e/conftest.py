"""End-to-end fixtures: the fake Bot API in the test, `python -m bot` as a real subprocess."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.offline.emulator import BotApiEmulator
from tests.support.bot_process import TOKEN, BotProcess
from tests.support.driver import HttpDriver
from tests.support.fake_bot_api import FakeBotApi


@pytest.fixture
async def fake_api() -> AsyncIterator[FakeBotApi]:
    """A fresh fake Bot API server."""
    api = FakeBotApi(BotApiEmulator(), TOKEN)
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
async def bot_process(fake_api: FakeBotApi, tmp_path: Path) -> AsyncIterator[BotProcess]:
    """The bot running as a subprocess; stopped (and checked clean) after the test."""
    process = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    await process.start()
    yield process
    if process.process is not None:
        assert await process.stop() == 0, process.log()
    assert "Traceback" not in process.log(), process.log()
    assert TOKEN not in process.log()


@pytest.fixture
def seller(fake_api: FakeBotApi) -> HttpDriver:
    """A seller chatting with the bot over the fake Bot API."""
    return HttpDriver(fake_api.emulator, 777001)
