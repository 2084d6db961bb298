"""Correcting a case's times: when the reply came, when it was sent, its deadline."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import gettext as _

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.nlp.typed.times import TimeError, parse_past_time
from bot.services.case_rules import CaseRules
from bot.services.cases import Case, CaseStatus
from bot.services.clock import WallClock
from bot.services.profile import InvalidValue
from bot.services.quick_times import FUTURE_TOLERANCE, OwnWait, QuickTime, quick_moment
from bot.services.quiet_hours import QuietHours
from bot.telegram.filters import PLAIN_TEXT, PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import CaseAction, CaseCb, CaseMoment, CaseTimeCb
from bot.ui.case_edit_views import answered_when_view, due_prompt, happened_prompt
from bot.ui.case_views import case_screen
from bot.ui.states import CaseEdit
from bot.ui.typed_press import typed_press
from bot.ui.wizard_prompts import (
    invalid_reason,
    refuse_stale_button,
    stale_button_text,
    time_error_reason,
)

OPEN = (CaseStatus.OPEN,)
PROMPTS = {
    CaseMoment.ANSWERED: answered_when_view,
    CaseMoment.HAPPENED: happened_prompt,
    CaseMoment.DUE: due_prompt,
}


async def set_moment(
    case: Case,
    moment: CaseMoment,
    when: datetime,
    cases: CaseRepository,
    rules: CaseRules,
    now: datetime,
    quiet: QuietHours,
) -> str | None:
    """When the reply came (the case is answered), when the case happened (its deadline and
    reminder follow) or a new deadline; the reason it cannot be, or None when done."""
    if moment is CaseMoment.DUE:
        deadline = rules.custom_deadline(now, when - now)
        remind_at = rules.first_reminder_of(case, deadline.due, now, quiet)
        await cases.reschedule(case, case.happened_at, deadline, remind_at, now)
        return None
    if when > now + FUTURE_TOLERANCE:
        return time_error_reason(TimeError.FUTURE)
    if moment is CaseMoment.ANSWERED:
        if when < case.happened_at:
            return _("The reply cannot have come before the message was sent.")
        await cases.set_status(case, CaseStatus.ANSWERED, now, answered_at=when)
        return None
    deadline = rules.corrected_deadline(case, when)
    remind_at = rules.first_reminder_of(case, deadline.due, now, quiet)
    await cases.reschedule(case, when, deadline, remind_at, now)
    return None


async def moment_asked(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CaseCb | CaseTimeCb,
    state: FSMContext,
    cases: CaseRepository,
) -> None:
    """Quick choices (typing works too) for when the reply came («Got a reply»: response times
    are measured to it), when it was sent, or the deadline."""
    moment = callback_data.moment if isinstance(callback_data, CaseTimeCb) else CaseMoment.ANSWERED
    case = await cases.get(callback_data.case, query.from_user.id, OPEN)
    if case is None:
        await refuse_stale_button(query, callback_answer)
        return
    await state.set_state(CaseEdit.moment)
    await state.set_data({"case": case.id, "moment": moment.value})
    await show(query, *PROMPTS[moment](case))


async def screen_of(
    cases: CaseRepository, case_id: int, user_id: int, rules: CaseRules, locale: str, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    """The case's screen after a correction."""
    overview = await cases.overview(case_id, user_id)
    assert overview is not None
    return case_screen(overview, now, rules, locale)


def quick_when(moment: CaseMoment, value: str, now: datetime, zone: ZoneInfo) -> datetime:
    """The moment a quick choice stands for: a deadline counted from now, or a past moment."""
    if moment is CaseMoment.DUE:
        return now + timedelta(minutes=int(value))
    return quick_moment(QuickTime(value), now, zone)


async def quick_time_chosen(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CaseTimeCb,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """A quick time: a moment in the past, or a deadline counted from now."""
    case = await cases.get(callback_data.case, query.from_user.id, OPEN)
    now, moment, value = clock(), callback_data.moment, callback_data.value
    choices = set(OwnWait) if moment is CaseMoment.DUE else set(QuickTime)
    if case is None or value not in choices:
        await refuse_stale_button(query, callback_answer)
        return
    await state.clear()
    quiet = await users.quiet_hours(query.from_user.id, default_zone, rules.policy.values)
    when = quick_when(moment, value, now, quiet.zone)
    reason = await set_moment(case, moment, when, cases, rules, now, quiet)
    if reason is not None:
        callback_answer.text = reason
        callback_answer.show_alert = True
        return
    overview = await cases.overview(case.id, query.from_user.id)
    assert overview is not None
    await show(query, *case_screen(overview, now, rules, locale))


async def moment_typed(
    message: Message,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """A typed time for the moment being corrected, or a quick choice's label typed ("1 天后"
    for the deadline, which takes only those)."""
    assert message.from_user is not None and message.text is not None
    data, now = await state.get_data(), clock()
    case = await cases.get(data["case"], message.from_user.id, OPEN)
    moment = CaseMoment(data["moment"])
    if case is None:
        await state.clear()
        await message.answer(stale_button_text())
        return
    quiet = await users.quiet_hours(message.from_user.id, default_zone, rules.policy.values)
    pressed = typed_press(message.text, PROMPTS[moment](case)[1]) or ""
    parsed = parse_past_time(message.text[:80], now, quiet.zone)
    reason = time_error_reason(parsed.error) if parsed.error else None
    if pressed.startswith(f"{CaseTimeCb.__prefix__}:"):
        when = quick_when(moment, CaseTimeCb.unpack(pressed).value, now, quiet.zone)
        reason = await set_moment(case, moment, when, cases, rules, now, quiet)
    elif moment is CaseMoment.DUE:
        reason = invalid_reason(InvalidValue.NOT_A_CHOICE)
    elif parsed.moment is not None:
        reason = await set_moment(case, moment, parsed.moment, cases, rules, now, quiet)
    if reason is not None:
        text, markup = PROMPTS[moment](case)
        await message.answer(f"{reason}\n\n{text}", reply_markup=markup)
        return
    await state.clear()
    text, markup = await screen_of(cases, case.id, message.from_user.id, rules, locale, now)
    await message.answer(text, reply_markup=markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="case_times")
    router.message.filter(PRIVATE)
    callbacks = router.callback_query
    callbacks.register(moment_asked, CaseCb.filter(F.action == CaseAction.ANSWERED))
    callbacks.register(moment_asked, CaseTimeCb.filter(F.value == ""))
    callbacks.register(quick_time_chosen, CaseTimeCb.filter())
    router.message.register(moment_typed, StateFilter(CaseEdit.moment), PLAIN_TEXT)
    return router
