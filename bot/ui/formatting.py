"""Dates, times and durations for sellers: Babel-formatted, in Beijing and Moscow time."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram.utils.i18n import gettext as _
from babel.dates import format_skeleton
from babel.units import format_unit

BEIJING = ZoneInfo("Asia/Shanghai")
MOSCOW = ZoneInfo("Europe/Moscow")


def clock(moment: datetime, zone: ZoneInfo, locale: str) -> str:
    """Month, day and 24-hour time in the locale's order ("11月26日 15:30", "Nov 26, 15:30")."""
    day = format_skeleton("MMMd", moment, tzinfo=zone, locale=locale)
    return f"{day} {format_skeleton('Hm', moment, tzinfo=zone, locale=locale)}"


def dual_time(moment: datetime, locale: str) -> str:
    """The same moment in Beijing and Moscow time."""
    return _("Beijing {beijing} · Moscow {moscow}").format(
        beijing=clock(moment, BEIJING, locale), moscow=clock(moment, MOSCOW, locale)
    )


def duration(delta: timedelta, locale: str) -> str:
    """The two largest units of a duration ("1小时 20分钟", "2 days 3 hr"); never empty."""
    minutes = max(0, round(delta.total_seconds() / 60))
    days, rest = divmod(minutes, 1440)
    hours, minutes = divmod(rest, 60)
    parts = [
        format_unit(amount, unit, length="short", locale=locale)
        for amount, unit in (
            (days, "duration-day"),
            (hours, "duration-hour"),
            (minutes, "duration-minute"),
        )
        if amount
    ][:2]
    return " ".join(parts) or format_unit(0, "duration-minute", length="short", locale=locale)


def source_note() -> str:
    """One line for anything that rests on the unconfirmed guide."""
    return _(
        "ℹ️ From a public third-party guide, not confirmed by Ozon; Seller Center is authoritative."
    )
