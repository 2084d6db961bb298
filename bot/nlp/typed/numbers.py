"""Numbers as sellers type them: digits (full-width too), Chinese numerals, units, in a sentence.

"五十个", "十二", "一百零五", "两千", "12个", "１２", "我的id是 123456". A number is read only
when there is exactly one candidate; "三十多个" is read as at least thirty, "十来个" as about ten
(`approximate`); "没有", "一个都没有" as none (`says_none`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "叁": 3,
    "仨": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL = "[" + "".join([*_CHINESE_DIGITS, *_SMALL_UNITS, *_BIG_UNITS]) + "]+"
# What may follow a count: "个", "款", "件", "sku", "个商品", ...
COUNT_UNIT = (
    r"(?:个|款|件|种|条|只|枚|套|"
    r"个?(?:sku|skus|商品|产品|链接|品|货品|listing|listings|products?))"
)
_APPROXIMATE = r"(?:多|几|来|余|左右|上下|出头|\+)"
_ARABIC = r"\d+(?:,\d{3})*"
_TOKEN = re.compile(
    rf"(?P<minus>[-−])?(?P<number>{_ARABIC}(?:\.\d+)?|{CHINESE_NUMERAL})"
    rf"(?P<approx>{_APPROXIMATE})?\s*(?P<unit>{COUNT_UNIT})?",
    re.IGNORECASE,
)
# Chinese numeral characters that are parts of ordinary words, not numbers, in a sentence.
_NOT_A_NUMBER_WORDS = re.compile(
    r"一直|一下|一起|一定|一般|一样|一些|一点|一共|一次|唯一|统一|万一|第一|一个月|十分|百分|千万"
)


# "None at all", as a whole answer to "how many" ("一个都没有", "一个也没有吧", "没有", "none").
_NONE = re.compile(
    r"(?:一个|一款|一件)?(?:都|也)?(?:还)?(?:没有|没|无)(?:上架|上)?(?:的|呢|吧|啊|哦)*"
    r"|零个?|none|nothing|zero|not any"
)


def says_none(text: str) -> bool:
    """Does the whole answer say there are none ("一个都没有", "还没有", "none")?"""
    value = re.sub(r"[\s\W_]+", "", unicodedata.normalize("NFKC", text).lower())
    spaced = " ".join(unicodedata.normalize("NFKC", text).lower().split()).strip(" .!。！")
    return _NONE.fullmatch(value) is not None or _NONE.fullmatch(spaced) is not None


def chinese_numeral(text: str) -> int | None:
    """The value of a Chinese numeral ("十二" → 12, "一百零五" → 105, "两千五" → 2500)."""
    known = {**_CHINESE_DIGITS, **_SMALL_UNITS, **_BIG_UNITS}
    if not text or any(char not in known for char in text):
        return None
    total = section = 0
    digit: int | None = None
    for index, char in enumerate(text):
        if char in _CHINESE_DIGITS:
            if digit not in (None, 0) and text[index - 1] in _CHINESE_DIGITS:
                return None  # "一二" is a string of digits, not a number
            digit = _CHINESE_DIGITS[char]
        elif char in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[char]
            digit = None
        else:
            total += (section + (digit or 0)) * _BIG_UNITS[char]
            section, digit = 0, None
    if digit is not None and len(text) > 1:
        # "一百五" is 150, "两千五" 2500, "一万二" 12000: a last digit right after a unit of a
        # hundred or more counts one unit lower.
        unit = {**_SMALL_UNITS, **_BIG_UNITS}.get(text[-2], 10)
        digit *= max(1, unit // 10)
    return total + section + (digit or 0)


@dataclass(frozen=True)
class NumberFound:
    """A number read from text: its digits as typed (for ids) and its value."""

    digits: str
    value: int
    approximate: bool = False
    negative: bool = False
    fraction: bool = False
    with_unit: bool = False


# Longer digit runs are not counted (and int() refuses thousands of digits); ids keep them.
_MAX_VALUE_DIGITS = 18


def _value(raw: str) -> tuple[str, int, bool] | None:
    if raw[0].isdigit():
        whole, _dot, decimals = raw.replace(",", "").partition(".")
        value = int(whole) if len(whole) <= _MAX_VALUE_DIGITS else 10**_MAX_VALUE_DIGITS
        return whole, value, bool(decimals)
    value = chinese_numeral(raw)
    return None if value is None else (str(value), value, False)


def numbers_in(text: str) -> list[NumberFound]:
    """Every number in the text, in order (full-width digits read as digits)."""
    value = unicodedata.normalize("NFKC", text).lower()
    value = _NOT_A_NUMBER_WORDS.sub(lambda match: "_" * len(match.group()), value)
    found = []
    for match in _TOKEN.finditer(value):
        read = _value(match.group("number"))
        if read is None:
            continue
        digits, number, fraction = read
        chinese = not match.group("number")[0].isdigit()
        # A lone Chinese numeral inside a sentence is a number only with a unit after it.
        if chinese and not match.group("unit") and value.strip() != match.group().strip():
            continue
        found.append(
            NumberFound(
                digits=digits,
                value=number,
                approximate=bool(match.group("approx")),
                negative=bool(match.group("minus")),
                fraction=fraction,
                with_unit=bool(match.group("unit")),
            )
        )
    return found


def single_number(text: str) -> NumberFound | None:
    """The one number the text holds; None when there is none or several (ambiguous)."""
    found = numbers_in(text)
    return found[0] if len(found) == 1 else None
