"""What wizards say when input cannot be used, and whose time zone a typed time is in."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.db.user_repository import User
from bot.services.time_input import TimeError
from bot.settings import Settings


async def ask_again(message: Message, text: str, markup: InlineKeyboardMarkup) -> None:
    """A wizard got input it cannot use (a sticker, text where buttons were expected): say so
    and show the current step again."""
    await message.answer(
        _("Please tap a button or type your answer.") + f"\n\n{text}", reply_markup=markup
    )


def time_error_reason(error: TimeError) -> str:
    """A friendly sentence for a refused time."""
    reasons = {
        TimeError.UNRECOGNISED: _(
            "I could not read that time. Examples: <code>15:30</code>, <code>昨天 15:30</code>, "
            "<code>11-26 15:30</code>, <code>3小时前</code>."
        ),
        TimeError.FUTURE: _("That time is in the future; please send when it actually happened."),
        TimeError.TOO_OLD: _("That is more than 90 days ago; please check the date."),
        TimeError.INVALID_DATE: _("That date or time does not exist; please check it."),
    }
    return reasons[error]


def user_zone(user: User | None, settings: Settings) -> ZoneInfo:
    """The seller's time zone, else the operator's default."""
    return ZoneInfo(user.timezone if user and user.timezone else settings.default_timezone)
