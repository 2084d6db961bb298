"""What every flow says when input cannot be used: stale buttons, refused values and times."""

from __future__ import annotations

from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import gettext as _

from bot.nlp.typed.times import TimeError
from bot.services.profile import InvalidValue
from bot.ui.keyboards import cancel_button, single_column


def stale_button_text() -> str:
    """The one wording for a button that is out of date, already used, or not the user's."""
    return _("This button is out of date.")


async def refuse_stale_button(query: CallbackQuery, callback_answer: CallbackAnswer) -> None:
    """Answer a press of a button that is out of date, already used, or not the user's (the
    press's one answer, sent by aiogram's CallbackAnswerMiddleware, carries the wording)."""
    callback_answer.text = stale_button_text()
    callback_answer.show_alert = True


async def ask_again(message: Message, text: str, markup: InlineKeyboardMarkup) -> None:
    """A wizard got input it cannot use (a sticker, text where buttons were expected): say so
    and show the current step again."""
    await message.answer(
        _("Please tap a button or type your answer.") + f"\n\n{text}", reply_markup=markup
    )


async def ask_for_text(message: Message) -> None:
    """Stickers, photos and the like where a typed value is expected."""
    await message.answer(
        _("Please type the value as text, or tap Cancel."),
        reply_markup=single_column(cancel_button()),
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


def invalid_reason(error: InvalidValue) -> str:
    """A friendly sentence for each refused profile value."""
    reasons = {
        InvalidValue.EMPTY: _("The value is empty."),
        InvalidValue.NOT_DIGITS: _("The seller ID has digits only, e.g. 123456."),
        InvalidValue.TOO_LONG: _("That is too long."),
        InvalidValue.CONTROL_CHARS: _("Please send plain text only."),
        InvalidValue.NOT_A_NUMBER: _("Please send a whole number, e.g. 12."),
        InvalidValue.NEGATIVE: _("The number cannot be negative."),
        InvalidValue.TOO_LARGE: _("That number is too large."),
        InvalidValue.UNKNOWN_TIMEZONE: _(
            "Unknown time zone. Use a name like Asia/Shanghai or Europe/Moscow."
        ),
        InvalidValue.NOT_A_TIME_RANGE: _(
            "Please send a time range such as <code>23:00-08:00</code>."
        ),
        InvalidValue.NOT_LATIN: _("That name has Chinese characters or no Latin letters."),
        InvalidValue.NOT_A_CHOICE: _("Please tap one of the buttons, or type its name."),
    }
    return reasons[error]
