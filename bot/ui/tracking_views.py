"""How recording a case reads: what was done, when, the seller's own wait, the summary."""

from __future__ import annotations

from datetime import datetime

from aiogram import html
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.services.case_rules import CaseRules
from bot.services.cases import Case, CaseKind, Deadline
from bot.services.quick_times import OwnWait, QuickTime
from bot.telegram.keyboard import Keyboard, single_column
from bot.ui.callbacks import CaseAction, CaseCb, MenuAction, MenuCb, TrackAction, TrackCb
from bot.ui.case_views import clock_note
from bot.ui.formatting import dual_time, source_note
from bot.ui.keyboards import cancel_button, menu_button
from bot.ui.labels import KIND_LABELS

NOTE_MAX_CHARS = 200


def kind_menu() -> tuple[str, InlineKeyboardMarkup]:
    """What did the seller do?"""
    builder = Keyboard()
    for kind, label in KIND_LABELS.items():
        builder.button(text=str(label), callback_data=TrackCb(action=TrackAction.KIND, kind=kind))
    builder.adjust(1)
    builder.row(cancel_button())
    return _("📌 <b>Track a case</b>\nWhat did you do?"), builder.as_markup()


def when_view(kind: CaseKind) -> tuple[str, InlineKeyboardMarkup]:
    """When did it happen? Quick buttons or a typed time."""
    labels = {
        QuickTime.NOW: _("Just now"),
        QuickTime.HALF_HOUR_AGO: _("30 min ago"),
        QuickTime.HOUR_AGO: _("1 hour ago"),
        QuickTime.THREE_HOURS_AGO: _("3 hours ago"),
        QuickTime.THIS_MORNING: _("This morning 10:00"),
        QuickTime.YESTERDAY: _("Yesterday, same time"),
    }
    builder = Keyboard()
    for value, label in labels.items():
        choice = TrackCb(action=TrackAction.WHEN, kind=kind, value=value)
        builder.button(text=label, callback_data=choice)
    builder.adjust(2)
    builder.row(cancel_button())
    text = _(
        "<b>{kind}</b>\nWhen? Tap a button or type a time in your time zone, e.g. "
        "<code>15:30</code>, <code>昨天 15:30</code>, <code>11-26 15:30</code>, "
        "<code>3小时前</code>."
    ).format(kind=KIND_LABELS[kind])
    return text, builder.as_markup()


def due_view() -> tuple[str, InlineKeyboardMarkup]:
    """A custom case: how long to wait before reminding."""
    labels = {
        OwnWait.TWO_HOURS: _("2 hours"),
        OwnWait.ONE_DAY: _("1 day"),
        OwnWait.THREE_DAYS: _("3 days"),
        OwnWait.ONE_WEEK: _("7 days"),
    }
    builder = Keyboard()
    for value, label in labels.items():
        choice = TrackCb(action=TrackAction.DUE, kind=CaseKind.CUSTOM, value=value)
        builder.button(text=label, callback_data=choice)
    builder.adjust(2)
    builder.row(cancel_button())
    return _("How long should I wait before reminding you?"), builder.as_markup()


def confirm_view(
    kind: CaseKind,
    happened: datetime,
    deadline: Deadline,
    note: str | None,
    rules: CaseRules,
    locale: str,
) -> tuple[str, InlineKeyboardMarkup]:
    """The summary before saving: both times, the deadline and its clock."""
    lines = [
        f"<b>{KIND_LABELS[kind]}</b>",
        _("Happened: {time}").format(time=dual_time(happened, locale)),
        _("Answer due: {time}").format(time=dual_time(deadline.due, locale)),
        "<i>" + clock_note(deadline.clock, rules.policy, deadline.estimate) + "</i>",
    ]
    if note:
        lines.append(_("Note: {note}").format(note=html.quote(note)))
    if rules.policy.unconfirmed(deadline.policy_keys):
        lines.append(source_note())
    lines.append(_("Save it? I will remind you if no answer comes in time."))
    builder = Keyboard()
    builder.button(text=_("✅ Save"), callback_data=TrackCb(action=TrackAction.SAVE, kind=kind))
    builder.button(
        text=_("📝 Add a note"), callback_data=TrackCb(action=TrackAction.NOTE, kind=kind)
    )
    builder.adjust(2)
    builder.row(cancel_button())
    return "\n".join(lines), builder.as_markup()


def note_prompt() -> tuple[str, InlineKeyboardMarkup]:
    """Ask for a one-line note."""
    text = _("Send a one-line note (up to {limit} characters):").format(limit=NOTE_MAX_CHARS)
    return text, single_column(cancel_button())


def saved_view(case: Case, locale: str) -> tuple[str, InlineKeyboardMarkup]:
    """The case is stored: when the reminder comes, and where to see it."""
    builder = Keyboard()
    builder.button(text=_("📋 My cases"), callback_data=MenuCb(action=MenuAction.CASES))
    builder.button(
        text=_("🔎 This case"), callback_data=CaseCb(action=CaseAction.VIEW, case=case.id)
    )
    builder.adjust(2)
    builder.row(menu_button())
    text = _("✅ Saved as #{id}. If no answer comes by {due}, I will remind you.").format(
        id=case.id, due=dual_time(case.due_at, locale)
    )
    return text, builder.as_markup()
