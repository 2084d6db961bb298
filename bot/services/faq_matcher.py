"""Matching a seller's free-text message to knowledge-base topics.

Each topic is scored by TF-IDF cosine against its example questions (character n-grams after
synonyms are folded, see `faq_text`) plus the word cues of `faq_signals`. A message with several
questions is also split into clauses: the main topic is answered, the others are offered. The
margin between the best and the second topic decides between a direct answer and a short list;
only a message that matches nothing with confidence is checked for being out of scope, so a
confident topic is never refused. Small talk, fraud and a reported action are told apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from bot.services.cases import CaseKind
from bot.services.faq_signals import (
    CUES,
    SmallTalk,
    cue_text,
    in_domain,
    mentions_fraud,
    off_subject,
    smalltalk,
)
from bot.services.faq_text import features, normalise
from bot.services.typed_numbers import single_number

__all__ = [
    "FaqMatcher",
    "Match",
    "SmallTalk",
    "Thresholds",
    "Verdict",
    "features",
    "in_domain",
    "mentions_fraud",
    "normalise",
    "reported_action",
]

# Marks of a seller reporting something they just did ("刚给小二发了消息").
_ACTION_MARKERS = re.compile(r"(刚刚|刚|已经|已|今天|昨天|上午|下午|早上|晚上|just|already|sent)")
_ACTION_VERBS = re.compile(r"(发了|发送了|写了|联系了|提交了|发过|留言了|问了|发出|sent|wrote)")
_QUESTION = re.compile(
    r"[?？吗呢么]|怎么|如何|什么|哪|多久|几|能不能|可不可以|是不是|有没有|how|what|why|when|where|can|should"
)
# Where one question ends and the next begins.
_CLAUSE_BREAK = re.compile(
    r"[？?。！!；;\n]+|另外|还有|然后|顺便问|顺便|再问|(?<![a-z])(?:and also|also|btw)(?![a-z])"
)
_COMMA = re.compile(r"[,，、]+|\s{2,}")
_QUESTION_PART_BONUS = 0.15
# A clause shorter than this (after normalising) carries no question of its own.
_MIN_CLAUSE_CHARS = 4
MAX_OTHERS = 2
# Fraud talk in a clause makes the fraud topic a strong candidate for that clause.
_FRAUD_WEIGHT = 0.8
# A subject outside the field ("广告", "定价") makes every topic less likely.
_OFF_SUBJECT_PENALTY = 0.3


class Verdict(StrEnum):
    """How sure the matcher is."""

    CONFIDENT = "confident"
    UNSURE = "unsure"
    OUT_OF_SCOPE = "out_of_scope"
    SMALLTALK = "smalltalk"


@dataclass(frozen=True)
class Match:
    """The best topics, best first, with the verdict and what else the message signals.

    `others`: further topics the message asks about (offer them as buttons); `smalltalk`: the
    kind of greeting/thanks when the message is nothing else; `fraud`: fraud talk anywhere in
    the message (warn beside the answer); `stated_skus`: a SKU count the seller wrote.
    """

    verdict: Verdict
    ranked: tuple[tuple[str, float], ...]
    fraud: bool
    reported_action: CaseKind | None
    others: tuple[str, ...] = ()
    smalltalk: SmallTalk | None = None
    stated_skus: int | None = None

    @property
    def best(self) -> str | None:
        """The best topic id when the matcher is confident."""
        return self.ranked[0][0] if self.verdict is Verdict.CONFIDENT and self.ranked else None


@dataclass(frozen=True)
class Thresholds:
    """Score levels; tuned on tests/data/faq/tuning.* and checked on every run of the suite."""

    confident: float = 0.42
    margin: float = 0.08
    unsure: float = 0.22


class FaqMatcher:
    """TF-IDF over each topic's example questions, plus word cues."""

    def __init__(
        self, examples: Iterable[tuple[str, str]], thresholds: Thresholds | None = None
    ) -> None:
        self.thresholds = thresholds or Thresholds()
        vectors = [(topic, features(text)) for topic, text in examples]
        document_frequency: Counter[str] = Counter()
        for _, vector in vectors:
            document_frequency.update(vector.keys())
        total = len(vectors)
        self._unknown_idf = 0.0
        self._idf = {
            feature: math.log((1 + total) / (1 + count)) + 1.0
            for feature, count in document_frequency.items()
        }
        # An unseen word weighs like a word seen once (examples never contain unseen words).
        self._unknown_idf = math.log((1 + total) / 2) + 1.0
        weighed = [(topic, self._weigh(vector)) for topic, vector in vectors]
        self._example_topics = [topic for topic, _ in weighed]
        self._topics = sorted(set(self._example_topics))
        self._cues = {topic: CUES.get(topic, ()) for topic in self._topics}
        # Inverted index: a question touches only the examples that share a feature with it.
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for index, (_, weights) in enumerate(weighed):
            for feature, weight in weights.items():
                self._postings.setdefault(feature, []).append((index, weight))

    def _weigh(self, counts: Counter[str]) -> dict[str, float]:
        weights = {
            feature: (1 + math.log(count)) * self._idf[feature]
            for feature, count in counts.items()
            if feature in self._idf
        }
        # Words no example uses still count in the length: a message mostly about something
        # else ("写个周报") must not look like the one example it shares a word with.
        unknown = sum(
            ((1 + math.log(count)) * self._unknown_idf) ** 2
            for feature, count in counts.items()
            if feature not in self._idf
        )
        norm = math.sqrt(sum(weight * weight for weight in weights.values()) + unknown) or 1.0
        return {feature: weight / norm for feature, weight in weights.items()}

    def similarities(self, text: str) -> dict[str, float]:
        """Every topic's best cosine similarity to one of its examples."""
        query = self._weigh(features(text))
        dot: dict[int, float] = {}
        for feature, weight in query.items():
            for index, example_weight in self._postings.get(feature, ()):
                dot[index] = dot.get(index, 0.0) + weight * example_weight
        best: dict[str, float] = dict.fromkeys(self._topics, 0.0)
        for index, score in dot.items():
            topic = self._example_topics[index]
            best[topic] = max(best[topic], score)
        return best

    def scores(self, text: str) -> list[tuple[str, float]]:
        """Every topic with its similarity plus its cues, best first.

        A message about a subject outside the field ("帮我翻译商品标题成俄语") gets no cues
        (its "俄语" says nothing about greeting the AM) and a lower score everywhere.
        """
        best = self.similarities(text)
        if off_subject(text):
            best = {topic: score - _OFF_SUBJECT_PENALTY for topic, score in best.items()}
        else:
            words = cue_text(text)
            for topic, cues in self._cues.items():
                best[topic] += sum(weight for weight, pattern in cues if pattern.search(words))
            if "fraud" in best and mentions_fraud(text):
                best["fraud"] += _FRAUD_WEIGHT
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))

    def _lean_to_the_question(
        self, text: str, ranked: list[tuple[str, float]]
    ) -> list[tuple[str, float]]:
        """In "小二回复太慢了，能不能直接加他微信" the part with the question says what is asked:
        topics whose cues fire in that part get a little more."""
        parts = [part for part in _COMMA.split(text) if _substantial(part)]
        asking = [part for part in parts if _QUESTION.search(normalise(part))]
        if len(parts) < 2 or len(asking) != 1:
            return ranked
        words = cue_text(asking[0])
        favoured = {
            topic
            for topic, cues in self._cues.items()
            if any(pattern.search(words) for _, pattern in cues)
        }
        lean = [(t, s + _QUESTION_PART_BONUS if t in favoured else s) for t, s in ranked]
        return sorted(lean, key=lambda item: (-item[1], item[0]))

    def _confident(self, ranked: list[tuple[str, float]]) -> bool:
        top = ranked[0][1] if ranked else 0.0
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        return top >= self.thresholds.confident and top - second >= self.thresholds.margin

    def match(self, text: str) -> Match:
        """Decide: answer directly, offer the best three, small talk, or out of scope."""
        fraud = mentions_fraud(text)
        action = reported_action(text)
        kind = smalltalk(text)
        if kind is not None:
            return Match(Verdict.SMALLTALK, (), False, None, smalltalk=kind)
        ranked = self._lean_to_the_question(text, self.scores(text))
        clauses = [part for part in _CLAUSE_BREAK.split(text) if _substantial(part)]
        others: list[str] = []
        if len(clauses) > 1:
            # The first clause that clearly asks something is the main question.
            per_clause = [self.scores(clause) for clause in clauses]
            confident = [scored for scored in per_clause if self._confident(scored)]
            if confident and confident[0][0][0] != ranked[0][0]:
                main = confident[0][0][0]
                ranked = [(main, ranked[0][1] + self.thresholds.margin)] + [
                    item for item in ranked if item[0] != main
                ]
            for scored in confident:
                topic = scored[0][0]
                if topic != ranked[0][0] and topic not in others:
                    others.append(topic)
        if self._confident(ranked):
            verdict = Verdict.CONFIDENT
        elif not in_domain(text) or off_subject(text):
            verdict = Verdict.OUT_OF_SCOPE
        elif ranked and ranked[0][1] >= self.thresholds.unsure:
            verdict = Verdict.UNSURE
        else:
            verdict = Verdict.OUT_OF_SCOPE
        others = [topic for topic in others if topic != "fraud"][:MAX_OTHERS]
        return Match(
            verdict=verdict,
            ranked=tuple(ranked[:3]),
            fraud=fraud,
            reported_action=action,
            others=tuple(others) if verdict is not Verdict.OUT_OF_SCOPE else (),
            stated_skus=stated_skus(text),
        )


def _substantial(clause: str) -> bool:
    return len(re.sub(r"\W", "", normalise(clause))) >= _MIN_CLAUSE_CHARS


def stated_skus(text: str) -> int | None:
    """A SKU count the seller wrote ("我才上了 3 个", "i have 4 sku"), if exactly one."""
    found = single_number(text)
    return found.value if found is not None and found.with_unit else None


def reported_action(text: str) -> CaseKind | None:
    """The case a seller says they just started ("我刚发了邮件给中国团队"), if any."""
    words = normalise(text)
    if _QUESTION.search(words) and not re.search(r"(帮我|记|remind|track)", words):
        return None
    if not (_ACTION_MARKERS.search(words) and _ACTION_VERBS.search(words)):
        return None
    if "missing" in words:
        return CaseKind.MISSING_AM
    if "升级" in words:
        return CaseKind.ESCALATION
    if "个体户" in words and "申请" in words:
        return CaseKind.INDIVIDUAL_APPLICATION
    if "邮件" in words or "中国团队" in words or "工单" in words or "support" in words:
        return CaseKind.SUPPORT_EMAIL
    if "小二" in words:
        return CaseKind.AM_MESSAGE
    return None
