"""Building inline keyboards without aiogram's per-button deep copies."""

from __future__ import annotations

import itertools

from aiogram.filters.callback_data import CallbackData
from aiogram.types import CopyTextButton, InlineKeyboardButton, InlineKeyboardMarkup


class Keyboard:
    """Builds an inline keyboard: buttons flow into rows of the widths given to `adjust`
    (the last width repeats), then rows added with `row` follow.

    aiogram's InlineKeyboardBuilder deep-copies its whole markup on every added button; with
    a dozen buttons that cost more than the rest of an update, so keyboards are built here.
    """

    def __init__(self) -> None:
        self._flow: list[InlineKeyboardButton] = []
        self._widths: tuple[int, ...] = (1,)
        self._rows: list[list[InlineKeyboardButton]] = []

    def button(
        self,
        text: str,
        callback_data: CallbackData | None = None,
        copy_text: CopyTextButton | None = None,
    ) -> Keyboard:
        """Add a button to the flowing part."""
        packed = callback_data.pack() if callback_data is not None else None
        self._flow.append(
            InlineKeyboardButton(text=text, callback_data=packed, copy_text=copy_text)
        )
        return self

    def adjust(self, *widths: int) -> Keyboard:
        """Row widths for the flowing buttons."""
        self._widths = widths
        return self

    def row(self, *buttons: InlineKeyboardButton) -> Keyboard:
        """A fixed row after the flowing buttons."""
        self._rows.append(list(buttons))
        return self

    def as_markup(self) -> InlineKeyboardMarkup:
        """The finished keyboard."""
        rows: list[list[InlineKeyboardButton]] = []
        position = 0
        for index in itertools.count():
            if position >= len(self._flow):
                break
            width = self._widths[min(index, len(self._widths) - 1)]
            rows.append(self._flow[position : position + width])
            position += width
        return InlineKeyboardMarkup(inline_keyboard=rows + self._rows)


def single_column(*buttons: InlineKeyboardButton) -> InlineKeyboardMarkup:
    """One button a row."""
    return InlineKeyboardMarkup(inline_keyboard=[[button] for button in buttons])


def without_repeats(rows: list[list[InlineKeyboardButton]]) -> list[list[InlineKeyboardButton]]:
    """The rows without a button that leads where an earlier one leads (the same callback
    data or link), and without the rows left empty: the first of two equal buttons stays."""
    seen: set[str] = set()
    kept: list[list[InlineKeyboardButton]] = []
    for row in rows:
        fresh = []
        for button in row:
            target = button.callback_data or button.url or button.text
            if target not in seen:
                seen.add(target)
                fresh.append(button)
        if fresh:
            kept.append(fresh)
    return kept
