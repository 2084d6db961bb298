"""An email template, filled from the profile and the follow-up it was opened from, after
asking what is missing: a profile field, the topic, the day the seller wrote, their words."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.services.case_rules import CaseRules
from bot.services.cases import CaseEvent
from bot.services.clock import WallClock
from bot.services.profile import ProfileField
from bot.services.quick_times import carried_day
from bot.services.template_filling import TemplateLibrary, has_chinese
from bot.telegram.filters import NO_TEXT, PLAIN_TEXT, PRIVATE
from bot.telegram.screens import show
from bot.translation import Translator, translations
from bot.ui.callbacks import EmailCb
from bot.ui.states import TemplateFill
from bot.ui.template_views import email_fill, email_view, recalled_day
from bot.ui.wizard_prompts import ask_for_text, refuse_stale_button
from handlers.templates.draft import next_screen, read_typed, seller_words


async def email_screen(
    request: EmailCb,
    user_id: int,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    templates: TemplateLibrary,
    rules: CaseRules,
    translator: Translator | None,
    locale: str,
    now: datetime,
    default_zone: ZoneInfo,
) -> tuple[str, InlineKeyboardMarkup]:
    """The next question, or the email (filled from the case it was opened from, which notes
    it on its timeline; the seller's Chinese machine-translated when a translator is set)."""
    template, user = templates.email(request.template), await users.get(user_id)
    assert template is not None
    if request.nameless and user is not None and user.contact_name is None:
        await users.set_field(user_id, ProfileField.CONTACT_NAME, "")
        user = await users.get(user_id)
    case = await cases.get(request.case, user_id) if request.case else None
    zone = ZoneInfo(user.timezone) if user and user.timezone else default_zone
    today = now.astimezone(zone).date()
    screen = await next_screen(
        state, request, templates, user, case, locale, today, translator is not None
    )
    if screen is not None:
        return screen
    text: str = (await state.get_data()).get("description", "")
    found = await translations(translator, text, "zh", ("ru", "en")) if has_chinese(text) else {}
    await state.clear()
    if case is not None:
        await cases.record_event(case, CaseEvent.EMAIL, now)
    recalled = recalled_day(carried_day(request.day, today) if request.day else None, today)
    words = seller_words(text, found)
    fill = email_fill(case, rules, now, recalled, request.problem or None, words)
    return email_view(template, templates, user, fill, rules.policy, locale)


async def stale_request(
    request: EmailCb,
    user_id: int,
    now: datetime,
    users: UserRepository,
    cases: CaseRepository,
    templates: TemplateLibrary,
    default_zone: ZoneInfo,
) -> bool:
    """An unknown template, someone else's case, a letter that cannot follow that case's kind,
    a day the bot never offered."""
    template = templates.email(request.template)
    case = await cases.get(request.case, user_id) if request.case else None
    today = now.astimezone(await users.zone(user_id, default_zone)).date()
    return bool(
        template is None
        or (request.case and case is None)
        or (case is not None and not templates.follows(template, case.kind))
        or (request.day and carried_day(request.day, today) is None)
    )


async def email_pressed(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: EmailCb,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    templates: TemplateLibrary,
    rules: CaseRules,
    translator: Translator | None,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """Open one email template, or go on with it (a stale request is refused)."""
    user_id, now = query.from_user.id, clock()
    if await stale_request(callback_data, user_id, now, users, cases, templates, default_zone):
        await refuse_stale_button(query, callback_answer)
        return
    screen = await email_screen(
        callback_data,
        user_id,
        state,
        users,
        cases,
        templates,
        rules,
        translator,
        locale,
        now,
        default_zone,
    )
    await show(query, *screen, new_message=True)


async def answer_typed(
    message: Message,
    raw_state: str | None,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    templates: TemplateLibrary,
    rules: CaseRules,
    translator: Translator | None,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """A typed profile field, day or description: stored, then on with the email; or
    explained and asked again."""
    assert message.from_user is not None and message.text is not None
    user_id, now = message.from_user.id, clock()
    stored, zone = await state.get_data(), await users.zone(user_id, default_zone)
    typed = read_typed(raw_state, message.text, stored, now, zone, templates, locale)
    if typed.refusal is not None:
        await message.answer(typed.refusal[0], reply_markup=typed.refusal[1])
        return
    if typed.field is not None:
        await users.save_field(user_id, message.chat.id, *typed.field)
    if typed.description is not None:
        await state.update_data(description=typed.description)
    text, markup = await email_screen(
        typed.request,
        user_id,
        state,
        users,
        cases,
        templates,
        rules,
        translator,
        locale,
        now,
        default_zone,
    )
    await message.answer(text, reply_markup=markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="templates")
    router.message.filter(PRIVATE)
    router.callback_query.register(email_pressed, EmailCb.filter())
    router.message.register(answer_typed, StateFilter(TemplateFill), PLAIN_TEXT)
    router.message.register(ask_for_text, StateFilter(TemplateFill), NO_TEXT)
    return router
