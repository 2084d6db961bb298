"""One chat flooding the bot over HTTP, with Telegram's limits on: other sellers' replies and
press acknowledgements still come within a second, and the flood is worked off, nothing lost."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.support.bot_process import TOKEN, BotProcess
from tests.support.fake_bot_api import FakeBotApi
from tests.support.flood import (
    FLOODER,
    HELP,
    NOTICE,
    TimedEmulator,
    flood,
    flood_texts,
    open_menus,
    other_sellers,
)

# One `python -m bot` subprocess for the module.
pytestmark = pytest.mark.slow
SELLERS = list(range(880_001, 880_009))
COMMAND_EVERY = 20


async def test_a_flooding_chat_stalls_no_other_seller(tmp_path: Path) -> None:
    emulator = TimedEmulator()
    api = FakeBotApi(emulator, TOKEN)
    await api.start()
    process = BotProcess(api, tmp_path / "bot.sqlite3", tmp_path / "bot.log")
    try:
        await process.start()
        menus = await open_menus(emulator, SELLERS)
        texts = flood_texts(80, COMMAND_EVERY)
        flood(emulator, texts)
        figures = await other_sellers(emulator, menus, rounds=2, spread=2.0)
        # Fails when a busy chat holds the work slots: the others wait for its pace (1/s).
        assert figures.lost == 0
        assert max(figures.replies) < 1.0, figures.replies
        assert max(figures.acks) < 1.0, figures.acks
        # The flood: four runs of questions, each merged into one answered message (one notice
        # for the burst), and every /help answered in its place.
        runs = len(texts) // COMMAND_EVERY
        expected = 1 + 2 * runs
        for _ in range(600):
            if len(emulator.chat_messages(FLOODER)) >= expected:
                break
            await asyncio.sleep(0.05)
        sent = [message.text for message in emulator.chat_messages(FLOODER)]
        assert len(sent) == expected, sent
        assert sent[0] == NOTICE and sent.count(NOTICE) == 1
        assert [HELP in text for text in sent[1:]] == [False, True] * runs
        assert not [refusal for refusal in emulator.refusals if refusal[1].status == 429]
    finally:
        await process.stop()
        await api.stop()
    assert "Traceback" not in process.log(), process.log()
