"""/cases: open cases with their countdowns, and what a seller can do with each."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.db.case_repository import CaseRepository
from bot.services.case_rules import CaseRules, Snooze
from bot.services.cases import Case, CaseStatus
from bot.services.clock import WallClock
from bot.telegram.filters import PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import CaseAction, CaseCb, MenuAction, MenuCb
from bot.ui.case_views import case_detail, case_keyboard, case_list
from bot.ui.wizard_prompts import refuse_stale_button

OPEN = (CaseStatus.OPEN,)
FINISHED = (CaseStatus.ANSWERED, CaseStatus.CLOSED)
# «Write the email» on pushes sent before emails opened directly leads to the case view.
VIEWS = (CaseAction.VIEW, CaseAction.EMAIL)
CHANGES_OF_OPEN_CASES = (
    CaseAction.ANSWERED,
    CaseAction.CLOSE,
    CaseAction.SNOOZE_HOUR,
    CaseAction.SNOOZE_PERIOD,
)


async def owned_case(
    query: CallbackQuery,
    callback_data: CaseCb,
    cases: CaseRepository,
    statuses: tuple[CaseStatus, ...],
) -> Case | None:
    """The pressed case if it is the presser's and in one of these states; otherwise the press
    is refused the same way for foreign, deleted, made-up and out-of-date cases."""
    case = await cases.get(callback_data.case, query.from_user.id)
    if case is None or case.status not in statuses:
        await refuse_stale_button(query)
        return None
    return case


async def show_case(
    query: CallbackQuery,
    case_id: int,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    now: WallClock,
    toast: str | None = None,
) -> None:
    """One case with its timeline and actions (after an action: with a short toast)."""
    case = await cases.get(case_id, query.from_user.id)
    assert case is not None
    if toast is not None:
        await query.answer(toast)
    text = case_detail(case, await cases.events(case.id), now(), rules, locale)
    await show(query, text, case_keyboard(case), answered=toast is not None)


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
    callback_data: CaseCb,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Open one case (also the «write the email» button of older pushes, which leads here)."""
    if await owned_case(query, callback_data, cases, OPEN + FINISHED):
        await show_case(query, callback_data.case, cases, rules, locale, clock)


async def open_case_action(
    query: CallbackQuery,
    callback_data: CaseCb,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Got a reply, snooze an hour or to the next working period, or close."""
    case = await owned_case(query, callback_data, cases, OPEN)
    if case is None:
        return
    now, action = clock(), callback_data.action
    if action is CaseAction.ANSWERED:
        await cases.set_status(case, CaseStatus.ANSWERED, now)
        toast = _("Noted: answered. I recorded the response time.")
    elif action is CaseAction.CLOSE:
        await cases.set_status(case, CaseStatus.CLOSED, now)
        toast = _("Closed.")
    else:
        snooze = Snooze.HOUR if action is CaseAction.SNOOZE_HOUR else Snooze.NEXT_WORKING_PERIOD
        await cases.snooze(case, rules.snoozed_until(case, snooze, now), now)
        toast = (
            _("I will remind you in an hour.")
            if snooze is Snooze.HOUR
            else _("I will remind you when the next working period starts.")
        )
    await show_case(query, case.id, cases, rules, locale, clock, toast)


async def case_reopened(
    query: CallbackQuery,
    callback_data: CaseCb,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Back to open: reminded at its deadline, or at once if that has passed."""
    case = await owned_case(query, callback_data, cases, FINISHED)
    if case is not None:
        now = clock()
        await cases.set_status(case, CaseStatus.OPEN, now, rules.reopened_reminder(case, now))
        await show_case(query, case.id, cases, rules, locale, clock, _("Reopened."))


async def case_deleted(
    query: CallbackQuery,
    callback_data: CaseCb,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Remove a finished case with its timeline."""
    case = await owned_case(query, callback_data, cases, FINISHED)
    if case is not None:
        await cases.delete(case)
        await query.answer(_("Deleted."))
        found = await cases.for_user(query.from_user.id, OPEN)
        await show(query, *case_list(found, clock(), rules, locale), answered=True)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="cases")
    router.message.filter(PRIVATE)
    router.message.register(cmd_cases, Command("cases"))
    callbacks = router.callback_query
    callbacks.register(menu_cases, MenuCb.filter(F.action == MenuAction.CASES))
    callbacks.register(finished_cases, CaseCb.filter(F.action == CaseAction.LIST_CLOSED))
    callbacks.register(case_viewed, CaseCb.filter(F.action.in_(VIEWS)))
    changes = (
        CaseAction.ANSWERED,
        CaseAction.CLOSE,
        CaseAction.SNOOZE_HOUR,
        CaseAction.SNOOZE_PERIOD,
    )
    callbacks.register(open_case_action, CaseCb.filter(F.action.in_(changes)))
    callbacks.register(case_reopened, CaseCb.filter(F.action == CaseAction.REOPEN))
    callbacks.register(case_deleted, CaseCb.filter(F.action == CaseAction.DELETE))
    return router
