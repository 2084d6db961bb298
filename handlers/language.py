"""/language: switch between 中文 and English."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.user_repository import UserRepository
from bot.i18n import UserLocaleMiddleware
from bot.services.locales import SUPPORTED_LOCALES
from bot.telegram.filters import PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import LanguageCb, MenuAction, MenuCb
from bot.ui.keyboards import main_menu
from bot.ui.labels import LANGUAGE_NAMES


def language_keyboard() -> InlineKeyboardMarkup:
    """One button per supported language."""
    builder = InlineKeyboardBuilder()
    for locale in SUPPORTED_LOCALES:
        builder.button(text=LANGUAGE_NAMES[locale], callback_data=LanguageCb(locale=locale))
    builder.adjust(1)
    return builder.as_markup()


async def cmd_language(message: Message) -> None:
    """Offer the languages."""
    await message.answer(_("Choose a language:"), reply_markup=language_keyboard())


async def menu_language(query: CallbackQuery) -> None:
    """Offer the languages from the menu."""
    await show(query, _("Choose a language:"), language_keyboard())


async def language_chosen(
    query: CallbackQuery,
    callback_data: LanguageCb,
    users: UserRepository,
    i18n_middleware: UserLocaleMiddleware,
) -> None:
    """Save the choice and answer in the new language at once."""
    chat_id = query.message.chat.id if query.message else query.from_user.id
    await users.ensure(query.from_user.id, chat_id)
    await users.set_field(query.from_user.id, "locale", callback_data.locale)
    i18n_middleware.choice_saved(query.from_user.id, callback_data.locale)
    with i18n_middleware.i18n.use_locale(callback_data.locale):
        text = _("Language: {name}. What next?").format(name=LANGUAGE_NAMES[callback_data.locale])
        await show(query, text, main_menu())


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="language")
    router.message.filter(PRIVATE)
    router.message.register(cmd_language, Command("language"))
    router.callback_query.register(menu_language, MenuCb.filter(F.action == MenuAction.LANGUAGE))
    router.callback_query.register(
        language_chosen, LanguageCb.filter(F.locale.in_(SUPPORTED_LOCALES))
    )
    return router
