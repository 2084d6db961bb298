"""Showing a screen in answer to a button press: edit the pressed message, or send a new one."""

from __future__ import annotations

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message


async def show(
    query: CallbackQuery,
    text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
    *,
    new_message: bool = False,
) -> None:
    """Replace the pressed message (navigation) or send a new one. The press itself is
    answered once by aiogram's CallbackAnswerMiddleware."""
    message = query.message
    if message is None:
        return
    if new_message or not isinstance(message, Message):
        await message.answer(text, reply_markup=reply_markup)
        return
    try:
        await message.edit_text(text, reply_markup=reply_markup)
    except TelegramBadRequest as error:
        # A second tap on the same button asks for the screen already shown; any other refusal
        # (message too old to edit, deleted) gets the screen as a new message instead.
        if "message is not modified" not in error.message:
            await message.answer(text, reply_markup=reply_markup)
