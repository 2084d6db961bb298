"""The shortcut that runs only the patterns a sentence can match changes no result."""

from __future__ import annotations

import re
import tomllib

import pytest

from bot.content.loader import load_content
from bot.content.manager_phrase_loader import MANAGER_PHRASES_PATH
from bot.nlp.russian.cues import CueIndex, opening_stems, required_stems
from bot.nlp.russian.sentences import Clauses, normalise
from bot.nlp.trie import trie_pattern
from tests.support.paths import DATA

BOOK = load_content().manager_phrases


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        (r"(?:пришлите|нужн\w*)[\s,]+документ", {"пришлите", "нужн"}),
        (r"\bсняты?[\s,]+с", {"снят"}),  # the optional letter is left out
        (r"к[\s,]+сожалению,?[\s,]+нельзя", {"к сожалению"}),
        (r"п(?:ришлите|одскажите)", {"пришлите", "подскажите"}),  # written as a trie
        (r"(?:мы[\s,]+)?(?:получили|приняли)", {"мы", "получили", "приняли"}),
        (r"^(?:здравствуйте|привет)\b", {"здравствуйте", "привет"}),
        (r"(?:в|через)[\s,]+лк", None),  # «в» is in nearly every sentence
        (r"\S+[\s,]+штраф", None),
        (r"[аб]вгд", None),
        (r"(?:склад\w*|fbs)+", {"склад", "fbs"}),
    ],
)
def test_opening_stems(pattern: str, stems: set[str] | None) -> None:
    found = opening_stems(pattern)
    assert (set(found) if found is not None else None) == stems


@pytest.mark.parametrize(
    ("pattern", "stems"),
    [
        # the first group after the opening that every match holds
        (r"(?:вопрос\w*|запрос\w*)[\s,]+(?:передан\w*|направлен\w*)", {"передан", "направлен"}),
        # optional groups and words are passed over
        (r"\bвопрос[\s,]+(?:\S+[\s,]+){0,3}?(?:уже[\s,]+)?(?:решен|закрыт)", {"решен", "закрыт"}),
        (r"штраф\w*[\s,]+(?:был[аи]?[\s,]+)?начислен", {"начислен"}),
        # a run of letters counts; one bound by a quantifier does not
        (r"(?:я|мы)[\s,]+не[\s,]+могу", {"могу"}),
        (r"(?:я|мы)[\s,]+сняты?", None),
        # a later group of short or unreadable openings gives nothing
        (r"(?:передал\w*)[\s,]+(?:в|на)[\s,]+", None),
        (r"(?:передал\w*)[\s,]+(?:\S+[\s,]+)", None),
        # with more than one top-level alternative no single later part is required
        (r"(?:вопрос)[\s,]+(?:решен)|(?:проблем\w*)[\s,]+(?:устранен)", None),
    ],
)
def test_required_stems(pattern: str, stems: set[str] | None) -> None:
    found = required_stems(pattern)
    assert (set(found) if found is not None else None) == stems


def test_a_pattern_whose_later_part_is_absent_is_not_run() -> None:
    needs_later = re.compile(r"(?:вопрос\w*)[\s,]+(?:передан\w*)")
    always = re.compile(r"\S+[\s,]+(?:передан\w*)")  # no opening stem, a later part
    index = CueIndex([needs_later, always])
    assert index.candidates("ваш вопрос решен") == set()
    assert index.candidates("ваш вопрос, передан") == {id(needs_later), id(always)}
    # where the scan finds a later part («документ»), an opening it starts with («док») counts
    opens_doc = re.compile(r"док\w*[\s,]+(?:готов\w*)")
    needs_document = re.compile(r"(?:нужн\w*)[\s,]+(?:документ\w*)")
    index = CueIndex([opens_doc, needs_document])
    assert index.candidates("документы готовы") == {id(opens_doc)}


def test_trie_pattern_matches_exactly_its_words() -> None:
    words = ["нужн*", "нужен", "надо", "необходим*", "на"]
    pattern = re.compile(rf"(?:{trie_pattern(sorted(words))})")
    for word in ["нужно", "нужна", "нужен", "надо", "необходимы", "на", "нуж" + "н"]:
        assert pattern.fullmatch(word), word
    for word in ["нуже", "над", "необход", "н"]:
        assert not pattern.fullmatch(word), word


def test_candidates_include_every_pattern_that_matches() -> None:
    patterns = [re.compile(r"(?:пришлите|скиньте)[\s,]+номер"), re.compile(r"\S+[\s,]+номер")]
    index = CueIndex(patterns)
    live = index.candidates("скиньте, номер заказа")
    assert {id(pattern) for pattern in patterns} <= live
    assert index.candidates("номер заказа") == {id(patterns[1])}  # the other cannot match


def sentences() -> list[str]:
    texts = []
    for name in ("tuning.tsv", "tuning2.tsv"):
        lines = (DATA / "russian" / name).read_text(encoding="utf-8").splitlines()
        texts += [line.split("\t")[1] for line in lines if line and not line.startswith("#")]
    raw = tomllib.loads(MANAGER_PHRASES_PATH.read_text(encoding="utf-8"))
    for entry in raw["meaning"]:
        texts += entry.get("examples", []) + entry.get("counter_examples", [])
    return texts


def test_the_index_changes_no_meaning() -> None:
    every = {
        id(pattern)
        for meaning in BOOK.meanings
        for pattern in (*meaning.patterns, *meaning.patterns_any)
    }
    index = CueIndex(
        pattern
        for meaning in BOOK.meanings
        for pattern in (*meaning.patterns, *meaning.patterns_any)
    )
    for sentence in sentences():
        text = normalise(sentence)
        live = index.candidates(text)
        with_index = [
            meaning.id for meaning in BOOK.meanings if meaning.claims(Clauses(text), live)
        ]
        without = [meaning.id for meaning in BOOK.meanings if meaning.claims(Clauses(text), every)]
        assert with_index == without
