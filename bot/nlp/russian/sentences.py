"""Russian text a seller pastes: is it Russian, its sentences, and the clauses of a sentence.

A pasted manager reply arrives as chat text or as a forwarded e-mail: lines quoted with ">",
header lines ("От:", "Тема:"), separator lines, list markers, abbreviations with full stops
(«т.к.», «р.д.», «г.»), dates and links full of dots. Sentences are cut where a reader would
cut them; each keeps the kind of line it came from so the caller can treat quotes apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

# A message is "mostly Cyrillic" when at least this share of its letters is Cyrillic...
CYRILLIC_SHARE = 0.5
# ...and it has at least this many Cyrillic letters ("Да", "Ок" are not a manager's reply).
MIN_CYRILLIC_LETTERS = 5

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# An address is tried only where a word starts (`(?<!\S)`): `\S+@\S+` tried at every
# position of a 100,000-character word without spaces rescanned the word each time
# (quadratic: 15 s with the event loop blocked).
_ADDRESS = re.compile(r"https?://\S+|(?<!\S)[^\s@]+@\S+")
# Telegram's longest message text; anything longer (a caption is shorter) is read only this far.
MAX_TEXT_CHARS = 4096


class SentenceKind(StrEnum):
    """Where a sentence stands in the pasted text."""

    TEXT = "text"  # the message itself (a forwarded message's body included)
    QUOTED = "quoted"  # an earlier message quoted in a reply ("> ...", below "... написал:")
    HEADER = "header"  # an e-mail header line: От, Кому, Дата, Тема, From, Subject...


@dataclass(frozen=True)
class Sentence:
    """One sentence as written, and the kind of line it came from."""

    text: str
    kind: SentenceKind


def cyrillic_letters(text: str) -> int:
    """How many Cyrillic letters the text has."""
    return len(_CYRILLIC.findall(text))


def is_mostly_cyrillic(text: str) -> bool:
    """Is this a Russian text (as opposed to a Chinese or English question)?

    Links and e-mail addresses are left out of the count: they are Latin in any language.
    Only the first `MAX_TEXT_CHARS` are read.
    """
    text = _ADDRESS.sub(" ", text[:MAX_TEXT_CHARS])
    cyrillic = cyrillic_letters(text)
    if cyrillic < MIN_CYRILLIC_LETTERS:
        return False
    letters = cyrillic + len(_LATIN.findall(text)) + len(_CJK.findall(text))
    return cyrillic / letters >= CYRILLIC_SHARE


_QUOTE_MARK = re.compile(r"^\s*(?:>\s*)+")
_HEADER = re.compile(
    r"^\s*(?:от|кому|копия|дата|тема|отправлено|отправитель|получатель|"
    r"from|to|cc|date|subject|sent)\s*:",
    re.IGNORECASE,
)
# "-----Original Message-----": what follows is the earlier message, quoted.
_QUOTE_INTRO = re.compile(
    r"^\s*(?:-{2,}\s*(?:original message|исходное сообщение)\s*-{2,}"
    r"|.{0,120}\b(?:написал|написала|написал\(а\)|пишет|wrote)\s*:)\s*$",
    re.IGNORECASE,
)
# "---- Пересланное сообщение ----": what follows is the forwarded message itself.
_FORWARDED = re.compile(r"^\s*[-_=*~]{2,}.*(?:пересланн|forwarded).*$", re.IGNORECASE)
_RULE = re.compile(r"^\s*[-_=*~]{3,}\s*$")
_LIST_MARKER = re.compile(r"^\s*(?:[-•*·–—]|\d{1,2}[.)])\s+")

# Full stops after these never end a sentence, whatever follows («т.к. Ozon», «см. Инструкцию»).
_NEVER_FINAL = re.compile(
    r"(?:^|[\s(«\"])(?:т\.\s?к|т\.\s?е|т\.\s?н|т\.\s?ч|напр|см|ср|ул|им|тел|стр|рис|доп|англ|"
    r"рус|кит|юр|физ|№|[а-яёa-z])$",
    re.IGNORECASE,
)
# «г.» after a year ends a sentence it closes; «г.» before a name is «город».
_YEAR_MARK = re.compile(r"\d\s?г$", re.IGNORECASE)
_CITY_MARK = re.compile(r"(?:^|\s)г$", re.IGNORECASE)
_END = re.compile(r"[.!?…]+[\"»”)\]]*")


def _cuts(line: str) -> list[int]:
    """Offsets in the line after which a new sentence starts."""
    cuts = []
    for match in _END.finditer(line):
        end = match.end()
        rest = line[end:]
        if not rest.strip():
            continue
        if not rest[0].isspace():
            continue  # 25.11.2026, ozon.ru, 4.7: a dot inside a token
        nxt = rest.lstrip()[0]
        mark = match.group()
        before = line[: match.start()]
        if "!" in mark or "?" in mark:
            cuts.append(end)
            continue
        if not (nxt.isupper() or nxt.isdigit() or nxt in '«"„“('):
            continue  # a lower-case word goes on: «т.е. вы», «и т.д. и т.п.»
        if mark.startswith(".") and not mark.startswith("..."):
            if _YEAR_MARK.search(before):
                cuts.append(end)
                continue
            if _NEVER_FINAL.search(before) or _CITY_MARK.search(before):
                continue
        cuts.append(end)
    return cuts


def _sentences_of(line: str, kind: SentenceKind) -> list[Sentence]:
    start = 0
    found = []
    for cut in [*_cuts(line), len(line)]:
        piece = line[start:cut].strip()
        if piece:
            found.append(Sentence(piece, kind))
        start = cut
    return found


def _lines(text: str) -> list[tuple[SentenceKind, str]]:
    """The lines that carry text, each with its kind; markers, separators and blanks gone."""
    lines: list[tuple[SentenceKind, str]] = []
    quoting = False
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not raw.strip():
            lines.append((SentenceKind.HEADER, ""))  # a blank line joins nothing
            continue
        if _QUOTE_INTRO.match(raw):
            quoting = True
            continue
        if _FORWARDED.match(raw):
            quoting = False  # the forwarded body is the message to explain
            continue
        if _RULE.match(raw):
            continue
        quoted = _QUOTE_MARK.match(raw)
        line = raw[quoted.end() :] if quoted else raw
        if _HEADER.match(line):
            lines.append((SentenceKind.HEADER, line.strip()))
            continue
        kind = SentenceKind.QUOTED if quoted or quoting else SentenceKind.TEXT
        lines.append((kind, _LIST_MARKER.sub("", line, count=1).strip()))
    return lines


def _joined(lines: list[tuple[SentenceKind, str]]) -> list[tuple[SentenceKind, str]]:
    """Lines an e-mail client wrapped, put back together.

    A line that does not end a sentence and a next line of the same kind that starts with a
    lower-case letter are one sentence («Загрузите его в личном / кабинете до пятницы.»).
    """
    joined: list[tuple[SentenceKind, str]] = []
    for kind, line in lines:
        if joined and line:
            last_kind, last = joined[-1]
            continues = kind is last_kind and kind is not SentenceKind.HEADER and last
            if continues and last[-1] not in ".!?…" and line[0].islower():
                joined[-1] = (kind, f"{last} {line}")
                continue
        joined.append((kind, line))
    return joined


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a pasted or forwarded text, in order."""
    sentences: list[Sentence] = []
    for kind, line in _joined(_lines(text)):
        if kind is SentenceKind.HEADER:
            if line:
                sentences.append(Sentence(line, kind))
        else:
            sentences.extend(_sentences_of(line, kind))
    return sentences


