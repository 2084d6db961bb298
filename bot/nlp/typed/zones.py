"""Time zones by the names sellers type: 北京时间, 莫斯科, Moscow, MSK, МСК, UTC+8 → IANA names."""

from __future__ import annotations

import re
import unicodedata

# Typed name (lower case, no spaces) → IANA zone. Cities stand for their country's zone.
ZONE_NAMES: dict[str, str] = {
    **dict.fromkeys(
        [
            "北京",
            "上海",
            "中国",
            "深圳",
            "广州",
            "杭州",
            "义乌",
            "东八区",
            "beijing",
            "shanghai",
            "china",
            "peking",
            "bjt",
            "国内",
        ],
        "Asia/Shanghai",
    ),
    **dict.fromkeys(["香港", "hongkong", "hk", "hkt"], "Asia/Hong_Kong"),
    **dict.fromkeys(["台北", "台湾", "taipei", "taiwan"], "Asia/Taipei"),
    **dict.fromkeys(["乌鲁木齐", "新疆", "urumqi"], "Asia/Urumqi"),
    **dict.fromkeys(
        ["莫斯科", "俄罗斯", "moscow", "msk", "мск", "москва", "moskva", "russia"],
        "Europe/Moscow",
    ),
    **dict.fromkeys(["圣彼得堡", "saintpetersburg", "stpetersburg"], "Europe/Moscow"),
    **dict.fromkeys(["叶卡捷琳堡", "yekaterinburg"], "Asia/Yekaterinburg"),
    **dict.fromkeys(["新西伯利亚", "novosibirsk"], "Asia/Novosibirsk"),
    **dict.fromkeys(["海参崴", "符拉迪沃斯托克", "vladivostok"], "Asia/Vladivostok"),
    **dict.fromkeys(["新加坡", "singapore"], "Asia/Singapore"),
    **dict.fromkeys(["东京", "日本", "tokyo", "japan"], "Asia/Tokyo"),
    **dict.fromkeys(["首尔", "韩国", "seoul", "korea"], "Asia/Seoul"),
    **dict.fromkeys(["曼谷", "泰国", "bangkok"], "Asia/Bangkok"),
    **dict.fromkeys(["迪拜", "dubai"], "Asia/Dubai"),
    **dict.fromkeys(["伦敦", "英国", "london"], "Europe/London"),
    **dict.fromkeys(["柏林", "德国", "berlin"], "Europe/Berlin"),
    **dict.fromkeys(["纽约", "newyork"], "America/New_York"),
    **dict.fromkeys(["洛杉矶", "losangeles"], "America/Los_Angeles"),
    **dict.fromkeys(["utc", "gmt", "格林尼治", "世界时"], "UTC"),
}
# Words around a zone name that do not change it: "北京时间", "Moscow time", "莫斯科时区".
_DECORATION = re.compile(r"(标准时间|时间|时区|时|standardtime|time|zone|timezone|区)$")
_OFFSET = re.compile(r"^(?:utc|gmt)?([+-])(\d{1,2})(?::?00)?$")


def _squeeze(text: str) -> str:
    value = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"[\s_.'·-]+(?![\d])", "", value)


def zone_for_name(text: str) -> str | None:
    """The IANA zone a typed name stands for, or None ("北京时间" → "Asia/Shanghai")."""
    value = _squeeze(text)
    if len(value) > 40:
        return None
    if match := _OFFSET.match(value):
        sign, hours = match.group(1), int(match.group(2))
        if hours > 14:
            return None
        # The Etc zones count the other way round: UTC+8 is Etc/GMT-8.
        return "UTC" if hours == 0 else f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"
    for _ in range(2):
        if value in ZONE_NAMES:
            return ZONE_NAMES[value]
        value = _DECORATION.sub("", value)
    return ZONE_NAMES.get(value)
