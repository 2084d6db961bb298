"""Pinyin typed instead of characters, read back into Chinese ("youjian meiren hui" → 邮件没人回).

Sellers on a computer without a Chinese input method type pinyin, with or without spaces and
without tones. The words come from a table of the characters the matcher learns from
(`bot/content/pinyin_words.tsv`, made by tools/pinyin_words.py): their toneless syllables →
the words, and each syllable alone → its most frequent character. A message is read as pinyin
only when one of its Latin words is a word of the table of two syllables or more ("zenme",
"xiaoer", "youjian"), or three or more words typed syllable by syllable all fall in words of
the table ("zen me lian xi"), so English is left alone ("can you help me" has syllables, but
no such word); then every run of Latin words that all split into syllables is written in
characters, as few pieces as possible (怎么办, not 怎么 + 办), other words (kyc, sku, ozon)
staying as typed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z]+")
# The longest word of the table, in syllables.
_LONGEST_WORD = 4
# Words typed syllable by syllable ("zen me lian xi") are pinyin from this many on, when every
# syllable falls in a word of the table.
_SPACED_WORDS = 3
# A syllable alone costs more than a word: fewer pieces read better.
_WORD_COST, _SYLLABLE_COST = 1, 2


class PinyinReader:
    """Reads pinyin in a message back into characters, by the table it is built from."""

    def __init__(self, words: Iterable[tuple[str, str]]) -> None:
        """`words`: (syllables separated by spaces, characters), one syllable per character."""
        self._words: dict[str, str] = {}
        for syllables, characters in words:
            self._words[syllables] = characters
        self._syllables = {key for key in self._words if " " not in key}
        self._typed = {key.replace(" ", "") for key in self._words if " " in key}
        self._longest = max((len(syllable) for syllable in self._syllables), default=0)

    def read(self, text: str) -> str:
        """`text` with its pinyin written in characters; unchanged when it has none."""
        runs = self._runs(text)
        typed_word = any(word in self._typed for _, _, words, _ in runs for word in words)
        spelt = [(start, end, *self._spell(syllables)) for start, end, _, syllables in runs]
        spaced = any(
            len(words) >= _SPACED_WORDS and alone == 0
            for (_, _, words, _), (_, _, _, alone) in zip(runs, spelt, strict=True)
        )
        if not (typed_word or spaced):
            return text
        pieces, end = [], 0
        for start, stop, characters, _ in spelt:
            pieces += [text[end:start], characters]
            end = stop
        return "".join([*pieces, text[end:]])

    def _runs(self, text: str) -> list[tuple[int, int, list[str], list[str]]]:
        """The runs of Latin words that all split into syllables, with only spaces between
        them: (start, end, the words in lower case, their syllables)."""
        runs: list[tuple[int, int, list[str], list[str]]] = []
        for match in _WORD.finditer(text):
            word = match.group().lower()
            split = self.syllables(word)
            if split is None:
                continue
            if runs and not text[runs[-1][1] : match.start()].strip():
                start, _, words, syllables = runs[-1]
                runs[-1] = (start, match.end(), [*words, word], [*syllables, *split])
            else:
                runs.append((match.start(), match.end(), [word], split))
        return runs

    def syllables(self, word: str) -> list[str] | None:
        """The word split into the table's syllables, longest first ("xian" before "xi an"),
        or None when it does not split."""
        # reach[i]: the length of the last syllable on some split of word[:i], 0 for none.
        reach = [0] * (len(word) + 1)
        for end in range(1, len(word) + 1):
            for size in range(1, min(self._longest, end) + 1):
                split_before = end == size or reach[end - size] > 0
                if split_before and word[end - size : end] in self._syllables:
                    reach[end] = size
        if not word or reach[len(word)] == 0:
            return None
        split: list[str] = []
        end = len(word)
        while end:
            split.append(word[end - reach[end] : end])
            end -= reach[end]
        return split[::-1]

    def _spell(self, syllables: list[str]) -> tuple[str, int]:
        """The fewest pieces (words of the table, else single syllables) that spell them, and
        how many syllables stand alone."""
        best: list[tuple[float, str, int]] = [(0.0, "", 0)] + [(math.inf, "", 0)] * len(syllables)
        for start in range(len(syllables)):
            cost, written, alone = best[start]
            if cost == math.inf:
                continue
            for end in range(start + 1, min(len(syllables), start + _LONGEST_WORD) + 1):
                key = " ".join(syllables[start:end])
                if key not in self._words:
                    continue
                single = end - start == 1
                step = _SYLLABLE_COST if single else _WORD_COST
                if cost + step < best[end][0]:
                    best[end] = (cost + step, written + self._words[key], alone + single)
        return best[-1][1], best[-1][2]
