"""Loads `templates.toml` (beside this file): the Russian/English phrases and emails, checked."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from bot.content.errors import ContentError
from bot.services.template_filling import (
    SELLER_FIELDS,
    EmailTemplate,
    Phrase,
    Recipient,
    TemplateLibrary,
    placeholders,
)

TEMPLATES_PATH = Path(__file__).resolve().parent / "templates.toml"
MAX_COPY_TEXT = 256

_ALLOWED = SELLER_FIELDS | {"problem_ru", "problem_en", "case_line"}


def _check(path: Path, entry: str, texts: list[str], allowed: frozenset[str] | set[str]) -> None:
    for text in texts:
        try:
            unknown = placeholders(text) - allowed
        except ValueError as error:
            raise ContentError(path, entry, f"broken placeholder: {error}") from error
        if unknown:
            raise ContentError(path, entry, f"unknown placeholders {sorted(unknown)}")


def _email(path: Path, raw: dict[str, Any]) -> EmailTemplate:
    entry = str(raw.get("id", "email"))
    try:
        template = EmailTemplate(
            id=str(raw["id"]),
            to=Recipient(raw["to"]),
            subject=str(raw["subject"]),
            ru=str(raw["ru"]),
            en=str(raw["en"]),
            case_line_ru=str(raw.get("case_line_ru", "")),
            no_case_line_ru=str(raw.get("no_case_line_ru", "")),
            case_line_en=str(raw.get("case_line_en", "")),
            no_case_line_en=str(raw.get("no_case_line_en", "")),
        )
    except (KeyError, ValueError) as error:
        raise ContentError(path, entry, f"missing or invalid field: {error}") from error
    _check(path, entry, [template.subject, template.ru, template.en], _ALLOWED)
    case_lines = [template.case_line_ru, template.case_line_en]
    _check(path, entry, case_lines, {"sent_at", "elapsed"})
    _check(path, entry, [template.no_case_line_ru, template.no_case_line_en], set())
    uses_case_line = "case_line" in placeholders(template.ru)
    if uses_case_line != bool(template.case_line_ru and template.no_case_line_ru):
        raise ContentError(path, entry, "{case_line} needs case_line_* and no_case_line_* texts")
    return template


def load_templates(path: Path = TEMPLATES_PATH) -> TemplateLibrary:
    """Read and check the template file."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "file", str(error)) from error
    phrases = []
    for entry in raw.get("phrase", []):
        phrase = Phrase(id=str(entry.get("id")), ru=str(entry.get("ru", "")))
        _check(path, phrase.id, [phrase.ru], SELLER_FIELDS)
        if not phrase.ru or len(phrase.ru) > MAX_COPY_TEXT - 40:
            raise ContentError(path, phrase.id, "phrase empty or too long for a copy button")
        phrases.append(phrase)
    emails = [_email(path, entry) for entry in raw.get("email", [])]
    problems = {
        key: (str(value["ru"]), str(value["en"])) for key, value in raw.get("problems", {}).items()
    }
    return TemplateLibrary(tuple(phrases), tuple(emails), problems)
