"""Receiving updates over a webhook: Telegram's secret checked safely, the work bounded."""

from __future__ import annotations

import asyncio
import hmac
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web


class CheckedRequestHandler(SimpleRequestHandler):
    """aiogram's handler with two changes.

    The secret header is compared as bytes: aiogram compares strings, which raises on
    non-ASCII text, so any unauthenticated caller could cause a 500 and a traceback.

    At most `concurrency` updates are handled at once (as in polling). A request beyond that
    waits for a free slot before Telegram gets its answer, so a burst is worked off steadily
    and Telegram slows down, instead of the bot holding thousands of tasks.
    """

    def __init__(
        self, dispatcher: Dispatcher, bot: Bot, *, secret_token: str, concurrency: int, **data: Any
    ) -> None:
        super().__init__(dispatcher, bot, handle_in_background=True, secret_token=secret_token)
        self.data.update(data)
        self._secret = secret_token.encode()
        self._slots = asyncio.Semaphore(concurrency)

    def verify_secret(self, telegram_secret_token: str, bot: Bot) -> bool:
        """Does the request carry our secret (in constant time, whatever its characters)?"""
        # aiohttp decodes header bytes as UTF-8 with surrogateescape; this gives them back.
        given = telegram_secret_token.encode("utf-8", "surrogateescape")
        return hmac.compare_digest(given, self._secret)

    async def _handle_request_background(self, bot: Bot, request: web.Request) -> web.Response:
        await self._slots.acquire()
        try:
            update = await request.json(loads=bot.session.json_loads)
        except BaseException:
            self._slots.release()
            raise
        task = asyncio.create_task(self._background_feed_update(bot=bot, update=update))
        self._background_feed_update_tasks.add(task)
        task.add_done_callback(self._background_feed_update_tasks.discard)
        task.add_done_callback(lambda _: self._slots.release())
        return web.json_response({}, dumps=bot.session.json_dumps)
