"""Dates, times and durations for sellers: Babel-formatted, in Beijing and Moscow time."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from babel.dates import format_skeleton
from babel.units import format_unit

from bot.services.case_rules import ClockSpan

BEIJING = ZoneInfo("Asia/Shanghai")
MOSCOW = ZoneInfo("Europe/Moscow")


def date_locale(locale: str) -> str:
    """The Babel locale dates are written in: English day first ("26 Nov 2026"), as the
    letters and locales/GLOSSARY.md write them, never also "Nov 26, 2026"."""
    return "en_GB" if locale == "en" else locale


def clock(moment: datetime, zone: ZoneInfo, locale: str) -> str:
    """Month, day and 24-hour time in the locale's order ("11月26日 15:30", "26 Nov 15:30")."""
    day = format_skeleton("MMMd", moment, tzinfo=zone, locale=date_locale(locale))
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


def span_text(span: ClockSpan, locale: str) -> str:
    """A span on a case's clock: working time labelled as such, with the calendar span beside
    it labelled too ("88 个工作小时（日历时间 11天）"), or alone when the office never closed in
    between; plain time as a duration ("2天 3小时")."""
    if not span.working_time:
        return duration(span.calendar, locale)
    working = working_duration(span.amount)
    if span.calendar - span.amount < timedelta(minutes=1):
        return working
    return _("{working} ({calendar} on the calendar)").format(
        working=working, calendar=largest_unit(span.calendar, locale)
    )


def working_duration(amount: timedelta) -> str:
    """Working time in whole hours, or minutes under an hour ("88 个工作小时")."""
    minutes = int(amount.total_seconds() // 60)
    if minutes >= 60:
        hours = minutes // 60
        return ngettext("{n} working hour", "{n} working hours", hours).format(n=hours)
    return ngettext("{n} working minute", "{n} working minutes", minutes).format(n=minutes)


def largest_unit(delta: timedelta, locale: str) -> str:
    """A duration in its largest whole unit ("11天", "3 hr", "20 min")."""
    minutes = max(0, int(delta.total_seconds() // 60))
    for size, unit in ((1440, "duration-day"), (60, "duration-hour")):
        if minutes >= size:
            return format_unit(minutes // size, unit, length="short", locale=locale)
    return format_unit(minutes, "duration-minute", length="short", locale=locale)


def labelled(label: str, value: str) -> str:
    """A label and its value, with the reader's colon ("KYC 状态：已通过", "KYC status: …")."""
    return _("{label}: {value}").format(label=label, value=value)


def source_note() -> str:
    """One line for anything that rests on the unconfirmed guide."""
    return _(
        "ℹ️ From a public third-party guide, not confirmed by Ozon; Seller Center is authoritative."
    )
