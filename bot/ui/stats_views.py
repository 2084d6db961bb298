"""How /stats reads: the seller's response times beside the policy's targets, and totals."""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext

from bot.db.stats_queries import Totals
from bot.services.case_rules import CaseRules, TargetUnit
from bot.services.cases import CaseKind
from bot.services.response_times import KindFigures
from bot.ui.formatting import duration, source_note, working_duration
from bot.ui.labels import KIND_LABELS

# A community figure is shown only when enough different sellers stand behind it.
COMMUNITY_MIN_SELLERS = 5


def policy_target(kind: CaseKind, rules: CaseRules) -> str:
    """The policy's target for a kind of case, as the seller reads it."""
    target = rules.target(kind)
    if target is None:
        return "—"
    units = {
        TargetUnit.HOURS: _("{n} h"),
        TargetUnit.WORKING_HOURS: _("{n} working h"),
        TargetUnit.WORKING_DAYS: ngettext("{n} working day", "{n} working days", target.amount),
    }
    return units[target.unit].format(n=target.amount)


def seller_count(sellers: int) -> str:
    """How many sellers stand behind a figure ("12 sellers")."""
    return ngettext("{n} seller", "{n} sellers", sellers).format(n=sellers)


def median_text(figures: KindFigures, locale: str) -> str:
    """A median as working time where the kind's clock is one, else plain time."""
    if figures.working_time:
        return working_duration(figures.median)
    return duration(figures.median, locale)


def own_figures(
    own: dict[CaseKind, KindFigures],
    community: dict[CaseKind, KindFigures],
    rules: CaseRules,
    locale: str,
) -> list[str]:
    """The seller's medians per kind, with everyone's where enough sellers contributed."""
    lines = [_("<b>How long replies took</b> (median, from sending to the reply)")]
    if not own:
        lines.append(
            _('No answered follow-ups yet. Tap "Got a reply" on a follow-up to see it here.')
        )
    for kind, figures in own.items():
        line = _("{kind}: {median} ({count}×) · guide: {target}").format(
            kind=KIND_LABELS[kind],
            median=median_text(figures, locale),
            count=figures.count,
            target=policy_target(kind, rules),
        )
        shared = community.get(kind)
        if shared is not None and shared.sellers >= COMMUNITY_MIN_SELLERS:
            line += "\n   " + _("all sellers: {median} ({sellers})").format(
                median=median_text(shared, locale), sellers=seller_count(shared.sellers)
            )
        lines.append("• " + line)
    return [*lines, "", source_note()]


def operator_totals(
    totals: Totals, community: dict[CaseKind, KindFigures], locale: str
) -> list[str]:
    """What an operator sees below the seller's own figures."""
    lines = [
        "",
        _("<b>Operator totals</b>"),
        _("Users: {users} ({active} active)").format(
            users=totals.users, active=totals.active_users
        ),
        _("Open follow-ups: {open} ({overdue} overdue)").format(
            open=totals.open_cases, overdue=totals.overdue_cases
        ),
        _("Reminders sent: {sent}, failed: {failed}").format(
            sent=totals.reminders_sent, failed=totals.reminders_failed
        ),
    ]
    return lines + [
        "• "
        + _("{kind}: {median} ({answers}, {sellers})").format(
            kind=KIND_LABELS[kind],
            median=median_text(figures, locale),
            answers=ngettext("{n} answer", "{n} answers", figures.count).format(n=figures.count),
            sellers=seller_count(figures.sellers),
        )
        for kind, figures in community.items()
    ]
