"""`python -m bot chat`: the real dispatcher in a terminal, with no token and no network."""

from __future__ import annotations

import asyncio
from typing import Any, TextIO

from aiogram import Bot, Dispatcher
from aiogram.types import Update

from bot.app import open_dispatcher
from bot.factory import create_bot
from bot.offline.emulator import BotApiEmulator, SentMessage
from bot.offline.session import OfflineSession
from bot.settings import Settings
from bot.telegram.send_budget import SendBudget

CONSOLE_TOKEN = "1:offline-console"
CONSOLE_USER_ID = 1


class ConsoleChat:
    """Feeds typed lines to the dispatcher and prints what the bot sends back."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, emulator: BotApiEmulator, out: TextIO):
        self.dispatcher = dispatcher
        self.bot = bot
        self.emulator = emulator
        self.out = out
        self.buttons: list[tuple[int, dict[str, Any]]] = []
        self.printed: dict[int, str] = {}

    async def handle_line(self, line: str) -> None:
        """Text and commands are sent as messages; a number presses that button."""
        line = line.strip()
        if not line:
            return
        if line.isdigit() and 1 <= int(line) <= len(self.buttons):
            message_id, button = self.buttons[int(line) - 1]
            if "copy_text" in button:
                self.out.write(f"📋 {button['copy_text']['text']}\n")
                return
            if "url" in button:
                self.out.write(f"🔗 {button['url']}\n")
                return
            raw = self.emulator.user_press(CONSOLE_USER_ID, message_id, button["callback_data"])
        else:
            raw = self.emulator.user_message(CONSOLE_USER_ID, line)
        await self.dispatcher.feed_update(self.bot, Update.model_validate(raw))
        self.print_new()

    async def print_pushes(self) -> None:
        """Print whatever the bot sends on its own (reminders), twice a second."""
        while True:
            await asyncio.sleep(0.5)
            self.print_new()

    def print_new(self) -> None:
        """Print messages that are new or were edited since the last line."""
        for message in self.emulator.chat_messages(CONSOLE_USER_ID):
            rendered = self.render(message)
            if self.printed.get(message.message_id) != rendered:
                self.out.write(rendered)
                self.printed[message.message_id] = rendered
                self.number_buttons(message)
        self.out.flush()

    def render(self, message: SentMessage) -> str:
        """The message as plain text, its buttons numbered after the last ones shown."""
        lines = ["", "🤖 " + message.text.replace("\n", "\n   ")]
        if message.document:
            lines.append(f"   📎 {message.document[0]} ({len(message.document[1])} bytes)")
        return "\n".join(lines) + "\n"

    def number_buttons(self, message: SentMessage) -> None:
        """Buttons of the newest message get the numbers 1, 2, 3..."""
        buttons = message.buttons()
        if not buttons:
            return
        self.buttons = [(message.message_id, button) for button in buttons]
        labels = [f"[{index}] {button['text']}" for index, button in enumerate(buttons, 1)]
        self.out.write("   " + "  ".join(labels) + "\n")


async def run_console(settings: Settings, stdin: TextIO, stdout: TextIO) -> None:
    """Chat until the end of input; a scripted session works the same as a typed one."""
    emulator = BotApiEmulator()
    # No Telegram behind it, so no flood limits to keep to.
    bot = create_bot(
        CONSOLE_TOKEN, session=OfflineSession(emulator), budget=SendBudget.unlimited()
    )
    async with open_dispatcher(settings) as dispatcher:
        await dispatcher.emit_startup(bot=bot, dispatcher=dispatcher)
        chat = ConsoleChat(dispatcher, bot, emulator, stdout)
        stdout.write(
            "Offline console chat (no BOT_TOKEN set). Type text or /commands, "
            "a number presses a button, Ctrl-D quits.\n"
        )
        await chat.handle_line("/start")
        # Reminder pushes arrive between lines; show them as they come.
        pushes = asyncio.create_task(chat.print_pushes())
        while line := await asyncio.to_thread(stdin.readline):
            await chat.handle_line(line)
        pushes.cancel()
        await dispatcher.emit_shutdown(bot=bot, dispatcher=dispatcher)
    stdout.write("\nBye.\n")
