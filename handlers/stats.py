"""/stats: the seller's own response times beside the guide's targets; operator totals."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.db.stats_queries import StatsRepository
from bot.services.cases import CaseKind
from bot.services.policy import Policy
from bot.settings import Settings
from bot.telegram.filters import PRIVATE
from bot.telegram.keyboard import single_column
from bot.telegram.screens import show
from bot.ui.callbacks import MenuAction, MenuCb
from bot.ui.case_views import KIND_LABELS
from bot.ui.formatting import duration, source_note
from bot.ui.keyboards import menu_button

# A community figure is shown only when enough different sellers stand behind it.
COMMUNITY_MIN_SELLERS = 5


def guide_target(kind: CaseKind, policy: Policy) -> str:
    """The guide's promise for a kind of case."""
    values = policy.values
    targets = {
        CaseKind.AM_ASSIGNMENT: _("{n} h").format(n=values.am_assignment_hours),
        CaseKind.AM_MESSAGE: _("{n} working h").format(n=values.am_first_response_hours),
        CaseKind.SUPPORT_EMAIL: _("{n} working h").format(n=values.support_reply_hours),
        CaseKind.COMPLEX_HANDOVER: _("{n} h").format(n=values.complex_handover_hours),
        CaseKind.MISSING_AM: _("{n} working h").format(n=values.missing_am_reply_hours),
        CaseKind.ESCALATION: _("{n} working h").format(n=values.escalation_response_hours),
        CaseKind.INDIVIDUAL_APPLICATION: _("{n} working days").format(
            n=values.individual_review_working_days
        ),
        CaseKind.CUSTOM: "—",
    }
    return targets[kind]


async def stats_text(user_id: int, data: dict[str, Any]) -> str:
    """The seller's figures, the community's where at least five sellers contributed, and
    for operators the totals."""
    stats = StatsRepository(data["db"])
    policy: Policy = data["policy"]
    locale: str = data["locale"]
    own = await stats.response_times(user_id)
    community = await stats.response_times()
    lines = [_("<b>Your response times</b> (from sending to the answer, medians)")]
    if not own:
        lines.append(_("No answered cases yet. Mark a case «Got a reply» to see it here."))
    for kind, figures in own.items():
        line = _("{kind}: {median} ({count}×) · guide: {target}").format(
            kind=KIND_LABELS[kind],
            median=duration(figures.median, locale),
            count=figures.count,
            target=guide_target(kind, policy),
        )
        shared = community.get(kind)
        if shared is not None and shared.sellers >= COMMUNITY_MIN_SELLERS:
            line += "\n   " + _("all sellers: {median} ({sellers} sellers)").format(
                median=duration(shared.median, locale), sellers=shared.sellers
            )
        lines.append("• " + line)
    lines += ["", source_note()]
    settings: Settings = data["settings"]
    if user_id in settings.admin_ids:
        totals = await stats.totals(datetime.now(UTC))
        lines += [
            "",
            _("<b>Operator totals</b>"),
            _("Users: {users} ({active} active)").format(
                users=totals.users, active=totals.active_users
            ),
            _("Open cases: {open} ({overdue} overdue)").format(
                open=totals.open_cases, overdue=totals.overdue_cases
            ),
            _("Reminders sent: {sent}, failed: {failed}").format(
                sent=totals.reminders_sent, failed=totals.reminders_failed
            ),
        ]
        lines += [
            f"• {KIND_LABELS[kind]}: {duration(figures.median, locale)} "
            + _("({count} answers, {sellers} sellers)").format(
                count=figures.count, sellers=figures.sellers
            )
            for kind, figures in community.items()
        ]
    return "\n".join(lines)


async def cmd_stats(message: Message, **data: Any) -> None:
    """Show the figures."""
    assert message.from_user is not None
    text = await stats_text(message.from_user.id, data)
    await message.answer(text, reply_markup=single_column(menu_button()))


async def menu_stats(query: CallbackQuery, **data: Any) -> None:
    """Show the figures from the menu."""
    await show(query, await stats_text(query.from_user.id, data), single_column(menu_button()))


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="stats")
    router.message.filter(PRIVATE)
    router.message.register(cmd_stats, Command("stats"))
    router.callback_query.register(menu_stats, MenuCb.filter(F.action == MenuAction.STATS))
    return router
