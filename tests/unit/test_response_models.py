"""Bot API answer models stay built between calls (bot/telegram/speedups/answer_models.py)."""

from __future__ import annotations

import gc
import weakref

from aiogram.methods import Response
from aiogram.types import Message

from bot.factory import create_bot
from bot.offline.emulator import BotApiEmulator
from bot.offline.session import OfflineSession


async def test_answer_model_survives_garbage_collection() -> None:
    emulator = BotApiEmulator()
    bot = create_bot("42:test-token", session=OfflineSession(emulator))
    await bot.send_message(1, "你好")
    model = weakref.ref(Response[Message])
    gc.collect()
    assert model() is not None, "the Response[Message] model was dropped and must be rebuilt"
    await bot.send_message(1, "再见")
    assert Response[Message] is model()
