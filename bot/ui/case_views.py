"""How cases and reminders read: labels, countdowns, next steps, and their buttons."""

from __future__ import annotations

from datetime import datetime

from aiogram import html
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import lazy_gettext as __

from bot.db.case_repository import CaseOverview
from bot.services.case_rules import CaseRules
from bot.services.cases import Case, CaseEvent, CaseKind, CaseStatus, Clock
from bot.services.policy import Policy
from bot.telegram.keyboard import Keyboard
from bot.ui.callbacks import CaseAction, CaseCb, EmailCb, MenuAction, MenuCb
from bot.ui.formatting import dual_time, source_note, span_text
from bot.ui.keyboards import menu_button
from bot.ui.labels import EVENT_LABELS, KIND_LABELS

# A list shows this many cases; older ones stay reachable from their pushes.
LIST_LIMIT = 20
NOTE_IN_LIST = 40

# What to do when each kind of case lapses, and which email helps.
NEXT_STEPS = {
    CaseKind.AM_ASSIGNMENT: __(
        "No AM yet: check that Messages (the Support tab) is not muted or archived, that KYC "
        "shows Verified and that Settings → My notifications has a working email; then "
        'send the "Missing AM" email.'
    ),
    CaseKind.AM_MESSAGE: __(
        "Follow up once in the Messages chat in Seller Center; if there is still no reply, "
        "send an Escalation Request."
    ),
    CaseKind.SUPPORT_EMAIL: __(
        "Send a short follow-up email and open a support ticket in Seller Center."
    ),
    CaseKind.COMPLEX_HANDOVER: __(
        "Ask for the follow-up number and who took the issue over; follow up by email."
    ),
    CaseKind.MISSING_AM: __(
        "Send a follow-up email and open a support ticket in Seller Center with the screenshots."
    ),
    CaseKind.ESCALATION: __(
        "Follow up on the escalation and open a support ticket in Seller Center."
    ),
    CaseKind.INDIVIDUAL_APPLICATION: __("Send a polite follow-up asking about the review."),
    CaseKind.CUSTOM: __("Your own deadline has passed: time to follow up."),
}
KIND_TEMPLATES = {
    CaseKind.AM_ASSIGNMENT: "missing_am",
    CaseKind.AM_MESSAGE: "escalation",
    CaseKind.SUPPORT_EMAIL: "follow_up",
    CaseKind.COMPLEX_HANDOVER: "follow_up",
    CaseKind.MISSING_AM: "follow_up",
    CaseKind.ESCALATION: "follow_up",
    CaseKind.INDIVIDUAL_APPLICATION: "follow_up",
    CaseKind.CUSTOM: "follow_up",
}


def clock_note(clock: Clock, policy: Policy, estimate: bool) -> str:
    """Which clock the deadline runs on; and whether the calendar is still an estimate."""
    values = policy.values
    notes = {
        Clock.ELAPSED: _("counted in plain hours, day and night"),
        Clock.AM_OFFICE: _(
            "counted in working hours {start}–{end} Moscow time on Russian working days "
            "(the guide gives the hours; whose working days is this bot's choice)"
        ).format(
            start=values.am_hours_start.strftime("%H:%M"),
            end=values.am_hours_end.strftime("%H:%M"),
        ),
        Clock.SUPPORT_TEAM: _(
            "counted in working hours {start}–{end} Beijing time on Chinese working days "
            "(the guide does not say; this bot's choice)"
        ).format(
            start=values.support_hours_start.strftime("%H:%M"),
            end=values.support_hours_end.strftime("%H:%M"),
        ),
    }
    note = notes[clock]
    if estimate:
        note += "; " + _("estimate: next year's official holiday calendar is not published yet")
    return note


def countdown(case: Case, now: datetime, rules: CaseRules, locale: str) -> str:
    """ "2 working hours left (3 days)" or "overdue by 88 working hours (11 days)"."""
    if case.due_at > now:
        left = span_text(rules.remaining(case, now), locale)
        return "⏳ " + _("{span} left").format(span=left)
    late = span_text(rules.overdue(case, now), locale)
    return "⏰ " + _("overdue by {span}").format(span=late)


def case_line(case: Case, now: datetime, rules: CaseRules, locale: str) -> str:
    """A few lines for the case list: what, its note (so two alike cases tell apart), and
    the countdown or the state."""
    title = f"#{case.id} {KIND_LABELS[case.kind]}"
    if case.note:
        title += " · " + html.quote(shorten(case.note, NOTE_IN_LIST))
    if case.status is not CaseStatus.OPEN:
        return f"{title} · {status_label(case.status)}"
    due = _("due {time}").format(time=dual_time(case.due_at, locale))
    return f"{title}\n{countdown(case, now, rules, locale)} · {due}"


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, an ellipsis marking a cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def status_label(status: CaseStatus) -> str:
    """Open, answered or closed."""
    return {
        CaseStatus.OPEN: _("open"),
        CaseStatus.ANSWERED: _("answered"),
        CaseStatus.CLOSED: _("closed"),
    }[status]


