"""How correcting a case reads: when the reply came, when it was sent, the deadline, the note."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.services.cases import Case
from bot.ui.callbacks import CaseAction, CaseCb, CaseMoment, CaseTimeCb
from bot.ui.labels import DUE_FROM_NOW_LABELS, KIND_LABELS, QUICK_TIME_LABELS


def quick_times(
    case: Case, moment: CaseMoment, choices: Mapping[Any, Any]
) -> InlineKeyboardMarkup:
    """Quick answers for one of a case's times, then back to the case."""
    builder = InlineKeyboardBuilder()
    for value, label in choices.items():
        choice = CaseTimeCb(case=case.id, moment=moment, value=value)
        builder.button(text=str(label), callback_data=choice)
    builder.adjust(2)
    back = CaseCb(action=CaseAction.VIEW, case=case.id).pack()
    builder.row(InlineKeyboardButton(text=_("⬅️ Back to the follow-up"), callback_data=back))
    return builder.as_markup()


def answered_when_view(case: Case) -> tuple[str, InlineKeyboardMarkup]:
    """When did the reply come? (Response times are measured to it.)"""
    text = _(
        "<b>#{id} {kind}</b>\nWhen did the reply come? Tap, or type a time such as "
        "<code>15:30</code> or <code>昨天 22:00</code>."
    ).format(id=case.id, kind=KIND_LABELS[case.kind])
    return text, quick_times(case, CaseMoment.ANSWERED, QUICK_TIME_LABELS)


def edit_menu(case: Case) -> tuple[str, InlineKeyboardMarkup]:
    """What can be corrected."""
    builder = InlineKeyboardBuilder()
    for moment, label in (
        (CaseMoment.HAPPENED, _("🕒 When it was sent")),
        (CaseMoment.DUE, _("📅 The deadline")),
    ):
        choice = CaseTimeCb(case=case.id, moment=moment, value="")
        builder.button(text=label, callback_data=choice)
    builder.button(
        text=_("📝 The note"), callback_data=CaseCb(action=CaseAction.EDIT_NOTE, case=case.id)
    )
    builder.adjust(1)
    back = CaseCb(action=CaseAction.VIEW, case=case.id).pack()
    builder.row(InlineKeyboardButton(text=_("⬅️ Back to the follow-up"), callback_data=back))
    text = _("<b>#{id} {kind}</b>\nWhat should I correct?").format(
        id=case.id, kind=KIND_LABELS[case.kind]
    )
    return text, builder.as_markup()


def happened_prompt(case: Case) -> tuple[str, InlineKeyboardMarkup]:
    """When was it really sent? The deadline and reminder follow."""
    text = _(
        "<b>#{id} {kind}</b>\nWhen was it actually sent? Tap, or type a time such as "
        "<code>15:30</code> or <code>昨天 22:00</code>; the deadline moves with it."
    ).format(id=case.id, kind=KIND_LABELS[case.kind])
    return text, quick_times(case, CaseMoment.HAPPENED, QUICK_TIME_LABELS)


def due_prompt(case: Case) -> tuple[str, InlineKeyboardMarkup]:
    """A new deadline, counted from now."""
    text = _("<b>#{id} {kind}</b>\nMove the deadline: how long from now?").format(
        id=case.id, kind=KIND_LABELS[case.kind]
    )
    return text, quick_times(case, CaseMoment.DUE, DUE_FROM_NOW_LABELS)


def note_prompt(case: Case) -> tuple[str, InlineKeyboardMarkup]:
    """A new note (a single dash removes it)."""
    text = _(
        "<b>#{id} {kind}</b>\nSend the new note (one line; send <code>-</code> to remove it)."
    ).format(id=case.id, kind=KIND_LABELS[case.kind])
    back = CaseCb(action=CaseAction.VIEW, case=case.id).pack()
    button = InlineKeyboardButton(text=_("⬅️ Back to the follow-up"), callback_data=back)
    return text, InlineKeyboardMarkup(inline_keyboard=[[button]])
