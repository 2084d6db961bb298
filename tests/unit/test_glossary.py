"""Every Chinese and English text a seller reads, held to locales/GLOSSARY.md.

The forbidden wordings are read from the glossary itself (the words in backticks), so the file
stays the one list. Chinese: catalogue strings, knowledge titles and answers, what templates
show in the chat, and the letters (which alone may say 您). English: the catalogue and the
knowledge. Counts in msgids go through ngettext.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from bot.content.knowledge_loader import KNOWLEDGE_DIR, load_knowledge
from bot.content.loader import FEATURE_ACTIONS
from bot.content.policy_loader import load_policy
from bot.content.template_loader import load_templates
from bot.i18n import LOCALES_DIR, create_i18n
from bot.ui.template_texts import PHRASE_MEANINGS
from tests.support.paths import ROOT

GLOSSARY = ROOT / "locales" / "GLOSSARY.md"
CJK = re.compile(r"[\u3400-\u9fff]+")
BACKTICKED = re.compile(r"`([^`]+)`")
TAG = re.compile(r"<[^<>]+>")
# What a seller may type or copy, and command names: not prose.
CODE = re.compile(r"<code>.*?</code>|<pre>.*?</pre>|(?<![\w/])/[a-z_]+", re.DOTALL)
# The glossary's Tone: 您 only in what the seller sends to Ozon.
LETTER_TONE = "您"
QUOTES_NOT_IN_CHINESE = re.compile(r"[“”\"«»]")
QUOTES_NOT_IN_ENGLISH = re.compile(r"[“”«»「」]")
# 卖家后台（Seller Center）, 审核中 (Pending): a Latin gloss in brackets after Chinese.
LATIN_GLOSS = re.compile(r"[\u3400-\u9fff] ?[（(][A-Za-z][A-Za-z0-9 .'/-]*[）)]")
# Placeholders whose value is Chinese text on a Chinese screen (a label, a date that starts
# with 北京时间, a city list): nothing between them and the Chinese before them.
CHINESE_VALUES = (
    "kind",
    "field",
    "step",
    "title",
    "documents",
    "time",
    "due",
    "happened",
    "met",
    "sent_at",
    "problem",
    "partner_day_cities",
)
SPACED_CHINESE_VALUE = re.compile(rf"[\u3400-\u9fff] \{{(?:{'|'.join(CHINESE_VALUES)})\}}")
# A number placeholder, at most two words, then an English plural ("{n} working days").
COUNTED_NOUN = re.compile(r"\{\w+\}(?: [A-Za-z-]+){0,2} ([A-Za-z]+[^\Wsiu]s)\b")
NOT_PLURAL_NOUNS = frozenset({"has", "was", "this", "does"})


@dataclass(frozen=True)
class Glossary:
    """What the glossary forbids and allows."""

    forbidden_zh: tuple[str, ...]
    # The table's own Chinese terms that contain a forbidden word (专属客户经理 holds 经理).
    terms_zh: tuple[str, ...]
    avoided_en: tuple[str, ...]
    # The only Chinese an English text may carry (个体工商户).
    glosses_en: frozenset[str]

    def forbidden_in_chinese(self, text: str, *, letter: bool) -> list[str]:
        """The forbidden variants in a Chinese text, its allowed terms taken out first."""
        for term in self.terms_zh:
            text = text.replace(term, " ")
        allowed = {LETTER_TONE} if letter else set()
        return [word for word in self.forbidden_zh if word in text and word not in allowed]

    def avoided_in_english(self, text: str) -> list[str]:
        """The avoided wordings in an English text, as whole words, any case."""
        return [word for word in self.avoided_en if re.search(whole(word), text, re.I)]


def whole(word: str) -> str:
    """A pattern for `word` not inside a longer word."""
    start = r"(?<![A-Za-z])" if word[0].isalpha() else ""
    end = r"(?![A-Za-z])" if word[-1].isalpha() else ""
    return start + re.escape(word) + end


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def table(markdown: str, heading: str) -> list[dict[str, str]]:
    """The rows of the table under `## heading`, by column name."""
    section = markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = cells(lines[0])
    return [dict(zip(header, cells(line), strict=True)) for line in lines[2:]]


def found(rows: list[dict[str, str]], column: str, pattern: re.Pattern[str]) -> list[str]:
    return [match for row in rows for match in pattern.findall(row[column])]


def read_glossary() -> Glossary:
    markdown = GLOSSARY.read_text(encoding="utf-8")
    terms = table(markdown, "Terms")
    forbidden = tuple(found(terms, "Forbidden in Chinese text", BACKTICKED))
    holding = {term for term in found(terms, "中文", CJK) if any(w in term for w in forbidden)}
    return Glossary(
        forbidden_zh=forbidden,
        terms_zh=tuple(sorted(holding, key=len, reverse=True)),
        avoided_en=tuple(found(table(markdown, "English wordings to avoid"), "Avoid", BACKTICKED)),
        glosses_en=frozenset(found(terms, "English", CJK)),
    )


@dataclass(frozen=True)
class Text:
    """One text a seller reads, and where it comes from."""

    where: str
    text: str
    letter: bool = False


def catalogue(locale: str) -> Catalog:
    with (LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=locale)


def forms(value: object) -> tuple[str, ...]:
    """A catalogue id or string: the singular, or every plural form."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(form) for form in value) if isinstance(value, tuple | list) else ()