def case_detail(
    case: Case,
    events: list[tuple[datetime, CaseEvent]],
    next_reminder: datetime | None,
    now: datetime,
    rules: CaseRules,
    locale: str,
) -> str:
    """The case with its deadline, clock, next reminder and timeline."""
    lines = [
        f"<b>#{case.id} {KIND_LABELS[case.kind]}</b> · {status_label(case.status)}",
        _("Happened: {time}").format(time=dual_time(case.happened_at, locale)),
        _("Due: {time}").format(time=dual_time(case.due_at, locale)),
        "<i>" + clock_note(case.clock, rules.policy, case.estimate) + "</i>",
    ]
    if case.status is CaseStatus.OPEN:
        lines.append(countdown(case, now, rules, locale))
    if next_reminder is not None:
        lines.append(next_reminder_line(next_reminder, locale))
    if case.answered_at is not None:
        waited = span_text(rules.waited(case, now), locale)
        lines.append(_("Reply came after {span}").format(span=waited))
    if case.note:
        lines.append(_("Note: {note}").format(note=html.quote(case.note)))
    lines.append("")
    lines.append(_("<b>Timeline</b>"))
    lines += [f"• {dual_time(at, locale)} — {EVENT_LABELS[event]}" for at, event in events]
    return "\n".join(lines)


def case_screen(
    overview: CaseOverview, now: datetime, rules: CaseRules, locale: str
) -> tuple[str, InlineKeyboardMarkup]:
    """One case with its timeline, next reminder and actions."""
    text = case_detail(overview.case, overview.events, overview.next_reminder, now, rules, locale)
    return text, case_keyboard(overview.case)


def case_keyboard(case: Case) -> InlineKeyboardMarkup:
    """Actions that fit the case's state."""
    builder = Keyboard()
    if case.status is CaseStatus.OPEN:
        builder.button(
            text=_("✅ Got a reply"),
            callback_data=CaseCb(action=CaseAction.ANSWERED, case=case.id),
        )
        builder.button(
            text=_("✉️ Write the email"),
            callback_data=EmailCb(template=KIND_TEMPLATES[case.kind], case=case.id),
        )
        for action, text in (
            (CaseAction.SNOOZE_HOUR, _("⏰ Remind in 1 hour")),
            (CaseAction.SNOOZE_PERIOD, _("🌅 Next working period")),
            (CaseAction.EDIT, _("✏️ Correct")),
            (CaseAction.CLOSE, _("✖️ Close")),
        ):
            builder.button(text=text, callback_data=CaseCb(action=action, case=case.id))
        builder.adjust(2)
    else:
        builder.button(
            text=_("↩️ Reopen"), callback_data=CaseCb(action=CaseAction.REOPEN, case=case.id)
        )
        builder.button(
            text=_("🗑 Delete"), callback_data=CaseCb(action=CaseAction.DELETE, case=case.id)
        )
        builder.adjust(2)
    builder.row(menu_button())
    return builder.as_markup()


def next_reminder_line(moment: datetime, locale: str) -> str:
    """When the next reminder comes."""
    return "🔔 " + _("Next reminder: {time}").format(time=dual_time(moment, locale))


def reminder_text(
    case: Case,
    now: datetime,
    rules: CaseRules,
    locale: str,
    next_reminder: datetime | None = None,
) -> str:
    """The push: what lapsed and by how much, the next step, and when the next reminder
    comes (if one will)."""
    by = span_text(rules.overdue(case, now), locale)
    lines = [
        _("⏰ <b>No answer in time:</b> #{id} {kind}").format(
            id=case.id, kind=KIND_LABELS[case.kind]
        ),
        _("Sent {happened}; due {due}; overdue by {by}.").format(
            happened=dual_time(case.happened_at, locale),
            due=dual_time(case.due_at, locale),
            by=by,
        ),
        "",
        _("<b>Next step:</b> {step}").format(step=NEXT_STEPS[case.kind]),
    ]
    if case.note:
        lines.append(_("Note: {note}").format(note=html.quote(case.note)))
    if next_reminder is not None:
        lines.append(next_reminder_line(next_reminder, locale))
    if rules.unconfirmed(case.kind):
        lines += ["", source_note()]
    return "\n".join(lines)


def case_list(
    found: list[Case], now: datetime, rules: CaseRules, locale: str, *, closed: bool = False
) -> tuple[str, InlineKeyboardMarkup]:
    """Open cases (overdue first) or the answered and closed ones, each with a button."""
    if closed:
        lines = [_("<b>Answered and closed follow-ups</b>")]
    else:
        lines = [_("<b>Open follow-ups</b> (overdue first)")]
    builder = Keyboard()
    for case in found[:LIST_LIMIT]:
        lines.append(case_line(case, now, rules, locale))
        view = CaseCb(action=CaseAction.VIEW, case=case.id)
        builder.button(text=f"🔎 #{case.id}", callback_data=view)
    if not found:
        lines.append(_("Nothing here yet."))
    builder.adjust(4)
    if not closed:
        builder.row(
            InlineKeyboardButton(
                text=_("📌 Record a follow-up"),
                callback_data=MenuCb(action=MenuAction.TRACK).pack(),
            ),
            InlineKeyboardButton(
                text=_("🗂 Answered and closed"),
                callback_data=CaseCb(action=CaseAction.LIST_CLOSED).pack(),
            ),
        )
    builder.row(menu_button())
    return "\n\n".join(lines), builder.as_markup()
