"""/track by typing: times the way sellers write them, a button's label typed as its press,
the note."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup, Message

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.nlp.typed.times import parse_past_time
from bot.services.case_rules import CaseRules
from bot.services.cases import CaseKind
from bot.services.clock import WallClock
from bot.services.quick_times import OwnWait, QuickTime, quick_moment
from bot.telegram.filters import NOT_COMMAND, PLAIN_TEXT, PRIVATE
from bot.ui.callbacks import TrackAction, TrackCb
from bot.ui.states import TrackWizard
from bot.ui.tracking_views import NOTE_MAX_CHARS, day_view, note_prompt, saved_view, when_view
from bot.ui.typed_press import typed_press
from bot.ui.wizard_prompts import ask_again, time_error_reason
from handlers.tracking.draft import (
    begin,
    current_screen,
    finished,
    moment_chosen,
    summary,
    update,
)

# A day typed without a time is offered at these times.
DAY_TIMES = (time(10), time(15))


async def when_typed(
    message: Message,
    state: FSMContext,
    users: UserRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """A quick button's label, or a time the way sellers write it, in their time zone; a day
    alone asks for the part of the day."""
    assert message.from_user is not None and message.text is not None
    kind, now = CaseKind((await state.get_data())["kind"]), clock()
    zone = await users.zone(message.from_user.id, default_zone)
    pressed = typed_press(message.text, when_view(kind)[1])
    parsed = parse_past_time(message.text[:80], now, zone)
    if pressed is not None:
        moment = quick_moment(QuickTime(TrackCb.unpack(pressed).value), now, zone)
    elif parsed.needs_time and parsed.day is not None:
        text, markup = day_view(kind, parsed.day, DAY_TIMES, zone, now, locale)
        await message.answer(text, reply_markup=markup)
        return
    elif parsed.moment is not None:
        moment = parsed.moment
    else:
        assert parsed.error is not None
        text, markup = when_view(kind)
        await message.answer(f"{time_error_reason(parsed.error)}\n\n{text}", reply_markup=markup)
        return
    text, markup = await moment_chosen(state, moment, rules, locale)
    await message.answer(text, reply_markup=markup)


async def step_typed(
    message: Message,
    state: FSMContext,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """At the kind, wait and confirmation steps a button's label typed counts as its press;
    other typing is explained and the step shown again."""
    assert message.from_user is not None and message.text is not None
    screen = await current_screen(state, rules, locale)
    pressed = typed_press(message.text, screen[1])
    choice = TrackCb.unpack(pressed) if pressed is not None else None
    if choice is not None and choice.action is TrackAction.KIND:
        await begin(state, choice.kind)
        text, markup = when_view(choice.kind)
    elif choice is not None and choice.action is TrackAction.DUE and choice.value in set(OwnWait):
        draft = await update(state, TrackWizard.confirm, wait=int(choice.value) * 60)
        text, markup = summary(draft, rules, locale)
    elif choice is not None and choice.action is TrackAction.NOTE:
        await state.set_state(TrackWizard.note)
        text, markup = note_prompt()
    elif choice is not None and choice.action is TrackAction.SAVE:
        text, markup = await save(message.from_user.id, state, cases, rules, locale, clock())
    else:
        await ask_again(message, *screen)
        return
    await message.answer(text, reply_markup=markup)


async def save(
    user_id: int,
    state: FSMContext,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    now: datetime,
) -> tuple[str, InlineKeyboardMarkup]:
    """Store the draft and leave the wizard; the saved screen."""
    draft = await state.get_data()
    await state.clear()
    new = finished(draft, rules, now)
    case = await cases.create(
        user_id, new.kind, new.happened, new.deadline, new.note, now, new.remind_at
    )
    return saved_view(case, locale)


async def note_typed(message: Message, state: FSMContext, rules: CaseRules, locale: str) -> None:
    """One line, trimmed; then back to the summary."""
    assert message.text is not None
    note = " ".join(message.text.split())[:NOTE_MAX_CHARS]
    draft = await update(state, TrackWizard.confirm, note=note)
    text, markup = summary(draft, rules, locale)
    await message.answer(text, reply_markup=markup)


async def not_text(message: Message, state: FSMContext, rules: CaseRules, locale: str) -> None:
    """Stickers, photos and the like: explain and show the step again."""
    await ask_again(message, *await current_screen(state, rules, locale))


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="tracking_typing")
    router.message.filter(PRIVATE)
    router.message.register(when_typed, StateFilter(TrackWizard.when), PLAIN_TEXT)
    router.message.register(note_typed, StateFilter(TrackWizard.note), PLAIN_TEXT)
    buttons_expected = StateFilter(TrackWizard.kind, TrackWizard.due, TrackWizard.confirm)
    router.message.register(step_typed, buttons_expected, PLAIN_TEXT)
    router.message.register(not_text, StateFilter(TrackWizard), NOT_COMMAND)
    return router