def phrase_meaning_ids() -> set[str]:
    """The msgids of what each Russian phrase says: the seller's words to Ozon."""
    i18n = create_i18n()
    with i18n.context(), i18n.use_locale("en"):
        return {str(meaning) for meaning in PHRASE_MEANINGS.values()}


def catalogue_texts(locale: str) -> list[Text]:
    letters = phrase_meaning_ids()
    return [
        Text(f"{locale} catalogue {forms(m.id)[0]!r}", text, forms(m.id)[0] in letters)
        for m in catalogue(locale)
        if m.id
        for text in forms(m.string)
    ]


def knowledge_texts(locale: str) -> list[Text]:
    """Titles and answers as the loader renders them (policy values filled in)."""
    knowledge = load_knowledge(load_policy(), load_templates().actions() | FEATURE_ACTIONS)
    topics = [knowledge.topic(locale, topic_id) for topic_id in knowledge.topic_ids()]
    return [Text(f"{locale} knowledge [{t.id}]", f"{t.title}\n{t.answer}") for t in topics if t]


def raw_knowledge_texts(locale: str) -> list[Text]:
    """Titles and answers as written, placeholders still in them."""
    raw = tomllib.loads((KNOWLEDGE_DIR / f"{locale}.toml").read_text(encoding="utf-8"))
    return [
        Text(f"{locale} knowledge [{t['id']}]", f"{t['title']}\n{t['answer']}")
        for t in raw["topic"]
    ]


def template_texts() -> list[Text]:
    """The Chinese the chat shows from templates.toml, and the Chinese letters."""
    library = load_templates()
    shown = [
        *(names["zh"] for names in library.problems.values()),
        library.description["zh"],
        library.description_in_chinese["zh"],
    ]
    by_recipient = [lines for kind in library.case_lines.values() for lines in kind.values()]
    letters = [
        texts["zh"]
        for texts in (
            *by_recipient,
            *(email.bodies for email in library.emails),
            *(email.no_case_lines for email in library.emails),
        )
        if "zh" in texts
    ]
    return [Text("templates.toml", text) for text in shown] + [
        Text(f"templates.toml letter {text[:20]!r}", text, letter=True) for text in letters
    ]


def chinese_texts() -> list[Text]:
    """Every Chinese text, its HTML tags taken out."""
    texts = catalogue_texts("zh") + knowledge_texts("zh") + template_texts()
    return [Text(t.where, TAG.sub("", t.text), t.letter) for t in texts]


def english_texts() -> list[Text]:
    return catalogue_texts("en") + knowledge_texts("en")


