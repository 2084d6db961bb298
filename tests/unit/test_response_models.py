"""Bot API answer models stay built between calls (bot/telegram/speedups/answer_models.py).
Whether `create_bot` adds the middleware is tested in test_speedup_guard.py."""

from __future__ import annotations

import gc
import weakref

from aiogram import Bot
from aiogram.methods import Response
from aiogram.types import Message

from bot.offline.emulator import BotApiEmulator
from bot.offline.session import OfflineSession
from bot.telegram.speedups.answer_models import KeepResponseModels


async def test_answer_model_survives_garbage_collection() -> None:
    # The middleware itself, on a session of its own: the suite also runs with SPEEDUPS=false.
    session = OfflineSession(BotApiEmulator())
    session.middleware(KeepResponseModels())
    bot = Bot("42:test-token", session=session)
    await bot.send_message(1, "你好")
    model = weakref.ref(Response[Message])
    gc.collect()
    assert model() is not None, "the Response[Message] model was dropped and must be rebuilt"
    await bot.send_message(1, "再见")
    assert Response[Message] is model()
