"""The test suite. aiogram is imported the way `python -m bot` imports it (bot/telegram/speedups),
before any test module or fixture imports it, with the speed-ups on unless the environment says
`SPEEDUPS=false` (tools/check.py runs the in-process tests that way too)."""

from bot.settings import Settings
from bot.telegram.speedups import import_aiogram

import_aiogram(enabled=Settings(_env_file=None).speedups)
