"""Bot API retries: wait out 429 flood control, back off on server and network errors.

A call that puts a message into a chat is not idempotent: repeated after a network error where
the request may have reached Telegram (a timeout, a dropped connection), it can show twice (an
edit repeated is refused as "not modified", which the handler would see as a failure). Such
calls are repeated only when the connection was never made; Telegram's own refusals (429, 5xx)
mean the call was not carried out and are repeated for every method. Background sends (reminder
pushes) are not repeated here at all: the scheduler puts them back and backs off on its own
(bot/scheduler.py), instead of holding its one push in flight through a row of retries.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.methods import GetMe, GetUpdates, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiohttp import ClientConnectorError

from bot.telegram.send_budget import in_background, is_message

logger = logging.getLogger(__name__)


class RetryMiddleware(BaseRequestMiddleware):
    """Retries a call after `retry_after` on 429 and with exponential backoff on network errors.

    getUpdates is left to the polling loop and background sends to the scheduler, which have
    their own backoff. getMe, which polling
    needs before it can start, is retried until Telegram answers: an outage at start-up delays
    the bot instead of stopping it. A message is not sent again after a network error unless
    the request cannot have arrived (see the module docstring).
    """

    def __init__(self, attempts: int = 5, base_delay: float = 0.5, max_delay: float = 30.0):
        self.attempts = attempts
        self.base_delay = base_delay
        self.max_delay = max_delay

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        """Run the call, retrying what Telegram or the network asks us to retry."""
        if method.__api_method__ == GetUpdates.__api_method__ or in_background():
            return await make_request(bot, method)
        unlimited = method.__api_method__ == GetMe.__api_method__
        attempt = 0
        while True:
            attempt += 1
            given_up = not unlimited and attempt >= self.attempts
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                if given_up:
                    raise
                logger.warning(
                    "%s: flood control, retrying in %ss", method.__api_method__, error.retry_after
                )
                await asyncio.sleep(error.retry_after)
            except (TelegramNetworkError, TelegramServerError) as error:
                if given_up or not may_repeat(method, error):
                    raise
                delay = min(self.base_delay * 2 ** (attempt - 1), self.max_delay)
                logger.warning(
                    "%s: %s (%s), retrying in %.1fs",
                    method.__api_method__,
                    type(error).__name__,
                    error.message,
                    delay,
                )
                await asyncio.sleep(delay)


async def best_effort(call: Awaitable[object], what: str) -> None:
    """A start-up call the bot can run without: a failure is logged and start-up goes on,
    except a refused token, which stops it."""
    try:
        await call
    except TelegramUnauthorizedError:
        raise
    except TelegramAPIError as error:
        logger.warning("could not %s: %s", what, error.message)


async def best_effort_beside(call: Awaitable[object], what: str) -> None:
    """`best_effort` for a call made beside polling: a refused token is not reported here,
    as polling's own getMe reports it in one line and stops the bot."""
    with contextlib.suppress(TelegramUnauthorizedError):
        await best_effort(call, what)


def never_arrived(error: TelegramNetworkError) -> bool:
    """The connection to Telegram was never made, so the request cannot have been carried out."""
    return isinstance(error.__cause__, ClientConnectorError)


def may_repeat(method: TelegramMethod[Any], error: TelegramAPIError) -> bool:
    """Can the call be made again without risking a second copy of a message?"""
    if isinstance(error, TelegramNetworkError) and is_message(method):
        return never_arrived(error)
    return True
