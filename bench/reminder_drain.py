"""Draining 3,000 due reminders, three for each of 1,000 sellers, through a local fake Bot API
that enforces Telegram's flood limits (30 messages/s overall; per chat a burst of 3, then 1/s)
and answers 429 above them. Three reminders per seller make the per-chat limit bite: a seller's
pushes must be spread out while other sellers' go first.

Run: python bench/reminder_drain.py
Baseline in the same run: the limit itself (30/s); target ≥ 27/s (≥ 90 %), 0 × 429, 0 lost,
0 duplicated.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections import Counter
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT))


from bot.app import open_dispatcher
from bot.factory import create_bot
from bot.offline.emulator import BotApiEmulator, RateLimits
from bot.settings import Settings
from tests.support.fake_bot_api import PUSH_MARKER, FakeBotApi
from tests.support.seed import seed_overdue_cases

SELLERS = 1000
PER_SELLER = 3
LIMIT = 30
TOKEN = "1:drain"


def pushed(emulator: BotApiEmulator) -> Counter[int]:
    """Pushes received per chat."""
    return Counter(
        chat for (chat, _), message in emulator.messages.items() if PUSH_MARKER in message.text
    )


async def main() -> None:
    limits = RateLimits(per_second=LIMIT)
    emulator = BotApiEmulator(rate_limits=limits)
    api = FakeBotApi(emulator, TOKEN)
    base = await api.start()
    total = SELLERS * PER_SELLER
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bot.sqlite3"
        sellers = await seed_overdue_cases(database, SELLERS, PER_SELLER)
        settings = Settings(_env_file=None, database_path=database, telegram_api_base=base)
        bot = create_bot(TOKEN, api_base=base)
        async with open_dispatcher(settings) as dispatcher:
            await dispatcher.emit_startup(bot=bot, dispatcher=dispatcher)
            while sum(pushed(emulator).values()) < total:
                await asyncio.sleep(0.05)
            await asyncio.sleep(1.0)
            await dispatcher.emit_shutdown(bot=bot, dispatcher=dispatcher)
        await bot.session.close()
    await api.stop()
    times = sorted(m.at for m in emulator.messages.values() if PUSH_MARKER in m.text)
    elapsed = times[-1] - times[0]
    rate = (len(times) - 1) / elapsed
    counts = pushed(emulator)
    too_many = sum(1 for _, refusal in emulator.refusals if refusal.status == 429)
    lost = sum(max(0, PER_SELLER - counts[chat]) for chat in sellers)
    duplicated = sum(max(0, counts[chat] - PER_SELLER) for chat in sellers)
    print(
        f"reminders: {total} for {SELLERS} sellers ({PER_SELLER} each); server limits "
        f"{LIMIT}/s, per chat a burst of {limits.chat_burst} then "
        f"{limits.per_chat_per_second:g}/s"
    )
    print(f"drain time: {elapsed:.1f} s (first to last push)")
    print(f"achieved rate: {rate:.1f}/s = {rate / LIMIT:.0%} of the limit (target ≥ 90 %)")
    print(f"429 received: {too_many}, lost: {lost}, duplicated: {duplicated} (targets: 0, 0, 0)")


if __name__ == "__main__":
    asyncio.run(main())
