"""The test suite. aiogram is imported the way `python -m bot` imports it (bot/aiogram_import.py),
before any test module or fixture imports it."""

from bot.aiogram_import import import_aiogram

import_aiogram()
