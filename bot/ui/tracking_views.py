"""How recording a case reads: what was done, when, the seller's own wait, the summary."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from aiogram import html
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.case_repository import CaseLimitReached, TooManyOpenCases
from bot.services.case_rules import CaseRules
from bot.services.cases import Case, CaseKind, Deadline
from bot.services.quick_times import QuickTime, epoch_minutes
from bot.ui.callbacks import (
    CaseAction,
    CaseCb,
    CaseMoment,
    CaseTimeCb,
    MenuAction,
    MenuCb,
    TrackAction,
    TrackCb,
)
from bot.ui.case_views import clock_note, next_reminder_line
from bot.ui.formatting import clock, dual_time
from bot.ui.keyboards import cancel_button, menu_button, single_column
from bot.ui.labels import KIND_LABELS, OWN_WAIT_LABELS, QUICK_TIME_LABELS
from bot.ui.source_lines import source_lines
from bot.ui.task_views import reference_line, task_line

NOTE_MAX_CHARS = 200


def kind_menu() -> tuple[str, InlineKeyboardMarkup]:
    """What did the seller do?"""
    builder = InlineKeyboardBuilder()
    for kind, label in KIND_LABELS.items():
        if kind is CaseKind.OWN_TASK:
            continue  # own tasks come from a manager's reply, with the manager's deadline
        builder.button(text=str(label), callback_data=TrackCb(action=TrackAction.KIND, kind=kind))
    builder.adjust(1)
    builder.row(cancel_button())
    return _("📌 <b>Record a follow-up</b>\nWhat did you send or do?"), builder.as_markup()


def when_view(kind: CaseKind) -> tuple[str, InlineKeyboardMarkup]:
    """When did it happen? Quick buttons or a typed time."""
    builder = InlineKeyboardBuilder()
    for value, label in QUICK_TIME_LABELS.items():
        choice = TrackCb(action=TrackAction.WHEN, kind=kind, value=value)
        builder.button(text=str(label), callback_data=choice)
    builder.adjust(2)
    builder.row(cancel_button())
    text = _(
        "<b>{kind}</b>\nWhen was it? Tap a button or type a time in your time zone, e.g. "
        "<code>15:30</code>, <code>昨天 15:30</code>, <code>11-26 15:30</code>, "
        "<code>3小时前</code>."
    ).format(kind=KIND_LABELS[kind])
    return text, builder.as_markup()


def day_view(
    kind: CaseKind, day: date, times: tuple[time, ...], zone: ZoneInfo, now: datetime, locale: str
) -> tuple[str, InlineKeyboardMarkup]:
    """A day typed without a time: which part of that day (times still ahead are left out)."""
    builder = InlineKeyboardBuilder()
    for at in times:
        moment = datetime.combine(day, at, zone)
        if moment <= now:
            choice = TrackCb(action=TrackAction.AT, kind=kind, at=epoch_minutes(moment))
            builder.button(text=clock(moment, zone, locale), callback_data=choice)
    builder.adjust(2)
    builder.row(cancel_button())
    text = _(
        "What time that day? Tap, or type the day with a time such as <code>11月26号 15:30</code>."
    )
    return text, builder.as_markup()


def due_view() -> tuple[str, InlineKeyboardMarkup]:
    """A custom case: how long to wait before reminding."""
    builder = InlineKeyboardBuilder()
    for value, label in OWN_WAIT_LABELS.items():
        choice = TrackCb(action=TrackAction.DUE, kind=CaseKind.CUSTOM, value=value)
        builder.button(text=str(label), callback_data=choice)
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
        _("Reply due: {time}").format(time=dual_time(deadline.due, locale)),
        "<i>" + clock_note(deadline.clock, rules.policy, deadline.estimate) + "</i>",
    ]
    if note:
        lines.append(_("Note: {note}").format(note=html.quote(note)))
    lines += source_lines(rules.policy, deadline.policy_keys, locale)
    lines.append(_("Save it? I will remind you if no answer comes in time."))
    builder = InlineKeyboardBuilder()
    builder.button(text=_("✅ Save"), callback_data=TrackCb(action=TrackAction.SAVE, kind=kind))
    builder.button(
        text=_("📝 Add a note"), callback_data=TrackCb(action=TrackAction.NOTE, kind=kind)
    )
    builder.adjust(2)
    builder.row(cancel_button())
    return "\n".join(lines), builder.as_markup()


def note_prompt() -> tuple[str, InlineKeyboardMarkup]:
    """Ask for a one-line note."""
    text = ngettext(
        "Send a one-line note (up to {limit} character):",
        "Send a one-line note (up to {limit} characters):",
        NOTE_MAX_CHARS,
    ).format(limit=NOTE_MAX_CHARS)
    return text, single_column(cancel_button())


def saved_view(
    case: Case, locale: str, remind_at: datetime | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """The case is stored: when the reminder comes, and where to see it (a deadline the
    seller must meet: what is to be done, and when the first reminder comes)."""
    builder = InlineKeyboardBuilder()
    builder.button(text=_("📋 My follow-ups"), callback_data=MenuCb(action=MenuAction.CASES))
    builder.button(
        text=_("🔎 This follow-up"), callback_data=CaseCb(action=CaseAction.VIEW, case=case.id)
    )
    builder.adjust(2)
    builder.row(menu_button())
    text = _("✅ Saved as #{id}. If no answer comes by {due}, I will remind you.").format(
        id=case.id, due=dual_time(case.due_at, locale)
    )
    if case.task is not None and remind_at is not None:
        text = "\n".join(
            [
                _("✅ Saved as #{id}: your own deadline, {due}.").format(
                    id=case.id, due=dual_time(case.due_at, locale)
                ),
                task_line(case.task),
                next_reminder_line(remind_at, locale),
            ]
        )
    if case.reference:
        text += "\n" + reference_line(case.reference)
    return text, builder.as_markup()


def followed_up_view(case: Case, locale: str) -> tuple[str, InlineKeyboardMarkup]:
    """The follow-up letter of a case went out: the same case now waits on its answer."""
    text = _(
        "✅ Still follow-up #{id}: the follow-up email went out just now; reply due {due}. If "
        "none comes, I will remind you."
    ).format(id=case.id, due=dual_time(case.due_at, locale))
    builder = InlineKeyboardBuilder()
    builder.button(
        text=_("🔎 This follow-up"), callback_data=CaseCb(action=CaseAction.VIEW, case=case.id)
    )
    builder.row(menu_button())
    return text, builder.as_markup()


def case_limit_view(error: CaseLimitReached) -> tuple[str, InlineKeyboardMarkup]:
    """Nothing was saved: the seller has as many open follow-ups as the bot keeps, or the
    follow-up has had as many reminders."""
    builder = InlineKeyboardBuilder()
    builder.button(text=_("📋 My follow-ups"), callback_data=MenuCb(action=MenuAction.CASES))
    builder.row(menu_button())
    if isinstance(error, TooManyOpenCases):
        text = ngettext(
            "⚠️ Not saved: you already have {limit} open follow-up, the most I keep at once. "
            "Close the ones that are settled in /cases, then record this one again.",
            "⚠️ Not saved: you already have {limit} open follow-ups, the most I keep at once. "
            "Close the ones that are settled in /cases, then record this one again.",
            error.limit,
        )
    else:
        text = ngettext(
            "⚠️ Not changed: this follow-up has had {limit} reminder, the most I give one. "
            "If you are still waiting, close it and record a new one.",
            "⚠️ Not changed: this follow-up has had {limit} reminders, the most I give one. "
            "If you are still waiting, close it and record a new one.",
            error.limit,
        )
    return text.format(limit=error.limit), builder.as_markup()


def sent_view(case: Case, locale: str) -> tuple[str, InlineKeyboardMarkup]:
    """Recorded at once from «I have sent it»: the deadline, and quick fixes if it went out
    earlier."""
    lines = [
        _("✅ Recorded as #{id}: <b>{kind}</b>, sent just now.").format(
            id=case.id, kind=KIND_LABELS[case.kind]
        ),
        _("Reply due: {time}").format(time=dual_time(case.due_at, locale)),
        _("If no answer comes by then, I will remind you. Sent earlier? Tap when:"),
    ]
    builder = InlineKeyboardBuilder()
    for value, label in QUICK_TIME_LABELS.items():
        if value is not QuickTime.NOW:
            choice = CaseTimeCb(case=case.id, moment=CaseMoment.HAPPENED, value=value)
            builder.button(text=str(label), callback_data=choice)
    builder.adjust(2)
    builder.row(
        InlineKeyboardButton(
            text=_("🔎 This follow-up"),
            callback_data=CaseCb(action=CaseAction.VIEW, case=case.id).pack(),
        ),
        menu_button(),
    )
    return "\n".join(lines), builder.as_markup()
