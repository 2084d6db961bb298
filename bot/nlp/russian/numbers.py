"""Russian cardinal numbers written as words, in every case: «трех», «семидесяти двух», «сутки».

Managers write periods both ways («в течение 3 рабочих дней», «в течение трёх рабочих дней»).
Text is expected folded (lower case, ё → е).
"""

from __future__ import annotations

import re

from bot.nlp.trie import trie_pattern

# Each value with its forms in the six cases (nominative, genitive, dative, accusative,
# instrumental, prepositional; feminine and neuter where they differ).
_FORMS: dict[int, str] = {
    1: "один одна одно одни одного одной одному одним одном одну одних одними",
    2: "два две двух двум двумя",
    3: "три трех трем тремя",
    4: "четыре четырех четырем четырьмя",
    5: "пять пяти пятью",
    6: "шесть шести шестью",
    7: "семь семи семью",
    8: "восемь восьми восемью",
    9: "девять девяти девятью",
    10: "десять десяти десятью",
    11: "одиннадцать одиннадцати одиннадцатью",
    12: "двенадцать двенадцати двенадцатью",
    13: "тринадцать тринадцати тринадцатью",
    14: "четырнадцать четырнадцати четырнадцатью",
    15: "пятнадцать пятнадцати пятнадцатью",
    16: "шестнадцать шестнадцати шестнадцатью",
    17: "семнадцать семнадцати семнадцатью",
    18: "восемнадцать восемнадцати восемнадцатью",
    19: "девятнадцать девятнадцати девятнадцатью",
    20: "двадцать двадцати двадцатью",
    30: "тридцать тридцати тридцатью",
    40: "сорок сорока",
    50: "пятьдесят пятидесяти пятьюдесятью",
    60: "шестьдесят шестидесяти шестьюдесятью",
    70: "семьдесят семидесяти семьюдесятью",
    80: "восемьдесят восьмидесяти восемьюдесятью",
    90: "девяносто девяноста",
    100: "сто ста",
}
VALUES: dict[str, int] = {form: value for value, forms in _FORMS.items() for form in forms.split()}


# A trie: a flat alternation of these ~110 forms made the patterns slow to compile and run.
_WORD = trie_pattern(sorted(VALUES))
# One to three words («сто двадцать два»); `parse_number` checks that they make one number.
NUMBER_WORDS = rf"(?:{_WORD})(?:\s+(?:{_WORD})){{0,2}}"
# Digits with an optional case ending («3-х», «5-ти», «2х») or number words.
NUMBER = rf"(?:(?<!\d)\d{{1,3}}(?:-?(?:х|ти|и|ми|ух|ех|ох))?(?![\d:.,]\d)|\b{NUMBER_WORDS}\b)"
_DIGITS = re.compile(r"^(\d{1,3})")


def parse_number(text: str) -> int | None:
    """The value of digits or of number words, or None if the words do not make one number.

    Words must fall in size: hundreds, then tens (20–90), then units; «двадцать два» is 22,
    «два двадцать» is not a number.
    """
    text = text.strip()
    digits = _DIGITS.match(text)
    if digits:
        return int(digits.group(1))
    total = 0
    last = 1000
    for word in text.split():
        value = VALUES.get(word)
        if value is None or value >= last:
            return None
        if last < 100 and (last < 20 or last % 10 or value >= 10):
            return None  # after a unit or a teen nothing follows; after tens only a unit
        total += value
        last = value
    return total
