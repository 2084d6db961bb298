"""Loads the knowledge base (`knowledge/<locale>.toml` beside this file) and sellers' labelled
messages (`faq_examples/<set>.<locale>.tsv`), checked at start-up."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.content.errors import ContentError
from bot.content.pinyin_loader import PINYIN_PATH, load_pinyin_words
from bot.content.tsv import data_lines
from bot.nlp.faq.matcher import OUT_OF_SCOPE, FaqMatcher
from bot.nlp.faq.pinyin import PinyinReader
from bot.services.knowledge import KnowledgeBase, Topic
from bot.services.locales import SUPPORTED_LOCALES
from bot.services.policy import Policy
from bot.telegram.html_rules import HtmlError, telegram_length, to_plain_text

KNOWLEDGE_DIR = Path(__file__).resolve().parent / "knowledge"
# Sellers' messages labelled with the topic that answers them (or out of scope), one per line:
# label<TAB>message; the matcher learns from them beside the topics' example questions.
EXAMPLES_DIR = Path(__file__).resolve().parent / "faq_examples"
# An answer leaves room for its title, the source line and a margin under Telegram's 4096.
MAX_ANSWER_LENGTH = 3500
MIN_QUESTIONS = 3
_PHONE_NUMBER = re.compile(r"(?<!\d)(?:\+?\d[\d\s-]{6,}\d)(?!\d)")


def _check_references(
    path: Path, entry: str, based_on: tuple[str, ...], pages: tuple[str, ...], policy: Policy
) -> None:
    """`based_on` names policy values; `sources` names Ozon's pages among policy sources."""
    unknown = [key for key in based_on if key not in policy.provenance]
    if unknown:
        raise ContentError(path, entry, f"unknown policy values in based_on: {unknown}")
    not_ozon = [
        name for name in pages if (found := policy.sources.get(name)) is None or not found.page
    ]
    if not_ozon:
        raise ContentError(
            path, entry, f"sources must name Ozon's pages in policy.toml: {not_ozon}"
        )


def _topic(
    path: Path, raw: dict[str, Any], index: int, placeholders: dict[str, str], policy: Policy
) -> Topic:
    entry = str(raw.get("id") or f"topic #{index + 1}")
    try:
        topic_id, title, answer = str(raw["id"]), str(raw["title"]), str(raw["answer"])
        based_on = tuple(str(key) for key in raw.get("based_on", []))
        actions = tuple(str(action) for action in raw.get("actions", []))
        guide_claims = bool(raw.get("guide_claims", False))
        questions = tuple(str(question) for question in raw["questions"])
        pages = tuple(str(name) for name in raw.get("sources", []))
    except KeyError as error:
        raise ContentError(path, entry, f"missing field {error}") from error
    if not re.fullmatch(r"[a-z_]{1,24}", topic_id):
        raise ContentError(path, entry, "id must be 1-24 lower-case letters or underscores")
    if topic_id == OUT_OF_SCOPE:
        raise ContentError(path, entry, f"{OUT_OF_SCOPE!r} names the unanswered messages")
    _check_references(path, entry, based_on, pages, policy)
    if len(questions) < MIN_QUESTIONS:
        raise ContentError(path, entry, f"needs at least {MIN_QUESTIONS} example questions")
    try:
        answer = answer.strip().format(**placeholders)
        to_plain_text(title)
        plain = to_plain_text(answer)
    except KeyError as error:
        raise ContentError(path, entry, f"unknown placeholder {error}") from error
    except (HtmlError, ValueError, IndexError) as error:
        raise ContentError(path, entry, f"invalid answer: {error}") from error
    if telegram_length(plain) > MAX_ANSWER_LENGTH:
        raise ContentError(path, entry, f"answer longer than {MAX_ANSWER_LENGTH} characters")
    if _PHONE_NUMBER.search(plain) or _PHONE_NUMBER.search(title):
        raise ContentError(path, entry, "contains a phone number; no contact numbers allowed")
    return Topic(topic_id, title, answer, based_on, guide_claims, actions, questions, pages)


def _unanswered(path: Path, raw: dict[str, Any]) -> tuple[str, ...]:
    """The `[out_of_scope]` example messages: what the matcher must learn not to answer."""
    table = raw.get(OUT_OF_SCOPE)
    if not isinstance(table, dict) or not isinstance(table.get("questions"), list):
        raise ContentError(path, OUT_OF_SCOPE, "needs a questions list")
    questions = tuple(str(question) for question in table["questions"])
    if len(questions) < MIN_QUESTIONS:
        raise ContentError(path, OUT_OF_SCOPE, f"needs at least {MIN_QUESTIONS} example questions")
    return questions


