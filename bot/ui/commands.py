"""The command menu and the bot's profile texts, registered per language at start-up."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import lazy_gettext as __

from bot.services.locales import DEFAULT_LOCALE, SUPPORTED_LOCALES

COMMANDS = (
    ("start", __("Main menu")),
    ("faq", __("Questions and answers")),
    ("check", __("Can I get an account manager?")),
    ("track", __("Record a follow-up and get reminded")),
    ("cases", __("My follow-ups and deadlines")),
    ("templates", __("Russian phrases and email templates")),
    ("stats", __("How long replies took, against the guide")),
    ("profile", __("My seller profile")),
    ("language", __("Language / 语言")),
    ("privacy", __("What I store about you")),
    ("export", __("Download my data")),
    ("delete", __("Erase my data")),
    ("cancel", __("Leave the current step")),
    ("help", __("Help")),
)


def description() -> str:
    """Shown on the empty chat screen before Start (≤ 512 characters)."""
    return _(
        "Helps Ozon sellers from China reach their account manager (AM): answers to common "
        "questions, an eligibility check, reminders when a reply is late (AM messages counted "
        "on Moscow working hours, emails to the China support mailbox on Beijing working "
        "hours), and Russian templates to copy. Independent tool, not affiliated with Ozon."
    )


def short_description() -> str:
    """Shown on the bot's profile page (≤ 120 characters)."""
    return _("Reach your Ozon account manager: FAQ, reply reminders, Russian templates.")


async def register_commands(bot: Bot, i18n: I18n) -> None:
    """Commands and descriptions in every language; the default is Chinese."""
    for locale in (None, *SUPPORTED_LOCALES):
        with i18n.context(), i18n.use_locale(locale or DEFAULT_LOCALE):
            commands = [BotCommand(command=name, description=str(text)) for name, text in COMMANDS]
            await bot.set_my_commands(commands, language_code=locale)
            await bot.set_my_description(description(), language_code=locale)
            await bot.set_my_short_description(short_description(), language_code=locale)