def offenders(texts: Iterable[Text], check: re.Pattern[str]) -> list[tuple[str, list[str]]]:
    """Each text where the pattern matches, with what it matched."""
    return [(t.where, check.findall(t.text)) for t in texts if check.search(t.text)]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return read_glossary()


def test_the_glossary_is_read_as_written(glossary: Glossary) -> None:
    assert {"您", "案件", "后台", "经理", "Support 标签"} <= set(glossary.forbidden_zh)
    assert "工单" not in glossary.forbidden_zh  # a note outside the backticks
    assert {"专属客户经理", "高级客户经理"} <= set(glossary.terms_zh)
    assert {"personal account", "evidence chain", "(s)"} <= set(glossary.avoided_en)
    assert "个体工商户" in glossary.glosses_en


@pytest.mark.parametrize(
    ("text", "letter", "expected"),
    [
        ("请高级客户经理介入", False, set()),
        ("升级到高级经理", False, {"高级经理", "经理"}),
        ("客服经理会回复", False, {"客服经理", "经理"}),
        ("我的案件", False, {"案件"}),
        ("非常感谢您的帮助！", False, {"您"}),
        ("非常感谢您的帮助！", True, set()),
        ("您好！文件已上传到后台。", True, {"后台"}),
    ],
)
def test_forbidden_chinese_outside_the_glossarys_terms(
    glossary: Glossary, text: str, letter: bool, expected: set[str]
) -> None:
    assert set(glossary.forbidden_in_chinese(text, letter=letter)) == expected


def test_chinese_text_uses_no_forbidden_variant(glossary: Glossary) -> None:
    failures = [
        (t.where, words)
        for t in chinese_texts()
        if (words := glossary.forbidden_in_chinese(t.text, letter=t.letter))
    ]
    assert failures == []


def test_chinese_text_quotes_with_corner_brackets() -> None:
    assert offenders(chinese_texts(), QUOTES_NOT_IN_CHINESE) == []


def test_chinese_text_has_no_bracketed_latin_gloss() -> None:
    assert LATIN_GLOSS.search("审核中 (Pending)")
    assert LATIN_GLOSS.search("卖家后台（Seller Center）")
    assert not LATIN_GLOSS.search("「Pending」（审核中）")  # the glossary's status form
    assert offenders(chinese_texts(), LATIN_GLOSS) == []


def test_no_space_between_chinese_and_a_chinese_placeholder() -> None:
    texts = catalogue_texts("zh") + raw_knowledge_texts("zh") + template_texts()
    assert offenders(texts, SPACED_CHINESE_VALUE) == []


def test_english_text_uses_no_avoided_wording(glossary: Glossary) -> None:
    failures = [
        (t.where, words)
        for t in english_texts()
        if (words := glossary.avoided_in_english(CODE.sub("", t.text)))
    ]
    assert failures == []


def test_english_text_carries_no_chinese_but_the_glossarys_glosses(glossary: Glossary) -> None:
    failures = [
        (t.where, chinese)
        for t in english_texts()
        if (chinese := set(CJK.findall(CODE.sub("", t.text))) - glossary.glosses_en)
    ]
    assert failures == []


def test_english_text_quotes_straight() -> None:
    texts = [Text(t.where, CODE.sub("", t.text)) for t in english_texts()]
    assert offenders(texts, QUOTES_NOT_IN_ENGLISH) == []


def counted_nouns(msgid: str) -> list[str]:
    """Plural nouns right after a placeholder ("{n} answers", "{days} working days")."""
    return [noun for noun in COUNTED_NOUN.findall(msgid) if noun not in NOT_PLURAL_NOUNS]


def test_counts_go_through_ngettext() -> None:
    assert counted_nouns("({count} answers, {sellers} sellers)") == ["answers", "sellers"]
    assert counted_nouns("{n} working days") == ["days"]
    assert counted_nouns("Open: {open} ({overdue} overdue)") == []
    singular_only = [m.id for m in catalogue("en") if isinstance(m.id, str) and m.id]
    assert [msgid for msgid in singular_only if counted_nouns(msgid)] == []
