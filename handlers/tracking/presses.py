"""/track: record what the seller did and when; the bot computes the deadline and reminds."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.nlp.typed.times import TimeError
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock
from bot.services.quick_times import OwnWait, QuickTime, carried_moment, quick_moment
from bot.telegram.filters import PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import MenuAction, MenuCb, TrackAction, TrackCb
from bot.ui.states import TrackWizard
from bot.ui.tracking_views import kind_menu, note_prompt, saved_view, when_view
from bot.ui.wizard_prompts import refuse_stale_button, time_error_reason
from handlers.tracking.draft import (
    begin,
    finished,
    moment_chosen,
    summary,
    update,
)


async def cmd_track(message: Message, state: FSMContext) -> None:
    """Choose what to track (a button, or its label typed)."""
    await state.clear()
    await state.set_state(TrackWizard.kind)
    text, markup = kind_menu()
    await message.answer(text, reply_markup=markup)


async def menu_track(query: CallbackQuery, state: FSMContext) -> None:
    """Choose what to track, from the menu."""
    await state.clear()
    await state.set_state(TrackWizard.kind)
    await show(query, *kind_menu())


async def kind_chosen(query: CallbackQuery, callback_data: TrackCb, state: FSMContext) -> None:
    """What was done: ask when."""
    await begin(state, callback_data.kind)
    await show(query, *when_view(callback_data.kind))


async def moment_known(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: TrackCb,
    state: FSMContext,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """From an outcome that already knows the moment (eligibility: conditions met)."""
    moment = carried_moment(callback_data.at, clock())
    if moment is None:
        await refuse_stale_button(query, callback_answer)
        return
    await begin(state, callback_data.kind)
    await show(query, *await moment_chosen(state, moment, rules, locale))


async def quick_time_chosen(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: TrackCb,
    state: FSMContext,
    users: UserRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """A quick "when" button of the draft being recorded."""
    draft = await state.get_data()
    if draft.get("kind") != callback_data.kind.value or callback_data.value not in set(QuickTime):
        await refuse_stale_button(query, callback_answer)
        return
    now = clock()
    zone = await users.zone(query.from_user.id, default_zone)
    moment = quick_moment(QuickTime(callback_data.value), now, zone)
    if moment > now:
        callback_answer.text = time_error_reason(TimeError.FUTURE)
        callback_answer.show_alert = True
        return
    await show(query, *await moment_chosen(state, moment, rules, locale))


async def own_wait_chosen(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: TrackCb,
    state: FSMContext,
    rules: CaseRules,
    locale: str,
) -> None:
    """How long to wait before reminding, for the seller's own kind of case."""
    if callback_data.value not in set(OwnWait):
        await refuse_stale_button(query, callback_answer)
        return
    wait = int(callback_data.value) * 60
    draft = await update(state, TrackWizard.confirm, wait=wait)
    await show(query, *summary(draft, rules, locale))


async def note_asked(query: CallbackQuery, state: FSMContext) -> None:
    """Add a note before saving."""
    await state.set_state(TrackWizard.note)
    await show(query, *note_prompt())


async def save_pressed(
    query: CallbackQuery,
    state: FSMContext,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Store the case and its first reminder (the repository wakes the scheduler)."""
    now, draft = clock(), await state.get_data()
    await state.clear()
    new = finished(draft, rules, now)
    case = await cases.create(
        query.from_user.id, new.kind, new.happened, new.deadline, new.note, now, new.remind_at
    )
    await show(query, *saved_view(case, locale))


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="tracking")
    router.message.filter(PRIVATE)
    router.message.register(cmd_track, Command("track"))
    callbacks = router.callback_query
    callbacks.register(menu_track, MenuCb.filter(F.action == MenuAction.TRACK))
    callbacks.register(kind_chosen, TrackCb.filter(F.action == TrackAction.KIND))
    callbacks.register(moment_known, TrackCb.filter(F.action == TrackAction.AT))
    for handler, action, step in (
        (quick_time_chosen, TrackAction.WHEN, TrackWizard.when),
        (own_wait_chosen, TrackAction.DUE, TrackWizard.due),
        (note_asked, TrackAction.NOTE, TrackWizard.confirm),
        (save_pressed, TrackAction.SAVE, TrackWizard.confirm),
    ):
        callbacks.register(handler, StateFilter(step), TrackCb.filter(F.action == action))
    callbacks.register(refuse_stale_button, TrackCb.filter())
    return router
