"""The ways to run the bot: long polling, webhook, and the offline console chat."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramUnauthorizedError
from aiogram.webhook.aiohttp_server import setup_application
from aiohttp import web

from bot.content.errors import ContentError
from bot.content.loader import Content, load_content
from bot.content.template_loader import TEMPLATES_PATH
from bot.db.connection import open_database
from bot.factory import CONCURRENT_UPDATES, PENDING_UPDATES, create_bot, create_dispatcher
from bot.i18n import create_i18n
from bot.services.clock import WallClock, system_clock
from bot.settings import SettingError, Settings
from bot.telegram.request_retry import best_effort, best_effort_beside
from bot.telegram.webhook import register_webhook
from bot.ui.template_texts import missing_template_texts

logger = logging.getLogger(__name__)
WEBHOOK_PATH = "/telegram/webhook"
HEALTH_PATH = "/healthz"
# Start-up calls that run beside polling, held until they finish.
_background: set[asyncio.Task[None]] = set()


def load_checked_content() -> Content:
    """The content files, and texts in the catalogues for exactly their phrases and emails."""
    content = load_content()
    for kind, ids in missing_template_texts(content.templates).items():
        raise ContentError(TEMPLATES_PATH, kind, f"ids differ from the catalogue texts: {ids}")
    return content


@asynccontextmanager
async def open_dispatcher(
    settings: Settings, clock: WallClock = system_clock
) -> AsyncIterator[Dispatcher]:
    """Open the database and build the dispatcher; close the database on the way out."""
    # Content first: a broken entry stops start-up before the database is touched.
    content = load_checked_content()
    database = await open_database(settings.database_path)
    try:
        yield create_dispatcher(
            db=database.connection,
            settings=settings,
            i18n=create_i18n(),
            content=content,
            clock=clock,
        )
    finally:
        await database.close()


@contextmanager
def token_checked() -> Iterator[None]:
    """A token Telegram refuses is a bad setting, reported in one line, not a traceback."""
    try:
        yield
    except TelegramUnauthorizedError as error:
        raise SettingError(
            "BOT_TOKEN",
            "Telegram refused this token (Unauthorized); copy it again from @BotFather",
        ) from error


async def run_polling(settings: Settings) -> None:
    """Long polling; SIGINT/SIGTERM stop it after in-flight updates."""
    bot = create_bot(settings.token(), api_base=settings.telegram_api_base)
    with token_checked():
        async with bot, open_dispatcher(settings) as dispatcher:
            # Polling retries on its own; a webhook left over shows up as a conflict there. It
            # is removed beside polling, not before it: while Telegram cannot be reached,
            # polling's signal handlers are already in place and SIGTERM stops the bot cleanly.
            dispatcher.startup.register(remove_webhook)
            logger.info("polling started")
            # Bounded: a burst of updates waits as at most PENDING_UPDATES tasks (no more are
            # fetched meanwhile); the chat turns hand out the work slots.
            await dispatcher.start_polling(
                bot, polling_timeout=30, tasks_concurrency_limit=PENDING_UPDATES
            )
    logger.info("stopped")


async def remove_webhook(bot: Bot) -> None:
    """Start-up hook of polling: remove a webhook left by an earlier run, in the background."""
    task = asyncio.create_task(
        best_effort_beside(bot.delete_webhook(drop_pending_updates=False), "remove a webhook")
    )
    _background.add(task)
    task.add_done_callback(_background.discard)


def run_webhook(settings: Settings) -> None:
    """An aiohttp server that accepts only requests carrying the webhook secret."""
    if not settings.webhook_url:
        raise SettingError("WEBHOOK_URL", "required in webhook mode")
    if settings.webhook_secret is None or not settings.webhook_secret.get_secret_value():
        raise SettingError("WEBHOOK_SECRET", "required in webhook mode")
    secret = settings.webhook_secret.get_secret_value()
    bot = create_bot(settings.token(), api_base=settings.telegram_api_base)
    url = settings.webhook_url.rstrip("/") + WEBHOOK_PATH

    async def build_app() -> web.Application:
        # The token is checked before anything is opened: a refused one stops the start here
        # (a Telegram outage only delays it: getMe is retried until answered).
        try:
            await bot.me()
        except TelegramUnauthorizedError:
            await bot.session.close()
            raise
        app = web.Application()
        resources = AsyncExitStack()
        dispatcher = await resources.enter_async_context(open_dispatcher(settings))

        async def set_webhook(bot: Bot) -> None:
            # If Telegram cannot be reached, the address set at an earlier start still works.
            # The update types are named, as polling does, so that my_chat_member (a seller
            # blocking or unblocking the bot) arrives whatever an earlier setting said.
            await best_effort(
                bot.set_webhook(
                    url,
                    secret_token=secret,
                    drop_pending_updates=False,
                    allowed_updates=dispatcher.resolve_used_update_types(),
                    max_connections=CONCURRENT_UPDATES,
                ),
                "set the webhook",
            )

        async def close_database(_: web.Application) -> None:
            await resources.aclose()

        async def health(_: web.Request) -> web.Response:
            return web.Response(text="ok")

        dispatcher.startup.register(set_webhook)
        turns = dispatcher["chat_turns"]
        register_webhook(app, dispatcher, bot, turns=turns, secret=secret, path=WEBHOOK_PATH)
        setup_application(app, dispatcher, bot=bot)
        app.router.add_get(HEALTH_PATH, health)
        app.on_cleanup.append(close_database)
        return app

    with token_checked():
        web.run_app(
            build_app(), host=settings.webhook_host, port=settings.webhook_port, print=None
        )
