"""How cases and reminders read: labels, countdowns, next steps, and their buttons."""

from __future__ import annotations

from datetime import datetime

from aiogram import html
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import lazy_gettext as __
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.case_repository import CaseOverview
from bot.services.case_rules import CaseRules
from bot.services.cases import Case, CaseEvent, CaseKind, CaseStatus, Clock
from bot.services.policy import Policy
from bot.ui.callbacks import CaseAction, CaseCb, EmailCb, MenuAction, MenuCb
from bot.ui.formatting import dual_time, source_note, span_text
from bot.ui.keyboards import menu_button
from bot.ui.labels import EVENT_LABELS, KIND_LABELS
from bot.ui.task_views import reference_line, task_line, task_reminder_text

# A list shows this many cases; older ones stay reachable from their pushes.
LIST_LIMIT = 20
# A case's timeline shows its first entry and the latest ones: a case snoozed and edited
# a hundred times still opens (Telegram shows at most 4,096 characters).
TIMELINE_SHOWN = 12
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
        "Ask for the ticket number and who took the issue over; follow up by email."
    ),
    CaseKind.MISSING_AM: __(
        "Send a follow-up email and open a support ticket in Seller Center with the screenshots."
    ),
    CaseKind.ESCALATION: __(
        "Follow up on the escalation and open a support ticket in Seller Center."
    ),
    CaseKind.INDIVIDUAL_APPLICATION: __("Send a polite follow-up asking about the review."),
    CaseKind.CUSTOM: __("Your own deadline has passed: time to follow up."),
    CaseKind.OWN_TASK: __(
        "Your task's deadline has come: do it now, then tell the manager it is done."
    ),
}
# What to do once following up has not helped: the pushes after the first escalate.
LATER_STEPS = {
    CaseKind.AM_ASSIGNMENT: __(
        'Still no AM: if you have not yet, send the "Missing AM" email; then open a support '
        "ticket in Seller Center."
    ),
    CaseKind.AM_MESSAGE: __("Still no reply after following up: send an Escalation Request."),
    CaseKind.SUPPORT_EMAIL: __(
        "Still no reply: open a support ticket in Seller Center and give the date of your "
        "first email."
    ),
    CaseKind.COMPLEX_HANDOVER: __(
        "Still nothing: open a support ticket in Seller Center with the follow-up number."
    ),
    CaseKind.MISSING_AM: __(
        "Still no AM: open a support ticket in Seller Center with the screenshots and the "
        "date of your first email."
    ),
    CaseKind.ESCALATION: __(
        "Still no answer to the escalation: open a support ticket in Seller Center and attach "
        "your earlier emails."
    ),
    CaseKind.INDIVIDUAL_APPLICATION: __(
        "Still no decision: open a support ticket in Seller Center about the review."
    ),
    CaseKind.CUSTOM: __("Still nothing: open a support ticket in Seller Center."),
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
    CaseKind.OWN_TASK: "follow_up",
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
    lines += case_facts_lines(case)
    lines.append("")
    lines.append(_("<b>Timeline</b>"))
    lines += timeline_lines(events, locale)
    return "\n".join(lines)


def timeline_lines(events: list[tuple[datetime, CaseEvent]], locale: str) -> list[str]:
    """Every entry, or for a long history the first, how many are left out, and the latest."""
    entries = [f"• {dual_time(at, locale)} — {EVENT_LABELS[event]}" for at, event in events]
    if len(entries) <= TIMELINE_SHOWN:
        return entries
    left_out = len(entries) - TIMELINE_SHOWN
    skipped = ngettext("… {count} entry in between", "… {count} entries in between", left_out)
    return [entries[0], skipped.format(count=left_out), *entries[-(TIMELINE_SHOWN - 1) :]]


def case_screen(
    overview: CaseOverview, now: datetime, rules: CaseRules, locale: str
) -> tuple[str, InlineKeyboardMarkup]:
    """One case with its timeline, next reminder and actions."""
    text = case_detail(overview.case, overview.events, overview.next_reminder, now, rules, locale)
    return text, case_keyboard(overview.case, snoozable=rules.snoozable(overview.case, now))


def case_keyboard(case: Case, *, snoozable: bool) -> InlineKeyboardMarkup:
    """Actions that fit the case's state: "remind me later" only once the deadline has passed
    (before it, the reminder is already at the deadline)."""
    builder = InlineKeyboardBuilder()
    if case.status is CaseStatus.OPEN:
        builder.button(
            text=_("✅ Got a reply"),
            callback_data=CaseCb(action=CaseAction.ANSWERED, case=case.id),
        )
        builder.button(
            text=_("✉️ Write the email"),
            callback_data=EmailCb(template=KIND_TEMPLATES[case.kind], case=case.id),
        )
        later = (
            [
                (CaseAction.SNOOZE_HOUR, _("⏰ Remind in 1 hour")),
                (CaseAction.SNOOZE_PERIOD, _("🌅 Next working period")),
            ]
            if snoozable
            else []
        )
        for action, text in (
            *later,
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


def snooze_toast(until: datetime | None, due: datetime, locale: str) -> str:
    """What a snooze did: the moment of the next reminder, or, before the deadline, that the
    reminder stays at the deadline."""
    if until is None:
        return _("Not due yet: I will remind you at the deadline, {time}.").format(
            time=dual_time(due, locale)
        )
    return _("I will remind you at {time}.").format(time=dual_time(until, locale))


def next_reminder_line(moment: datetime, locale: str) -> str:
    """When the next reminder comes."""
    return "🔔 " + _("Next reminder: {time}").format(time=dual_time(moment, locale))


def reminder_text(
    case: Case,
    now: datetime,
    rules: CaseRules,
    locale: str,
    *,
    next_reminder: datetime | None,
) -> str:
    """The push: what lapsed and by how much (or, for the seller's own deadline, what is to be
    done by when), the next step (escalating after the first push), and when the next reminder
    comes, or that this push is the last."""
    if case.task is not None:
        lines = [task_reminder_text(case, now, rules, locale)]
    else:
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
            _("<b>Next step:</b> {step}").format(step=next_step(case)),
        ]
    lines += case_facts_lines(case, with_task=False)
    if next_reminder is not None:
        lines.append(next_reminder_line(next_reminder, locale))
    else:
        lines.append(_("🔕 This is the last reminder for this follow-up; it stays in /cases."))
    if rules.unconfirmed(case.kind):
        lines += ["", source_note()]
    return "\n".join(lines)


def next_step(case: Case) -> str:
    """The advice of a push: follow up at first, escalate once that has not helped."""
    return str((NEXT_STEPS if case.nudges == 0 else LATER_STEPS)[case.kind])


def case_facts_lines(case: Case, *, with_task: bool = True) -> list[str]:
    """What the seller must do (when the deadline is theirs), the note and the request
    number, as far as the case has them."""
    lines = [task_line(case.task)] if with_task and case.task is not None else []
    if case.note:
        lines.append(_("Note: {note}").format(note=html.quote(case.note)))
    if case.reference:
        lines.append(reference_line(case.reference))
    return lines


def case_list(
    found: list[Case], now: datetime, rules: CaseRules, locale: str, *, closed: bool = False
) -> tuple[str, InlineKeyboardMarkup]:
    """Open cases (overdue first) or the answered and closed ones, each with a button."""
    if closed:
        lines = [_("<b>Answered and closed follow-ups</b>")]
    else:
        lines = [_("<b>Open follow-ups</b> (overdue first)")]
    builder = InlineKeyboardBuilder()
    for case in found[:LIST_LIMIT]:
        lines.append(case_line(case, now, rules, locale))
        view = CaseCb(action=CaseAction.VIEW, case=case.id)
        builder.button(text=f"🔎 #{case.id}", callback_data=view)
    if not found:
        lines.append(_("Nothing here yet."))
    if len(found) > LIST_LIMIT:
        hidden = len(found) - LIST_LIMIT
        lines.append(
            ngettext(
                "… and {count} more, not listed: close the settled ones to see them.",
                "… and {count} more, not listed: close the settled ones to see them.",
                hidden,
            ).format(count=hidden)
        )
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
