"""What /privacy says is stored, and the confirmation before erasing it."""

from __future__ import annotations

from datetime import datetime

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.case_repository import CaseOverview
from bot.db.user_repository import User
from bot.services.case_rules import CaseRules
from bot.services.policy import Policy
from bot.services.profile import ProfileField
from bot.telegram.html_rules import to_plain_text
from bot.ui.callbacks import DeleteCb
from bot.ui.case_views import case_detail
from bot.ui.formatting import dual_time, labelled
from bot.ui.labels import PROFILE_FIELD_LABELS
from bot.ui.profile_views import display_value


def privacy_text() -> str:
    """What is stored, why, and how to get or erase it."""
    return _(
        "<b>What I store</b>\n"
        "• Your Telegram user ID, chat ID and the language set in Telegram – to reply and to "
        "send reminders in your language.\n"
        "• Your profile (seller ID, company name, entity type, SKU count, KYC status, "
        "time zone, language) – to fill in templates and check eligibility.\n"
        "• Follow-ups you record, their times, notes, follow-up numbers and what you must do "
        "– to work out deadlines and remind you.\n"
        "• The step you have reached in a question flow – so you can pick up after a pause.\n\n"
        "Nothing is shared with Ozon or anyone else. Never send me passwords, verification "
        "codes or documents.\n"
        "/export – download everything (a summary to read, and every row as JSON) · "
        "/delete – erase everything"
    )


def delete_question() -> str:
    """Asked before erasing: it cannot be undone."""
    return _("Erase your profile, follow-ups and reminders? This cannot be undone.")


def delete_keyboard() -> InlineKeyboardMarkup:
    """Confirm or keep."""
    builder = InlineKeyboardBuilder()
    builder.button(text=_("🗑 Yes, erase everything"), callback_data=DeleteCb(confirm=True))
    builder.button(text=_("Keep my data"), callback_data=DeleteCb(confirm=False))
    builder.adjust(1)
    return builder.as_markup()


def export_summary(
    user: User | None,
    overviews: list[CaseOverview],
    now: datetime,
    rules: CaseRules,
    policy: Policy,
    locale: str,
    default_zone: str,
) -> str:
    """The export as a person reads it: the profile, then every case with its timeline."""
    lines = [_("Ozon AM helper: your data, exported {time}").format(time=dual_time(now, locale))]
    lines += ["", _("Profile")]
    for field in ProfileField:
        value = to_plain_text(display_value(user, field, policy, default_zone))
        lines.append("  " + labelled(str(PROFILE_FIELD_LABELS[field]), value))
    lines += ["", _("Follow-ups")]
    if not overviews:
        lines.append("  " + _("Nothing here yet."))
    for overview in overviews:
        detail = case_detail(
            overview.case, overview.events, overview.next_reminder, now, rules, locale
        )
        lines += ["", *("  " + line for line in to_plain_text(detail).splitlines())]
    return "\n".join(lines) + "\n"
