"""Loads `pinyin_words.tsv` (beside this file): the table the bot reads typed pinyin with."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from bot.content.errors import ContentError
from bot.content.tsv import data_lines

# Toneless syllables → the words the matcher learns from, one per line (syllables<TAB>word);
# written by tools/pinyin_words.py.
PINYIN_PATH = Path(__file__).resolve().parent / "pinyin_words.tsv"
_LINE = re.compile(r"([a-z]+(?: [a-z]+)*)\t([\u3400-\u9fff]+)")


@lru_cache(maxsize=4)
def load_pinyin_words(path: Path = PINYIN_PATH) -> tuple[tuple[str, str], ...]:
    """The (syllables, characters) lines, one character per syllable; `#` starts a comment.
    Read once per process and path (23,000 lines; every content load asks for them)."""
    found = []
    for number, line in data_lines(path):
        found_line = _LINE.fullmatch(line)
        if found_line is None or len(found_line[1].split()) != len(found_line[2]):
            raise ContentError(
                path, f"line {number}", "needs syllables<TAB>characters, one per syllable"
            )
        found.append((found_line[1], found_line[2]))
    if not found:
        raise ContentError(path, "file", "no words")
    return tuple(found)
