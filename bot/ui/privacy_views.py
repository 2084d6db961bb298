"""What /privacy says is stored, and the confirmation before erasing it."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.telegram.keyboard import Keyboard
from bot.ui.callbacks import DeleteCb


def privacy_text() -> str:
    """What is stored, why, and how to get or erase it."""
    return _(
        "<b>What I store</b>\n"
        "• Your Telegram user id and chat id – to reply and to send reminders.\n"
        "• Your profile (seller ID, company name, entity type, SKU count, KYC status, "
        "time zone, language) – to fill in templates and check eligibility.\n"
        "• Cases you record, their times and notes – to compute deadlines and remind you.\n"
        "• The step you are at in a wizard – so you can continue after a pause.\n\n"
        "Nothing is shared with Ozon or anyone else. Never send me passwords, verification "
        "codes or documents.\n"
        "/export – download everything as JSON · /delete – erase everything"
    )


def delete_question() -> str:
    """Asked before erasing: it cannot be undone."""
    return _("Erase your profile, cases and reminders? This cannot be undone.")


def delete_keyboard() -> InlineKeyboardMarkup:
    """Confirm or keep."""
    builder = Keyboard()
    builder.button(text=_("🗑 Yes, erase everything"), callback_data=DeleteCb(confirm=True))
    builder.button(text=_("Keep my data"), callback_data=DeleteCb(confirm=False))
    builder.adjust(1)
    return builder.as_markup()
