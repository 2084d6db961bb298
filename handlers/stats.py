"""/stats: the seller's own response times beside the guide's targets; operator totals."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.db.stats_queries import StatsRepository
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock
from bot.services.response_times import response_figures
from bot.settings import Settings
from bot.telegram.filters import PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import MenuAction, MenuCb
from bot.ui.keyboards import menu_button, single_column
from bot.ui.stats_views import operator_totals, own_figures


async def stats_text(
    user_id: int,
    stats: StatsRepository,
    rules: CaseRules,
    settings: Settings,
    locale: str,
    clock: WallClock,
) -> str:
    """The seller's figures, the community's where enough sellers contributed, and for
    operators the totals."""
    community = response_figures(await stats.answered(), rules)
    own = response_figures(await stats.answered(user_id), rules)
    lines = own_figures(own, community, rules, locale)
    if user_id in settings.admin_ids:
        lines += operator_totals(await stats.totals(clock()), community, locale)
    return "\n".join(lines)


async def cmd_stats(
    message: Message,
    stats: StatsRepository,
    rules: CaseRules,
    settings: Settings,
    locale: str,
    clock: WallClock,
) -> None:
    """Show the figures."""
    assert message.from_user is not None
    text = await stats_text(message.from_user.id, stats, rules, settings, locale, clock)
    await message.answer(text, reply_markup=single_column(menu_button()))


async def menu_stats(
    query: CallbackQuery,
    stats: StatsRepository,
    rules: CaseRules,
    settings: Settings,
    locale: str,
    clock: WallClock,
) -> None:
    """Show the figures from the menu."""
    text = await stats_text(query.from_user.id, stats, rules, settings, locale, clock)
    await show(query, text, single_column(menu_button()))


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="stats")
    router.message.filter(PRIVATE)
    router.message.register(cmd_stats, Command("stats"))
    router.callback_query.register(menu_stats, MenuCb.filter(F.action == MenuAction.STATS))
    return router
