"""/cases: open cases with their countdowns, and what a seller can do with each."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import gettext as _

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.services.case_rules import CaseRules, Snooze
from bot.services.cases import CaseStatus
from bot.services.clock import WallClock
from bot.telegram.filters import PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import CaseAction, CaseCb, MenuAction, MenuCb
from bot.ui.case_edit_views import edit_menu
from bot.ui.case_views import case_list, case_screen, snooze_toast
from bot.ui.wizard_prompts import refuse_stale_button

OPEN = (CaseStatus.OPEN,)
FINISHED = (CaseStatus.ANSWERED, CaseStatus.CLOSED)
# «Write the email» on pushes sent before emails opened directly leads to the case view.
VIEWS = (CaseAction.VIEW, CaseAction.EMAIL)
CHANGES_OF_OPEN_CASES = (
    CaseAction.CLOSE,
    CaseAction.SNOOZE_HOUR,
    CaseAction.SNOOZE_PERIOD,
)


async def show_case(
    query: CallbackQuery,
    case_id: int,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    now: WallClock,
) -> None:
    """One case with its timeline and actions."""
    overview = await cases.overview(case_id, query.from_user.id)
    assert overview is not None
    await show(query, *case_screen(overview, now(), rules, locale))


async def cmd_cases(
    message: Message, cases: CaseRepository, rules: CaseRules, locale: str, clock: WallClock
) -> None:
    """The seller's open cases."""
    assert message.from_user is not None
    found = await cases.for_user(message.from_user.id, OPEN)
    text, markup = case_list(found, clock(), rules, locale)
    await message.answer(text, reply_markup=markup)


async def menu_cases(
    query: CallbackQuery, cases: CaseRepository, rules: CaseRules, locale: str, clock: WallClock
) -> None:
    """The seller's open cases, from the menu."""
    found = await cases.for_user(query.from_user.id, OPEN)
    await show(query, *case_list(found, clock(), rules, locale))


async def finished_cases(
    query: CallbackQuery, cases: CaseRepository, rules: CaseRules, locale: str, clock: WallClock
) -> None:
    """The answered and closed cases."""
    found = await cases.for_user(query.from_user.id, FINISHED)
    await show(query, *case_list(found, clock(), rules, locale, closed=True))


async def case_viewed(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CaseCb,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Open one case (also the «write the email» button of older pushes, which leads here)."""
    if await cases.get(callback_data.case, query.from_user.id) is None:
        await refuse_stale_button(query, callback_answer)
        return
    await show_case(query, callback_data.case, cases, rules, locale, clock)


async def open_case_action(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CaseCb,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Snooze an hour or to the next working period (once the deadline has passed: an older
    screen of a case not yet due leaves its reminder at the deadline), or close."""
    case = await cases.get(callback_data.case, query.from_user.id, OPEN)
    if case is None:
        await refuse_stale_button(query, callback_answer)
        return
    now, action = clock(), callback_data.action
    if action is CaseAction.CLOSE:
        await cases.set_status(case, CaseStatus.CLOSED, now)
        callback_answer.text = _("Closed.")
    else:
        snooze = Snooze.HOUR if action is CaseAction.SNOOZE_HOUR else Snooze.NEXT_WORKING_PERIOD
        until = rules.snoozed_until(case, snooze, now)
        callback_answer.text = snooze_toast(until, case.due_at, locale)
        if until is None:
            callback_answer.show_alert = True
            return
        await cases.snooze(case, until, now)
    await show_case(query, case.id, cases, rules, locale, clock)


async def edit_pressed(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CaseCb,
    cases: CaseRepository,
) -> None:
    """What can be corrected."""
    case = await cases.get(callback_data.case, query.from_user.id, OPEN)
    if case is None:
        await refuse_stale_button(query, callback_answer)
        return
    await show(query, *edit_menu(case))


async def case_reopened(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CaseCb,
    users: UserRepository,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """Back to open: reminded as a new case (at once if its deadline has passed)."""
    case = await cases.get(callback_data.case, query.from_user.id, FINISHED)
    if case is None:
        await refuse_stale_button(query, callback_answer)
    else:
        now = clock()
        quiet = await users.quiet_hours(query.from_user.id, default_zone, rules.policy.values)
        remind_at = rules.reopened_reminder(case, now, quiet)
        await cases.set_status(case, CaseStatus.OPEN, now, remind_at)
        callback_answer.text = _("Reopened.")
        await show_case(query, case.id, cases, rules, locale, clock)


async def case_deleted(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CaseCb,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Remove a finished case with its timeline."""
    case = await cases.get(callback_data.case, query.from_user.id, FINISHED)
    if case is None:
        await refuse_stale_button(query, callback_answer)
    else:
        await cases.delete(case)
        callback_answer.text = _("Deleted.")
        found = await cases.for_user(query.from_user.id, OPEN)
        await show(query, *case_list(found, clock(), rules, locale))


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="cases")
    router.message.filter(PRIVATE)
    router.message.register(cmd_cases, Command("cases"))
    callbacks = router.callback_query
    callbacks.register(menu_cases, MenuCb.filter(F.action == MenuAction.CASES))
    callbacks.register(finished_cases, CaseCb.filter(F.action == CaseAction.LIST_CLOSED))
    callbacks.register(case_viewed, CaseCb.filter(F.action.in_(VIEWS)))
    callbacks.register(open_case_action, CaseCb.filter(F.action.in_(CHANGES_OF_OPEN_CASES)))
    callbacks.register(edit_pressed, CaseCb.filter(F.action == CaseAction.EDIT))
    callbacks.register(case_reopened, CaseCb.filter(F.action == CaseAction.REOPEN))
    callbacks.register(case_deleted, CaseCb.filter(F.action == CaseAction.DELETE))
    return router
