"""Loads `templates.toml` (beside this file): the Russian/English phrases and emails, checked."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bot.content.errors import ContentError
from bot.services.cases import CaseKind
from bot.services.template_filling import (
    LETTER_LANGUAGES,
    SELLER_FIELDS,
    EmailTemplate,
    Phrase,
    Recipient,
    TemplateLibrary,
    placeholders,
)

TEMPLATES_PATH = Path(__file__).resolve().parent / "templates.toml"
MAX_COPY_TEXT = 256

_BODY_FIELDS = SELLER_FIELDS | {"problem", "description", "case_line"}
_SUBJECT_FIELDS = SELLER_FIELDS | {"problem_ru", "problem_en"}
_CASE_LINE_FIELDS = {"sent_at", "elapsed", "subject"}


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
            case_lines=_per_language(raw, "case_line_"),
            no_case_lines=_per_language(raw, "no_case_line_"),
            asks_description=bool(raw.get("asks_description", False)),
        )
    except (KeyError, ValueError) as error:
        raise ContentError(path, entry, f"missing or invalid field: {error}") from error
    if not {"ru", "en"} <= template.bodies.keys():
        raise ContentError(path, entry, "needs a Russian and an English body")
    if (template.to is Recipient.SUPPORT) != ("zh" in template.bodies):
        raise ContentError(path, entry, "a Chinese body exactly for the China support mailbox")
    _check(path, entry, [template.subject], _SUBJECT_FIELDS)
    _check(path, entry, list(template.bodies.values()), _BODY_FIELDS)
    _check(path, entry, list(template.case_lines.values()), _CASE_LINE_FIELDS)
    _check(path, entry, list(template.no_case_lines.values()), set())
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


def _languages(path: Path, entry: str, raw: Any) -> dict[str, str]:
    """A table with a text per letter language."""
    if not isinstance(raw, dict) or set(raw) != set(LETTER_LANGUAGES):
        raise ContentError(path, entry, f"needs exactly {', '.join(LETTER_LANGUAGES)}")
    return {language: str(text) for language, text in raw.items()}


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
    subjects = raw.get("case_subjects", {})
    missing = sorted(set(CaseKind) - set(subjects))
    if missing:
        raise ContentError(path, "case_subjects", f"missing kinds {missing}")
    description = _languages(path, "description", raw.get("description"))
    _check(path, "description", list(description.values()), {"text"})
    return TemplateLibrary(
        phrases=tuple(_phrase(path, entry) for entry in raw.get("phrase", [])),
        emails=tuple(_email(path, entry) for entry in raw.get("email", [])),
        problems=problems,
        description=description,
        case_subjects={
            CaseKind(kind): _languages(path, f"case_subjects.{kind}", value)
            for kind, value in subjects.items()
        },
    )
