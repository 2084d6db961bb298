"""Scale: 1,000,000 cases in the database, 100,000 users, cold start and memory.

Run: python bench/scale.py
Baselines in the same run: the due-reminder query without its index (NOT INDEXED), and a
bare aiogram echo bot (bench/echo_bot.py, with the bot's import speed-up and concurrency
bound) started and driven the same way. Only replies to the writing sellers count, never the
bot's reminder pushes to the stored users.
Targets: next due batch < 5 ms; bot RSS < 150 MB; cold start to first reply < 2 s.
"""

from __future__ import annotations

import asyncio
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from common import ROOT, median, percentile

from bot.db.case_repository import CaseRepository
from bot.db.connection import open_database
from bot.offline.emulator import BotApiEmulator
from bot.scheduler import BATCH
from tests.support.fake_bot_api import FakeBotApi

CASES = 1_000_000
USERS = 100_000
DUE_NOW = 2_000
TOKEN = "1:scale"
SENDERS = 1_000
ROUNDS = 3
# Writing sellers are not among the stored users, so a push is never taken for a reply.
FIRST_SENDER = 10_000_000


def fill(database: Path) -> None:
    """Users, cases and reminders in bulk: most reminders in the future, a few due now."""
    now = int(time.time())
    chance = random.Random(7)
    with sqlite3.connect(database) as db:
        db.executemany(
            "INSERT INTO users (id, chat_id, created_at, updated_at) VALUES (?, ?, 'x', 'x')",
            ((user, user) for user in range(1, USERS + 1)),
        )
        db.executemany(
            "INSERT INTO cases (id, user_id, kind, happened_at, due_at, clock, created_at) "
            "VALUES (?, ?, 'am_msg', ?, ?, 'am', ?)",
            (
                (case, 1 + case % USERS, now - 7200, now + chance.randint(60, 30 * 86400), now)
                for case in range(1, CASES + 1)
            ),
        )
        db.execute(
            "INSERT INTO reminders (case_id, user_id, due_at, state) "
            "SELECT id, user_id, due_at, CASE WHEN id % 3 = 0 THEN 'sent' ELSE 'pending' END "
            "FROM cases"
        )
        db.execute(
            "UPDATE reminders SET due_at = ? WHERE id IN "
            "(SELECT id FROM reminders WHERE state = 'pending' LIMIT ?)",
            (now - 60, DUE_NOW),
        )
        db.commit()


async def query_times(database: Path) -> tuple[list[float], list[float], list[float]]:
    """Finding the scheduler's next batch of due reminders, claiming it (find + mark + commit),
    and the find without its index."""
    opened = await open_database(database)
    cases = CaseRepository(opened.connection)
    found, claimed = [], []
    for _ in range(DUE_NOW // BATCH):
        start = time.perf_counter()
        batch = await cases.due(datetime.now(UTC), BATCH)
        found.append((time.perf_counter() - start) * 1000)
        assert len(batch) == BATCH
        start = time.perf_counter()
        await cases.claim_due(datetime.now(UTC), BATCH)
        claimed.append((time.perf_counter() - start) * 1000)
    await opened.close()
    unindexed = []
    with sqlite3.connect(database) as db:
        for _ in range(5):
            start = time.perf_counter()
            db.execute(
                "SELECT id FROM reminders NOT INDEXED WHERE state = 'pending' AND due_at <= ? "
                "ORDER BY due_at LIMIT ?",
                (int(time.time()), BATCH),
            ).fetchall()
            unindexed.append((time.perf_counter() - start) * 1000)
    return found, claimed, unindexed


def rss_mb(pid: int) -> float:
    """Resident memory of a process."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def drive(command: list[str], env: dict[str, str], senders: int) -> tuple[float, float]:
    """Start a bot process, time it to its first reply, let `senders` users write to it,
    and return (cold start seconds, resident MB)."""
    emulator = BotApiEmulator()
    api = FakeBotApi(emulator, TOKEN)
    base = await api.start()
    first = FIRST_SENDER
    writers = range(first + 1, first + 1 + senders)
    emulator.user_message(first, "/start")
    start = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=ROOT,
        env={**env, "TELEGRAM_API_BASE": base},
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    while not emulator.chat_messages(first):
        await asyncio.sleep(0.005)
    cold = time.perf_counter() - start
    for user in writers:
        emulator.user_message(user, "小二一直不回怎么办")
    while sum(1 for user in writers if emulator.last_message(user)) < senders:
        await asyncio.sleep(0.05)
    await asyncio.sleep(1)
    memory = rss_mb(process.pid)
    process.terminate()
    await process.wait()
    await api.stop()
    return cold, memory


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bot.sqlite3"
        opened = await open_database(database)
        await opened.close()
        started = time.perf_counter()
        fill(database)
        fill_seconds = time.perf_counter() - started
        size = database.stat().st_size / 1024 / 1024
        found, claimed, unindexed = await query_times(database)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
        env.update(BOT_TOKEN=TOKEN, DATABASE_PATH=str(database), LOG_LEVEL="WARNING")
        bot = [sys.executable, "-m", "bot", "polling"]
        echo = [sys.executable, "bench/echo_bot.py"]
        # The first round (1,000 writers) gives the memory figures; two more short ones give
        # the best cold start of three, the echo first each time. The first bot run also has
        # the 2,000 due reminders to push while it answers.
        echo_cold, echo_rss = await drive(echo, env, SENDERS)
        bot_cold, bot_rss = await drive(bot, env, SENDERS)
        for _ in range(ROUNDS - 1):
            echo_cold = min(echo_cold, (await drive(echo, env, 1))[0])
            bot_cold = min(bot_cold, (await drive(bot, env, 1))[0])
    print(
        f"database: {CASES:,} cases, {CASES:,} reminders, {USERS:,} users; "
        f"{size:.0f} MB; filled in {fill_seconds:.0f} s"
    )
    print(
        f"find the scheduler's next due batch ({BATCH}): p50 {median(found):.2f} ms, "
        f"p99 {percentile(found, 0.99):.2f} ms (target < 5 ms); without the index "
        f"{median(unindexed):.0f} ms (x{median(unindexed) / median(found):.0f})"
    )
    print(
        f"claim it (find + mark + commit): p50 {median(claimed):.2f} ms, "
        f"p99 {percentile(claimed, 0.99):.2f} ms"
    )
    print(
        f"cold start to first reply (best of {ROUNDS}): bot {bot_cold:.2f} s, bare aiogram "
        f"echo {echo_cold:.2f} s (ratio {bot_cold / echo_cold:.2f}; target < 2 s)"
    )
    print(
        f"resident memory after 1,000 sellers wrote: bot {bot_rss:.0f} MB, bare aiogram echo "
        f"{echo_rss:.0f} MB (ratio {bot_rss / echo_rss:.2f}; target < 150 MB)"
    )


if __name__ == "__main__":
    asyncio.run(main())
