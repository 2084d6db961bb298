"""Filling phrases and email templates with the seller's details (plain text, no HTML)."""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from babel import Locale

MOSCOW = ZoneInfo("Europe/Moscow")
_RUSSIAN = Locale.parse("ru")
_HOURS_RU = {"one": "час", "few": "часа", "many": "часов", "other": "часа"}
_WORKING_RU = {"one": "рабочий", "few": "рабочих", "many": "рабочих", "other": "рабочего"}


class Recipient(StrEnum):
    """Where an email goes."""

    SUPPORT = "support"  # the China support address
    AM_CC_SUPPORT = "am_cc_support"  # the AM's own address, support in CC


@dataclass(frozen=True)
class Phrase:
    """A short Russian message for the AM chat."""

    id: str
    ru: str

    def fields(self) -> set[str]:
        """Profile fields the phrase needs."""
        return placeholders(self.ru)


@dataclass(frozen=True)
class EmailTemplate:
    """A bilingual email with subject and recipient; case lines are optional."""

    id: str
    to: Recipient
    subject: str
    ru: str
    en: str
    case_line_ru: str = ""
    no_case_line_ru: str = ""
    case_line_en: str = ""
    no_case_line_en: str = ""

    def fields(self) -> set[str]:
        """Seller fields the template needs (the case and problem fields are filled apart)."""
        return (placeholders(self.subject) | placeholders(self.ru) | placeholders(self.en)) & (
            SELLER_FIELDS
        )

    def needs_problem(self) -> bool:
        """Does the seller have to pick a problem type?"""
        return "problem_ru" in placeholders(self.subject + self.ru)


SELLER_FIELDS = frozenset({"seller_id", "company_name", "sku_count"})


@dataclass(frozen=True)
class CaseFacts:
    """What a template opened from a case says about it."""

    sent_at: datetime
    waited: timedelta
    working_time: bool


@dataclass(frozen=True)
class RenderedEmail:
    """What the seller copies."""

    subject: str
    ru: str
    en: str


def placeholders(text: str) -> set[str]:
    """The `{names}` a text uses."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def moscow_stamp(moment: datetime) -> str:
    """`dd.mm.yyyy HH:MM МСК`, the way Russian correspondence writes a Moscow time."""
    return moment.astimezone(MOSCOW).strftime("%d.%m.%Y %H:%M") + " МСК"


def hours_ru(waited: timedelta, *, working: bool) -> str:
    """ "3 рабочих часа", "1 час": whole hours (at least one) with Russian plural forms."""
    hours = max(1, round(waited.total_seconds() / 3600))
    form = _RUSSIAN.plural_form(hours)
    noun = _HOURS_RU[form]
    return f"{hours} {_WORKING_RU[form]} {noun}" if working else f"{hours} {noun}"


def hours_en(waited: timedelta, *, working: bool) -> str:
    """ "3 working hours", "1 hour"."""
    hours = max(1, round(waited.total_seconds() / 3600))
    noun = "hour" if hours == 1 else "hours"
    return f"{hours} working {noun}" if working else f"{hours} {noun}"


def render_email(
    template: EmailTemplate,
    seller: dict[str, str],
    case: CaseFacts | None,
    problem: tuple[str, str] | None,
) -> RenderedEmail:
    """Fill every placeholder; `seller` must hold every field `template.fields()` names."""
    values = dict(seller)
    if problem is not None:
        values["problem_ru"], values["problem_en"] = problem
    lines = {"ru": template.no_case_line_ru, "en": template.no_case_line_en}
    if case is not None and template.case_line_ru:
        stamp = moscow_stamp(case.sent_at)
        lines = {
            "ru": template.case_line_ru.format(
                sent_at=stamp, elapsed=hours_ru(case.waited, working=case.working_time)
            ),
            "en": template.case_line_en.format(
                sent_at=stamp.replace("МСК", "MSK"),
                elapsed=hours_en(case.waited, working=case.working_time),
            ),
        }
    return RenderedEmail(
        subject=template.subject.format(**values),
        ru=template.ru.format(**values, case_line=lines["ru"]),
        en=template.en.format(**values, case_line=lines["en"]),
    )


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per process
class TemplateLibrary:
    """Every phrase and email, in file order, and the problem types (Russian, English)."""

    phrases: tuple[Phrase, ...]
    emails: tuple[EmailTemplate, ...]
    problems: dict[str, tuple[str, str]]

    def email(self, template_id: str) -> EmailTemplate | None:
        """The email template with this id, if there is one."""
        return next((email for email in self.emails if email.id == template_id), None)

    def actions(self) -> frozenset[str]:
        """The actions other content may link to: the phrasebook and each email."""
        return frozenset({"phrases", *(f"template:{email.id}" for email in self.emails)})
