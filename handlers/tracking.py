"""/track: record what the seller did and when; the bot computes the deadline and reminds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aiogram import F, Router, html
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.db.case_repository import CaseRepository, from_epoch, to_epoch
from bot.services.case_rules import CaseRules
from bot.services.cases import CaseKind, Deadline
from bot.services.time_input import parse_past_time
from bot.telegram.filters import NO_TEXT, PLAIN_TEXT, PRIVATE, Input, Typed
from bot.telegram.keyboard import Keyboard
from bot.telegram.screens import show
from bot.ui.callbacks import CaseAction, CaseCb, MenuAction, MenuCb, TrackAction, TrackCb
from bot.ui.case_views import KIND_LABELS, clock_note
from bot.ui.formatting import dual_time, source_note
from bot.ui.keyboards import cancel_button, menu_button
from bot.ui.wizard_prompts import ask_again, time_error_reason, user_zone

NOTE_MAX_CHARS = 200
# Quick "when" buttons: minutes ago, or a named moment.
QUICK_AGO = ("0", "30", "60", "180")
THIS_MORNING = "am"
YESTERDAY = "yd"
AT = "at"
CUSTOM_DUE_MINUTES = ("120", "1440", "4320", "10080")


class TrackWizard(StatesGroup):
    """Recording one case."""

    when = State()
    due = State()
    note = State()
    confirm = State()


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
        "0": _("Just now"),
        "30": _("30 min ago"),
        "60": _("1 hour ago"),
        "180": _("3 hours ago"),
        THIS_MORNING: _("This morning 10:00"),
        YESTERDAY: _("Yesterday, same time"),
    }
    builder = Keyboard()
    for value, label in labels.items():
        builder.button(
            text=label, callback_data=TrackCb(action=TrackAction.WHEN, kind=kind, value=value)
        )
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
    labels = {"120": _("2 hours"), "1440": _("1 day"), "4320": _("3 days"), "10080": _("7 days")}
    builder = Keyboard()
    for value, label in labels.items():
        builder.button(
            text=label,
            callback_data=TrackCb(action=TrackAction.DUE, kind=CaseKind.CUSTOM, value=value),
        )
    builder.adjust(2)
    builder.row(cancel_button())
    return _("How long should I wait before reminding you?"), builder.as_markup()


def deadline_for(data: dict[str, Any], rules: CaseRules) -> Deadline:
    """The deadline of the case being recorded."""
    kind = CaseKind(data["kind"])
    happened = from_epoch(data["happened"])
    if kind is CaseKind.CUSTOM:
        return rules.custom_deadline(happened, timedelta(seconds=data["due"] - data["happened"]))
    return rules.deadline(kind, happened)


def confirm_view(
    data: dict[str, Any], rules: CaseRules, locale: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The summary before saving: both times, the deadline and its clock."""
    kind = CaseKind(data["kind"])
    deadline = deadline_for(data, rules)
    lines = [
        f"<b>{KIND_LABELS[kind]}</b>",
        _("Happened: {time}").format(time=dual_time(from_epoch(data["happened"]), locale)),
        _("Answer due: {time}").format(time=dual_time(deadline.due, locale)),
        "<i>" + clock_note(deadline.clock, rules.policy, deadline.estimate) + "</i>",
    ]
    if data.get("note"):
        lines.append(_("Note: {note}").format(note=html.quote(data["note"])))
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


def quick_moment(value: str, now: datetime, zone: ZoneInfo) -> datetime | None:
    """The moment a quick button stands for (None if it is not one we offer)."""
    local_now = now.astimezone(zone)
    if value in QUICK_AGO:
        return now - timedelta(minutes=int(value))
    if value == THIS_MORNING:
        return local_now.replace(hour=10, minute=0, second=0, microsecond=0).astimezone(UTC)
    if value == YESTERDAY:
        return now - timedelta(days=1)
    return None


async def begin(state: FSMContext, kind: CaseKind) -> tuple[str, InlineKeyboardMarkup]:
    """Start recording a case of this kind."""
    await state.set_state(TrackWizard.when)
    await state.set_data({"kind": kind.value})
    return when_view(kind)


async def moment_chosen(
    state: FSMContext, moment: datetime, data: dict[str, Any]
) -> tuple[str, InlineKeyboardMarkup]:
    """Store when it happened; custom cases then ask for their deadline."""
    stored = await state.get_data()
    stored["happened"] = to_epoch(moment)
    await state.set_data(stored)
    if stored["kind"] == CaseKind.CUSTOM.value:
        await state.set_state(TrackWizard.due)
        return due_view()
    await state.set_state(TrackWizard.confirm)
    return confirm_view(stored, data["rules"], data["locale"])


async def cmd_track(message: Message, state: FSMContext) -> None:
    """Choose what to track."""
    await state.clear()
    text, markup = kind_menu()
    await message.answer(text, reply_markup=markup)


async def menu_track(query: CallbackQuery, state: FSMContext) -> None:
    """Choose what to track, from the menu."""
    await state.clear()
    text, markup = kind_menu()
    await show(query, text, markup)


