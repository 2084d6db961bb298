"""Writes bot/content/pinyin_words.tsv: the toneless pinyin of the words the matcher learns from.

The bot reads pinyin typed instead of characters with this table (bot/nlp/faq/pinyin.py).
Its words are the runs of two to four characters that the Chinese texts the matcher learns
from use at least twice (the knowledge base's titles, example questions and out-of-scope
examples, and the labelled sets bot/content/faq_examples/*.zh.tsv), each under the reading
pypinyin gives it in its sentence (重新 → chong xin); when two words read the same, the more
frequent one; a reading that is an English word of the English texts (knowledge base and
faq_examples/*.en.tsv: "change", "ban") is left out. Each syllable also maps to its most frequent
character, for the syllables between words. pypinyin is a development dependency only: the bot
reads the table. Run after the knowledge base or the labelled messages change:
python tools/pinyin_words.py          (write)
python tools/pinyin_words.py --check  (exit 1 when the file is not what it would write)
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from pypinyin import lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.knowledge_loader import EXAMPLES_DIR, KNOWLEDGE_DIR, learnt_sets  # noqa: E402
from bot.content.pinyin_loader import PINYIN_PATH  # noqa: E402
from bot.nlp.faq.text import plain  # noqa: E402

MIN_COUNT = 2
LONGEST = 4
_CJK = re.compile(r"[\u3400-\u9fff]+")
_LATIN = re.compile(r"[a-z]+")


def texts(locale: str) -> list[str]:
    """The texts of one locale the matcher learns from."""
    raw = tomllib.loads((KNOWLEDGE_DIR / f"{locale}.toml").read_text(encoding="utf-8"))
    found = [
        str(text) for topic in raw["topic"] for text in (topic["title"], *topic["questions"])
    ] + [str(text) for text in raw["out_of_scope"]["questions"]]
    labelled = dict.fromkeys(
        tuple(line.split("\t")[:2])
        for path in learnt_sets(EXAMPLES_DIR, locale)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
    return found + [message.strip() for _, message in labelled]


def table(chinese: Iterable[str], english: Iterable[str]) -> list[tuple[str, str]]:
    """(syllables, characters) sorted by syllables: the words, then each syllable alone."""
    counts: Counter[str] = Counter()
    readings: dict[str, Counter[str]] = {}
    characters: dict[str, Counter[str]] = {}
    for text in chinese:
        for run in _CJK.findall(plain(text)):
            syllables = lazy_pinyin(run, errors="ignore")
            if len(syllables) != len(run):
                continue
            for character, syllable in zip(run, syllables, strict=True):
                characters.setdefault(syllable, Counter())[character] += 1
            for size in range(2, LONGEST + 1):
                for start in range(len(run) - size + 1):
                    word = run[start : start + size]
                    counts[word] += 1
                    reading = " ".join(syllables[start : start + size])
                    readings.setdefault(word, Counter())[reading] += 1
    words = {word for text in english for word in _LATIN.findall(plain(text))}
    best: dict[str, str] = {}
    for word, count in counts.items():
        reading = readings[word].most_common(1)[0][0]
        if count < MIN_COUNT or reading.replace(" ", "") in words:
            continue
        if reading not in best or (counts[best[reading]], best[reading]) < (count, word):
            best[reading] = word
    for syllable, found in characters.items():
        best[syllable] = max(found.items(), key=lambda item: (item[1], item[0]))[0]
    return sorted(best.items())


def lines() -> list[str]:
    """The file's lines: a header, then syllables<TAB>characters."""
    return [
        "# Toneless pinyin → the words the matcher learns from (syllables<TAB>characters);",
        "# written by tools/pinyin_words.py, do not edit.",
        *(f"{syllables}\t{word}" for syllables, word in table(texts("zh"), texts("en"))),
    ]


def main() -> int:
    """Write the file, or with --check say whether it is up to date."""
    wanted = "\n".join(lines()) + "\n"
    if "--check" in sys.argv:
        current = PINYIN_PATH.read_text(encoding="utf-8") if PINYIN_PATH.exists() else ""
        if current != wanted:
            print(f"{PINYIN_PATH} is out of date: run python tools/pinyin_words.py")
            return 1
        return 0
    PINYIN_PATH.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
