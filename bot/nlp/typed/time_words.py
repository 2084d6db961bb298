"""The words of typed times, made regular before `time_input` reads them.

Chinese numerals become digits where they count time ("三点半" → "3点半", "两小时前" → "2小时前",
"十一月二十六号" → "11月26号"); zone names ("莫斯科时间", "MSK", "(МСК)") are taken out and
returned separately; parts of the day and weekdays have their tables here.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import time

from bot.nlp.typed.numbers import CHINESE_NUMERAL, chinese_numeral
from bot.nlp.typed.zones import zone_for_name

# Chinese numerals directly before a time unit or a date part are read as digits.
_NUMERAL_BEFORE_UNIT = re.compile(
    rf"({CHINESE_NUMERAL})(?=个?半?(?:小时|钟头|分钟|分|点|时|天|日|号|月|周|星期|礼拜|秒|刻))"
)
# "点" followed by a Chinese minute count: "三点十五" / "3点二十分".
_MINUTES_AFTER_POINT = re.compile(rf"(?<=[点:])({CHINESE_NUMERAL})")
# A zone named before or after the clock: "莫斯科时间 10:00", "10:00 MSK", "北京时间", "(МСК)".
_ZONE_WORDS = re.compile(
    r"[(（]?\s*(莫斯科时间|莫斯科|北京时间|北京|moscow time|moscow|msk|мск|по московскому времени|"
    r"beijing time|beijing|utc\s*[+-]\s*\d{1,2}|gmt\s*[+-]\s*\d{1,2}|utc|gmt)\s*[)）]?"
)
WEEKDAYS = {
    "一": 0,
    "1": 0,
    "二": 1,
    "2": 1,
    "三": 2,
    "3": 2,
    "四": 3,
    "4": 3,
    "五": 4,
    "5": 4,
    "六": 5,
    "6": 5,
    "日": 6,
    "天": 6,
    "7": 6,
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
# Part of the day → (representative clock when no time is given, how a given hour shifts).
PARTS_OF_DAY: dict[str, tuple[time, str]] = {
    "凌晨": (time(3, 0), "night"),
    "半夜": (time(0, 0), "night"),
    "夜里": (time(23, 0), "late"),
    "深夜": (time(23, 0), "late"),
    "清晨": (time(7, 0), "morning"),
    "早上": (time(8, 0), "morning"),
    "早晨": (time(8, 0), "morning"),
    "早": (time(8, 0), "morning"),
    "上午": (time(10, 0), "morning"),
    "am": (time(10, 0), "morning"),
    "morning": (time(9, 0), "morning"),
    "中午": (time(12, 0), "noon"),
    "noon": (time(12, 0), "noon"),
    "下午": (time(15, 0), "afternoon"),
    "pm": (time(15, 0), "afternoon"),
    "afternoon": (time(15, 0), "afternoon"),
    "傍晚": (time(18, 0), "afternoon"),
    "晚上": (time(20, 0), "late"),
    "晚": (time(20, 0), "late"),
    "evening": (time(20, 0), "late"),
    "tonight": (time(20, 0), "late"),
    "night": (time(22, 0), "late"),
}


# Day and part in one word.
_SHORT_DAYS = {"昨晚": "昨天晚上", "今早": "今天早上", "今晚": "今天晚上", "昨早": "昨天早上"}


def shift_hour(hour: int, part: str) -> int | None:
    """The 24-hour clock of `hour` said in a part of the day ("下午3点" → 15), or None."""
    kind = PARTS_OF_DAY[part][1]
    if kind == "morning":
        return 0 if hour == 12 else hour if hour <= 12 else None
    if kind == "noon":
        return hour + 12 if 1 <= hour <= 3 else hour if 10 <= hour <= 12 else None
    if kind == "afternoon":
        return hour + 12 if hour < 12 else hour
    if kind == "late":
        # "晚上12点" is midnight; "晚上1点" is 1 at night; "晚上8点" is 20.
        return 0 if hour == 12 else hour if hour <= 4 or hour >= 13 else hour + 12
    return hour if hour <= 6 or hour == 12 else None  # "凌晨3点", "半夜12点"


def regular(text: str) -> tuple[str, str | None]:
    """Lower-case, half-width text with numerals as digits, and the zone it names (IANA)."""
    value = " ".join(unicodedata.normalize("NFKC", text).strip().lower().split())
    zone = None
    if match := _ZONE_WORDS.search(value):
        zone = zone_for_name(match.group(1).replace(" ", ""))
        if zone is not None:
            value = (value[: match.start()] + " " + value[match.end() :]).strip()
            value = re.sub(r"^[,，:：]\s*|\s*[,，]$", "", value)
    for short, long in _SHORT_DAYS.items():
        value = value.replace(short, long)
    value = value.replace("两", "二").replace("俩", "二").replace("礼拜天", "礼拜日")
    value = _NUMERAL_BEFORE_UNIT.sub(_digits, value)
    value = _MINUTES_AFTER_POINT.sub(_digits, value)
    return " ".join(value.split()), zone


def _digits(match: re.Match[str]) -> str:
    number = chinese_numeral(match.group(1))
    return match.group(1) if number is None else str(number)
