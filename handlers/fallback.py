"""Last router: anything no feature handled gets a helpful reply, never an exception."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import gettext as _

from bot.telegram.filters import ANY_TEXT, COMMAND, PRIVATE
from bot.ui.keyboards import main_menu
from bot.ui.wizard_prompts import stale_button_text


async def unknown_command(message: Message) -> None:
    """A command the bot does not have."""
    await message.answer(
        _("I don't know that command. See /help or pick from the menu:"), reply_markup=main_menu()
    )


async def unmatched_text(message: Message) -> None:
    """Text no feature claimed."""
    await message.answer(_("Pick from the menu, or see /help:"), reply_markup=main_menu())


async def unsupported_message(message: Message) -> None:
    """Stickers, voice, photos and files without a caption: the bot reads text only."""
    await message.answer(
        _(
            "I can read text (captions of photos and files too) and button presses, but not "
            "pictures. Please type your question:"
        ),
        reply_markup=main_menu(),
    )


async def stale_button(query: CallbackQuery, callback_answer: CallbackAnswer) -> None:
    """A button no flow knows (an old message, forged data): the one wording, and the menu."""
    callback_answer.text = stale_button_text()
    if query.message is not None:
        await query.message.answer(_("Pick from the menu:"), reply_markup=main_menu())


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="fallback")
    router.message.filter(PRIVATE)
    router.message.register(unknown_command, COMMAND)
    router.message.register(unmatched_text, ANY_TEXT)
    router.message.register(unsupported_message)
    router.callback_query.register(stale_button)
    return router
