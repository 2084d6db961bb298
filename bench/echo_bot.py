"""The baseline bot: bare aiogram long polling that echoes text (same Bot API server).

Like for like with the bot where it is plumbing, not features: aiogram imported with the same
speed-up (bot/telegram/speedups) and polling with the same bound on concurrent updates.
"""

from __future__ import annotations

import asyncio
import os

from bot.telegram.speedups import import_aiogram

import_aiogram()

from aiogram import Bot, Dispatcher  # noqa: E402
from aiogram.client.session.aiohttp import AiohttpSession  # noqa: E402
from aiogram.client.telegram import TelegramAPIServer  # noqa: E402
from aiogram.types import Message  # noqa: E402

CONCURRENT_UPDATES = 32  # the bot's work slots, bot/factory.py (not imported: that loads the bot)


async def main() -> None:
    """Echo every text message back."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(os.environ["TELEGRAM_API_BASE"]))
    bot = Bot(os.environ["BOT_TOKEN"], session=session)
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "?")

    await dispatcher.start_polling(
        bot, polling_timeout=30, tasks_concurrency_limit=CONCURRENT_UPDATES
    )


if __name__ == "__main__":
    asyncio.run(main())
