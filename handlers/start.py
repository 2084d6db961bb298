"""/start, /help and the main menu."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.db.case_repository import CaseRepository
from bot.services.case_rules import CaseRules
from bot.services.cases import CaseStatus
from bot.services.clock import WallClock
from bot.telegram.filters import PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import MenuAction, MenuCb
from bot.ui.keyboards import main_menu, menu_button, single_column
from bot.ui.start_views import help_text, welcome, welcome_text


async def cmd_start(
    message: Message,
    state: FSMContext,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """Greet and show the menu; a returning seller sees their overdue follow-ups first."""
    assert message.from_user is not None
    await state.clear()
    now = clock()
    open_cases = await cases.for_user(message.from_user.id, (CaseStatus.OPEN,))
    overdue = [case for case in open_cases if case.due_at <= now]
    text, markup = welcome(overdue, now, rules, locale)
    await message.answer(text, reply_markup=markup)


async def cmd_help(message: Message) -> None:
    """List the commands."""
    await message.answer(help_text(), reply_markup=single_column(menu_button()))


async def menu_main(query: CallbackQuery, state: FSMContext) -> None:
    """Back to the main menu."""
    await state.clear()
    await show(query, welcome_text(), main_menu())


async def menu_help(query: CallbackQuery) -> None:
    """Help from the menu."""
    await show(query, help_text(), single_column(menu_button()))


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="start")
    router.message.filter(PRIVATE)
    router.message.register(cmd_start, CommandStart())
    router.message.register(cmd_help, Command("help"))
    router.callback_query.register(menu_main, MenuCb.filter(F.action == MenuAction.MAIN))
    router.callback_query.register(menu_help, MenuCb.filter(F.action == MenuAction.HELP))
    return router
