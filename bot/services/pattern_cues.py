"""Which content patterns can match a sentence at all, from the text each one must start with.

Running every pattern of every meaning on every sentence cost about half a millisecond per
hundred characters: the regular-expression engine tries each pattern's opening alternation
at every position. Almost every content pattern opens with a list of words or stems
(«(?:пришлите|нужн\\w*|...)»), and every match starts with one of them. Those stems are read
from the pattern text once; a sentence then runs only the patterns one of whose stems it
contains (one trie-shaped scan of the sentence). A pattern whose opening cannot be read this
way (a class, `\\S+`, a one-letter word) always runs, so the result is the same as running
them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.services.regex_trie import trie_pattern

# Shorter stems («я», «в») are in nearly every sentence: their patterns simply always run.
MIN_STEM = 2
_ZERO_WIDTH = re.compile(r"^(?:\\b|\^|\(\?:\^\|\\s\)|\(\?:\^\|\[\\s,\]\+\))")
_LETTERS = re.compile(r"[а-яa-z0-9-]+")
# A quantifier that lets what it follows be absent: ?, *, {0,n} (lazy or not).
_OPTIONAL = re.compile(r"^(?:\?|\*|\{0,\d*\})\??")
# Content patterns have their spaces widened to take commas (see the loader).
_SPACE = r"[\s,]+"
_SPACES = re.compile(r"[\s,]+")


def _group_end(text: str, start: int) -> int:
    """Index of the parenthesis closing the group opened at `start` (-1 if none)."""
    depth = 0
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            end = text.find("]", index + 1)
            index = end + 1 if end > 0 else len(text)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _alternatives(text: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    parts = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            end = text.find("]", index + 1)
            index = end + 1 if end > 0 else len(text)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def opening_stems(pattern: str) -> frozenset[str] | None:
    """Texts one of which starts every match, or None when they cannot be told.

    Reads leading groups of alternatives (recursively; an optional group adds what follows
    it) and leading runs of letters («сняты?» gives «снят»).
    """
    stems: set[str] = set()
    for alternative in _alternatives(pattern):
        found = _opening(alternative)
        if found is None:
            return None
        stems |= found
    return frozenset(stems)


def _opening(text: str) -> frozenset[str] | None:
    while (zero := _ZERO_WIDTH.match(text)) is not None:
        text = text[zero.end() :]
    if text.startswith("(?:"):
        end = _group_end(text, 0)
        if end < 0:
            return None
        inside = opening_stems(text[3:end])
        rest = text[end + 1 :]
        optional = _OPTIONAL.match(rest)
        if not optional:
            return inside
        after = _opening(rest[optional.end() :])
        return None if inside is None or after is None else inside | after
    letters = _LETTERS.match(text)
    if letters is None:
        return None
    stem = letters.group()
    rest = text[letters.end() :]
    if _OPTIONAL.match(rest) or rest.startswith("{"):
        return _stem(stem[:-1])  # the last letter is optional or repeated
    # What follows the letters lengthens the stem: a group («п(?:ришлите|одскажите)», as
    # tries are written) or a space and more («к сожалению»; see `CueIndex.candidates`).
    following = None
    if rest.startswith("(?:"):
        following = _opening(rest)
        joiner = ""
    elif rest.startswith(_SPACE):
        following = _opening(rest[len(_SPACE) :])
        joiner = " "
    if following:
        return frozenset(stem + joiner + tail for tail in following)
    return _stem(stem)


def _stem(stem: str) -> frozenset[str] | None:
    stem = stem.rstrip("-")
    return frozenset({stem}) if len(stem) >= MIN_STEM else None


class CueIndex:
    """Finds the patterns a sentence may match, by the stems they open with.

    One trie-shaped scan finds, at every position, the longest stem starting there; the
    stems that are its prefixes are then present too. Patterns are known by `id()`: hashing
    a compiled pattern hashes its whole program.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self._always: set[int] = set()
        by_stem: dict[str, set[int]] = {}
        for pattern in patterns:
            found = opening_stems(pattern.pattern)
            if found is None:
                self._always.add(id(pattern))
                continue
            for stem in found:
                by_stem.setdefault(stem, set()).add(id(pattern))
        # Each stem with the patterns of every stem it starts with.
        self._by_stem = {
            stem: set().union(*(keys for other, keys in by_stem.items() if stem.startswith(other)))
            for stem in by_stem
        }
        stems = trie_pattern(sorted(by_stem))
        self._scan = re.compile(f"(?=({stems}))") if stems else None

    def candidates(self, text: str) -> set[int]:
        """The `id()`s of the patterns worth running on a normalised sentence."""
        found = set(self._always)
        if self._scan is not None:
            # Stems hold single spaces where their patterns take any run of spaces and commas.
            for stem in set(self._scan.findall(_SPACES.sub(" ", text))):
                found |= self._by_stem[stem]
        return found
