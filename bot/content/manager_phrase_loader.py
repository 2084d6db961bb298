"""Loads `manager_phrases.toml` (beside this file): meanings of managers' Russian, checked.

Besides fields and references (reply phrases, policy values, other meanings), every pattern
must compile and every example must get its meaning while no counter-example does, so a
pattern that stops working or starts catching look-alikes stops start-up with its name.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from bot.content.errors import ContentError
from bot.content.glossary_loader import OZON_GLOSSARY_PATH, load_glossary
from bot.nlp.russian.explain import Actor, ManagerPhrasebook, Meaning
from bot.nlp.russian.facts import PATTERN_FRAGMENTS
from bot.nlp.trie import trie_pattern
from bot.services.policy import Policy

MANAGER_PHRASES_PATH = Path(__file__).resolve().parent / "manager_phrases.toml"
_ID = re.compile(r"[a-z_]{1,32}")
_FRAGMENT = re.compile(r"\{([a-z_]+)\}")
_PHONE_NUMBER = re.compile(r"(?<!\d)(?:\+?\d[\d\s-]{6,}\d)(?!\d)")
_TEXTS = ("zh", "en", "next_zh", "next_en")
_FIELDS = frozenset(
    {
        "id",
        *_TEXTS,
        "replies",
        "based_on",
        "guide_claims",
        "actor",
        "weak",
        "track",
        "overrides",
        "patterns",
        "patterns_any",
        "unless",
        "examples",
        "counter_examples",
    }
)


class _Expander:
    """Puts fragments into patterns; fragments may use fragments defined before them."""

    def __init__(self, path: Path, raw: dict[str, Any]) -> None:
        self._path = path
        self.fragments = dict(PATTERN_FRAGMENTS)
        for name, value in raw.items():
            if isinstance(value, list):
                # A list of words («нужн*» for «нужн» and any ending), kept as a trie.
                self.fragments[name] = f"(?:{trie_pattern(sorted(str(word) for word in value))})"
            else:
                self.fragments[name] = self.expand(f"fragment {name}", str(value))

    def expand(self, entry: str, pattern: str) -> str:
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self.fragments:
                raise ContentError(self._path, entry, f"unknown fragment {{{name}}}")
            return self.fragments[name]

        return _FRAGMENT.sub(replace, pattern)

    def compile(self, entry: str, pattern: str) -> re.Pattern[str]:
        # A comma counts as a space: «пришлите, номер заказа» reads like «пришлите номер».
        expanded = self.expand(entry, pattern)
        expanded = expanded.replace(r"\s+", r"[\s,]+").replace(r"\s*", r"[\s,]*")
        try:
            return re.compile(expanded)
        except re.error as error:
            raise ContentError(self._path, entry, f"pattern {pattern!r}: {error}") from error


def _strings(path: Path, entry: str, raw: dict[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContentError(path, entry, f"{key} must be a list of strings")
    return tuple(value)


def _meaning(
    path: Path,
    raw: dict[str, Any],
    expander: _Expander,
    policy: Policy,
    phrase_ids: frozenset[str],
) -> Meaning:
    entry = str(raw.get("id", "meaning"))
    if not _ID.fullmatch(entry):
        raise ContentError(path, entry, "id must be 1-32 lower-case letters or underscores")
    unknown_fields = set(raw) - _FIELDS
    if unknown_fields:
        raise ContentError(path, entry, f"unknown fields {sorted(unknown_fields)}")
    for key in _TEXTS:
        text = raw.get(key)
        if not isinstance(text, str) or not text.strip():
            raise ContentError(path, entry, f"missing text {key}")
        if _PHONE_NUMBER.search(text):
            raise ContentError(path, entry, "contains a phone number; no contact numbers allowed")
    replies = _strings(path, entry, raw, "replies")
    unknown = [reply for reply in replies if reply not in phrase_ids]
    if unknown:
        raise ContentError(path, entry, f"unknown reply phrases {unknown}")
    based_on = _strings(path, entry, raw, "based_on")
    unknown = [key for key in based_on if key not in policy.provenance]
    if unknown:
        raise ContentError(path, entry, f"unknown policy values in based_on: {unknown}")
    patterns, patterns_any, unless = (
        tuple(expander.compile(f"{entry} {key}", text) for text in _strings(path, entry, raw, key))
        for key in ("patterns", "patterns_any", "unless")
    )
    if not patterns and not patterns_any:
        raise ContentError(path, entry, "needs at least one pattern")
    actor = raw.get("actor")
    if actor not in {item.value for item in Actor}:
        raise ContentError(path, entry, f"actor must be one of {[item.value for item in Actor]}")
    return Meaning(
        id=entry,
        zh=raw["zh"].strip(),
        en=raw["en"].strip(),
        next_zh=raw["next_zh"].strip(),
        next_en=raw["next_en"].strip(),
        replies=replies,
        based_on=based_on,
        guide_claims=bool(raw.get("guide_claims", False)),
        actor=Actor(actor),
        weak=bool(raw.get("weak", False)),
        track=bool(raw.get("track", False)),
        overrides=frozenset(_strings(path, entry, raw, "overrides")),
        patterns=patterns,
        patterns_any=patterns_any,
        unless=unless,
    )


def _check_overrides(path: Path, meanings: list[Meaning]) -> None:
    ids = {meaning.id for meaning in meanings}
    by_id = {meaning.id: meaning for meaning in meanings}
    for meaning in meanings:
        for other in meaning.overrides:
            if other not in ids or other == meaning.id:
                raise ContentError(path, meaning.id, f"overrides unknown meaning {other!r}")
            if meaning.id in by_id[other].overrides:
                raise ContentError(path, meaning.id, f"overrides {other!r}, which overrides it")


def _check_examples(path: Path, raw: list[dict[str, Any]], book: ManagerPhrasebook) -> None:
    for entry in raw:
        meaning_id = str(entry["id"])
        for example in _strings(path, meaning_id, entry, "examples"):
            found = book.classify(example)
            if found is None or found.id != meaning_id:
                got = found.id if found else "nothing"
                raise ContentError(path, meaning_id, f"example {example!r} gets {got}")
        for example in _strings(path, meaning_id, entry, "counter_examples"):
            found = book.classify(example)
            if found is not None and found.id == meaning_id:
                raise ContentError(path, meaning_id, f"counter-example {example!r} gets it")


def load_manager_phrases(
    policy: Policy,
    phrase_ids: frozenset[str],
    path: Path = MANAGER_PHRASES_PATH,
    glossary_path: Path = OZON_GLOSSARY_PATH,
) -> ManagerPhrasebook:
    """Read and check the meanings and the Ozon glossary (its patterns may use this file's
    fragments); `phrase_ids` are the phrases of templates.toml."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "file", str(error)) from error
    expander = _Expander(path, raw.get("fragments", {}))
    entries = raw.get("meaning", [])
    if not entries:
        raise ContentError(path, "file", "no [[meaning]] entries")
    meanings = [_meaning(path, entry, expander, policy, phrase_ids) for entry in entries]
    if len({meaning.id for meaning in meanings}) != len(meanings):
        raise ContentError(path, "file", "duplicate meaning ids")
    _check_overrides(path, meanings)
    glossary = load_glossary(expander.compile, glossary_path)
    book = ManagerPhrasebook(tuple(meanings), glossary)
    _check_examples(path, entries, book)
    return book
