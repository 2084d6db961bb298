"""The welcome and the help screen."""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _


def welcome_text() -> str:
    """Three short lines: what the bot does, and that it is not Ozon."""
    return _(
        "Hello! I help Ozon sellers from China reach their account manager (小二).\n"
        "• Answers, an eligibility check, reminders when a reply is overdue, Russian templates.\n"
        "• An independent tool, not affiliated with Ozon: Seller Center is always authoritative."
    )


def help_text() -> str:
    """The commands, one line each."""
    return _(
        "<b>What I can do</b>\n"
        "/start – main menu\n"
        "/profile – your seller profile\n"
        "/language – 中文 / English\n"
        "/privacy – what I store; /export – download it; /delete – erase it\n"
        "/cancel – leave any step\n\n"
        "Or just type your question."
    )
