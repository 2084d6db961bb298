"""/templates: the menu, the phrasebook and the email list (an email opens in `templates`)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.db.user_repository import UserRepository
from bot.services.template_filling import TemplateLibrary
from bot.telegram.filters import PRIVATE, data_prefix
from bot.telegram.screens import show
from bot.ui.callbacks import MenuAction, MenuCb, TemplatesCb, TemplatesSection
from bot.ui.template_views import email_list, phrasebook, templates_menu
from bot.ui.wizard_prompts import stale_button_text


async def cmd_templates(message: Message) -> None:
    """Phrases or emails."""
    text, markup = templates_menu()
    await message.answer(text, reply_markup=markup)


async def menu_templates(query: CallbackQuery) -> None:
    """Phrases or emails, from the menu."""
    text, markup = templates_menu()
    await show(query, text, markup)


async def section_pressed(
    query: CallbackQuery,
    callback_data: TemplatesCb,
    users: UserRepository,
    templates: TemplateLibrary,
) -> None:
    """The phrasebook or the email list."""
    if callback_data.section is TemplatesSection.PHRASES:
        text, markup = phrasebook(templates, await users.get(query.from_user.id))
    else:
        text, markup = email_list(templates)
    await show(query, text, markup)


async def old_email_pressed(
    query: CallbackQuery, callback_answer: CallbackAnswer, templates: TemplateLibrary
) -> None:
    """An email button of the earlier version pointed at a list position: show the list."""
    callback_answer.text = stale_button_text()
    text, markup = email_list(templates)
    await show(query, text, markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="template_menu")
    router.message.filter(PRIVATE)
    router.message.register(cmd_templates, Command("templates"))
    router.callback_query.register(menu_templates, MenuCb.filter(F.action == MenuAction.TEMPLATES))
    router.callback_query.register(section_pressed, TemplatesCb.filter())
    router.callback_query.register(old_email_pressed, data_prefix("tm1"))
    return router
