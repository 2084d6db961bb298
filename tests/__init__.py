"""The test suite. aiogram is imported the way `python -m bot` imports it (bot/telegram/speedups),
before any test module or fixture imports it."""

from bot.telegram.speedups import import_aiogram

import_aiogram()
