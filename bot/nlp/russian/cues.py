"""Which content patterns can match a sentence at all, from the texts every match holds.

Running every pattern of every meaning on every sentence cost about half a millisecond per
hundred characters: the regular-expression engine tries each pattern's opening alternation
at every position. Almost every content pattern opens with a list of words or stems
(«(?:пришлите|нужн\\w*|...)»), and every match starts with one of them. Those stems are read
from the pattern text once; a sentence then runs only the patterns one of whose stems it
contains (one trie-shaped scan of the sentence). A pattern whose opening cannot be read this
way (a class, `\\S+`, a one-letter word) always runs, so the result is the same as running
them all.

Openings shared by many patterns («вопрос», «документ», «я») are in most sentences, so a
pattern is also read for a later part every match must hold: the first group of words after
the opening that no quantifier makes optional («...передан...\\s+(?:в отдел|коллег...)»). A
sentence without one of those words skips the pattern too; the same scan finds both kinds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.nlp.trie import trie_pattern

# Shorter stems («я», «в») are in nearly every sentence: their patterns simply always run.
MIN_STEM = 2
_ZERO_WIDTH = re.compile(r"^(?:\\b|\^|\(\?:\^\|\\s\)|\(\?:\^\|\[\\s,\]\+\))")
_LETTERS = re.compile(r"[а-яa-z0-9-]+")
# A quantifier that lets what it follows be absent: ?, *, {0,n} (lazy or not).
_OPTIONAL = re.compile(r"^(?:\?|\*|\{0,\d*\})\??")
# Content patterns have their spaces widened to take commas (see the loader).
_SPACE = r"[\s,]+"
_SPACES = re.compile(r"[\s,]+")


def _structure(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each parenthesis or bar of a regular expression from `start`, with the group depth
    after it; escapes and character classes are stepped over."""
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
        if char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield index, char, depth
        index += 1


def _group_end(text: str, start: int) -> int:
    """Index of the parenthesis closing the group opened at `start` (-1 if none)."""
    for index, char, depth in _structure(text, start):
        if char == ")" and depth == 0:
            return index
    return -1


def _alternatives(text: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    parts = []
    start = 0
    for index, char, depth in _structure(text):
        if char == "|" and depth == 0:
            parts.append(text[start:index])
            start = index + 1
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


# A quantifier after an item; the item may be absent when it starts with ?, * or {0 / {,.
_QUANTIFIER = re.compile(r"(?:\?|\*|\+|\{(\d*)(?:,\d*)?\})[?+]?")
# Later parts this short are in too many sentences to be worth a check.
MIN_REQUIRED = 3
# The later part of a pattern that needs none: always satisfied.
_NO_NEED = -1


def _items(text: str) -> list[tuple[str, bool]] | None:
    """The top-level items of a sequence, each with whether a quantifier makes it optional.

    An item is an escape, a class, a group or a run of letters; a quantifier after a run of
    letters binds only its last letter, but the whole run is then counted optional, which
    only ever gives up a cue.
    """
    found = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            end = index + 2
        elif char == "[":
            close = text.find("]", index + 1)
            end = close + 1 if close > 0 else len(text)
        elif char == "(":
            close = _group_end(text, index)
            if close < 0:
                return None
            end = close + 1
        else:
            letters = _LETTERS.match(text, index)
            end = letters.end() if letters is not None else index + 1
        optional = False
        quantifier = _QUANTIFIER.match(text, end)
        if quantifier is not None:
            optional = quantifier.group()[0] in "?*" or (
                quantifier.group()[0] == "{" and quantifier.group(1) in ("", "0")
            )
            found.append((text[index:end], optional))
            index = quantifier.end()
        else:
            found.append((text[index:end], optional))
            index = end
    return found


def required_stems(pattern: str) -> frozenset[str] | None:
    """Texts one of which every match holds after its opening, or None when none is told.

    Only a pattern with one top-level alternative is read: the first item after the opening
    that is not optional and is a group of readable openings, or a run of letters.
    """
    if len(_alternatives(pattern)) > 1:
        return None
    items = _items(pattern)
    if not items:
        return None
    start = 0
    while start < len(items) and items[start][0] in (r"\b", "^"):
        start += 1
    for item, optional in items[start + 1 :]:
        if optional:
            continue
        if item.startswith("(?:"):
            stems = opening_stems(item[3:-1])
            if stems and min(map(len, stems)) >= MIN_REQUIRED:
                return stems
        elif len(item) >= MIN_REQUIRED and _LETTERS.fullmatch(item):
            return frozenset({item})
    return None


class CueIndex:
    """Finds the patterns a sentence may match, by the stems they open with and hold later.

    One trie-shaped scan finds, at every position, the longest stem starting there; the
    stems that are its prefixes are then present too. Patterns are known by `id()`: hashing
    a compiled pattern hashes its whole program.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self._always: set[int] = set()
        by_stem: dict[str, set[int]] = {}
        # Later parts, each set of stems once, with the patterns that need it.
        needs: dict[frozenset[str], set[int]] = {}
        for pattern in patterns:
            required = required_stems(pattern.pattern)
            if required is not None:
                needs.setdefault(required, set()).add(id(pattern))
            found = opening_stems(pattern.pattern)
            if found is None:
                self._always.add(id(pattern))
                continue
            for stem in found:
                by_stem.setdefault(stem, set()).add(id(pattern))
        # Each pattern with a later part: the number of that part (stems shared, numbered once).
        self._need_of = {key: number for number, keys in enumerate(needs.values()) for key in keys}
        required_by: dict[str, set[int]] = {}
        for number, later in enumerate(needs):
            for stem in later:
                required_by.setdefault(stem, set()).add(number)
        scanned = sorted(by_stem.keys() | required_by.keys())
        # For each stem the scan can find: the patterns opening with it or with a prefix of
        # it, and the later parts it or a prefix of it satisfies.
        self._opening = {stem: _by_prefix(stem, by_stem) for stem in scanned}
        self._satisfies = {stem: _by_prefix(stem, required_by) for stem in scanned}
        words = trie_pattern(scanned)
        self._scan = re.compile(f"(?=({words}))") if words else None

    def candidates(self, text: str) -> set[int]:
        """The `id()`s of the patterns worth running on a normalised sentence."""
        found = set(self._always)
        satisfied = {_NO_NEED}
        if self._scan is not None:
            # Stems hold single spaces where their patterns take any run of spaces and commas.
            for stem in set(self._scan.findall(_SPACES.sub(" ", text))):
                found |= self._opening[stem]
                satisfied |= self._satisfies[stem]
        need_of = self._need_of
        return {key for key in found if need_of.get(key, _NO_NEED) in satisfied}


def _by_prefix(stem: str, table: dict[str, set[int]]) -> set[int]:
    """The union of the table's entries for the stem and every prefix of it."""
    return set().union(*(table.get(stem[:end], ()) for end in range(1, len(stem) + 1)))
