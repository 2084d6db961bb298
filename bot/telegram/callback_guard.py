"""Every button press gets an answer, even when its handler forgot or failed."""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import AnswerCallbackQuery, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import CallbackQuery, TelegramObject


class _AnsweredRecorder(BaseRequestMiddleware):
    """Session middleware: remembers which callback queries were answered."""

    def __init__(self) -> None:
        self.answered: set[str] = set()

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        response = await make_request(bot, method)
        if isinstance(method, AnswerCallbackQuery):
            self.answered.add(method.callback_query_id)
        return response


class AnswerEveryCallback(BaseMiddleware):
    """Outer callback-query middleware: answers the query if the handler did not."""

    def __init__(self) -> None:
        self._recorder = _AnsweredRecorder()
        self._bots: weakref.WeakSet[Bot] = weakref.WeakSet()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """Run the handler, then answer the press if nothing else did."""
        bot: Bot = data["bot"]
        if bot not in self._bots:
            bot.session.middleware(self._recorder)
            self._bots.add(bot)
        assert isinstance(event, CallbackQuery)
        try:
            return await handler(event, data)
        finally:
            if event.id in self._recorder.answered:
                self._recorder.answered.discard(event.id)
            else:
                with contextlib.suppress(TelegramAPIError):
                    await bot.answer_callback_query(event.id)
                self._recorder.answered.discard(event.id)
