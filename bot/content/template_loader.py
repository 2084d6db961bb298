"""Loads `templates.toml` (beside this file): the Russian/English phrases and emails, checked."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from bot.content.errors import ContentError
from bot.services.cases import CaseKind
from bot.services.template_filling import (
    BEFORE_AN_AM,
    LETTER_LANGUAGES,
    SELLER_FIELDS,
    EmailTemplate,
    Phrase,
    Recipient,
    TemplateLibrary,
    has_chinese,
    placeholders,
)

TEMPLATES_PATH = Path(__file__).resolve().parent / "templates.toml"
MAX_COPY_TEXT = 256

_BODY_FIELDS = SELLER_FIELDS | {"signature", "topic", "description", "case_line"}
_SUBJECT_FIELDS = SELLER_FIELDS | {"topic_ru", "topic_zh", "topic_en"}
# A letter opened from the list tells the day the seller wrote and what about: both, always.
_NO_CASE_LINE_FIELDS = {"sent_on", "topic"}
_CASE_LINE_FIELDS = {"sent_at", "topic"}
_TRANSLATION_LANGUAGES = ("ru", "en")
# A body ends with who signs, then the line that gives the seller ID.
_SIGNED = re.compile(r"\{signature\}\n[^\n{}]*\{seller_id\}$")


def _check(path: Path, entry: str, texts: list[str], allowed: frozenset[str] | set[str]) -> None:
    for text in texts:
        try:
            unknown = placeholders(text) - allowed
        except ValueError as error:
            raise ContentError(path, entry, f"broken placeholder: {error}") from error
        if unknown:
            raise ContentError(path, entry, f"unknown placeholders {sorted(unknown)}")


def _per_language(raw: dict[str, Any], prefix: str) -> dict[str, str]:
    """`<prefix>ru`, `<prefix>en`, `<prefix>zh` entries present in the raw table."""
    return {
        language: str(raw[f"{prefix}{language}"])
        for language in LETTER_LANGUAGES
        if f"{prefix}{language}" in raw
    }


def _email(path: Path, raw: dict[str, Any]) -> EmailTemplate:
    entry = str(raw.get("id", "email"))
    try:
        template = EmailTemplate(
            id=str(raw["id"]),
            to=Recipient(raw["to"]),
            tracks=CaseKind(raw["tracks"]),
            subject=str(raw["subject"]),
            bodies=_per_language(raw, ""),
            no_case_lines=_per_language(raw, "no_case_line_"),
            asks_description=bool(raw.get("asks_description", False)),
        )
    except (KeyError, ValueError) as error:
        raise ContentError(path, entry, f"missing or invalid field: {error}") from error
    if set(template.bodies) != set(template.to.languages()):
        languages = ", ".join(template.to.languages())
        raise ContentError(path, entry, f"needs exactly the bodies {languages} for {template.to}")
    _check(path, entry, [template.subject], _SUBJECT_FIELDS)
    _check(path, entry, list(template.bodies.values()), _BODY_FIELDS)
    _check(path, entry, list(template.no_case_lines.values()), _NO_CASE_LINE_FIELDS)
    if any(placeholders(line) != _NO_CASE_LINE_FIELDS for line in template.no_case_lines.values()):
        raise ContentError(path, entry, "a no_case_line needs both {sent_on} and {topic}")
    if template.follows_up() and not template.needs_topic():
        raise ContentError(path, entry, "a follow-up needs {topic_ru} in its subject")
    subject_in_chinese = has_chinese(template.subject) or "topic_zh" in placeholders(
        template.subject
    )
    if subject_in_chinese is not (template.to is Recipient.SUPPORT):
        raise ContentError(path, entry, "a subject is in Chinese exactly for the China mailbox")
    if not all(_SIGNED.search(body) for body in template.bodies.values()):
        raise ContentError(path, entry, "every body ends with the {signature}, then the seller ID")
    for language, body in template.bodies.items():
        uses = placeholders(body)
        if ("case_line" in uses) != (language in template.no_case_lines):
            raise ContentError(path, entry, f"{{case_line}} and case lines differ ({language})")
        if ("description" in uses) != template.asks_description:
            raise ContentError(path, entry, "{description} and asks_description differ")
    return template


def _phrase(path: Path, raw: dict[str, Any]) -> Phrase:
    entry = str(raw.get("id", "phrase"))
    try:
        tracks = CaseKind(raw["tracks"]) if "tracks" in raw else None
        phrase = Phrase(id=entry, ru=str(raw.get("ru", "")), tracks=tracks)
    except ValueError as error:
        raise ContentError(path, entry, f"invalid field: {error}") from error
    _check(path, phrase.id, [phrase.ru], SELLER_FIELDS)
    if not phrase.ru or len(phrase.ru) > MAX_COPY_TEXT - 40:
        raise ContentError(path, phrase.id, "phrase empty or too long for a copy button")
    return phrase


def _languages(
    path: Path, entry: str, raw: Any, languages: tuple[str, ...] = LETTER_LANGUAGES
) -> dict[str, str]:
    """A table with a text per language."""
    if not isinstance(raw, dict) or set(raw) != set(languages):
        raise ContentError(path, entry, f"needs exactly {', '.join(languages)}")
    return {language: str(text) for language, text in raw.items()}


def _case_lines(
    path: Path, raw: Any, topics: dict[CaseKind, dict[str, str]]
) -> dict[CaseKind, dict[Recipient, dict[str, str]]]:
    """For every kind of follow-up, a sentence per language of the letter that says what and
    when, for each recipient a letter can go to: the China mailbox always, the AM unless the
    kind comes before any AM is assigned (then a sentence to an AM is an error)."""
    tables = raw if isinstance(raw, dict) else {}
    missing = sorted(set(CaseKind) - set(tables))
    if missing:
        raise ContentError(path, "case_lines", f"missing kinds {missing}")
    lines: dict[CaseKind, dict[Recipient, dict[str, str]]] = {}
    for kind in CaseKind:
        table = tables[kind] if isinstance(tables[kind], dict) else {}
        expected = {Recipient.SUPPORT} if kind in BEFORE_AN_AM else set(Recipient)
        if set(table) != {recipient.value for recipient in expected}:
            found = ", ".join(sorted(table))
            raise ContentError(
                path, f"case_lines.{kind}", f"needs exactly {sorted(expected)}, found {found}"
            )
        lines[kind] = {
            recipient: _case_line(path, f"case_lines.{kind}.{recipient}", table, recipient)
            for recipient in Recipient
            if recipient in expected
        }
        if kind in topics and any(
            "topic" in placeholders(text)
            for texts in lines[kind].values()
            for text in texts.values()
        ):
            raise ContentError(path, f"case_lines.{kind}", "{topic} is for kinds without a topic")
    return lines


def _case_line(path: Path, entry: str, table: Any, recipient: Recipient) -> dict[str, str]:
    """One kind's sentence for one recipient: its languages, the date (and maybe the topic)."""
    raw = table.get(recipient.value) if isinstance(table, dict) else None
    texts = _languages(path, entry, raw, recipient.languages())
    _check(path, entry, list(texts.values()), _CASE_LINE_FIELDS)
    if any("sent_at" not in placeholders(text) for text in texts.values()):
        raise ContentError(path, entry, "needs {sent_at}")
    return texts


