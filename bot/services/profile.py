"""The seller's profile fields and how typed input for each is validated."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.nlp.typed.numbers import numbers_in, says_none
from bot.nlp.typed.zones import zone_for_name

T = TypeVar("T")

SELLER_ID_MAX_DIGITS = 20
COMPANY_NAME_MAX_CHARS = 200
CONTACT_NAME_MAX_CHARS = 60
SKU_COUNT_MAX = 1_000_000


# Legal forms of a limited company, as they end a registered name: the letter an individual
# business sends does not fit a seller whose name says it is a company.
COMPANY_FORMS = re.compile(
    r"(\bco\.?,?\s*ltd\.?|\blimited\b|\bltd\.?|\bllc\b|\binc\.?|\bcorp(oration)?\.?"
    r"|有限公司|有限责任公司|股份)\s*$",
    re.IGNORECASE,
)


def names_a_company(name: str) -> bool:
    """Whether a registered name ends in a limited company's legal form ("… Co., Ltd.")."""
    return bool(COMPANY_FORMS.search(name.strip()))


class EntityType(StrEnum):
    """How the seller is registered."""

    COMPANY = "company"
    INDIVIDUAL_BUSINESS = "individual_business"
    INDIVIDUAL = "individual"


class KycStatus(StrEnum):
    """The KYC state shown in Seller Center."""

    VERIFIED = "verified"
    PENDING = "pending"
    REJECTED = "rejected"
    NOT_SUBMITTED = "not_submitted"


class ProfileField(StrEnum):
    """Editable profile fields, in the order the profile card shows them."""

    SELLER_ID = "seller_id"
    COMPANY_NAME = "company_name"
    # Optional: who signs the letters, in Latin letters. None: never asked; "": the seller
    # chose to sign with the company name only.
    CONTACT_NAME = "contact_name"
    ENTITY_TYPE = "entity_type"
    SKU_COUNT = "sku_count"
    KYC_STATUS = "kyc_status"
    TIMEZONE = "timezone"
    QUIET_HOURS = "quiet_hours"
    QUIET_HOLD = "quiet_hold"


class InvalidValue(StrEnum):
    """Why a typed value was refused; handlers turn each into a friendly sentence."""

    EMPTY = "empty"
    NOT_DIGITS = "not_digits"
    TOO_LONG = "too_long"
    CONTROL_CHARS = "control_chars"
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    TOO_LARGE = "too_large"
    UNKNOWN_TIMEZONE = "unknown_timezone"
    NOT_A_TIME_RANGE = "not_a_time_range"
    NOT_LATIN = "not_latin"
    NOT_A_CHOICE = "not_a_choice"


@dataclass(frozen=True)
class Parsed(Generic[T]):
    """Either a clean value or the reason it was refused."""

    value: T | None = None
    error: InvalidValue | None = None


_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


def _has_control_chars(text: str) -> bool:
    return any(unicodedata.category(char) in {"Cc", "Cf"} for char in text if char not in "\u200d")


def parse_seller_id(text: str) -> Parsed[str]:
    """Ozon seller ids are digits only; the one digit run in a sentence ("我的id是 123456")."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return Parsed(error=InvalidValue.EMPTY)
    if not (value.isascii() and value.isdigit()):
        # "id" is the only word that may touch the digits ("ID12345"; "12a" is a typo).
        runs = re.findall(r"(?<![a-z\d])\d+(?![a-z\d])", re.sub(r"(?i)id", " ", value).lower())
        # Exactly one run of digits, not negative, not a decimal; anything else is ambiguous.
        if len(runs) != 1 or len(re.findall(r"\d+", value)) != 1 or re.search(r"[-−]\d", value):
            return Parsed(error=InvalidValue.NOT_DIGITS)
        value = runs[0]
    if len(value) > SELLER_ID_MAX_DIGITS:
        return Parsed(error=InvalidValue.TOO_LONG)
    return Parsed(value=value)


def _latin_name(text: str, max_chars: int) -> Parsed[str]:
    """A name in Latin letters (it goes into Russian and English letters), printable, spaces
    tidied, up to `max_chars`."""
    value = " ".join(text.split())
    if not value:
        return Parsed(error=InvalidValue.EMPTY)
    if _has_control_chars(value):
        return Parsed(error=InvalidValue.CONTROL_CHARS)
    if _CJK.search(value) or not _LATIN_LETTER.search(value):
        return Parsed(error=InvalidValue.NOT_LATIN)
    if len(value) > max_chars:
        return Parsed(error=InvalidValue.TOO_LONG)
    return Parsed(value=value)


def parse_company_name(text: str) -> Parsed[str]:
    """The company name in Latin letters, as registered on Ozon, up to the length templates
    are sized for."""
    return _latin_name(text, COMPANY_NAME_MAX_CHARS)


def parse_contact_name(text: str) -> Parsed[str]:
    """The contact person's name in Latin letters for the signature ("Li Wei", "Wang Fang")."""
    return _latin_name(text, CONTACT_NAME_MAX_CHARS)


