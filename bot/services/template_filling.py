"""Filling phrases and email templates with the seller's details (plain text, no HTML).

An email has a Russian and an English body, and a Chinese one when it goes to the China support
mailbox, so a seller who writes only Chinese can send it too. A follow-up or an escalation
always says what the earlier step was about and when it happened: opened from a tracked
follow-up, the follow-up says both; opened from the list, the seller picks the topic and the
day. The reader is «Вы» when the step went to them; how long the seller has waited is said only
when it is long, in calendar days, in the sentence that tells the step («…, но за 5 дней ответа
так и не получили»). The seller's own words come with a machine translation into
Russian and English when they are Chinese and a translator gave one.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from babel import Locale

from bot.services.cases import CaseKind

MOSCOW = ZoneInfo("Europe/Moscow")
BEIJING = ZoneInfo("Asia/Shanghai")
# The languages of a letter, in the order they are shown.
LETTER_LANGUAGES = ("zh", "ru", "en")
SELLER_FIELDS = frozenset({"seller_id", "company_name", "sku_count"})
# The problem type that names no issue («Другой вопрос»): a letter about it needs the seller's
# own description, or it never says what the issue is.
OPEN_PROBLEM = "other"
# Kinds of follow-up a seller has before any AM is assigned: no letter to an AM follows them.
BEFORE_AN_AM = frozenset(
    {CaseKind.AM_ASSIGNMENT, CaseKind.MISSING_AM, CaseKind.INDIVIDUAL_APPLICATION}
)
# Kinds of follow-up told by the day alone: conditions are met on a day, not at a minute.
TOLD_BY_DAY = frozenset({CaseKind.AM_ASSIGNMENT})
# From five calendar days on, a letter says how long ago the earlier step was; before that the
# date says enough (counting hours, or two or three days, reads as a reproach to the reader).
LONG_WAIT_DAYS = 5
_LOCALES = {language: Locale.parse(language) for language in LETTER_LANGUAGES}
# Units by the CLDR plural category of the number before them.
_DAYS = {
    "zh": {"other": "天"},
    "ru": {"one": "день", "few": "дня", "many": "дней"},
    "en": {"one": "day", "other": "days"},
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
        """Seller fields the template needs (the case and topic fields are filled apart; the
        signature needs the company name)."""
        used = set().union(*(placeholders(text) for text in [self.subject, *self.bodies.values()]))
        return used & SELLER_FIELDS | ({"company_name"} if "signature" in used else set())

    def signs(self) -> bool:
        """Is it signed (and so by the contact person, when the profile names one)?"""
        return any("signature" in placeholders(body) for body in self.bodies.values())

    def needs_topic(self) -> bool:
        """Does the subject name a topic (a picked problem type, or the follow-up's own)?"""
        return "topic_ru" in placeholders(self.subject)

    def follows_up(self) -> bool:
        """Does it tell an earlier step (from a follow-up, or the day the seller gives)?"""
        return bool(self.no_case_lines)


@dataclass(frozen=True)
class CaseFacts:
    """What a template opened from a follow-up says of it: when, how long ago on the
    calendar, what kind of step it was."""

    sent_at: datetime
    calendar: timedelta
    kind: CaseKind
    reference: str | None = None  # the follow-up number Ozon gave


@dataclass(frozen=True)
class Recalled:
    """The day the seller says they wrote (a follow-up opened from the list), and how many
    calendar days ago that was."""

    day: date
    days_ago: int


@dataclass(frozen=True)
class SellerWords:
    """The seller's description, and machine translations of it by letter language."""

    text: str
    translations: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RenderedEmail:
    """What the seller copies: the subject and a body per language."""

    subject: str
    bodies: dict[str, str]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per process
class TemplateLibrary:
    """Every phrase and email in file order; problem types and the seller's description frames
    per language; per kind of follow-up, what it was about and the sentence that tells it, by
    the recipient of the letter and language (only for the recipients a letter can go to)."""

    phrases: tuple[Phrase, ...]
    emails: tuple[EmailTemplate, ...]
    problems: dict[str, dict[str, str]]
    description: dict[str, str]
    description_in_chinese: dict[str, str]
    description_translated: dict[str, str]
    case_lines: dict[CaseKind, dict[Recipient, dict[str, str]]]
    case_topics: dict[CaseKind, dict[str, str]]
    waits: dict[str, dict[str, str]]
    reference_lines: dict[str, str]  # the follow-up number Ozon gave, per letter language

    def email(self, template_id: str) -> EmailTemplate | None:
        """The email template with this id, if there is one."""
        return next((email for email in self.emails if email.id == template_id), None)

    def actions(self) -> frozenset[str]:
        """The actions other content may link to: the phrasebook and each email."""
        return frozenset({"phrases", *(f"template:{email.id}" for email in self.emails)})

    def follows(self, template: EmailTemplate, kind: CaseKind) -> bool:
        """Can this email be opened from a follow-up of this kind? One that tells the earlier
        step needs a sentence for its recipient (none to an AM before one is assigned)."""
        return not template.follows_up() or template.to in self.case_lines[kind]

    def topic(self, problem: str | None, kind: CaseKind | None) -> dict[str, str]:
        """The topic by language: the picked problem type, else the follow-up kind's own."""
        if problem in self.problems:
            return self.problems[problem]
        return self.case_topics.get(kind, {}) if kind is not None else {}


def placeholders(text: str) -> set[str]:
    """The `{names}` a text uses."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def has_chinese(text: str) -> bool:
    """Does the text hold Chinese characters (then the Russian reader cannot read it)?"""
    return bool(_HAN.search(text))


def local_time(moment: datetime, language: str) -> datetime:
    """The moment on the reader's clock: Moscow for the Russian and English letters, Beijing
    for the China team."""
    return moment.astimezone(BEIJING if language == "zh" else MOSCOW)


def sent_stamp(moment: datetime, language: str) -> str:
    """When something was sent, written the way each reader expects, on their clock; the
    Chinese date and time solid, as a formal letter writes them."""
    local = local_time(moment, language)
    day = day_stamp(local.date(), language)
    if language == "zh":
        return f"北京时间{day}{local:%H:%M}"
    if language == "ru":
        return f"{day} в {local:%H:%M} (МСК)"
    return f"{day} at {local:%H:%M} Moscow time"


def day_stamp(day: date, language: str) -> str:
    """A day without a time, each language's way: «26.11.2026», "26 Nov 2026", 2026年11月26日."""
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    if language == "ru":
        return f"{day:%d.%m.%Y}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def waited_text(days: int, language: str) -> str:
    """How long ago the earlier step was, in whole calendar days ("11 дней"), when that is long
    enough to say; "" before LONG_WAIT_DAYS."""
    return counted(days, _DAYS, language) if days >= LONG_WAIT_DAYS else ""


def counted(number: int, units: Mapping[str, Mapping[str, str]], language: str) -> str:
    """A number and its unit in the plural form the language wants ("21 день", "2 days"); in
    Chinese solid, as a formal letter writes it (2天)."""
    unit = units[language][_LOCALES[language].plural_form(number)]
    return f"{number}{unit}" if language == "zh" else f"{number} {unit}"


def with_wait(sentence: str, endings: Mapping[str, str], elapsed: str) -> str:
    """The sentence with its ending (a key of `endings`) swapped for the one that counts the
    wait («ответа пока нет.» → «но за 5 дней ответа так и не получили.»)."""
    ending = next(plain for plain in endings if sentence.endswith(plain))
    return sentence.removesuffix(ending) + endings[ending].format(elapsed=elapsed)


def signature(seller: Mapping[str, str]) -> str:
    """Who signs: the contact person above the company, or the company alone."""
    names = (seller.get("contact_name"), seller.get("company_name"))
    return "\n".join(name for name in names if name)


def render_email(
    template: EmailTemplate,
    library: TemplateLibrary,
    seller: Mapping[str, str],
    *,
    case: CaseFacts | None = None,
    recalled: Recalled | None = None,
    problem: str | None = None,
    words: SellerWords | None = None,
) -> RenderedEmail:
    """Fill every placeholder; `seller` must hold every field `template.fields()` names. A
    follow-up needs the step it follows (`case`, or the day the seller `recalled`) and a topic
    (a `problem`, or the case's kind's own); a letter about «another question» needs the
    seller's description; without them it is refused (ValueError)."""
    topic = library.topic(problem, case.kind if case else None)
    if template.needs_topic() and not topic:
        raise ValueError(f"{template.id} needs a topic")
    if template.follows_up() and case is None and recalled is None:
        raise ValueError(f"{template.id} needs the earlier step or the day it happened")
    if template.asks_description and problem == OPEN_PROBLEM and (words is None or not words.text):
        raise ValueError(f"{template.id} about another question needs its description")
    subject = template.subject.format(
        **seller,
        topic_ru=topic.get("ru", ""),
        topic_zh=topic.get("zh", ""),
        topic_en=topic.get("en", ""),
    )
    bodies = {}
    for language, body in template.bodies.items():
        values = {
            **seller,
            "signature": signature(seller),
            "topic": topic.get(language, ""),
            "description": _description(library, words, language),
            "case_line": _case_line(template, library, case, recalled, topic, language),
        }
        bodies[language] = _BLANK_LINES.sub("\n\n", body.format(**values)).strip()
    return RenderedEmail(subject=subject, bodies=bodies)


def _description(library: TemplateLibrary, words: SellerWords | None, language: str) -> str:
    """The seller's own words: translated (and the original below) when they are Chinese and
    a translation came; else under a heading that says when they are in Chinese."""
    if words is None or not words.text:
        return ""
    if not has_chinese(words.text):
        return library.description[language].format(text=words.text)
    translation = words.translations.get(language)
    if translation and language in library.description_translated:
        frame = library.description_translated[language]
        return frame.format(text=words.text, translation=translation)
    return library.description_in_chinese[language].format(text=words.text)


def _case_line(
    template: EmailTemplate,
    library: TemplateLibrary,
    case: CaseFacts | None,
    recalled: Recalled | None,
    topic: Mapping[str, str],
    language: str,
) -> str:
    """The earlier step and its date, and how long ago it was when that is long."""
    if not template.follows_up():
        return ""
    name = topic.get(language, "")
    if case is not None:
        line = library.case_lines[case.kind][template.to][language]
        if case.kind in TOLD_BY_DAY:
            stamp = day_stamp(local_time(case.sent_at, language).date(), language)
        else:
            stamp = sent_stamp(case.sent_at, language)
        text = line.format(sent_at=stamp, topic=name)
        days = case.calendar // timedelta(days=1)
    else:
        assert recalled is not None
        line = template.no_case_lines[language]
        text = line.format(sent_on=day_stamp(recalled.day, language), topic=name)
        days = recalled.days_ago
    if days >= LONG_WAIT_DAYS:
        text = with_wait(text, library.waits[language], waited_text(days, language))
    if case is not None and case.reference:
        space = "" if language == "zh" else " "
        text += space + library.reference_lines[language].format(number=case.reference)
    return text
