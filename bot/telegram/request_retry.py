"""Bot API retries: wait out 429 flood control, back off on network errors."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable

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

logger = logging.getLogger(__name__)


class RetryMiddleware(BaseRequestMiddleware):
    """Retries a call after `retry_after` on 429 and with exponential backoff on network errors.

    getUpdates is left to the polling loop, which has its own backoff. getMe, which polling
    needs before it can start, is retried until Telegram answers: an outage at start-up delays
    the bot instead of stopping it.
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
        if method.__api_method__ == GetUpdates.__api_method__:
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
                if given_up:
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
