"""/privacy, /export and /delete: what is stored, a copy of it, and erasing it."""

from __future__ import annotations

import json

import aiosqlite
from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.db.privacy_queries import export_user_data
from bot.db.user_repository import UserRepository
from bot.i18n import UserLocaleMiddleware
from bot.telegram.filters import PRIVATE
from bot.telegram.keyboard import Keyboard, single_column
from bot.telegram.screens import show
from bot.ui.callbacks import DeleteCb
from bot.ui.keyboards import menu_button


async def cmd_privacy(message: Message) -> None:
    """Say what is stored and why."""
    await message.answer(
        _(
            "<b>What I store</b>\n"
            "• Your Telegram user id and chat id – to reply and to send reminders.\n"
            "• Your profile (seller ID, company name, entity type, SKU count, KYC status, "
            "time zone, language) – to fill in templates and check eligibility.\n"
            "• Cases you record, their times and notes – to compute deadlines and remind you.\n"
            "• The step you are at in a wizard – so you can continue after a pause.\n\n"
            "Nothing is shared with Ozon or anyone else. Never send me passwords, verification "
            "codes or documents.\n"
            "/export – download everything as JSON · /delete – erase everything"
        ),
        reply_markup=single_column(menu_button()),
    )


async def cmd_export(message: Message, db: aiosqlite.Connection) -> None:
    """Send all of the user's data as a JSON document."""
    assert message.from_user is not None
    data = await export_user_data(db, message.from_user.id)
    document = json.dumps(data, ensure_ascii=False, indent=2).encode()
    await message.answer_document(
        BufferedInputFile(document, filename=f"ozon-am-bot-{message.from_user.id}.json"),
        caption=_("All data I store about you."),
    )


def delete_keyboard() -> InlineKeyboardMarkup:
    """Confirm or keep."""
    builder = Keyboard()
    builder.button(text=_("🗑 Yes, erase everything"), callback_data=DeleteCb(confirm=True))
    builder.button(text=_("Keep my data"), callback_data=DeleteCb(confirm=False))
    builder.adjust(1)
    return builder.as_markup()


async def cmd_delete(message: Message) -> None:
    """Ask for confirmation first: deletion cannot be undone."""
    await message.answer(
        _("Erase your profile, cases and reminders? This cannot be undone."),
        reply_markup=delete_keyboard(),
    )


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
