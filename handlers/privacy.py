"""/privacy, /export and /delete: what is stored, a copy of it, and erasing it."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import aiosqlite
from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.db.case_repository import CaseRepository
from bot.db.privacy_queries import export_user_data
from bot.db.user_repository import UserRepository
from bot.i18n import UserLocaleMiddleware
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock
from bot.services.policy import Policy
from bot.telegram.filters import PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import DeleteCb
from bot.ui.keyboards import menu_button, single_column
from bot.ui.privacy_views import (
    delete_keyboard,
    delete_question,
    export_summary,
    privacy_text,
)


async def cmd_privacy(message: Message) -> None:
    """Say what is stored and why."""
    await message.answer(privacy_text(), reply_markup=single_column(menu_button()))


async def cmd_export(
    message: Message,
    db: aiosqlite.Connection,
    users: UserRepository,
    cases: CaseRepository,
    rules: CaseRules,
    policy: Policy,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """Everything stored about the user: every row as JSON, and a summary to read."""
    assert message.from_user is not None
    user_id, now = message.from_user.id, clock()
    data = await export_user_data(db, user_id)
    rows = json.dumps(data, ensure_ascii=False, indent=2).encode()
    user, overviews = await users.get(user_id), await cases.overviews(user_id)
    summary = export_summary(user, overviews, now, rules, policy, locale, default_zone.key)
    await message.answer_document(
        BufferedInputFile(summary.encode(), filename=f"ozon-am-bot-{user_id}.txt"),
        caption=_("Your data, easy to read."),
    )
    await message.answer_document(
        BufferedInputFile(rows, filename=f"ozon-am-bot-{user_id}.json"),
        caption=_("Everything I store about you, row by row (JSON)."),
    )


async def cmd_delete(message: Message) -> None:
    """Ask for confirmation first: deletion cannot be undone."""
    await message.answer(delete_question(), reply_markup=delete_keyboard())


async def delete_confirmed(
    query: CallbackQuery,
    state: FSMContext,
    users: UserRepository,
    i18n_middleware: UserLocaleMiddleware,
) -> None:
    """Erase everything of the user; the wizard state goes first so nothing re-creates it."""
    await state.clear()
    await users.delete(query.from_user.id)
    i18n_middleware.forget(query.from_user.id)
    await show(query, _("Done: everything about you is erased. Send /start to begin again."))


async def delete_declined(query: CallbackQuery) -> None:
    """Nothing erased."""
    await show(query, _("Nothing was erased."), single_column(menu_button()))


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="privacy")
    router.message.filter(PRIVATE)
    router.message.register(cmd_privacy, Command("privacy"))
    router.message.register(cmd_export, Command("export"))
    router.message.register(cmd_delete, Command("delete"))
    router.callback_query.register(delete_confirmed, DeleteCb.filter(F.confirm))
    router.callback_query.register(delete_declined, DeleteCb.filter(~F.confirm))
    return router
