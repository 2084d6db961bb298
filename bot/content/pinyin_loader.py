"""Loads `pinyin_words.tsv` (beside this file): the table the bot reads typed pinyin with."""

from __future__ import annotations

import re
from pathlib import Path

from bot.content.errors import ContentError

# Toneless syllables → the words the matcher learns from, one per line (syllables<TAB>word);
# written by tools/pinyin_words.py.
PINYIN_PATH = Path(__file__).resolve().parent / "pinyin_words.tsv"
_SYLLABLES = re.compile(r"[a-z]+(?: [a-z]+)*")
_CHARACTERS = re.compile(r"[\u3400-\u9fff]+")


def load_pinyin_words(path: Path = PINYIN_PATH) -> tuple[tuple[str, str], ...]:
    """The (syllables, characters) lines, one character per syllable; `#` starts a comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ContentError(path, "file", str(error)) from error
    found = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        syllables, _, word = line.partition("\t")
        well_formed = _SYLLABLES.fullmatch(syllables) and _CHARACTERS.fullmatch(word)
        if not well_formed or len(syllables.split()) != len(word):
            raise ContentError(
                path, f"line {number}", "needs syllables<TAB>characters, one per syllable"
            )
        found.append((syllables, word))
    if not found:
        raise ContentError(path, "file", "no words")
    return tuple(found)
