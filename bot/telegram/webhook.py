"""Receiving updates over a webhook: aiogram's SimpleRequestHandler behind two aiohttp
middlewares.

- The secret header is compared as bytes in constant time: aiogram compares strings, which
  raises on non-ASCII text, so any unauthenticated caller could cause a 500 and a traceback.
  A request without it gets 401.
- A body that is not an update (not JSON, nested too deep to read, JSON of another shape) gets
  400, without a traceback in the log.
- The update waits for room among the pending ones (`ChatTurns.admit`) before Telegram gets
  its answer, so a burst is worked off steadily and Telegram slows down, instead of the bot
  holding thousands of tasks. Repeated updates are dropped by `ChatTurns` (polling too).
"""

from __future__ import annotations

import hmac
import json
import logging

from aiogram import Bot, Dispatcher
from aiogram.types import Update
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from aiohttp.typedefs import Handler, Middleware
from pydantic import ValidationError

from bot.telegram.chat_turns import ChatTurns

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
logger = logging.getLogger(__name__)


def secret_required(secret: str, path: str) -> Middleware:
    """Requests to `path` must carry the secret header."""
    expected = secret.encode()

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path != path:
            return await handler(request)
        # aiohttp decodes header bytes as UTF-8 with surrogateescape; this gives them back.
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "surrogateescape")
        if not hmac.compare_digest(given, expected):
            return web.Response(status=401, text="Unauthorized")
        return await handler(request)

    return check


def updates_only(bot: Bot, turns: ChatTurns, path: str) -> Middleware:
    """Requests to `path` must carry one update, which then waits for room."""

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path != path:
            return await handler(request)
        try:
            data = json.loads(await request.read())
            update_id = Update.model_validate(data, context={"bot": bot}).update_id
        except (ValueError, RecursionError, ValidationError):
            logger.warning("a webhook request without an update was refused")
            return web.Response(status=400, text="Bad Request")
        await turns.admit(update_id)
        return await handler(request)

    return check


def register_webhook(
    app: web.Application,
    dispatcher: Dispatcher,
    bot: Bot,
    *,
    turns: ChatTurns,
    secret: str,
    path: str,
) -> None:
    """aiogram's request handler at `path`, updates handled in the background."""
    app.middlewares.append(secret_required(secret, path))
    app.middlewares.append(updates_only(bot, turns, path))
    SimpleRequestHandler(dispatcher, bot, handle_in_background=True).register(app, path=path)
