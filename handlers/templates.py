"""/templates: Russian phrases and email templates, filled from the profile, one tap to copy."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.services.case_rules import CaseRules
from bot.services.cases import CaseEvent
from bot.services.clock import WallClock
from bot.services.profile import TYPED_PARSERS, ProfileField
from bot.services.template_filling import TemplateLibrary
from bot.telegram.filters import NO_TEXT, PLAIN_TEXT, PRIVATE, DataPrefix
from bot.telegram.screens import show
from bot.ui.callbacks import EmailCb, MenuAction, MenuCb, TemplatesCb, TemplatesSection
from bot.ui.profile_views import prompt_for
from bot.ui.states import TemplateFill
from bot.ui.template_views import (
    EmailFill,
    case_facts,
    description_prompt,
    email_list,
    email_view,
    field_prompt,
    missing_field,
    phrasebook,
    problem_picker,
    templates_menu,
)
from bot.ui.wizard_prompts import ask_for_text, invalid_reason, stale_button_text

# The description goes into a letter: a few sentences, not an essay.
DESCRIPTION_MAX_CHARS = 600


async def email_screen(
    request: EmailCb,
    user_id: int,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    templates: TemplateLibrary,
    rules: CaseRules,
    locale: str,
    now: WallClock,
) -> tuple[str, InlineKeyboardMarkup]:
    """The next screen: a missing profile field, the problem type, the description, or the
    email (filled from the case it was opened from, which notes it on its timeline)."""
    template = templates.email(request.template)
    assert template is not None
    user, data = await users.get(user_id), await state.get_data()
    field = missing_field(template, user)
    if field is not None:
        await state.set_state(TemplateFill.value)
        await state.set_data({"request": request.pack(), "field": field.value})
        return field_prompt(field)
    if template.needs_problem() and request.problem not in templates.problems:
        await state.clear()
        return problem_picker(request, templates, locale)
    if template.asks_description and not request.described:
        await state.set_state(TemplateFill.description)
        await state.set_data({"request": request.pack()})
        return description_prompt(request)
    await state.clear()
    case = await cases.get(request.case, user_id) if request.case else None
    if case is not None:
        await cases.record_event(case, CaseEvent.EMAIL, now())
    fill = EmailFill(
        case=case_facts(case, rules, now()) if case else None,
        problem=request.problem or None,
        description=data.get("description"),
    )
    return email_view(template, templates, user, fill, rules.policy)


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


async def old_email_pressed(query: CallbackQuery, templates: TemplateLibrary) -> None:
    """An email button of the earlier version pointed at a list position: show the list."""
    await query.answer(stale_button_text())
    text, markup = email_list(templates)
    await show(query, text, markup, answered=True)


async def email_pressed(
    query: CallbackQuery,
    callback_data: EmailCb,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    templates: TemplateLibrary,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Open one email template; an unknown template or someone else's case is refused."""
    user_id = query.from_user.id
    foreign_case = callback_data.case and await cases.get(callback_data.case, user_id) is None
    if templates.email(callback_data.template) is None or foreign_case:
        await query.answer(stale_button_text(), show_alert=True)
        return
    screen = await email_screen(
        callback_data, user_id, state, users, cases, templates, rules, locale, clock
    )
    await show(query, *screen, new_message=True)


async def field_typed(
    message: Message,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    templates: TemplateLibrary,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Save the missing profile field, then go on with the template."""
    assert message.from_user is not None and message.text is not None
    stored = await state.get_data()
    field = ProfileField(stored["field"])
    parsed = TYPED_PARSERS[field](message.text)
    if parsed.error is not None:
        text, markup = prompt_for(field)
        await message.answer(invalid_reason(parsed.error) + "\n" + text, reply_markup=markup)
        return
    await users.save_field(message.from_user.id, message.chat.id, field, parsed.value)
    request = EmailCb.unpack(stored["request"])
    text, markup = await email_screen(
        request, message.from_user.id, state, users, cases, templates, rules, locale, clock
    )
    await message.answer(text, reply_markup=markup)


async def description_typed(
    message: Message,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    templates: TemplateLibrary,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """The seller's own words go into the email."""
    assert message.from_user is not None and message.text is not None
    stored = await state.get_data()
    await state.update_data(description=message.text.strip()[:DESCRIPTION_MAX_CHARS])
    request = EmailCb.unpack(stored["request"]).model_copy(update={"described": True})
    text, markup = await email_screen(
        request, message.from_user.id, state, users, cases, templates, rules, locale, clock
    )
    await message.answer(text, reply_markup=markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="templates")
    router.message.filter(PRIVATE)
    router.message.register(cmd_templates, Command("templates"))
    router.callback_query.register(menu_templates, MenuCb.filter(F.action == MenuAction.TEMPLATES))
    router.callback_query.register(section_pressed, TemplatesCb.filter())
    router.callback_query.register(email_pressed, EmailCb.filter())
    router.callback_query.register(old_email_pressed, DataPrefix("tm1"))
    router.message.register(field_typed, StateFilter(TemplateFill.value), PLAIN_TEXT)
    router.message.register(description_typed, StateFilter(TemplateFill.description), PLAIN_TEXT)
    router.message.register(ask_for_text, StateFilter(TemplateFill), NO_TEXT)
    return router
