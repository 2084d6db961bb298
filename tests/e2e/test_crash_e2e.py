"""Ten SIGKILLs at random moments of a reminder burst: nothing lost; a kill repeats at most
the pushes on their way, never more than one per seller. And the token never leaks, even when
every Bot API call fails."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
from functools import partial
from pathlib import Path

import pytest

from bot.offline.emulator import RateLimits
from bot.scheduler import IN_FLIGHT
from tests.support.bot_process import TOKEN, BotProcess
from tests.support.driver import wait_until
from tests.support.fake_bot_api import FakeBotApi, pushes, total_pushes
from tests.support.paths import ROOT
from tests.support.seed import seed_overdue_cases

KILLS = 10

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


def more_than(api: FakeBotApi, sellers: list[int], before: int) -> bool:
    """Has this run delivered a push yet?"""
    return total_pushes(api, sellers) > before


async def test_ten_random_kills_during_a_burst(fake_api: FakeBotApi, tmp_path: Path) -> None:
    fake_api.emulator.rate_limits = RateLimits(per_second=30, per_chat_per_second=1)
    process = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    sellers = await seed_overdue_cases(process.database, 700)
    chance = random.Random(20261127)
    for _ in range(KILLS):
        await process.start()
        before = total_pushes(fake_api, sellers)
        # Kill somewhere inside the burst: after this run's first push, at a random moment.
        await wait_until(partial(more_than, fake_api, sellers, before), 20)
        await asyncio.sleep(chance.uniform(0.0, 0.6))
        await process.stop(signal.SIGKILL)
    await process.start()
    await wait_until(lambda: all(pushes(fake_api, chat) >= 1 for chat in sellers), timeout=120)
    await asyncio.sleep(0.5)
    assert await process.stop() == 0
    counts = [pushes(fake_api, chat) for chat in sellers]
    assert min(counts) == 1, "a reminder was lost"
    assert sum(counts) - len(sellers) <= KILLS * IN_FLIGHT
    assert max(counts) <= 1 + KILLS
    assert fake_api.emulator.refusals == [], "the flood limits were exceeded"


async def test_token_never_in_logs_when_everything_fails(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
    env.update(
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE="http://127.0.0.1:9",
        LOG_LEVEL="DEBUG",
        DATABASE_PATH=str(tmp_path / "bot.sqlite3"),
    )
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=ROOT, env=env, stdout=log, stderr=log
        )

    def failures() -> int:
        return log_path.read_text(errors="replace").count("Cannot connect to host 127.0.0.1:9")

    # Three failed calls and their retries, each logged at DEBUG with its request: where the
    # token would show if anything printed it.
    await wait_until(lambda: failures() >= 3, timeout=60)
    process.send_signal(signal.SIGTERM)
    await asyncio.wait_for(process.wait(), 60)
    output = log_path.read_text(errors="replace")
    assert process.returncode == 0 and "Traceback" not in output
    assert TOKEN not in output and TOKEN.split(":")[1] not in output
