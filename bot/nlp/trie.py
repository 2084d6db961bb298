"""One regular expression for a set of words that shares their prefixes.

Python's engine tries the alternatives of `(?:a|b|c…)` one after another at every position;
a trie-shaped expression decides letter by letter instead, which makes long word lists
(number words in every case, the opening stems of all content patterns, the FAQ's synonyms and
typos) cheap to compile and to run.
"""

from __future__ import annotations

import re


def trie_pattern(words: list[str]) -> str:
    """An expression matching exactly the given words (each at least one character).

    A word may end in `*`, standing for any further word characters («нужн*»).
    """
    groups: dict[str, list[str]] = {}
    optional = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            optional = True
    if not groups:
        return ""
    branches = [_piece(first) + trie_pattern(rest) for first, rest in sorted(groups.items())]
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if optional:
        single = len(branches) > 1 or len(body) == 1
        return f"{body}?" if single else f"(?:{body})?"
    return body


def _piece(char: str) -> str:
    return r"\w*" if char == "*" else re.escape(char)
