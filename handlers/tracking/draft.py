"""The case being recorded, kept in the wizard's state until it is saved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup

from bot.services.case_rules import CaseRules
from bot.services.cases import SELLER_SET_KINDS, CaseKind, Deadline
from bot.services.clock import from_epoch, to_epoch
from bot.ui.states import TrackWizard
from bot.ui.tracking_views import confirm_view, due_view, kind_menu, note_prompt, when_view

Draft = dict[str, Any]


def deadline_of(draft: Draft, rules: CaseRules) -> Deadline:
    """The deadline of the case being recorded."""
    kind, happened = CaseKind(draft["kind"]), from_epoch(draft["happened"])
    if kind in SELLER_SET_KINDS:
        return rules.custom_deadline(happened, timedelta(seconds=draft["wait"]))
    return rules.deadline(kind, happened)


@dataclass(frozen=True)
class Finished:
    """A draft ready to be stored: what, when, due when, the note, the first reminder."""

    kind: CaseKind
    happened: datetime
    deadline: Deadline
    note: str | None
    remind_at: datetime


def finished(draft: Draft, rules: CaseRules, now: datetime) -> Finished:
    """The draft as the case to store."""
    deadline = deadline_of(draft, rules)
    kind, happened = CaseKind(draft["kind"]), from_epoch(draft["happened"])
    return Finished(
        kind, happened, deadline, draft.get("note"), rules.first_reminder(deadline.due, now)
    )


def summary(draft: Draft, rules: CaseRules, locale: str) -> tuple[str, InlineKeyboardMarkup]:
    """The confirmation screen of the draft."""
    kind, happened = CaseKind(draft["kind"]), from_epoch(draft["happened"])
    deadline = deadline_of(draft, rules)
    return confirm_view(kind, happened, deadline, draft.get("note"), rules, locale)


async def begin(state: FSMContext, kind: CaseKind) -> None:
    """A new draft of this kind."""
    await state.set_state(TrackWizard.when)
    await state.set_data({"kind": kind.value})


async def moment_chosen(
    state: FSMContext, moment: datetime, rules: CaseRules, locale: str
) -> tuple[str, InlineKeyboardMarkup]:
    """Store when it happened; custom cases then ask for their wait, others confirm."""
    draft = await state.get_data()
    draft["happened"] = to_epoch(moment)
    await state.set_data(draft)
    if CaseKind(draft["kind"]) in SELLER_SET_KINDS:
        await state.set_state(TrackWizard.due)
        return due_view()
    await state.set_state(TrackWizard.confirm)
    return summary(draft, rules, locale)


async def update(state: FSMContext, step: Any, **values: Any) -> Draft:
    """Add values to the draft and move to a step; return the draft."""
    draft = await state.get_data()
    draft.update(values)
    await state.set_data(draft)
    await state.set_state(step)
    return draft


async def current_screen(
    state: FSMContext, rules: CaseRules, locale: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The screen of the step the draft is at (shown again after input it cannot use)."""
    draft, step = await state.get_data(), await state.get_state()
    if step == TrackWizard.kind.state:
        return kind_menu()
    if step == TrackWizard.due.state:
        return due_view()
    if step == TrackWizard.confirm.state:
        return summary(draft, rules, locale)
    if step == TrackWizard.note.state:
        return note_prompt()
    return when_view(CaseKind(draft["kind"]))
