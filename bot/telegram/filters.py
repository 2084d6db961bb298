"""Message and button filters as aiogram magic filters (`F`), named for what they match."""

from __future__ import annotations

from aiogram import F
from aiogram.enums import ChatType
from aiogram.utils.magic_filter import MagicFilter

PRIVATE = (F.chat.type == ChatType.PRIVATE) & F.from_user
NOT_PRIVATE = F.chat.type != ChatType.PRIVATE
COMMAND = F.text.startswith("/")
ANY_TEXT = F.text
NO_TEXT = ~F.text
NOT_COMMAND = ~COMMAND
# Text that is not a command: commands keep working inside wizards.
PLAIN_TEXT = F.text & NOT_COMMAND
# Text, or the caption of a photo or file (no command).
TEXT_OR_CAPTION = PLAIN_TEXT | F.caption


def data_prefix(*prefixes: str) -> MagicFilter:
    """Button presses whose callback data starts with one of the given prefixes (earlier
    versions of a CallbackData class, which no longer unpack)."""
    return F.data.startswith(tuple(f"{prefix}:" for prefix in prefixes))