async def track_pressed(
    query: CallbackQuery, callback_data: TrackCb, state: FSMContext, **data: Any
) -> None:
    """Every button of the recording flow; out-of-step presses never save twice."""
    action, kind = callback_data.action, callback_data.kind
    stored = await state.get_data()
    current = await state.get_state()
    now = datetime.now(UTC)
    if action is TrackAction.KIND:
        text, markup = await begin(state, kind)
    elif action is TrackAction.WHEN and callback_data.value == AT and callback_data.at > 0:
        # From an outcome that already knows the moment (eligibility: conditions met).
        await state.set_data({"kind": kind.value})
        moment = min(now, datetime.fromtimestamp(callback_data.at * 60, UTC))
        text, markup = await moment_chosen(state, moment, data)
    elif (
        current == TrackWizard.when.state
        and action is TrackAction.WHEN
        and (stored.get("kind") == kind.value)
    ):
        user = await data["users"].get(query.from_user.id)
        quick = quick_moment(callback_data.value, now, user_zone(user, data["settings"]))
        if quick is None or quick > now:
            await query.answer(
                _("That time is in the future; please send when it actually happened."),
                show_alert=True,
            )
            return
        text, markup = await moment_chosen(state, quick, data)
    elif (
        current == TrackWizard.due.state
        and action is TrackAction.DUE
        and (callback_data.value in CUSTOM_DUE_MINUTES)
    ):
        stored["due"] = stored["happened"] + int(callback_data.value) * 60
        await state.set_data(stored)
        await state.set_state(TrackWizard.confirm)
        text, markup = confirm_view(stored, data["rules"], data["locale"])
    elif current == TrackWizard.confirm.state and action is TrackAction.NOTE:
        await state.set_state(TrackWizard.note)
        text = _("Send a one-line note (up to {limit} characters):").format(limit=NOTE_MAX_CHARS)
        markup = InlineKeyboardMarkup(inline_keyboard=[[cancel_button()]])
    elif current == TrackWizard.confirm.state and action is TrackAction.SAVE:
        await state.clear()
        text, markup = await save_case(query.from_user.id, stored, now, data)
    else:
        await query.answer(_("This button is out of date."), show_alert=True)
        return
    await show(query, text, markup)


async def save_case(
    user_id: int, stored: dict[str, Any], now: datetime, data: dict[str, Any]
) -> tuple[str, InlineKeyboardMarkup]:
    """Store the case and its reminder, wake the scheduler, confirm."""
    cases: CaseRepository = data["cases"]
    await data["users"].ensure(user_id, user_id)
    rules: CaseRules = data["rules"]
    deadline = deadline_for(stored, rules)
    case = await cases.create(
        user_id,
        CaseKind(stored["kind"]),
        from_epoch(stored["happened"]),
        deadline,
        stored.get("note"),
        now,
        remind_at=rules.first_reminder(deadline.due, now),
    )
    builder = Keyboard()
    builder.button(text=_("📋 My cases"), callback_data=MenuCb(action=MenuAction.CASES))
    builder.button(
        text=_("🔎 This case"), callback_data=CaseCb(action=CaseAction.VIEW, case=case.id)
    )
    builder.adjust(2)
    builder.row(menu_button())
    text = _("✅ Saved as #{id}. If no answer comes by {due}, I will remind you.").format(
        id=case.id, due=dual_time(case.due_at, data["locale"])
    )
    return text, builder.as_markup()


async def when_typed(message: Message, state: FSMContext, **data: Any) -> None:
    """A typed time, read in the seller's time zone."""
    assert message.from_user is not None and message.text is not None
    user = await data["users"].get(message.from_user.id)
    parsed = parse_past_time(
        message.text[:80], datetime.now(UTC), user_zone(user, data["settings"])
    )
    if parsed.moment is None:
        assert parsed.error is not None
        text, markup = when_view(CaseKind((await state.get_data())["kind"]))
        await message.answer(f"{time_error_reason(parsed.error)}\n\n{text}", reply_markup=markup)
        return
    text, markup = await moment_chosen(state, parsed.moment, data)
    await message.answer(text, reply_markup=markup)


async def note_typed(message: Message, state: FSMContext, **data: Any) -> None:
    """One line, trimmed; then back to the summary."""
    assert message.text is not None
    note = " ".join(message.text.split())[:NOTE_MAX_CHARS]
    stored = await state.get_data()
    stored["note"] = note
    await state.set_data(stored)
    await state.set_state(TrackWizard.confirm)
    text, markup = confirm_view(stored, data["rules"], data["locale"])
    await message.answer(text, reply_markup=markup)


async def other_input(message: Message, state: FSMContext, **data: Any) -> None:
    """Buttons were expected (or text, for a note): explain and show the step again."""
    stored = await state.get_data()
    current = await state.get_state()
    if current == TrackWizard.due.state:
        text, markup = due_view()
    elif current == TrackWizard.confirm.state:
        text, markup = confirm_view(stored, data["rules"], data["locale"])
    elif current == TrackWizard.note.state:
        text = _("Send a one-line note (up to {limit} characters):").format(limit=NOTE_MAX_CHARS)
        markup = InlineKeyboardMarkup(inline_keyboard=[[cancel_button()]])
    else:
        text, markup = when_view(CaseKind(stored["kind"]))
    await ask_again(message, text, markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="tracking")
    router.message.filter(PRIVATE)
    router.message.register(cmd_track, Command("track"))
    router.callback_query.register(menu_track, MenuCb.filter(F.action == MenuAction.TRACK))
    router.callback_query.register(track_pressed, TrackCb.filter())
    router.message.register(when_typed, StateFilter(TrackWizard.when), PLAIN_TEXT)
    router.message.register(note_typed, StateFilter(TrackWizard.note), PLAIN_TEXT)
    router.message.register(other_input, StateFilter(TrackWizard.when), NO_TEXT)
    router.message.register(other_input, StateFilter(TrackWizard.note), NO_TEXT)
    router.message.register(other_input, StateFilter(TrackWizard.due), Input(Typed.NOT_COMMAND))
    router.message.register(
        other_input, StateFilter(TrackWizard.confirm), Input(Typed.NOT_COMMAND)
    )
    return router
