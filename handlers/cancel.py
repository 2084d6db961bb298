"""/cancel and the Cancel button: leave any wizard from any state."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.telegram.filters import PRIVATE
from bot.ui.callbacks import CancelCb
from bot.ui.keyboards import main_menu


async def cmd_cancel(message: Message, state: FSMContext) -> None:
    """Drop the wizard state and show the menu."""
    had_state = await state.get_state() is not None
    await state.clear()
    text = _("Cancelled. What next?") if had_state else _("Nothing to cancel. What next?")
    await message.answer(text, reply_markup=main_menu())


async def cancel_pressed(query: CallbackQuery, state: FSMContext) -> None:
    """Same as /cancel, from a button."""
    await state.clear()
    await query.answer(_("Cancelled"))
    if query.message is not None:
        await query.message.answer(_("Cancelled. What next?"), reply_markup=main_menu())


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="cancel")
    router.message.filter(PRIVATE)
    router.message.register(cmd_cancel, Command("cancel"))
    router.callback_query.register(cancel_pressed, CancelCb.filter())
    return router
