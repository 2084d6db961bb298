"""The main menu and the buttons every screen shares (menu, cancel)."""

from __future__ import annotations

from functools import lru_cache

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import get_i18n
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.ui.callbacks import CancelCb, MenuAction, MenuCb


def _menu_entries() -> list[tuple[str, MenuAction]]:
    return [
        (_("📚 FAQ"), MenuAction.FAQ),
        (_("✅ Can I get an AM?"), MenuAction.CHECK),
        (_("📌 Record a follow-up"), MenuAction.TRACK),
        (_("📋 My follow-ups"), MenuAction.CASES),
        (_("✉️ Russian templates"), MenuAction.TEMPLATES),
        (_("📊 Response times"), MenuAction.STATS),
        (_("👤 My profile"), MenuAction.PROFILE),
        (_("❓ Help"), MenuAction.HELP),
        (_("🌐 Language"), MenuAction.LANGUAGE),
    ]


def main_menu() -> InlineKeyboardMarkup:
    """The main menu, two buttons a row (built once per language)."""
    return _main_menu(get_i18n().current_locale)


@lru_cache(maxsize=8)
def _main_menu(locale: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for text, action in _menu_entries():
        builder.button(text=text, callback_data=MenuCb(action=action))
    builder.adjust(2)
    return builder.as_markup()


def menu_button() -> InlineKeyboardButton:
    """Back to the main menu."""
    return InlineKeyboardButton(
        text=_("🏠 Main menu"), callback_data=MenuCb(action=MenuAction.MAIN).pack()
    )


def cancel_button() -> InlineKeyboardButton:
    """Leave the wizard."""
    return InlineKeyboardButton(text=_("✖️ Cancel"), callback_data=CancelCb().pack())


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
