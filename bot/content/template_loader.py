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
_CASE_LINE_FIELDS = {"sent_at", "elapsed"}


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


def _languages(
    path: Path, entry: str, raw: Any, languages: tuple[str, ...] = LETTER_LANGUAGES
) -> dict[str, str]:
    """A table with a text per language."""
    if not isinstance(raw, dict) or set(raw) != set(languages):
        raise ContentError(path, entry, f"needs exactly {', '.join(languages)}")
    return {language: str(text) for language, text in raw.items()}


def _case_lines(path: Path, raw: Any) -> dict[CaseKind, dict[Recipient, dict[str, str]]]:
    """For every kind of follow-up and every recipient, a sentence per language of the letter
    that says when and how long."""
    tables = raw if isinstance(raw, dict) else {}
    missing = sorted(set(CaseKind) - set(tables))
    if missing:
        raise ContentError(path, "case_lines", f"missing kinds {missing}")
    return {
        kind: {
            recipient: _case_line(path, f"case_lines.{kind}.{recipient}", tables[kind], recipient)
            for recipient in Recipient
        }
        for kind in CaseKind
    }


def _case_line(path: Path, entry: str, table: Any, recipient: Recipient) -> dict[str, str]:
    """One kind's sentence for one recipient: its languages, both placeholders."""
    raw = table.get(recipient.value) if isinstance(table, dict) else None
    texts = _languages(path, entry, raw, recipient.languages())
    _check(path, entry, list(texts.values()), _CASE_LINE_FIELDS)
    if any(placeholders(text) != _CASE_LINE_FIELDS for text in texts.values()):
        raise ContentError(path, entry, "needs both {sent_at} and {elapsed}")
    return texts


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
    return TemplateLibrary(
        phrases=tuple(_phrase(path, entry) for entry in raw.get("phrase", [])),
        emails=tuple(_email(path, entry) for entry in raw.get("email", [])),
        problems=problems,
        description=description,
        description_in_chinese=in_chinese,
        case_lines=_case_lines(path, raw.get("case_lines")),
    )
