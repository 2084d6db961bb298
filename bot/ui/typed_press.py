"""A button's label typed instead of pressed: which button of a screen the text names."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.nlp.typed.choices import is_skip, match_label


def typed_press(text: str, markup: InlineKeyboardMarkup) -> str | None:
    """The callback data of the one button whose label the text names (buttons that copy text
    or open links do not count), or None when none or several fit."""
    buttons = [
        button
        for row in markup.inline_keyboard
        for button in row
        if button.callback_data is not None
    ]
    index = match_label(text, [button.text for button in buttons])
    return buttons[index].callback_data if index is not None else None


def skip_press(text: str, markup: InlineKeyboardMarkup) -> str | None:
    """The screen's skip button when the whole text says skip ("跳过", "skip", "不填"); None
    otherwise (a description or a name that merely holds the word is an answer)."""
    return typed_press(text, markup) if is_skip(text) else None
