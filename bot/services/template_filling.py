"""Filling phrases and email templates with the seller's details (plain text, no HTML).

An email has a Russian and an English body, and a Chinese one when it goes to the China support
mailbox, so a seller who writes only Chinese can send it too. Opened from a tracked follow-up it
says what the earlier step was, when it happened and how long the seller has waited, addressing
the reader as «Вы» when the step went to them, in each language's own way of writing dates and
plural forms.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from babel import Locale

from bot.services.cases import CaseKind

MOSCOW = ZoneInfo("Europe/Moscow")
BEIJING = ZoneInfo("Asia/Shanghai")
# The languages of a letter, in the order they are shown.
LETTER_LANGUAGES = ("zh", "ru", "en")
SELLER_FIELDS = frozenset({"seller_id", "company_name", "sku_count"})
# From two calendar days on, a wait is told in days ("11 дней"), before that in hours.
DAYS_FROM = 2
_LOCALES = {language: Locale.parse(language) for language in LETTER_LANGUAGES}
# Units by the CLDR plural category of the number before them.
_DAYS = {
    "zh": {"other": "天"},
    "ru": {"one": "день", "few": "дня", "many": "дней"},
    "en": {"one": "day", "other": "days"},
}
_HOURS = {
    "zh": {"other": "小时"},
    "ru": {"one": "час", "few": "часа", "many": "часов"},
    "en": {"one": "hour", "other": "hours"},
}
_WORKING_HOURS = {
    "zh": {"other": "个工作小时"},
    "ru": {"one": "рабочий час", "few": "рабочих часа", "many": "рабочих часов"},
    "en": {"one": "working hour", "other": "working hours"},
}
_HAN = re.compile(r"[\u3400-\u9fff]")
_MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_BLANK_LINES = re.compile(r"\n{3,}")


class Recipient(StrEnum):
    """Where an email goes."""

    SUPPORT = "support"  # the China support address
    AM_CC_SUPPORT = "am_cc_support"  # the AM's own address, support in CC

    def languages(self) -> tuple[str, ...]:
        """The languages of a letter to this recipient: Chinese only for the China team."""
        return LETTER_LANGUAGES if self is Recipient.SUPPORT else ("ru", "en")


@dataclass(frozen=True)
class Phrase:
    """A short Russian message for the AM chat; `tracks` is the follow-up a sent phrase starts
    waiting on (None: no answer expected)."""

    id: str
    ru: str
    tracks: CaseKind | None = None

    def fields(self) -> set[str]:
        """Profile fields the phrase needs."""
        return placeholders(self.ru)


@dataclass(frozen=True)
class EmailTemplate:
    """An email: recipient, subject, a body per language, and what sending it starts."""

    id: str
    to: Recipient
    tracks: CaseKind
    subject: str
    bodies: Mapping[str, str]
    no_case_lines: Mapping[str, str] = field(default_factory=dict)
    asks_description: bool = False

    def fields(self) -> set[str]:
        """Seller fields the template needs (the case and problem fields are filled apart)."""
        texts = [self.subject, *self.bodies.values()]
        return set().union(*(placeholders(text) for text in texts)) & SELLER_FIELDS

    def needs_problem(self) -> bool:
        """Does the seller have to pick a problem type?"""
        return "problem_ru" in placeholders(self.subject)


@dataclass(frozen=True)
class CaseFacts:
    """What a template opened from a case says about it: when, how long (on the case's clock
    and on the calendar), what about."""

    sent_at: datetime
    waited: timedelta
    working_time: bool
    calendar: timedelta
    kind: CaseKind


@dataclass(frozen=True)
class RenderedEmail:
    """What the seller copies: the subject and a body per language."""

    subject: str
    bodies: dict[str, str]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per process
class TemplateLibrary:
    """Every phrase and email in file order; problem types and the seller's description frames
    per language; per kind of follow-up, the sentence that tells the earlier step, by the
    recipient of the letter and language."""

    phrases: tuple[Phrase, ...]
    emails: tuple[EmailTemplate, ...]
    problems: dict[str, dict[str, str]]
    description: dict[str, str]
    description_in_chinese: dict[str, str]
    case_lines: dict[CaseKind, dict[Recipient, dict[str, str]]]

    def email(self, template_id: str) -> EmailTemplate | None:
        """The email template with this id, if there is one."""
        return next((email for email in self.emails if email.id == template_id), None)

    def actions(self) -> frozenset[str]:
        """The actions other content may link to: the phrasebook and each email."""
        return frozenset({"phrases", *(f"template:{email.id}" for email in self.emails)})


def placeholders(text: str) -> set[str]:
    """The `{names}` a text uses."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def sent_stamp(moment: datetime, language: str) -> str:
    """When something was sent, written the way each reader expects: Moscow time for the
    Russian and English letters, Beijing time for the China team."""
    if language == "zh":
        local = moment.astimezone(BEIJING)
        return f"北京时间 {local.year}年{local.month}月{local.day}日 {local:%H:%M}"
    local = moment.astimezone(MOSCOW)
    if language == "ru":
        return f"{local:%d.%m.%Y} в {local:%H:%M} по московскому времени"
    return f"{local.day} {_MONTHS_EN[local.month - 1]} {local.year} at {local:%H:%M} Moscow time"


def waited_text(case: CaseFacts, language: str) -> str:
    """How long the seller has waited: whole calendar days from two days on ("11 дней"),
    before that whole hours (at least one) on the case's clock ("3 рабочих часа")."""
    days = case.calendar // timedelta(days=1)
    if days >= DAYS_FROM:
        return counted(days, _DAYS, language)
    hours = max(1, round(case.waited / timedelta(hours=1)))
    return counted(hours, _WORKING_HOURS if case.working_time else _HOURS, language)


def counted(number: int, units: Mapping[str, Mapping[str, str]], language: str) -> str:
    """A number and its unit in the plural form the language wants ("21 день", "2 days")."""
    return f"{number} {units[language][_LOCALES[language].plural_form(number)]}"


def render_email(
    template: EmailTemplate,
    library: TemplateLibrary,
    seller: Mapping[str, str],
    *,
    case: CaseFacts | None = None,
    problem: str | None = None,
    description: str | None = None,
) -> RenderedEmail:
    """Fill every placeholder; `seller` must hold every field `template.fields()` names."""
    names = library.problems.get(problem or "", {})
    subject = template.subject.format(
        **seller, problem_ru=names.get("ru", ""), problem_en=names.get("en", "")
    )
    bodies = {}
    for language, body in template.bodies.items():
        values = {
            **seller,
            "problem": names.get(language, ""),
            "description": _description(library, description, language),
            "case_line": _case_line(template, library, case, language),
        }
        bodies[language] = _BLANK_LINES.sub("\n\n", body.format(**values)).strip()
    return RenderedEmail(subject=subject, bodies=bodies)


def _description(library: TemplateLibrary, text: str | None, language: str) -> str:
    """The seller's own words under a heading that says when they are in Chinese."""
    if not text:
        return ""
    frames = library.description_in_chinese if _HAN.search(text) else library.description
    return frames[language].format(text=text)


def _case_line(
    template: EmailTemplate, library: TemplateLibrary, case: CaseFacts | None, language: str
) -> str:
    if case is None:
        return template.no_case_lines.get(language, "")
    return library.case_lines[case.kind][template.to][language].format(
        sent_at=sent_stamp(case.sent_at, language), elapsed=waited_text(case, language)
    )
