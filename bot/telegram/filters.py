"""Message filters as coroutines.

aiogram runs synchronous filters (magic `F` expressions included) in a worker thread; these
checks run on every update in every router, so they are written as async `Filter`s instead.
"""

from __future__ import annotations

from enum import Enum

from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message


class Chat(Filter):
    """Private chats with a known sender, or (with private=False) every other chat."""

    def __init__(self, *, private: bool = True) -> None:
        self.private = private

    async def __call__(self, message: Message) -> bool:
        """Match on the chat type."""
        if self.private:
            return message.chat.type == "private" and message.from_user is not None
        return message.chat.type != "private"


class Typed(Enum):
    """What kind of input a message is."""

    PLAIN_TEXT = "plain"  # text that is not a command: commands keep working inside wizards
    COMMAND = "command"
    ANY_TEXT = "text"
    NO_TEXT = "none"  # stickers, photos, voice…
    NOT_COMMAND = "not_command"
    TEXT_OR_CAPTION = "text_or_caption"  # text, or the caption of a photo or file (no command)


class Input(Filter):
    """Match messages by the kind of input."""

    def __init__(self, kind: Typed) -> None:
        self.kind = kind

    async def __call__(self, message: Message) -> bool:
        """Classify the message and compare."""
        text = message.text
        command = text is not None and text.startswith("/")
        caption = message.caption
        return {
            Typed.TEXT_OR_CAPTION: (text is not None and not command) or bool(caption),
            Typed.PLAIN_TEXT: text is not None and not command,
            Typed.COMMAND: command,
            Typed.ANY_TEXT: text is not None,
            Typed.NO_TEXT: text is None,
            Typed.NOT_COMMAND: not command,
        }[self.kind]


PRIVATE = Chat()
PLAIN_TEXT = Input(Typed.PLAIN_TEXT)
NO_TEXT = Input(Typed.NO_TEXT)
TEXT_OR_CAPTION = Input(Typed.TEXT_OR_CAPTION)


class DataPrefix(Filter):
    """Button presses whose callback data starts with one of the given prefixes (earlier
    versions of a CallbackData class, which no longer unpack)."""

    def __init__(self, *prefixes: str) -> None:
        self.prefixes = tuple(f"{prefix}:" for prefix in prefixes)

    async def __call__(self, query: CallbackQuery) -> bool:
        """Match on the raw data."""
        return query.data is not None and query.data.startswith(self.prefixes)
