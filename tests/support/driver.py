"""A seller's side of the chat: type text, press buttons by their label, read the replies."""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bot.offline.emulator import BotApiEmulator, SentMessage


async def wait_until(condition: Callable[[], bool], timeout: float) -> float:
    """Poll until `condition()` holds (for what the bot does on its own); return the seconds it
    took, or fail the test after `timeout`."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while not condition():
        if loop.time() - start > timeout:
            raise AssertionError(f"not within {timeout}s")
        await asyncio.sleep(0.02)
    return loop.time() - start


def callback_answers(emulator: BotApiEmulator) -> list[str | None]:
    """The texts of every answer to a button press so far (None: answered without text)."""
    return [call.get("text") for name, call in emulator.calls if name == "answercallbackquery"]


class ChatDriver(ABC):
    """What both rigs share: the emulator's view of the chat and the ways to act in it."""

    def __init__(self, emulator: BotApiEmulator, user_id: int, language_code: str = "zh-hans"):
        self.emulator = emulator
        self.user_id = user_id
        self.language_code = language_code

    @abstractmethod
    async def deliver(self, update: dict[str, Any], expect_reply: bool) -> None:
        """Hand the update to the bot and wait until it has been handled."""

    async def send(self, text: str, *, expect_reply: bool = True) -> SentMessage | None:
        """Type a message; return the bot's newest message afterwards."""
        update = self.emulator.user_message(self.user_id, text, language_code=self.language_code)
        await self.deliver(update, expect_reply)
        return self.last()

    async def fill_profile(self, **values: str) -> SentMessage | None:
        """Type profile values through /profile, keyed by the field's Chinese label."""
        await self.send("/profile")
        reply = None
        for label, value in values.items():
            await self.press(label)
            reply = await self.send(value)
        return reply

    async def send_media(self, kind: str) -> SentMessage | None:
        """Send a sticker or a photo; return the bot's newest message afterwards."""
        await self.deliver(self.emulator.user_media(self.user_id, kind), True)
        return self.last()

    async def press(self, label: str, *, expect_reply: bool = True) -> SentMessage | None:
        """Press the button whose text contains `label` on the newest message that has it."""
        for message in reversed(self.emulator.chat_messages(self.user_id)):
            for button in message.buttons():
                if label in button["text"] and "callback_data" in button:
                    return await self.press_data(
                        message.message_id, button["callback_data"], expect_reply=expect_reply
                    )
        raise AssertionError(f"no button {label!r}; last message: {self.last()}")

    async def press_data(
        self, message_id: int, data: str, *, expect_reply: bool = True
    ) -> SentMessage | None:
        """Press a button with raw callback data (also for forged or stale data)."""
        update = self.emulator.user_press(
            self.user_id, message_id, data, language_code=self.language_code
        )
        await self.deliver(update, expect_reply)
        return self.last()

    def last(self) -> SentMessage | None:
        """The newest message in the chat."""
        return self.emulator.last_message(self.user_id)

    def button_labels(self, message: SentMessage | None = None) -> list[str]:
        """Labels of the buttons on a message (default: the newest)."""
        message = message or self.last()
        return [button["text"] for button in message.buttons()] if message else []


class InProcessDriver(ChatDriver):
    """Feeds updates straight into the production dispatcher."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, emulator: BotApiEmulator, user_id: int):
        super().__init__(emulator, user_id)
        self.dispatcher = dispatcher
        self.bot = bot

    async def deliver(self, update: dict[str, Any], expect_reply: bool) -> None:
        """Run the update to completion."""
        await self.dispatcher.feed_update(self.bot, Update.model_validate(update))


class HttpDriver(ChatDriver):
    """Queues updates on the fake Bot API; the bot process picks them up by long polling."""

    async def deliver(self, update: dict[str, Any], expect_reply: bool) -> None:
        """Wait for the reply (or for the button press to be answered)."""
        callback = update.get("callback_query")
        before = self.emulator.revision
        deadline = asyncio.get_running_loop().time() + 15
        while asyncio.get_running_loop().time() < deadline:
            answered = callback is None or callback["id"] not in self.emulator.open_callbacks()
            if answered and (not expect_reply or self.emulator.revision != before):
                return
            await asyncio.sleep(0.02)
        raise AssertionError(f"the bot did not react to {update}")
