"""Builds the bot and the dispatcher: the one place where handlers, storage and i18n meet."""

from __future__ import annotations

import asyncio
import logging
from zoneinfo import ZoneInfo

import aiosqlite
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.base import BaseSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramNetworkError
from aiogram.filters import ExceptionTypeFilter
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram.fsm.strategy import FSMStrategy
from aiogram.types import ErrorEvent
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _

from bot.content.loader import Content
from bot.db.case_repository import CaseLimitReached, CaseRepository
from bot.db.fsm_storage import SQLiteStorage
from bot.db.stats_queries import StatsRepository
from bot.db.user_repository import UserRepository
from bot.i18n import UserLocaleMiddleware
from bot.scheduler import ReminderScheduler
from bot.services.case_rules import CaseRules
from bot.services.cases import Schedules
from bot.services.clock import WallClock, system_clock
from bot.settings import Settings
from bot.telegram.chat_turns import ChatTurns, install
from bot.telegram.request_retry import RetryMiddleware, best_effort_beside
from bot.telegram.send_budget import BudgetMiddleware, SendBudget
from bot.translation import create_translator
from bot.ui.commands import register_commands
from bot.ui.keyboards import main_menu
from bot.ui.merged_messages import merged_notice
from bot.ui.tracking_views import case_limit_view
from handlers import get_routers

logger = logging.getLogger(__name__)
# Updates handled at once (each chat holds at most one of these slots), and updates waiting.
CONCURRENT_UPDATES = 32
PENDING_UPDATES = 1_000


def create_bot(
    token: str,
    *,
    api_base: str | None = None,
    session: BaseSession | None = None,
    budget: SendBudget | None = None,
    retry: RetryMiddleware | None = None,
) -> Bot:
    """A bot with HTML parse mode, no link previews (a source link under an answer must not
    grow a card), retries where they cannot duplicate a message, and one send budget under
    Telegram's flood limits for everything it sends (replies before pushes). Tests pass their
    own budget and retry delays to keep to their time."""
    if session is None:
        server = TelegramAPIServer.from_base(api_base) if api_base else None
        session = AiohttpSession(api=server) if server else AiohttpSession()
    session.middleware(retry or RetryMiddleware())
    # Inside the retries: every attempt waits for its own turn.
    session.middleware(BudgetMiddleware(budget or SendBudget()))
    default = DefaultBotProperties(parse_mode=ParseMode.HTML, link_preview_is_disabled=True)
    return Bot(token, session=session, default=default)


def create_dispatcher(
    *,
    db: aiosqlite.Connection,
    settings: Settings,
    i18n: I18n,
    content: Content,
    clock: WallClock = system_clock,
) -> Dispatcher:
    """The production dispatcher; tests and the console chat use it as it is (tests with a
    clock of their own).

    Handlers declare what they use as typed parameters, filled from the data given here by name
    (aiogram's workflow data): `users`, `cases`, `stats`, `rules`, `policy`, `knowledge`,
    `templates`, `manager_phrases`, `translator` (None unless configured), `settings`, `clock`,
    `default_zone`, `db` (for the data export).
    """
    policy = content.policy
    translator = create_translator(settings)
    users = UserRepository(db, clock)
    reminders_changed = asyncio.Event()
    cases = CaseRepository(
        db,
        on_reminders_changed=reminders_changed.set,
        open_limit=policy.values.max_open_cases,
        reminder_limit=policy.values.max_reminders_per_case,
    )
    rules = CaseRules(policy, Schedules.from_policy(policy.values))
    scheduler = ReminderScheduler(
        cases,
        users,
        rules,
        i18n,
        settings.default_timezone,
        reminders_changed,
        clock,
    )
    dispatcher = Dispatcher(
        storage=SQLiteStorage(db),
        fsm_strategy=FSMStrategy.USER_IN_CHAT,
        events_isolation=SimpleEventIsolation(),
        disable_fsm=True,  # installed after the chat turns, below
        db=db,
        users=users,
        settings=settings,
        policy=policy,
        knowledge=content.knowledge,
        templates=content.templates,
        manager_phrases=content.manager_phrases,
        translator=translator,
        rules=rules,
        cases=cases,
        stats=StatsRepository(db),
        clock=clock,
        default_zone=ZoneInfo(settings.default_timezone),
        chat_turns=ChatTurns(concurrency=CONCURRENT_UPDATES, pending=PENDING_UPDATES),
    )
    UserLocaleMiddleware(i18n, users).setup(dispatcher)
    install(dispatcher, dispatcher["chat_turns"], merged_notice)
    dispatcher.include_routers(*get_routers())
    dispatcher.errors.register(refuse_case_over_limit, ExceptionTypeFilter(CaseLimitReached))
    dispatcher.errors.register(on_error)

    background: set[asyncio.Task[None]] = set()

    async def on_startup(bot: Bot) -> None:
        # The menu of commands is a nicety, registered beside polling rather than before it: the
        # first reply does not wait for its nine Bot API calls.
        task = asyncio.create_task(
            best_effort_beside(register_commands(bot, i18n), "register commands")
        )
        background.add(task)
        task.add_done_callback(background.discard)
        await scheduler.start(bot)

    async def on_shutdown() -> None:
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
        await scheduler.stop()
        if translator is not None:
            await translator.close()

    dispatcher.startup.register(on_startup)
    dispatcher.shutdown.register(on_shutdown)
    return dispatcher


async def refuse_case_over_limit(event: ErrorEvent) -> bool:
    """A case past the seller's open-case limit, or a case's reminder limit (whichever way
    it was asked for): nothing was stored; say so, with the way out."""
    assert isinstance(event.exception, CaseLimitReached)
    update = event.update
    message = update.message or (update.callback_query.message if update.callback_query else None)
    if message is not None:
        text, markup = case_limit_view(event.exception)
        await message.answer(text, reply_markup=markup)
    return True


async def on_error(event: ErrorEvent) -> bool:
    """Log the failure and tell the user something went wrong, with the menu as the next step."""
    logger.exception("update %s failed", event.update.update_id, exc_info=event.exception)
    update = event.update
    message = update.message or (update.callback_query.message if update.callback_query else None)
    if isinstance(event.exception, TelegramNetworkError):
        # The reply may well have arrived (only its answer was lost), and an apology would go
        # the same broken way: nothing more is sent.
        return True
    if message is not None and message.chat.type == "private":
        try:
            await message.answer(
                _("Sorry, something went wrong on my side. Please try again:"),
                reply_markup=main_menu(),
            )
        except Exception:
            logger.warning("could not tell the user about the failure")
    return True
