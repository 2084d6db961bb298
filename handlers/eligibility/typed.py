"""/check by typing: a button's label typed counts as the press, numbers and days are read."""

from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.db.user_repository import UserRepository
from bot.nlp.typed.times import moment_on, parse_past_time
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock
from bot.services.knowledge import KnowledgeBase
from bot.telegram.filters import NO_TEXT, PLAIN_TEXT, PRIVATE
from bot.ui.states import EligibilityWizard
from bot.ui.wizard_prompts import ask_again, invalid_reason, time_error_reason
from handlers.eligibility.draft import Outcomes, current_screen, forget_last, record, typed_answer

# A day without a time is taken at its noon: close enough for an assignment window of days.
NOON = time(12)


async def answer_typed(
    message: Message,
    state: FSMContext,
    users: UserRepository,
    rules: CaseRules,
    knowledge: KnowledgeBase,
    locale: str,
) -> None:
    """A button's label typed counts as the press, a number as the SKU count; anything else
    is explained and the step shown again."""
    assert message.from_user is not None and message.text is not None
    uid = message.from_user.id
    typed = await typed_answer(message.text, state, await users.get(uid))
    if typed is None or typed.error is not None or (typed.step and typed.value is None):
        text, markup = await current_screen(state, await users.get(uid))
        if typed is not None and typed.error is not None:
            await message.answer(f"{invalid_reason(typed.error)}\n\n{text}", reply_markup=markup)
        else:
            await ask_again(message, text, markup)
        return
    if typed.back:
        await forget_last(state)
        text, markup = await current_screen(state, await users.get(uid))
    else:
        assert typed.step is not None
        if field := await record(state, typed.step, typed.value):
            await users.save_field(uid, message.chat.id, field, typed.value)
        text, markup = await Outcomes(rules, knowledge, locale).advance(
            state, await users.get(uid)
        )
    await message.answer(text, reply_markup=markup)


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
    router = Router(name="eligibility_typing")
    router.message.filter(PRIVATE)
    router.message.register(answer_typed, StateFilter(EligibilityWizard.question), PLAIN_TEXT)
    router.message.register(met_at_typed, StateFilter(EligibilityWizard.met_at), PLAIN_TEXT)
    router.message.register(not_text, StateFilter(EligibilityWizard), NO_TEXT)
    return router