def load_labelled_messages(path: Path, labels: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The (label, message) lines of one set of sellers' labelled messages; `#` starts a
    comment line. A line is `label<TAB>message`, optionally `<TAB>other labels` (the other
    questions the message asks, comma-separated: kept for the benchmarks, not learnt). Every
    label must be one of `labels`, every message non-empty."""
    found = []
    for number, line in data_lines(path):
        cells = line.split("\t")
        if len(cells) not in {2, 3} or not cells[1].strip():
            raise ContentError(
                path, f"line {number}", "needs label<TAB>message[<TAB>other labels], non-empty"
            )
        others = {o.strip() for o in (cells[2] if len(cells) == 3 else "").split(",")} - {""}
        for label in (cells[0], *sorted(others)):
            if label not in labels:
                raise ContentError(path, f"line {number}", f"unknown label {label!r}")
        found.append((cells[0], cells[1].strip()))
    if not found:
        raise ContentError(path, "file", "no labelled messages")
    return tuple(found)


def learnt_sets(examples_dir: Path, locale: str) -> list[Path]:
    """The labelled sets of one locale the matcher learns from (`<set>.<locale>.tsv`)."""
    return sorted(examples_dir.glob(f"*.{locale}.tsv"))


def load_knowledge(
    policy: Policy,
    feature_actions: frozenset[str],
    knowledge_dir: Path = KNOWLEDGE_DIR,
    examples_dir: Path = EXAMPLES_DIR,
    pinyin_path: Path = PINYIN_PATH,
) -> KnowledgeBase:
    """Read every locale's topics, check them, and build the matcher.

    An answer's `actions` are "topic:<id>" or one of `feature_actions` (the features that
    exist: "check", "phrases", "template:<id>", ...).
    """
    topics: dict[str, dict[str, Topic]] = {}
    unanswered: dict[str, tuple[str, ...]] = {}
    for locale in SUPPORTED_LOCALES:
        placeholders = policy.placeholders(locale)
        path = knowledge_dir / f"{locale}.toml"
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ContentError(path, "file", str(error)) from error
        entries = raw.get("topic", [])
        if not entries:
            raise ContentError(path, "file", "no [[topic]] entries")
        parsed = [_topic(path, entry, i, placeholders, policy) for i, entry in enumerate(entries)]
        by_id = {topic.id: topic for topic in parsed}
        if len(by_id) != len(parsed):
            raise ContentError(path, "file", "duplicate topic ids")
        for topic in parsed:
            for action in topic.actions:
                target = action.removeprefix("topic:")
                known = (
                    target in by_id if action.startswith("topic:") else action in feature_actions
                )
                if not known:
                    raise ContentError(path, topic.id, f"unknown action {action!r}")
        topics[locale] = by_id
        unanswered[locale] = _unanswered(path, raw)
    reference = list(topics[SUPPORTED_LOCALES[0]])
    for locale, by_id in topics.items():
        if sorted(by_id) != sorted(reference):
            missing = sorted(set(reference) ^ set(by_id))
            path = knowledge_dir / f"{locale}.toml"
            raise ContentError(path, "file", f"topic ids differ from zh: {missing}")
    examples = [
        (topic.id, text)
        for by_id in topics.values()
        for topic in by_id.values()
        for text in (topic.title, *topic.questions)
    ]
    examples += [(OUT_OF_SCOPE, text) for texts in unanswered.values() for text in texts]
    labels = frozenset({*reference, OUT_OF_SCOPE})
    messages = tuple(
        dict.fromkeys(
            message
            for locale in SUPPORTED_LOCALES
            for path in learnt_sets(examples_dir, locale)
            for message in load_labelled_messages(path, labels)
        )
    )
    matcher = _matcher(tuple(examples), messages, load_pinyin_words(pinyin_path))
    return KnowledgeBase(topics=topics, unanswered=unanswered, matcher=matcher)


@lru_cache(maxsize=2)
def _matcher(
    examples: tuple[tuple[str, str], ...],
    messages: tuple[tuple[str, str], ...],
    pinyin: tuple[tuple[str, str], ...],
) -> FaqMatcher:
    """The matcher over these examples and labelled messages, reading pinyin with this table,
    built once per process (it holds no state that answering changes, so every load of the
    same content can share it)."""
    return FaqMatcher(examples, messages=messages, pinyin=PinyinReader(pinyin))