# Normalised for matching: lower case, ё → е, no quotation marks, «пожалуйста» gone (it sits
# anywhere in a request and would have to be allowed for in every pattern); a comma around it
# stays, because commas bound the clauses a negation applies to.
_POLITE = re.compile(r"(,?)\s*\bпожалуйста\b\s*(,?)", re.IGNORECASE)
_QUOTES = re.compile(r"[«»\"“”„]")
_SPACES = re.compile(r"\s+")
_STRAY_COMMA = re.compile(r"^[\s,]+|,\s*(?=[.!?…]|$)")


def fold(text: str) -> str:
    """Lower case with ё → е; the same length as `text`, so offsets carry over."""
    folded = text.lower().replace("ё", "е")
    return folded if len(folded) == len(text) else text.replace("ё", "е").replace("Ё", "Е")


def _polite(match: re.Match[str]) -> str:
    return ", " if match.group(1) or match.group(2) else " "


def normalise(sentence: str) -> str:
    """The sentence as the meaning patterns see it."""
    text = _QUOTES.sub("", fold(sentence))
    text = _POLITE.sub(_polite, text)
    text = _SPACES.sub(" ", text).strip()
    return _STRAY_COMMA.sub("", text)


# Clauses: a negation («не», «нет», «ни») only turns around what is in its own clause. A
# question or exclamation mark inside a chat line ends one too («какой номер? без него не смогу»).
# «Пока» is left out: far more often «not yet» («ссылка пока не готова») than «while».
_CLAUSE_BREAK = re.compile(
    r"[,;:()?!…]|\s[—–-]\s|\s(?=(?:но|а|однако|хотя|так как|потому что|поскольку|если|чтобы|"
    r"когда|зато)\b|т\.\s?[кеч]\.)"
)
# «не позднее», «не более», «не могли бы», «не забудьте» do not negate anything.
_NEGATION = re.compile(
    r"\bне\b(?!\s+(?:позднее|позже|более|менее|ранее|только|раз\b|могли\s+бы|забудьте|"
    r"забывайте|стесняйтесь))|\b(?:нет|ни|ничего|никаких|никакие|никакой|никак|нельзя|никто)\b"
)


def clause_bounds(text: str) -> list[tuple[int, int]]:
    """Start and end of each clause of a normalised sentence."""
    bounds = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def negated(text: str, bounds: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is there a negation in any clause the span [start, end) touches?"""
    return any(
        _NEGATION.search(text, low, high) is not None
        for low, high in bounds
        if low < end and high > start
    )


class Clauses:
    """The clauses of a normalised sentence, found on first use (most sentences never ask)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._bounds: list[tuple[int, int]] | None = None

    def negated(self, start: int, end: int) -> bool:
        """Is there a negation in any clause the span [start, end) touches?"""
        if self._bounds is None:
            self._bounds = clause_bounds(self.text)
        return negated(self.text, self._bounds, start, end)
