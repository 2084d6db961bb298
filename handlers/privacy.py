"""/privacy, /export and /delete: what is stored, a copy of it, and erasing it."""

from __future__ import annotations

import json

import aiosqlite
from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.db.privacy_queries import export_user_data
from bot.db.user_repository import UserRepository
from bot.i18n import UserLocaleMiddleware
from bot.telegram.filters import PRIVATE
from bot.telegram.keyboard import single_column
from bot.telegram.screens import show
from bot.ui.callbacks import DeleteCb
from bot.ui.keyboards import menu_button
from bot.ui.privacy_views import delete_keyboard, delete_question, privacy_text


async def cmd_privacy(message: Message) -> None:
    """Say what is stored and why."""
    await message.answer(privacy_text(), reply_markup=single_column(menu_button()))


async def cmd_export(message: Message, db: aiosqlite.Connection) -> None:
    """Send all of the user's data as a JSON document."""
    assert message.from_user is not None
    data = await export_user_data(db, message.from_user.id)
    document = json.dumps(data, ensure_ascii=False, indent=2).encode()
    await message.answer_document(
        BufferedInputFile(document, filename=f"ozon-am-bot-{message.from_user.id}.json"),
        caption=_("All data I store about you."),
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
