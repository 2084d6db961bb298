"""Every wizard's steps, in one place: the FSM states the handlers filter on."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup


class EligibilityWizard(StatesGroup):
    """Answering the questions; then, for an eligible seller, when the conditions were met."""

    question = State()
    met_at = State()


class TrackWizard(StatesGroup):
    """Recording one case: what was done, when, the seller's own wait (custom cases), a note,
    confirm."""

    kind = State()
    when = State()
    due = State()
    note = State()
    confirm = State()


class ProfileEdit(StatesGroup):
    """Waiting for a typed profile value; the field being edited is in the state data."""

    value = State()


class TemplateFill(StatesGroup):
    """A template needs a profile field the seller has not filled in yet, the topic (a problem
    type's button, or its name typed), the day they wrote (a typed date; the quick days are
    buttons), or their own description of the issue."""

    value = State()
    topic = State()
    day = State()
    description = State()


class CaseEdit(StatesGroup):
    """Correcting a case by typing: one of its times, or its note; the case id is in the
    state data."""

    moment = State()
    note = State()
