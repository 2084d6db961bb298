"""Helpers every feature router uses to answer button presses."""

from __future__ import annotations

from aiogram import F
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message


async def show(
    query: CallbackQuery,
    text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
    *,
    new_message: bool = False,
) -> None:
    """Answer the press, then replace the pressed message (navigation) or send a new one."""
    await query.answer()
    message = query.message
    if message is None:
        return
    if new_message or not isinstance(message, Message):
        await message.answer(text, reply_markup=reply_markup)
        return
    try:
        await message.edit_text(text, reply_markup=reply_markup)
    except TelegramBadRequest as error:
        # A second tap on the same button asks for the screen already shown.
        if "message is not modified" not in error.message:
            raise


# Typed text that is not a command: commands keep working in the middle of any wizard.
PLAIN_TEXT = F.text & ~F.text.startswith("/")
