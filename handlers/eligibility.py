"""/check: the eligibility wizard — can I get a dedicated AM, and what do I do next?"""

from __future__ import annotations

from datetime import time, timedelta
from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.db.user_repository import UserRepository
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock
from bot.services.eligibility import Step
from bot.services.knowledge import KnowledgeBase
from bot.services.profile import parse_sku_count
from bot.services.time_input import moment_on, parse_past_time
from bot.telegram.filters import NO_TEXT, PLAIN_TEXT, PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import CheckStep, EligibilityCb, MenuAction, MenuCb
from bot.ui.eligibility_draft import (
    Outcomes,
    current_screen,
    expected_press,
    forget_last,
    parse_choice,
    record,
    start,
)
from bot.ui.eligibility_views import BACK, MET_DAYS_AGO
from bot.ui.states import EligibilityWizard
from bot.ui.wizard_prompts import ask_again, invalid_reason, refuse_stale_button, time_error_reason

# A day without a time is taken at its noon: close enough for an assignment window of days.
NOON = time(12)


async def cmd_check(message: Message, state: FSMContext, users: UserRepository) -> None:
    """Start the wizard."""
    assert message.from_user is not None
    text, markup = await start(state, await users.get(message.from_user.id))
    await message.answer(text, reply_markup=markup)


async def menu_check(query: CallbackQuery, state: FSMContext, users: UserRepository) -> None:
    """Start the wizard from the menu or an outcome's «Check again»."""
    screen = await start(state, await users.get(query.from_user.id))
    await show(query, *screen, new_message=True)


async def is_current_press(
    query: CallbackQuery, callback_data: EligibilityCb, state: FSMContext, users: UserRepository
) -> bool:
    """Only a press of the step being asked counts: a button of an older check is refused (and
    the current step shown again), a second tap on an answered step is noted once."""
    expected = await expected_press(state)
    if expected is None or expected[0] != callback_data.run:
        await refuse_stale_button(query)
        if expected is not None:
            screen = await current_screen(state, await users.get(query.from_user.id))
            await show(query, *screen, new_message=True, answered=True)
        return False
    if expected[1] is not callback_data.step:
        await query.answer(_("Already noted."))
        return False
    return True


async def answer_pressed(
    query: CallbackQuery,
    callback_data: EligibilityCb,
    state: FSMContext,
    users: UserRepository,
    rules: CaseRules,
    knowledge: KnowledgeBase,
    locale: str,
) -> None:
    """One answer, also saved to the profile; then the next step."""
    if not await is_current_press(query, callback_data, state, users):
        return
    step = Step(callback_data.step.value)
    value = parse_choice(step, callback_data.value)
    if value is None:
        await refuse_stale_button(query)
        return
    if field := await record(state, step, value):
        await users.save_field(query.from_user.id, query.from_user.id, field, value)
    user = await users.get(query.from_user.id)
    await show(query, *await Outcomes(rules, knowledge, locale).advance(state, user))


async def back_pressed(
    query: CallbackQuery, callback_data: EligibilityCb, state: FSMContext, users: UserRepository
) -> None:
    """Forget the last answer and ask it again."""
    if await is_current_press(query, callback_data, state, users):
        await forget_last(state)
        await show(query, *await current_screen(state, await users.get(query.from_user.id)))


async def met_now_pressed(
    query: CallbackQuery,
    callback_data: EligibilityCb,
    state: FSMContext,
    users: UserRepository,
    rules: CaseRules,
    knowledge: KnowledgeBase,
    locale: str,
    clock: WallClock,
) -> None:
    """Both conditions are met since a day tapped (today, yesterday, days ago)."""
    if await is_current_press(query, callback_data, state, users):
        now = clock()
        await state.clear()
        met_at = now - timedelta(days=int(callback_data.value))
        await show(query, *Outcomes(rules, knowledge, locale).eligible_since(met_at, now))


async def sku_typed(
    message: Message,
    state: FSMContext,
    users: UserRepository,
    rules: CaseRules,
    knowledge: KnowledgeBase,
    locale: str,
) -> None:
    """A typed SKU count is an answer; other typing while buttons are expected is explained."""
    assert message.from_user is not None and message.text is not None
    uid, expected = message.from_user.id, await expected_press(state)
    parsed = parse_sku_count(message.text[:40])
    if expected is not None and expected[1] is CheckStep.SKUS:
        if parsed.error is None:
            if field := await record(state, Step.SKUS, parsed.value):
                await users.save_field(uid, message.chat.id, field, parsed.value)
            user = await users.get(uid)
            text, markup = await Outcomes(rules, knowledge, locale).advance(state, user)
            await message.answer(text, reply_markup=markup)
            return
        reason = invalid_reason(parsed.error)
    else:
        reason = _("Please tap one of the buttons.")
    text, markup = await current_screen(state, await users.get(uid))
    await message.answer(f"{reason}\n\n{text}", reply_markup=markup)


async def met_at_typed(
    message: Message,
    state: FSMContext,
    users: UserRepository,
    rules: CaseRules,
    knowledge: KnowledgeBase,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """When both conditions were met, typed in the seller's own time zone."""
    assert message.from_user is not None and message.text is not None
    zone, now = await users.zone(message.from_user.id, default_zone), clock()
    parsed = parse_past_time(message.text[:80], now, zone)
    if parsed.needs_time and parsed.day is not None:
        # A day is enough here: the conditions are taken as met at its noon.
        parsed = moment_on(parsed.day, NOON, now, zone)
    if parsed.moment is None:
        assert parsed.error is not None
        text, markup = await current_screen(state, await users.get(message.from_user.id))
        await message.answer(f"{time_error_reason(parsed.error)}\n\n{text}", reply_markup=markup)
        return
    await state.clear()
    text, markup = Outcomes(rules, knowledge, locale).eligible_since(parsed.moment, now)
    await message.answer(text, reply_markup=markup)


async def not_text(message: Message, state: FSMContext, users: UserRepository) -> None:
    """Stickers, photos and the like during the wizard."""
    assert message.from_user is not None
    await ask_again(message, *await current_screen(state, await users.get(message.from_user.id)))


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="eligibility")
    router.message.filter(PRIVATE)
    router.message.register(cmd_check, Command("check"))
    callbacks = router.callback_query
    callbacks.register(menu_check, MenuCb.filter(F.action == MenuAction.CHECK))
    callbacks.register(back_pressed, EligibilityCb.filter(F.value == BACK))
    met_at = F.step == CheckStep.MET_AT
    callbacks.register(met_now_pressed, EligibilityCb.filter(met_at & F.value.in_(MET_DAYS_AGO)))
    callbacks.register(refuse_stale_button, EligibilityCb.filter(met_at))
    callbacks.register(answer_pressed, EligibilityCb.filter())
    router.message.register(sku_typed, StateFilter(EligibilityWizard.question), PLAIN_TEXT)
    router.message.register(met_at_typed, StateFilter(EligibilityWizard.met_at), PLAIN_TEXT)
    router.message.register(not_text, StateFilter(EligibilityWizard), NO_TEXT)
    return router
