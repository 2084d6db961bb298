"""The welcome, the help screen, and what a returning seller is reminded of."""

from __future__ import annotations

from datetime import datetime

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext

from bot.services.case_rules import CaseRules
from bot.services.cases import Case
from bot.ui.callbacks import MenuAction, MenuCb
from bot.ui.commands import COMMANDS
from bot.ui.formatting import span_text
from bot.ui.keyboards import main_menu, without_repeats
from bot.ui.labels import KIND_LABELS


def welcome_text() -> str:
    """Three short lines: what the bot does, and that it is not Ozon."""
    return _(
        "Hello! I help Ozon sellers from China reach their account manager (AM).\n"
        "• Answers, an eligibility check, reminders when a reply is late, Russian templates.\n"
        "• An independent tool, not affiliated with Ozon: Seller Center has the final word."
    )


def welcome(
    overdue: list[Case], now: datetime, rules: CaseRules, locale: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The welcome; for a returning seller with overdue follow-ups, those first."""
    if not overdue:
        return welcome_text(), main_menu()
    count = len(overdue)
    lines = [
        ngettext(
            "⚠️ <b>{n} follow-up is overdue:</b>", "⚠️ <b>{n} follow-ups are overdue:</b>", count
        ).format(n=count)
    ]
    lines += [
        f"• #{case.id} {KIND_LABELS[case.kind]} — "
        + _("overdue by {span}").format(span=span_text(rules.overdue(case, now), locale))
        for case in overdue[:5]
    ]
    lines += ["", welcome_text()]
    cases_button = InlineKeyboardButton(
        text=_("📋 My follow-ups"), callback_data=MenuCb(action=MenuAction.CASES).pack()
    )
    menu = main_menu()
    return "\n".join(lines), InlineKeyboardMarkup(
        inline_keyboard=without_repeats([[cases_button], *menu.inline_keyboard])
    )


def help_text() -> str:
    """Every command, one line each (the same list as the command menu)."""
    lines = [_("<b>What I can do</b>")]
    lines += [f"/{name} – {description}" for name, description in COMMANDS]
    lines += ["", _("Or just type a question, or paste your AM's reply in Russian.")]
    return "\n".join(lines)
