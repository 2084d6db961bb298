"""Telegram without a network: the Bot API emulator, its aiogram session, the console chat."""
