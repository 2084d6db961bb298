"""Policy values: every number and address the bot uses, typed, with where each comes from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from pydantic import BaseModel, ConfigDict, Field, PositiveInt, field_validator

BEIJING = ZoneInfo("Asia/Shanghai")


class Status(StrEnum):
    """How far a value can be trusted."""

    OZON_OFFICIAL = "ozon_official"
    THIRD_PARTY = "third_party"
    BOT_DEFAULT = "bot_default"


class PlaceName(BaseModel):
    """A place named in each language the bot speaks."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1, pattern=r"^[\x20-\x7e]+$")

    def name(self, locale: str) -> str:
        """The name in `locale` (Chinese for any other)."""
        return self.en if locale == "en" else self.zh


class PolicyValues(BaseModel):
    """The values, typed and checked."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    @field_validator("am_timezone", "support_timezone", mode="before")
    @classmethod
    def _zone(cls, value: object) -> ZoneInfo:
        if isinstance(value, ZoneInfo):
            return value
        try:
            return ZoneInfo(str(value))
        except (ZoneInfoNotFoundError, ValueError) as error:
            msg = f"unknown time zone: {value!r}"
            raise ValueError(msg) from error

    @field_validator("am_calendar", "support_calendar")
    @classmethod
    def _calendar(cls, value: str) -> str:
        # Loads only this country's calendar (listing all of them imports ~280 modules).
        try:
            holidays.country_holidays(value)
        except NotImplementedError as error:
            msg = f"no holiday calendar for country {value!r}"
            raise ValueError(msg) from error
        return value

    am_assignment_hours: PositiveInt
    min_compliant_skus: PositiveInt
    welcome_message_hours: PositiveInt
    support_email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    support_reply_hours: PositiveInt
    support_cutoff: time
    complex_handover_hours: PositiveInt
    am_first_response_hours: PositiveInt
    am_hours_start: time
    am_hours_end: time
    am_calendar: str = Field(pattern=r"^[A-Z]{2}$")
    am_timezone: ZoneInfo
    support_calendar: str = Field(pattern=r"^[A-Z]{2}$")
    support_timezone: ZoneInfo
    support_hours_start: time
    support_hours_end: time
    escalation_response_hours: PositiveInt
    missing_am_reply_average_hours: float = Field(gt=0)
    missing_am_reply_hours: PositiveInt
    individual_review_working_days: PositiveInt
    partner_day_cities: list[PlaceName] = Field(min_length=1)
    partner_day_desk_minutes: PositiveInt
    ozon_notification_sender: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    credit_code_length: PositiveInt
    max_extra_nudges: int = Field(ge=0, le=10)
    max_deadline_days: int = Field(ge=1, le=3660)
    max_open_cases: int = Field(ge=1, le=1000)
    max_reminders_per_case: int = Field(ge=1, le=1000)
    quiet_hours_start: time
    quiet_hours_end: time


_OZON_PAGE = r"^https://docs\.ozon\.(ru|com)/\S+$"


class Source(BaseModel):
    """Where values come from: a named document and, for Ozon's own pages, the page to check."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    page: str | None = Field(default=None, pattern=_OZON_PAGE)
    page_zh: str | None = Field(default=None, pattern=_OZON_PAGE)
    checked: date | None = None

    def title(self, locale: str) -> str:
        """The document's name in `locale` (Chinese for any other)."""
        return self.en if locale == "en" else self.zh

    def link(self, locale: str) -> str | None:
        """The page in `locale` where Ozon publishes one, else the page."""
        return (self.page_zh if locale != "en" else None) or self.page


@dataclass(frozen=True)
class Provenance:
    """Where a value comes from and when it was last checked; `reading` marks a value that is
    this bot's reading of what its source says, not the source's own words."""

    source: str
    status: Status
    checked: date
    note: str
    reading: bool = False


@dataclass(frozen=True)
class Policy:
    """The values, for each its provenance, and the sources they name."""

    values: PolicyValues
    provenance: dict[str, Provenance]
    sources: dict[str, Source]

    def unconfirmed(self, keys: list[str] | tuple[str, ...]) -> bool:
        """True when any of the values rests on the unconfirmed third-party guide."""
        return any(self.provenance[key].status is Status.THIRD_PARTY for key in keys)

    def readings(self, keys: list[str] | tuple[str, ...]) -> list[str]:
        """The values among `keys` that are this bot's reading of their source, in order."""
        return [key for key in dict.fromkeys(keys) if self.provenance[key].reading]

    def ozon_pages(self, keys: list[str] | tuple[str, ...]) -> list[Source]:
        """Ozon's own pages the values among `keys` come from, each once."""
        names = [
            self.provenance[key].source
            for key in keys
            if self.provenance[key].status is Status.OZON_OFFICIAL
        ]
        return [self.sources[name] for name in dict.fromkeys(names)]

    def placeholders(self, locale: str = "zh") -> dict[str, str]:
        """Every value as display text in `locale`, for `{name}` placeholders in content."""
        shown: dict[str, str] = {}
        for key in type(self.values).model_fields:
            value = getattr(self.values, key)
            if isinstance(value, time):
                shown[key] = value.strftime("%H:%M")
            elif isinstance(value, ZoneInfo):
                shown[key] = value.key
            elif isinstance(value, list):
                separator = ", " if locale == "en" else "、"
                shown[key] = separator.join(place.name(locale) for place in value)
            else:
                shown[key] = str(value)
        zone = self.values.am_timezone
        shown["am_hours_start_beijing"] = _in_beijing(self.values.am_hours_start, zone)
        shown["am_hours_end_beijing"] = _in_beijing(self.values.am_hours_end, zone)
        return shown


def _in_beijing(moment: time, zone: ZoneInfo) -> str:
    # Moscow and Beijing have had fixed offsets for years; any recent date gives the answer.
    local = datetime.combine(date(2026, 1, 15), moment, zone)
    return local.astimezone(BEIJING).strftime("%H:%M")
