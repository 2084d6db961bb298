"""Reading the time a seller typed ("昨天 15:30", "3小时前", "11-26 15:30") in their time zone."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

MAX_AGE = timedelta(days=90)
_DAY_WORDS = {"今天": 0, "今日": 0, "today": 0, "昨天": 1, "昨日": 1, "yesterday": 1, "前天": 2}
_UNITS = {
    "分钟": 1,
    "分": 1,
    "min": 1,
    "mins": 1,
    "minute": 1,
    "minutes": 1,
    "m": 1,
    "小时": 60,
    "个小时": 60,
    "钟头": 60,
    "个钟头": 60,
    "h": 60,
    "hour": 60,
    "hours": 60,
    "天": 1440,
    "day": 1440,
    "days": 1440,
    "d": 1440,
}
_AGO = re.compile(
    r"^(\d{1,4}|半)\s*(个小时|个钟头|小时|钟头|分钟|分|天|minutes?|mins?|hours?|days?|[mhd])\s*(前|以前|之前|ago)$"
)
_CLOCK = r"(\d{1,2})[:：点时](\d{2})?分?"
_FULL = re.compile(rf"^(\d{{4}})[-/.年](\d{{1,2}})[-/.月](\d{{1,2}})日?\s*{_CLOCK}$")
_MONTH_DAY = re.compile(rf"^(\d{{1,2}})[-/.月](\d{{1,2}})日?\s*{_CLOCK}$")
_DAY_WORD = re.compile(
    rf"^(今天|今日|昨天|昨日|前天|today|yesterday)\s*(?:上午|早上)?\s*{_CLOCK}$"
)
_PM_DAY_WORD = re.compile(rf"^(今天|今日|昨天|昨日|前天)\s*(下午|晚上)\s*{_CLOCK}$")
_TIME_ONLY = re.compile(rf"^{_CLOCK}$")


class TimeError(StrEnum):
    """Why a typed time was refused."""

    UNRECOGNISED = "unrecognised"
    FUTURE = "future"
    TOO_OLD = "too_old"
    INVALID_DATE = "invalid_date"


@dataclass(frozen=True)
class ParsedTime:
    """A moment in UTC, or the reason there is none."""

    moment: datetime | None = None
    error: TimeError | None = None


def _clock(hour: str, minute: str | None, *, afternoon: bool = False) -> time:
    value = int(hour) + (12 if afternoon and int(hour) < 12 else 0)
    return time(value, int(minute or 0))


def _local(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, zone)


def parse_past_time(text: str, now: datetime, zone: ZoneInfo) -> ParsedTime:
    """A past moment from what the seller typed, read in their time zone."""
    value = " ".join(unicodedata.normalize("NFKC", text).strip().lower().split())
    today = now.astimezone(zone).date()
    try:
        moment = _read(value, now, today, zone)
    except ValueError:
        return ParsedTime(error=TimeError.INVALID_DATE)
    if moment is None:
        return ParsedTime(error=TimeError.UNRECOGNISED)
    if moment > now + timedelta(minutes=1):
        return ParsedTime(error=TimeError.FUTURE)
    if now - moment > MAX_AGE:
        return ParsedTime(error=TimeError.TOO_OLD)
    return ParsedTime(moment=moment.astimezone(UTC))


def _read(value: str, now: datetime, today: date, zone: ZoneInfo) -> datetime | None:
    if value in {"刚刚", "刚才", "现在", "now", "just now"}:
        return now
    if match := _AGO.match(value):
        amount = 0.5 if match.group(1) == "半" else int(match.group(1))
        return now - timedelta(minutes=amount * _UNITS[match.group(2)])
    if match := _FULL.match(value):
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return _local(day, _clock(match.group(4), match.group(5)), zone)
    if match := _MONTH_DAY.match(value):
        day = date(today.year, int(match.group(1)), int(match.group(2)))
        moment = _local(day, _clock(match.group(3), match.group(4)), zone)
        # "12-30 10:00" typed on 2 January means last year.
        if moment > now + timedelta(days=1):
            moment = _local(day.replace(year=today.year - 1), moment.timetz(), zone)
        return moment
    if match := _PM_DAY_WORD.match(value):
        day = today - timedelta(days=_DAY_WORDS[match.group(1)])
        return _local(day, _clock(match.group(3), match.group(4), afternoon=True), zone)
    if match := _DAY_WORD.match(value):
        day = today - timedelta(days=_DAY_WORDS[match.group(1)])
        return _local(day, _clock(match.group(2), match.group(3)), zone)
    if match := _TIME_ONLY.match(value):
        return _local(today, _clock(match.group(1), match.group(2)), zone)
    return None
