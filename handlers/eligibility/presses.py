"""/check: the eligibility wizard — can I get a dedicated AM, and what do I do next?"""

from __future__ import annotations

from datetime import time, timedelta

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import gettext as _

from bot.db.user_repository import UserRepository
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock
from bot.services.eligibility import Step
from bot.services.knowledge import KnowledgeBase
from bot.telegram.filters import PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import CheckStep, EligibilityCb, MenuAction, MenuCb
from bot.ui.eligibility_views import BACK, MET_DAYS_AGO
from bot.ui.wizard_prompts import refuse_stale_button
from handlers.eligibility.draft import (
    Outcomes,
    current_screen,
    expected_press,
    forget_last,
    parse_choice,
    record,
    start,
)

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
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: EligibilityCb,
    state: FSMContext,
    users: UserRepository,
) -> bool:
    """Only a press of the step being asked counts: a button of an older check is refused (and
    the current step shown again), a second tap on an answered step is noted once."""
    expected = await expected_press(state)
    if expected is None or expected[0] != callback_data.run:
        await refuse_stale_button(query, callback_answer)
        if expected is not None:
            screen = await current_screen(state, await users.get(query.from_user.id))
            await show(query, *screen, new_message=True)
        return False
    if expected[1] is not callback_data.step:
        callback_answer.text = _("Already noted.")
        return False
    return True


async def answer_pressed(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: EligibilityCb,
    state: FSMContext,
    users: UserRepository,
    rules: CaseRules,
    knowledge: KnowledgeBase,
    locale: str,
) -> None:
    """One answer, also saved to the profile; then the next step."""
    if not await is_current_press(query, callback_answer, callback_data, state, users):
        return
    step = Step(callback_data.step.value)
    value = parse_choice(step, callback_data.value)
    if value is None:
        await refuse_stale_button(query, callback_answer)
        return
    if field := await record(state, step, value):
        await users.save_field(query.from_user.id, query.from_user.id, field, value)
    user = await users.get(query.from_user.id)
    await show(query, *await Outcomes(rules, knowledge, locale).advance(state, user))


async def back_pressed(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: EligibilityCb,
    state: FSMContext,
    users: UserRepository,
) -> None:
    """Forget the last answer and ask it again."""
    if await is_current_press(query, callback_answer, callback_data, state, users):
        await forget_last(state)
        await show(query, *await current_screen(state, await users.get(query.from_user.id)))


async def met_now_pressed(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: EligibilityCb,
    state: FSMContext,
    users: UserRepository,
    rules: CaseRules,
    knowledge: KnowledgeBase,
    locale: str,
    clock: WallClock,
) -> None:
    """Both conditions are met since a day tapped (today, yesterday, days ago)."""
    if await is_current_press(query, callback_answer, callback_data, state, users):
        now = clock()
        await state.clear()
        met_at = now - timedelta(days=int(callback_data.value))
        await show(query, *Outcomes(rules, knowledge, locale).eligible_since(met_at, now))


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
    return router
