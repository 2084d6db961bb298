"""Loads `ozon_glossary.toml` (beside this file): Ozon seller vocabulary, Russian → Chinese and
English, and the reasons managers give for a refusal; checked at start-up."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.content.errors import ContentError
from bot.nlp.russian.facts import DocumentCatalogue, DocumentKind, ReasonKind

OZON_GLOSSARY_PATH = Path(__file__).resolve().parent / "ozon_glossary.toml"
SOURCES = frozenset({"seller_center", "usage"})
_ID = re.compile(r"[a-z_]{1,32}")
_TERM_FIELDS = frozenset({"id", "document", "ru", "zh", "en", "source", "pattern"})
_REASON_FIELDS = frozenset({"id", "zh", "en", "source", "check", "pattern"})
_CJK = re.compile(r"[\u4e00-\u9fff]")

Compile = Callable[[str, str], re.Pattern[str]]


def _checked(path: Path, raw: dict[str, Any], fields: frozenset[str]) -> str:
    entry = str(raw.get("id", "entry"))
    if not _ID.fullmatch(entry):
        raise ContentError(path, entry, "id must be 1-32 lower-case letters or underscores")
    if set(raw) != fields:
        raise ContentError(path, entry, f"fields must be {sorted(fields)}, got {sorted(raw)}")
    if raw["source"] not in SOURCES:
        raise ContentError(path, entry, f"source must be one of {sorted(SOURCES)}")
    if not _CJK.search(str(raw["zh"])) and not str(raw["zh"]).isascii():
        raise ContentError(path, entry, "zh must be Chinese (or a Latin name such as SKU)")
    return entry


def _term(path: Path, raw: dict[str, Any], compile_pattern: Compile) -> DocumentKind:
    entry = _checked(path, raw, _TERM_FIELDS)
    if not isinstance(raw["document"], bool):
        raise ContentError(path, entry, "document must be true or false")
    pattern = compile_pattern(entry, str(raw["pattern"]))
    return DocumentKind(entry, str(raw["zh"]), str(raw["en"]), pattern, raw["document"])


def _reason(path: Path, raw: dict[str, Any], compile_pattern: Compile) -> ReasonKind:
    entry = _checked(path, raw, _REASON_FIELDS)
    pattern = compile_pattern(entry, str(raw["pattern"]))
    numbered = pattern.groups > 0
    for key in ("zh", "en"):
        if ("{n}" in str(raw[key])) != numbered:
            raise ContentError(path, entry, f"{key} has {{n}} exactly when the pattern captures")
    return ReasonKind(entry, str(raw["zh"]), str(raw["en"]), pattern, bool(raw["check"]))


def load_glossary(compile_pattern: Compile, path: Path = OZON_GLOSSARY_PATH) -> DocumentCatalogue:
    """Read and check the terms and reasons; `compile_pattern` expands and compiles a pattern."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "file", str(error)) from error
    terms = [_term(path, entry, compile_pattern) for entry in raw.get("term", [])]
    reasons = [_reason(path, entry, compile_pattern) for entry in raw.get("reason", [])]
    if not terms:
        raise ContentError(path, "file", "no [[term]] entries")
    for kind, items in (("term", terms), ("reason", reasons)):
        if len({item.id for item in items}) != len(items):
            raise ContentError(path, "file", f"duplicate {kind} ids")
    return DocumentCatalogue(tuple(terms), tuple(reasons))