def _case_topics(path: Path, raw: Any) -> dict[CaseKind, dict[str, str]]:
    """What each kind of follow-up was about, for subjects (in each language)."""
    tables = raw if isinstance(raw, dict) else {}
    try:
        kinds = {CaseKind(key): value for key, value in tables.items()}
    except ValueError as error:
        raise ContentError(path, "case_topics", f"unknown kind: {error}") from error
    return {kind: _languages(path, f"case_topics.{kind}", value) for kind, value in kinds.items()}


def _waits(path: Path, raw: Any) -> dict[str, dict[str, str]]:
    """Per language, how a sentence telling the earlier step ends, and that ending counting
    the wait ({elapsed})."""
    if not isinstance(raw, dict) or set(raw) != set(LETTER_LANGUAGES):
        raise ContentError(path, "waits", f"needs exactly {', '.join(LETTER_LANGUAGES)}")
    waits: dict[str, dict[str, str]] = {}
    for language, endings in raw.items():
        if not isinstance(endings, dict) or not endings:
            raise ContentError(path, f"waits.{language}", "needs its endings")
        waits[language] = {str(plain): str(text) for plain, text in endings.items()}
        _check(path, f"waits.{language}", list(waits[language].values()), {"elapsed"})
        if any("elapsed" not in placeholders(text) for text in waits[language].values()):
            raise ContentError(path, f"waits.{language}", "needs {elapsed}")
    return waits


def _check_endings(
    path: Path, waits: dict[str, dict[str, str]], sentences: list[tuple[str, str, str]]
) -> None:
    """Each (entry, language, sentence) telling the earlier step ends with one of [waits]."""
    for entry, language, sentence in sentences:
        if not any(sentence.endswith(plain) for plain in waits[language]):
            raise ContentError(path, entry, f"the {language} sentence ends with none of [waits]")


def load_templates(path: Path = TEMPLATES_PATH) -> TemplateLibrary:
    """Read and check the template file."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "file", str(error)) from error
    problems = {
        key: _languages(path, f"problems.{key}", value)
        for key, value in raw.get("problems", {}).items()
    }
    description = _languages(path, "description", raw.get("description"))
    in_chinese = _languages(path, "description_in_chinese", raw.get("description_in_chinese"))
    _check(path, "description", [*description.values(), *in_chinese.values()], {"text"})
    translated = _languages(
        path, "description_translated", raw.get("description_translated"), _TRANSLATION_LANGUAGES
    )
    _check(path, "description_translated", list(translated.values()), {"text", "translation"})
    topics = _case_topics(path, raw.get("case_topics"))
    emails = tuple(_email(path, entry) for entry in raw.get("email", []))
    case_lines = _case_lines(path, raw.get("case_lines"), topics)
    waits = _waits(path, raw.get("waits"))
    reference_lines = _languages(path, "reference_lines", raw.get("reference_lines"))
    _check(path, "reference_lines", list(reference_lines.values()), {"number"})
    _check_endings(
        path,
        waits,
        [
            *(
                (f"case_lines.{kind}.{recipient}", language, text)
                for kind, by_recipient in case_lines.items()
                for recipient, texts in by_recipient.items()
                for language, text in texts.items()
            ),
            *(
                (email.id, language, text)
                for email in emails
                for language, text in email.no_case_lines.items()
            ),
        ],
    )
    return TemplateLibrary(
        phrases=tuple(_phrase(path, entry) for entry in raw.get("phrase", [])),
        emails=emails,
        problems=problems,
        description=description,
        description_in_chinese=in_chinese,
        description_translated=translated,
        case_lines=case_lines,
        case_topics=topics,
        waits=waits,
        reference_lines=reference_lines,
    )
