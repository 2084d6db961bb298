"""The in-process rig: the production dispatcher on a real database and the Bot API emulator."""

from __future__ import annotations

from aiogram import Bot, Dispatcher

from bot.offline.emulator import BotApiEmulator
from tests.support.driver import InProcessDriver

USER_ID = 4242


class Rig:
    """What a handler test needs."""

    def __init__(
        self,
        emulator: BotApiEmulator,
        chat: InProcessDriver,
        dispatcher: Dispatcher,
        bot: Bot,
    ) -> None:
        self.emulator = emulator
        self.chat = chat
        self.dispatcher = dispatcher
        self.bot = bot

    def user(self, user_id: int, language_code: str = "zh-hans") -> InProcessDriver:
        """A second seller in the same bot."""
        driver = InProcessDriver(self.dispatcher, self.bot, self.emulator, user_id)
        driver.language_code = language_code
        return driver