def parse_sku_count(text: str) -> Parsed[int]:
    """A whole, non-negative number of listed SKUs: "12", "１２", "五十个", "我上了十二个sku",
    "一个都没有" (0); an estimate counts as its round number ("十来个" 10, "二十多个吧" 20).

    A sentence must hold exactly one number.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return Parsed(error=InvalidValue.EMPTY)
    if says_none(value):
        return Parsed(value=0)
    found = numbers_in(value)
    if len(found) != 1 or found[0].fraction:
        return Parsed(error=InvalidValue.NOT_A_NUMBER)
    number = found[0]
    if number.negative and number.value > 0:
        return Parsed(error=InvalidValue.NEGATIVE)
    if number.value > SKU_COUNT_MAX:
        return Parsed(error=InvalidValue.TOO_LARGE)
    return Parsed(value=number.value)


def parse_timezone(text: str) -> Parsed[str]:
    """An IANA name such as `Asia/Shanghai`, or a common one: 北京时间, 莫斯科, Moscow, MSK."""
    value = text.strip()
    if not value:
        return Parsed(error=InvalidValue.EMPTY)
    if named := zone_for_name(value):
        return Parsed(value=named)
    if len(value) > 64 or not value.isascii() or value.startswith("/") or ".." in value:
        return Parsed(error=InvalidValue.UNKNOWN_TIMEZONE)
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return Parsed(error=InvalidValue.UNKNOWN_TIMEZONE)
    return Parsed(value=value)


_RANGE = re.compile(r"^(\d{1,2})(?:[:：](\d{2}))?\s*(?:-|–|~|到|至)\s*(\d{1,2})(?:[:：](\d{2}))?$")


def parse_quiet_hours(text: str) -> Parsed[str]:
    """A daily quiet period such as `23:00-08:00` (it may wrap past midnight)."""
    value = unicodedata.normalize("NFKC", text).strip()
    match = _RANGE.match(value)
    if not match:
        return Parsed(error=InvalidValue.NOT_A_TIME_RANGE)
    start_hour, start_minute, end_hour, end_minute = (int(part or 0) for part in match.groups())
    if max(start_hour, end_hour) > 23 or max(start_minute, end_minute) > 59:
        return Parsed(error=InvalidValue.NOT_A_TIME_RANGE)
    if (start_hour, start_minute) == (end_hour, end_minute):
        return Parsed(error=InvalidValue.NOT_A_TIME_RANGE)
    return Parsed(value=f"{start_hour:02d}:{start_minute:02d}-{end_hour:02d}:{end_minute:02d}")


# The fields a seller types, and how each is read.
TYPED_PARSERS: dict[ProfileField, Callable[[str], Parsed[Any]]] = {
    ProfileField.SELLER_ID: parse_seller_id,
    ProfileField.COMPANY_NAME: parse_company_name,
    ProfileField.CONTACT_NAME: parse_contact_name,
    ProfileField.SKU_COUNT: parse_sku_count,
    ProfileField.TIMEZONE: parse_timezone,
    ProfileField.QUIET_HOURS: parse_quiet_hours,
}
