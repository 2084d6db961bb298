"""Mixed load: sellers talking to the bot while reminder pushes drain, through a local fake Bot
API that enforces Telegram's flood limits (30 messages/s overall; per chat a burst of 3, then
1/s) and answers 429 above them. The bot runs as `python -m bot polling`.

Run: python bench/mixed_load.py
200 sellers each ask a question, wait for the answer, pause 15-25 s and ask again (about 10
replies a second), while 1,500 due reminders drain: 3 for each of 500 sellers, the 200 talkers
among them. Baseline in the same run: the same talkers with nothing to push.
Targets: 0 × 429; pushes take ≥ 90 % of the budget the replies leave (30/s minus the replies'
own rate); every push exactly once; replies stay quick while pushes drain.
"""

from __future__ import annotations

import asyncio
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from common import ROOT, median, percentile

sys.path.insert(0, str(ROOT))

from bot.offline.emulator import BotApiEmulator, RateLimits, SentMessage
from tests.support.bot_process import TOKEN, BotProcess
from tests.support.fake_bot_api import PUSH_MARKER, FakeBotApi
from tests.support.seed import FIRST_SELLER, seed_overdue_cases

TALKERS = 200
PUSH_SELLERS = 500
PER_SELLER = 3
THINK = (15.0, 25.0)  # seconds between a reply and the next question
BASELINE_SECONDS = 60.0
QUESTION = "小二一直不回怎么办"
LIMIT = 30


@dataclass
class WatchedEmulator(BotApiEmulator):
    """The emulator, telling a waiting talker the moment their reply is stored."""

    waiting: dict[int, asyncio.Future[SentMessage]] = field(default_factory=dict)

    def expect_reply(self, chat: int) -> asyncio.Future[SentMessage]:
        """A future for the next message to `chat` that is not a push."""
        future: asyncio.Future[SentMessage] = asyncio.get_running_loop().create_future()
        self.waiting[chat] = future
        return future

    def _store(self, message: SentMessage) -> None:
        super()._store(message)
        future = self.waiting.get(message.chat_id)
        if future is not None and not future.done() and PUSH_MARKER not in message.text:
            future.set_result(message)


@dataclass
class Phase:
    """What one run measured."""

    latencies: list[float]
    refusals: Counter[int]
    pushes: list[SentMessage]
    replies: list[SentMessage]
    pushed: Counter[int]


async def run(per_seller: int) -> Phase:
    """One bot process on a fresh database: the talkers, and `per_seller` due reminders for
    each push seller (none for the baseline)."""
    emulator = WatchedEmulator(rate_limits=RateLimits(per_second=LIMIT))
    api = FakeBotApi(emulator, TOKEN)
    await api.start()
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        process = BotProcess(api, Path(folder) / "bot.sqlite3", Path(folder) / "bot.log")
        process.extra_env = {"LOG_LEVEL": "WARNING"}
        if per_seller:
            sellers = await seed_overdue_cases(process.database, PUSH_SELLERS, per_seller)
        else:
            sellers = list(range(FIRST_SELLER, FIRST_SELLER + PUSH_SELLERS))
        done = asyncio.Event()

        async def talk(chat: int, chance: random.Random) -> None:
            await asyncio.sleep(chance.uniform(0, THINK[1]))
            while not done.is_set():
                reply = emulator.expect_reply(chat)
                asked = time.monotonic()
                emulator.user_message(chat, QUESTION)
                message = await asyncio.wait_for(reply, 120)
                latencies.append(message.at - asked)
                await asyncio.sleep(chance.uniform(*THINK))

        await process.start(wait_seconds=60)
        talkers = [
            asyncio.create_task(talk(chat, random.Random(chat))) for chat in sellers[:TALKERS]
        ]
        if per_seller:
            total = PUSH_SELLERS * per_seller
            while sum(PUSH_MARKER in m.text for m in emulator.messages.values()) < total:
                await asyncio.sleep(0.2)
        else:
            await asyncio.sleep(BASELINE_SECONDS)
        done.set()
        await asyncio.gather(*talkers)
        await process.stop()
    await api.stop()
    messages = sorted(emulator.messages.values(), key=lambda message: message.at)
    return Phase(
        latencies=latencies,
        refusals=Counter(refusal.status for _, refusal in emulator.refusals),
        pushes=[m for m in messages if PUSH_MARKER in m.text],
        replies=[m for m in messages if PUSH_MARKER not in m.text],
        pushed=Counter(m.chat_id for m in messages if PUSH_MARKER in m.text),
    )


def latency_line(name: str, latencies: list[float]) -> str:
    return (
        f"{name}: reply p50 {median(latencies) * 1000:.0f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms ({len(latencies)} questions)"
    )


async def main() -> None:
    baseline = await run(per_seller=0)
    mixed = await run(per_seller=PER_SELLER)
    start, end = mixed.pushes[0].at, mixed.pushes[-1].at
    window = end - start
    push_rate = (len(mixed.pushes) - 1) / window
    reply_rate = sum(start <= m.at <= end for m in mixed.replies) / window
    left = LIMIT - reply_rate
    wrong = sum(1 for count in mixed.pushed.values() if count != PER_SELLER)
    print(
        f"{TALKERS} sellers asking every {THINK[0]:.0f}-{THINK[1]:.0f} s while "
        f"{len(mixed.pushes)} pushes drain ({PER_SELLER} each for {PUSH_SELLERS} sellers); "
        f"server limits {LIMIT}/s, per chat a burst of 3 then 1/s"
    )
    print(latency_line("baseline, nothing to push", baseline.latencies))
    print(latency_line("while pushes drain       ", mixed.latencies))
    print(
        f"drain: {window:.1f} s; replies {reply_rate:.1f}/s, pushes {push_rate:.1f}/s = "
        f"{push_rate / left:.0%} of the {left:.1f}/s the replies leave (target ≥ 90 %)"
    )
    print(
        f"429 received: {mixed.refusals[429] + baseline.refusals[429]} (target 0); sellers "
        f"without exactly {PER_SELLER} pushes: {wrong} (target 0)"
    )


if __name__ == "__main__":
    asyncio.run(main())
