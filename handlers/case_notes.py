"""Correcting a case's note."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.db.case_repository import CaseRepository
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock
from bot.telegram.filters import PLAIN_TEXT, PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import CaseAction, CaseCb
from bot.ui.case_edit_views import note_prompt
from bot.ui.case_views import case_screen
from bot.ui.states import CaseEdit
from bot.ui.tracking_views import NOTE_MAX_CHARS
from bot.ui.wizard_prompts import refuse_stale_button


async def note_asked(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CaseCb,
    state: FSMContext,
    cases: CaseRepository,
) -> None:
    """A new note for the case."""
    case = await cases.get(callback_data.case, query.from_user.id)
    if case is None:
        await refuse_stale_button(query, callback_answer)
        return
    await state.set_state(CaseEdit.note)
    await state.set_data({"case": case.id})
    await show(query, *note_prompt(case))


async def note_typed(
    message: Message,
    state: FSMContext,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """One line, trimmed; a single dash removes the note."""
    assert message.from_user is not None and message.text is not None
    data, now = await state.get_data(), clock()
    await state.clear()
    case = await cases.get(data["case"], message.from_user.id)
    if case is not None:
        note = " ".join(message.text.split())[:NOTE_MAX_CHARS]
        await cases.set_note(case, None if note == "-" else note, now)
        overview = await cases.overview(case.id, message.from_user.id)
        assert overview is not None
        text, markup = case_screen(overview, now, rules, locale)
        await message.answer(text, reply_markup=markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="case_notes")
    router.message.filter(PRIVATE)
    router.callback_query.register(note_asked, CaseCb.filter(F.action == CaseAction.EDIT_NOTE))
    router.message.register(note_typed, StateFilter(CaseEdit.note), PLAIN_TEXT)
    return router
