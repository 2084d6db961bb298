"""/cases: open cases with their countdowns, and what a seller can do with each."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.db.case_repository import CaseRepository
from bot.services.case_rules import CaseRules, Snooze
from bot.services.cases import Case, CaseEvent, CaseStatus
from bot.services.template_filling import TemplateLibrary
from bot.telegram.filters import PRIVATE
from bot.telegram.keyboard import Keyboard
from bot.telegram.screens import show
from bot.ui.callbacks import CaseAction, CaseCb, EmailCb, MenuAction, MenuCb
from bot.ui.case_views import KIND_TEMPLATES, case_detail, case_keyboard, case_line
from bot.ui.keyboards import menu_button
from handlers.templates import open_email


async def case_list(
    user_id: int, data: dict[str, Any], closed: bool = False
) -> tuple[str, InlineKeyboardMarkup]:
    """Open cases (overdue first) or the answered and closed ones, each with a button."""
    cases: CaseRepository = data["cases"]
    statuses = (CaseStatus.ANSWERED, CaseStatus.CLOSED) if closed else (CaseStatus.OPEN,)
    found = await cases.for_user(user_id, statuses)
    now = datetime.now(UTC)
    builder = Keyboard()
    if closed:
        header = _("<b>Answered and closed cases</b>")
    else:
        header = _("<b>Open cases</b> (overdue first)")
    lines = [header]
    for case in found[:20]:
        lines.append(case_line(case, now, data["rules"], data["locale"]))
        builder.button(
            text=f"🔎 #{case.id}", callback_data=CaseCb(action=CaseAction.VIEW, case=case.id)
        )
    if not found:
        lines.append(_("Nothing here yet."))
    builder.adjust(4)
    if not closed:
        builder.row(
            InlineKeyboardButton(
                text=_("📌 Track a case"), callback_data=MenuCb(action=MenuAction.TRACK).pack()
            ),
            InlineKeyboardButton(
                text=_("🗂 Answered and closed"),
                callback_data=CaseCb(action=CaseAction.LIST_CLOSED).pack(),
            ),
        )
    builder.row(menu_button())
    return "\n\n".join(lines), builder.as_markup()


async def detail(case: Case, data: dict[str, Any]) -> tuple[str, InlineKeyboardMarkup]:
    """One case with its timeline and actions."""
    cases: CaseRepository = data["cases"]
    text = case_detail(
        case,
        await cases.events(case.id),
        datetime.now(UTC),
        data["rules"],
        data["locale"],
    )
    return text, case_keyboard(case)


async def cmd_cases(message: Message, **data: Any) -> None:
    """The seller's open cases."""
    assert message.from_user is not None
    text, markup = await case_list(message.from_user.id, data)
    await message.answer(text, reply_markup=markup)


async def menu_cases(query: CallbackQuery, **data: Any) -> None:
    """The seller's open cases, from the menu."""
    text, markup = await case_list(query.from_user.id, data)
    await show(query, text, markup)


async def case_pressed(
    query: CallbackQuery, callback_data: CaseCb, state: FSMContext, **data: Any
) -> None:
    """An action on one case, after checking the case belongs to whoever pressed."""
    if callback_data.action is CaseAction.LIST_CLOSED:
        text, markup = await case_list(query.from_user.id, data, closed=True)
        await show(query, text, markup)
        return
    cases: CaseRepository = data["cases"]
    case = await cases.get(callback_data.case, query.from_user.id)
    if case is None:
        # Foreign, deleted and made-up ids look the same: nothing is revealed.
        await query.answer(_("No such case."), show_alert=True)
        return
    action, now = callback_data.action, datetime.now(UTC)
    open_actions = {
        CaseAction.ANSWERED,
        CaseAction.EMAIL,
        CaseAction.SNOOZE_HOUR,
        CaseAction.SNOOZE_PERIOD,
        CaseAction.CLOSE,
    }
    if (action in open_actions) != (case.status is CaseStatus.OPEN) and action is not (
        CaseAction.VIEW
    ):
        await query.answer(_("This button is out of date."), show_alert=True)
        return
    rules: CaseRules = data["rules"]
    toast = None
    if action is CaseAction.EMAIL:
        await email_from_case(query, case, state, data)
        return
    if action is CaseAction.ANSWERED:
        await cases.set_status(case, CaseStatus.ANSWERED, now)
        toast = _("Noted: answered. I recorded the response time.")
    elif action is CaseAction.SNOOZE_HOUR:
        await cases.snooze(case, rules.snoozed_until(case, Snooze.HOUR, now), now)
        toast = _("I will remind you in an hour.")
    elif action is CaseAction.SNOOZE_PERIOD:
        until = rules.snoozed_until(case, Snooze.NEXT_WORKING_PERIOD, now)
        await cases.snooze(case, until, now)
        toast = _("I will remind you when the next working period starts.")
    elif action is CaseAction.CLOSE:
        await cases.set_status(case, CaseStatus.CLOSED, now)
        toast = _("Closed.")
    elif action is CaseAction.REOPEN:
        await cases.set_status(
            case, CaseStatus.OPEN, now, remind_at=rules.reopened_reminder(case, now)
        )
        toast = _("Reopened.")
    elif action is CaseAction.DELETE:
        await cases.delete(case)
        await query.answer(_("Deleted."))
        text, markup = await case_list(query.from_user.id, data)
        await show(query, text, markup, answered=True)
        return
    refreshed = await cases.get(case.id, query.from_user.id)
    assert refreshed is not None
    if toast:
        await query.answer(toast)
    text, markup = await detail(refreshed, data)
    await show(query, text, markup, answered=toast is not None)


async def email_from_case(
    query: CallbackQuery, case: Case, state: FSMContext, data: dict[str, Any]
) -> None:
    """The follow-up email that fits the case, filled with its date and waiting time."""
    library: TemplateLibrary = data["templates"]
    index = library.email_index(KIND_TEMPLATES[case.kind])
    request = EmailCb(template=index, case=case.id)
    text, markup = await open_email(query.from_user.id, request, state, data)
    await data["cases"].record_event(case, CaseEvent.EMAIL, datetime.now(UTC))
    await show(query, text, markup, new_message=True)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="cases")
    router.message.filter(PRIVATE)
    router.message.register(cmd_cases, Command("cases"))
    router.callback_query.register(menu_cases, MenuCb.filter(F.action == MenuAction.CASES))
    router.callback_query.register(case_pressed, CaseCb.filter())
    return router
