"""Keeps aiogram's Bot API answer models built.

aiogram reads every answer with `Response[T]`, T being what the method returns (a message,
`True`, a list of updates...). pydantic caches such parametrised models only weakly, and they
sit in reference cycles, so each garbage collection drops them and the next call builds the
model again: 5-10 ms for a message, more for a list of updates, in about one call in twenty
under load. One strong reference per returned type keeps the cache warm.

Like the import speed-up, it is used only where `bot.telegram.speedups.applies()` (tested
versions, not switched off); `create_bot` checks.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType


class KeepResponseModels(BaseRequestMiddleware):
    """Session middleware: holds the `Response[T]` model of every method the bot calls."""

    def __init__(self) -> None:
        self.kept: dict[Any, type[Response[Any]]] = {}

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        """Build (or find) the answer model before the call, and keep it."""
        returning = method.__returning__
        if returning not in self.kept:
            self.kept[returning] = Response[returning]  # type: ignore[valid-type]
        return await make_request(bot, method)
