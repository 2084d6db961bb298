"""Draining 3,000 due reminders for 3,000 sellers through a local fake Bot API that enforces
Telegram's flood limits (30 messages/s overall, 1/s per chat) and answers 429 above them.

Run: python bench/reminder_drain.py
Baseline in the same run: the limit itself (30/s); target ≥ 27/s (≥ 90 %), 0 × 429, 0 lost,
0 duplicated.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT))


from bot.app import open_dispatcher
from bot.factory import create_bot
from bot.offline.emulator import BotApiEmulator, RateLimits
from bot.settings import Settings
from tests.support.fake_bot_api import FakeBotApi
from tests.support.seed import seed_overdue_cases

SELLERS = 3000
LIMIT = 30
TOKEN = "1:drain"


async def main() -> None:
    emulator = BotApiEmulator(rate_limits=RateLimits(per_second=LIMIT, per_chat_per_second=1))
    api = FakeBotApi(emulator, TOKEN)
    base = await api.start()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bot.sqlite3"
        sellers = await seed_overdue_cases(database, SELLERS)
        settings = Settings(_env_file=None, database_path=database, telegram_api_base=base)
        bot = create_bot(TOKEN, api_base=base)
        async with open_dispatcher(settings) as dispatcher:
            start = time.perf_counter()
            await dispatcher.emit_startup(bot=bot, dispatcher=dispatcher)
            first_push = None
            while True:
                pushed = Counter(
                    chat
                    for (chat, _), message in emulator.messages.items()
                    if "超时未回复" in message.text
                )
                if first_push is None and pushed:
                    first_push = time.perf_counter()
                if len(pushed) >= SELLERS:
                    break
                await asyncio.sleep(0.05)
            elapsed = time.perf_counter() - (first_push or start)
            await asyncio.sleep(1.0)
            await dispatcher.emit_shutdown(bot=bot, dispatcher=dispatcher)
        await bot.session.close()
    await api.stop()
    pushed = Counter(
        chat for (chat, _), message in emulator.messages.items() if "超时未回复" in message.text
    )
    rate = SELLERS / elapsed
    too_many = sum(1 for _, refusal in emulator.refusals if refusal.status == 429)
    lost = sum(1 for chat in sellers if pushed[chat] == 0)
    duplicated = sum(count - 1 for count in pushed.values() if count > 1)
    print(f"reminders: {SELLERS} for {SELLERS} sellers; server limits {LIMIT}/s, 1/s per chat")
    print(f"drain time: {elapsed:.1f} s (first to last push)")
    print(f"achieved rate: {rate:.1f}/s = {rate / LIMIT:.0%} of the limit (target ≥ 90 %)")
    print(f"429 received: {too_many}, lost: {lost}, duplicated: {duplicated} (targets: 0, 0, 0)")


if __name__ == "__main__":
    asyncio.run(main())
