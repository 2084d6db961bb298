"""/cancel, the Cancel button and cancel words (取消, 算了…): leave any wizard from any state."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import gettext as _

from bot.nlp.typed.choices import is_cancel
from bot.telegram.filters import PRIVATE
from bot.ui.callbacks import CancelCb
from bot.ui.keyboards import main_menu


async def cmd_cancel(message: Message, state: FSMContext) -> None:
    """Drop the wizard state and show the menu."""
    had_state = await state.get_state() is not None
    await state.clear()
    text = _("Cancelled. What next?") if had_state else _("Nothing to cancel. What next?")
    await message.answer(text, reply_markup=main_menu())


async def cancel_pressed(
    query: CallbackQuery, callback_answer: CallbackAnswer, state: FSMContext
) -> None:
    """Same as /cancel, from a button."""
    await state.clear()
    callback_answer.text = _("Cancelled")
    if query.message is not None:
        await query.message.answer(_("Cancelled. What next?"), reply_markup=main_menu())


class CancelWords(Filter):
    """Text that asks to leave (取消, 算了, 不记了, cancel…), typed inside a wizard."""

    async def __call__(self, message: Message, raw_state: str | None) -> bool:
        """Only in a wizard: outside one the words are just text."""
        return raw_state is not None and message.text is not None and is_cancel(message.text)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="cancel")
    router.message.filter(PRIVATE)
    router.message.register(cmd_cancel, Command("cancel"))
    router.message.register(cmd_cancel, CancelWords())
    router.callback_query.register(cancel_pressed, CancelCb.filter())
    return router
