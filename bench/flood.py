"""Flood: one chat sends 80 messages at once (questions with a /help every 20) while other
sellers ask and press buttons, through a local fake Bot API that enforces Telegram's flood
limits (30 messages/s overall; per chat a burst of 3, then 1/s). The bot runs as
`python -m bot polling`.

Run: python bench/flood.py
30 other sellers each ask a question, wait for the answer, press a menu button, wait for its
acknowledgement, three times, their starts spread over 6 s. Baseline in the same run: the same
sellers with no flood.
Targets: other sellers' reply p95 and press-acknowledgement p95 < 1 s; 0 lost.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, median, percentile

sys.path.insert(0, str(ROOT))

from tests.support.bot_process import TOKEN, BotProcess
from tests.support.fake_bot_api import FakeBotApi
from tests.support.flood import (
    FLOODER,
    Figures,
    TimedEmulator,
    flood,
    flood_texts,
    open_menus,
    other_sellers,
)

SELLERS = list(range(880_001, 880_031))
ROUNDS = 3
SPREAD = 6.0
FLOOD = 80
COMMAND_EVERY = 20


async def run(flooding: bool) -> tuple[Figures, float | None]:
    """One bot process on a fresh database; the other sellers' figures and how long the flood
    took to be answered in full."""
    emulator = TimedEmulator()
    api = FakeBotApi(emulator, TOKEN)
    await api.start()
    worked_off = None
    with tempfile.TemporaryDirectory() as folder:
        process = BotProcess(api, Path(folder) / "bot.sqlite3", Path(folder) / "bot.log")
        process.extra_env = {"LOG_LEVEL": "WARNING"}
        await process.start(wait_seconds=60)
        menus = await open_menus(emulator, SELLERS)
        started = time.monotonic()
        if flooding:
            flood(emulator, flood_texts(FLOOD, COMMAND_EVERY))
        figures = await other_sellers(emulator, menus, ROUNDS, SPREAD)
        if flooding:
            expected = 1 + 2 * FLOOD // COMMAND_EVERY
            while len(emulator.chat_messages(FLOODER)) < expected:
                await asyncio.sleep(0.05)
            worked_off = emulator.chat_messages(FLOODER)[-1].at - started
        await process.stop()
    await api.stop()
    return figures, worked_off


def line(name: str, figures: Figures) -> str:
    replies, acks = figures.replies, figures.acks
    return (
        f"{name}: reply p50 {median(replies) * 1000:.0f} ms, p95 "
        f"{percentile(replies, 0.95) * 1000:.0f} ms; press ack p50 {median(acks) * 1000:.0f} ms, "
        f"p95 {percentile(acks, 0.95) * 1000:.0f} ms; lost {figures.lost} "
        f"({len(replies)} questions, {len(acks)} presses)"
    )


async def main() -> None:
    baseline, _ = await run(flooding=False)
    flooded, worked_off = await run(flooding=True)
    print(
        f"{len(SELLERS)} sellers asking and pressing {ROUNDS} times; one chat sends {FLOOD} "
        f"messages at once (a /help every {COMMAND_EVERY}); server limits 30/s, per chat a "
        "burst of 3 then 1/s"
    )
    print(line("no flood   ", baseline))
    print(line("with flood ", flooded))
    print(f"the flooding chat answered in full after {worked_off:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
