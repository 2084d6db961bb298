"""Reading the time a seller typed, in their time zone, the ways sellers write it.

"15:30", "昨天 22:00", "下午3点", "晚上8点半", "两小时前", "3小时半前", "前天", "上周五下午",
"周三 15:30", "3天前", "11月26号下午3点", "今天早上9点多", "莫斯科时间 10:00", "10:00 MSK",
"2026-11-26 15:30", "just now".
A clock time alone that is hours ahead means yesterday (23:50 typed at 00:20); a date alone
returns the date and asks for the time (`ParsedTime.day`); a part of the day without a clock
("上周五下午") is read at a typical hour and marked `approximate`, as is "9点多" (read as 9:00).
Days ("today") are the named zone's when a zone is named. `now` is an input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.nlp.typed.time_words import PARTS_OF_DAY, WEEKDAYS, regular, shift_hour

MAX_AGE = timedelta(days=90)
# A clock time alone this far ahead of now is read as yesterday; nearer, as a mistake.
YESTERDAY_AFTER = timedelta(hours=2)
# Slack for clocks that run a little apart ("刚刚" typed as the minute turns).
_SLACK = timedelta(minutes=1)
MAX_CHARS = 80

_UNIT_MINUTES = {
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
    "hr": 60,
    "hrs": 60,
    "hour": 60,
    "hours": 60,
    "天": 1440,
    "day": 1440,
    "days": 1440,
    "d": 1440,
    "周": 10080,
    "个星期": 10080,
    "星期": 10080,
    "个礼拜": 10080,
    "礼拜": 10080,
    "week": 10080,
    "weeks": 10080,
}
_NOW_WORDS = {"刚刚", "刚才", "现在", "刚", "now", "just now", "right now", "rightnow"}
_AGO = re.compile(
    r"^(?:大概|大约|约)?(\d{1,4}|半|一个半|\d+个半)\s*(个小时|个钟头|小时|钟头|分钟|分|天|"
    r"个星期|星期|个礼拜|礼拜|周|minutes?|mins?|hours?|hrs?|days?|weeks?|[mhd])\s*(?:半)?\s*"
    r"(?:前|以前|之前|ago)$"
)
_CLOCK = re.compile(
    r"(?P<ampm_hour>\d{1,2})(?::(?P<ampm_minute>\d{2}))?\s*(?P<ampm>am|pm)(?![a-z])"
    r"|(?P<hour>\d{1,2})\s*(?:(?::|：)(?P<minute>\d{2})|点|时|h(?![a-z]))\s*"
    r"(?:(?P<half>半)|(?P<quarter>一刻|1刻|三刻|3刻)|(?P<minute2>\d{1,2})\s*分?|(?P<more>多))?"
)
# "am"/"pm" belong to the clock ("3pm"); the other parts stand alone ("下午3点", "下午").
_PART = re.compile(
    "|".join(
        re.escape(part) if not part.isascii() else rf"(?<![a-z\d]){part}(?![a-z])"
        for part in sorted(set(PARTS_OF_DAY) - {"am", "pm"}, key=len, reverse=True)
    )
)
_DAY_WORDS = {
    "今天": 0,
    "今日": 0,
    "today": 0,
    "昨天": 1,
    "昨日": 1,
    "yesterday": 1,
    "前天": 2,
    "大前天": 3,
    "the day before yesterday": 2,
}
_DAY_WORD = re.compile("|".join(sorted(map(re.escape, _DAY_WORDS), key=len, reverse=True)))
_DAYS_AGO = re.compile(r"(\d{1,3})\s*(?:天|日)(?:前|以前|之前)|(\d{1,3})\s*days?\s*ago")
_WEEKDAY = re.compile(
    r"(?P<last>上个?|上一个?)?(?P<this>这个?|本)?(?:周|星期|礼拜)(?P<zh>[一二三四五六日天1-7])|"
    r"(?P<last_en>last\s*)?(?P<this_en>this\s*)?(?P<en>monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|mon|tue|wed|thu|fri|sat|sun)(?![a-z])"
)
_FULL_DATE = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*[日号]?"
)
_MONTH_DAY = re.compile(r"(?P<m>\d{1,2})\s*(?:[-/]|月)\s*(?P<d>\d{1,2})\s*[日号]?")
_DOTTED = re.compile(r"(?<![\d:])(?P<a>\d{1,2})\.(?P<b>\d{1,2})(?:\.(?P<y>\d{4}))?(?![\d:])")
_DAY_OF_MONTH = re.compile(r"(?<![\d月/-])(?P<d>\d{1,2})\s*[号日](?!前)")
# What may be left over once everything understood is taken out.
_FILLER = re.compile(
    r"(?:\s|[,，.。:：~～、!！]|的|在|左右|大概|大约|约|是|我|发了|发的|时候|点钟|那天|"
    r"(?<![a-z])(?:at|on|around|about|of|in the)(?![a-z]))+"
)


class TimeError(StrEnum):
    """Why a typed time was refused."""

    UNRECOGNISED = "unrecognised"
    FUTURE = "future"
    TOO_OLD = "too_old"
    INVALID_DATE = "invalid_date"


@dataclass(frozen=True)
class ParsedTime:
    """A moment in UTC, or the reason there is none.

    `day`: a date typed without a time ("前天", "11月26号"): `moment` is None and `error` is
    UNRECOGNISED for callers that know no better; ask for the time, then `moment_on()`.
    `zone`: the zone the seller named ("莫斯科时间 10:00") when it is not their own.
    `approximate`: read at a typical hour of a part of the day ("上周五下午" → 15:00).
    """

    moment: datetime | None = None
    error: TimeError | None = None
    day: date | None = None
    zone: str | None = None
    approximate: bool = False

    @property
    def needs_time(self) -> bool:
        """A date was understood but no time of day."""
        return self.moment is None and self.day is not None


@dataclass
class _Reading:
    """What the text said, piece by piece."""

    day: date | None = None
    clock: time | None = None
    part: str | None = None
    exact: datetime | None = None
    explicit_day: bool = False
    # "周三 15:30" typed on a Wednesday before 15:30 means last week's.
    roll_back: timedelta | None = None
    # "3点" without 上午/下午 may be 03:00 or 15:00: the latest that has passed is meant.
    twelve_hour: bool = False
    # "9点多": some time after 9, read as 9:00.
    past_the_hour: bool = False


def parse_past_time(text: str, now: datetime, zone: ZoneInfo) -> ParsedTime:
    """A past moment from what the seller typed, read in their time zone (or the one named)."""
    value, named = regular(text[:MAX_CHARS])
    if len(text) > MAX_CHARS or not value:
        return ParsedTime(error=TimeError.UNRECOGNISED)
    read_zone = ZoneInfo(named) if named else zone
    shown_zone = named if named and named != zone.key else None
    try:
        reading = _read(value, now, read_zone)
    except ValueError:
        return ParsedTime(error=TimeError.INVALID_DATE)
    if reading is None:
        return ParsedTime(error=TimeError.UNRECOGNISED)
    if reading.exact is not None:
        return _checked(reading.exact, now, zone=shown_zone)
    if reading.clock is None and reading.part is None:
        assert reading.day is not None
        if now.astimezone(read_zone).date() - reading.day > MAX_AGE:
            return ParsedTime(error=TimeError.TOO_OLD)
        if reading.day > now.astimezone(read_zone).date():
            return ParsedTime(error=TimeError.FUTURE)
        return ParsedTime(error=TimeError.UNRECOGNISED, day=reading.day, zone=shown_zone)
    approximate = reading.clock is None or reading.past_the_hour
    clock = reading.clock or PARTS_OF_DAY[reading.part or ""][0]
    today = now.astimezone(read_zone).date()
    moment = datetime.combine(reading.day or today, clock, read_zone)
    if reading.twelve_hour:
        # The latest reading that has passed: 15:00 before 03:00, today before yesterday.
        days = [moment.date()] if reading.explicit_day else [today, today - timedelta(days=1)]
        candidates = [
            datetime.combine(day, clock.replace(hour=hour), read_zone)
            for day in days
            for hour in (clock.hour + 12, clock.hour)
        ]
        moment = next((c for c in candidates if c <= now + _SLACK), moment)
    if reading.roll_back is not None and moment > now + _SLACK:
        moment = datetime.combine(moment.date() - reading.roll_back, clock, read_zone)
    # "23:50" typed at 00:20 is last night; "15:30" typed at 15:00 is a slip (refused).
    if not reading.explicit_day and moment - now > YESTERDAY_AFTER:
        moment = datetime.combine(today - timedelta(days=1), clock, read_zone)
    return _checked(moment, now, zone=shown_zone, approximate=approximate)


def moment_on(day: date, clock: time, now: datetime, zone: ZoneInfo) -> ParsedTime:
    """The moment at `clock` on a `day` the seller gave earlier (after "前天" → "下午3点")."""
    return _checked(datetime.combine(day, clock, zone), now)


def _checked(
    moment: datetime, now: datetime, *, zone: str | None = None, approximate: bool = False
) -> ParsedTime:
    if moment > now + _SLACK:
        return ParsedTime(error=TimeError.FUTURE)
    if now - moment > MAX_AGE:
        return ParsedTime(error=TimeError.TOO_OLD)
    return ParsedTime(moment=moment.astimezone(UTC), zone=zone, approximate=approximate)


def _read(value: str, now: datetime, zone: ZoneInfo) -> _Reading | None:
    """Take out each part the text names; None when something is left that is not a time."""
    if value in _NOW_WORDS:
        return _Reading(exact=now)
    if match := _AGO.match(value):
        return _Reading(exact=now - timedelta(minutes=_ago_minutes(match)))
    reading = _Reading()
    today = now.astimezone(zone).date()
    rest = value
    rest, reading.day, reading.roll_back = _take_day(rest, today)
    reading.explicit_day = reading.day is not None
    if match := _PART.search(rest):
        reading.part = match.group()
        rest = rest[: match.start()] + " " + rest[match.end() :]
    if match := _CLOCK.search(rest):
        reading.clock = _clock(match, reading.part)
        reading.twelve_hour = (
            reading.part is None
            and not match["minute"]
            and not match["ampm"]
            and 1 <= reading.clock.hour <= 11
        )
        reading.past_the_hour = match["more"] is not None
        rest = rest[: match.start()] + " " + rest[match.end() :]
    if _FILLER.sub("", rest):
        return None
    if reading.day is None and reading.clock is None and reading.part is None:
        return None
    if reading.day is None and reading.clock is None:
        # "下午" alone: today's, or yesterday's when it has not come yet.
        reading.day = today
        reading.explicit_day = False
    return reading


def _ago_minutes(match: re.Match[str]) -> float:
    amount = match.group(1)
    if amount == "半":
        number = 0.5
    elif amount.endswith("个半"):
        number = (1 if amount == "一个半" else int(amount[:-2])) + 0.5
    else:
        number = int(amount)
    if match.group().rstrip("前以之ago ").endswith("半"):
        number += 0.5
    return number * _UNIT_MINUTES[match.group(2)]


def _take_day(value: str, today: date) -> tuple[str, date | None, timedelta | None]:
    """The day the text names, the text without it, and how far to go back if the moment
    turns out to be later today."""
    if match := _FULL_DATE.search(value):
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        return _cut(value, match), day, None
    if match := _DAYS_AGO.search(value):
        days = int(match.group(1) or match.group(2))
        return _cut(value, match), today - timedelta(days=days), None
    if match := _DAY_WORD.search(value):
        return _cut(value, match), today - timedelta(days=_DAY_WORDS[match.group()]), None
    if match := _WEEKDAY.search(value):
        day = _weekday(match, today)
        keep = match["this"] or match["this_en"]
        roll = timedelta(days=7) if day == today and not keep else None
        return _cut(value, match), day, roll
    if match := _MONTH_DAY.search(value):
        return _cut(value, match), _recent(int(match["m"]), int(match["d"]), today), None
    if match := _DOTTED.search(value):
        first, second = int(match["a"]), int(match["b"])
        # "26.11" is Russian day.month; "11.26" month.day.
        month, day_number = (second, first) if first > 12 else (first, second)
        if match["y"]:
            return _cut(value, match), date(int(match["y"]), month, day_number), None
        return _cut(value, match), _recent(month, day_number, today), None
    if match := _DAY_OF_MONTH.search(value):
        day_number = int(match["d"])
        candidate = _in_month(today.year, today.month, day_number)
        if candidate is None or candidate > today:
            previous = today.replace(day=1) - timedelta(days=1)
            candidate = _in_month(previous.year, previous.month, day_number)
        if candidate is None:
            raise ValueError(day_number)
        return _cut(value, match), candidate, None
    return value, None, None


def _cut(value: str, match: re.Match[str]) -> str:
    return value[: match.start()] + " " + value[match.end() :]


def _in_month(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _recent(month: int, day: int, today: date) -> date:
    """The latest such date not after today ("12-30" typed on 2 January is last year's)."""
    candidate = date(today.year, month, day) if _valid(today.year, month, day) else None
    if candidate is None or candidate > today:
        if not _valid(today.year - 1, month, day):
            raise ValueError((month, day))
        return date(today.year - 1, month, day)
    return candidate


def _valid(year: int, month: int, day: int) -> bool:
    return _in_month(year, month, day) is not None


def _weekday(match: re.Match[str], today: date) -> date:
    """ "周三" is the latest Wednesday up to today; "上周五" the Friday of last week."""
    target = WEEKDAYS[match["zh"] or match["en"]]
    if match["last"]:
        monday = today - timedelta(days=today.weekday())
        return monday - timedelta(days=7 - target)
    back = (today.weekday() - target) % 7
    if match["last_en"] and back == 0:
        back = 7  # "last friday" said on a Friday
    return today - timedelta(days=back)


def _clock(match: re.Match[str], part: str | None) -> time:
    if match["ampm"]:
        hour = int(match["ampm_hour"])
        part = "am" if match["ampm"] == "am" else "pm"
        minute = int(match["ampm_minute"] or 0)
    else:
        hour = int(match["hour"])
        minute = int(match["minute"] or match["minute2"] or 0)
        if match["half"]:
            minute = 30
        elif match["quarter"]:
            minute = 15 if match["quarter"] in {"一刻", "1刻"} else 45
    if part is not None:
        shifted = shift_hour(hour, part)
        if shifted is None:
            raise ValueError(hour)
        hour = shifted
    return time(hour, minute)
