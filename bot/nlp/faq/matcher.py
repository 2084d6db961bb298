"""Matching a seller's free-text message to knowledge-base topics.

Every label (each topic, and out of scope) gets one score on a log-odds scale: the naive Bayes
likelihood of the message under the label's example messages (`faq_model`, over character
n-grams after synonyms and typos are folded, `faq_text`), plus the word cues of `faq_signals`;
out of scope also gains when no word of the field is there or the subject is outside it. The
best topic is answered when it is ahead of out of scope and of the second topic by the
thresholds, and also when only the second is near (the runner-up offered beside the answer);
out of scope is said only when it beats every topic, so a likely topic is never refused;
otherwise the best three are offered. Pinyin typed instead of characters is read first
(`pinyin_reading`). A message is read in parts (sentences, and the parts of a sentence): the
first topic told gives the main one when it is near the best of the whole message, else the
first question plainly about a topic; the topics of the other parts are offered. Small talk,
fraud talk (a warning beside the answer) and a reported action are told apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from bot.nlp.faq.model import TopicModel
from bot.nlp.faq.pinyin import PinyinReader
from bot.nlp.faq.signals import (
    CAME_FROM,
    CUES,
    SmallTalk,
    cue_text,
    in_domain,
    mentions_fraud,
    off_subject,
    smalltalk,
    vague_manager,
)
from bot.nlp.faq.text import features, normalise
from bot.nlp.typed.numbers import single_number
from bot.services.cases import CaseKind

__all__ = [
    "OUT_OF_SCOPE",
    "FaqMatcher",
    "Match",
    "SmallTalk",
    "Thresholds",
    "Verdict",
    "Weights",
    "features",
    "in_domain",
    "mentions_fraud",
    "normalise",
    "reported_action",
]

# Marks of a seller reporting something they just did ("刚给小二发了消息").
_ACTION_MARKERS = re.compile(r"(刚刚|刚|已经|已|今天|昨天|上午|下午|早上|晚上|just|already|sent)")
_ACTION_VERBS = re.compile(r"(发了|发送了|写了|联系了|提交了|发过|留言了|问了|发出|sent|wrote)")
# A question mark or word; "A不A" asks too ("会不会", "够不够"), and so does "不" or "没" ending
# a part ("能帮我设置提醒不"); "几" after a number counts ("三十几个").
_QUESTION = re.compile(
    r"[?？吗呢么]|怎么|如何|什么|哪|多久|(?<![一二两三四五六七八九十百\d])几|"
    r"([\u4e00-\u9fff])[不没]\1|(?<=[\u4e00-\u9fff])[不没]\s*$|"
    r"(?<![a-z])(?:how|what|why|when|where|which|who|can|should)(?![a-z])|"
    r"^\s*(?:is|are|do|does|did|will|would|could|may|must|any)(?![a-z])"
)
# Where one question ends and the next begins.
_CLAUSE_BREAK = re.compile(
    r"[？?。！!；;\n]+|另外|还有|然后|顺便问|顺便|再问|(?<![a-z])(?:and also|also|btw)(?![a-z])"
)
# Where one part of a sentence ends: a comma, "and", or a space that sellers type for a comma:
# between Chinese characters ("发邮件没人回 能投诉吗") or before a Latin word that runs into
# Chinese ("都开了店 ozon小二咋联系"), not around a word set apart ("我的 AM 不回").
_COMMA = re.compile(
    r"[,，、]+|\s{2,}|(?<![a-z])and(?![a-z])|(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])|"
    r"(?<=[\u3400-\u9fff])\s+(?=[A-Za-z0-9]+[\u3400-\u9fff])"
)
# ...and after a Latin word run into Chinese ("要不要提escalation 怎么提"), marked as a comma
# first (a look-behind cannot span the word).
_RUN_IN_LATIN = re.compile(r"([\u3400-\u9fff][A-Za-z0-9]+)\s+(?=[\u3400-\u9fff])")
_QUESTION_PART_BONUS = 0.15
# A clause shorter than this (after normalising) carries no question of its own.
_MIN_CLAUSE_CHARS = 4
# The parts of a message read one by one, at most (each costs a scoring; the main question and
# the two others offered come early).
_MAX_PARTS = 6
# What may end a part without changing what it says.
_EDGES = " \t\n?？。！!；;,，、~～…"
MAX_OTHERS = 2
# A topic's cues adding up to this put a message in the field, like a word of the field does
# (a payout's "收款", another marketplace); a language named alone is only a hint.
_FIELD_CUE = 0.2
# Fraud talk in a clause makes the fraud topic a strong candidate for that clause.
_FRAUD_WEIGHT = 0.8
# Beside fraud talk another marketplace is where it was seen ("淘宝上有人卖小二对接服务"), and
# beside a seller's background where they sold before ("之前做亚马逊的"), not the question: its
# cue does not count.
_OTHER_MARKETPLACES = "other_marketplaces"
# Beside the seller's background it also loses what its cue would give (its name, learnt from
# questions about it, still weighs in the likelihood).
_BACKGROUND_WEIGHT = 1.0
# The topics of a store's problems, which the AM does not solve (a ticket in Seller Center).
# The topics about the AM as a person (who, how to reach or get one): asked with a bare "经理"
# they may mean another manager, so the seller picks, the AM's topic first.
_ABOUT_THE_AM = frozenset(
    {
        "contact_roadmap",
        "what_is_am",
        "assignment",
        "welcome_message",
        "am_assigned_check",
        "am_wechat",
    }
)
# The other managers a bare "经理" may mean, offered after the AM's topic.
OTHER_MANAGERS = ("investment_manager", "manager_role")
_ROUTES = (
    "route_store_blocked",
    "route_logistics",
    "route_returns",
    "route_payouts",
    "route_fines",
)


class Verdict(StrEnum):
    """How sure the matcher is."""

    CONFIDENT = "confident"
    LIKELY = "likely"
    UNSURE = "unsure"
    OUT_OF_SCOPE = "out_of_scope"
    SMALLTALK = "smalltalk"


@dataclass(frozen=True)
class Match:
    """The best topics, best first, with the verdict and what else the message signals.

    `others`: further topics the message asks about, or the close runner-up of a likely match
    (offer them as buttons); `smalltalk`: the kind of greeting/thanks when the message is
    nothing else; `fraud`: fraud talk anywhere in the message (warn beside the answer);
    `stated_skus`: a SKU count the seller wrote.
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
        """The topic to answer: the best one when the matcher is confident, or when it is
        likely and the runner-up leads `others`."""
        answered = self.verdict in (Verdict.CONFIDENT, Verdict.LIKELY)
        return self.ranked[0][0] if answered and self.ranked else None


@dataclass(frozen=True)
class Thresholds:
    """Log-odds gaps a direct answer needs: over the second topic, and over out of scope.

    Chosen with `Weights` by a search scored on tests/data/faq/tuning.* and on the knowledge
    base's own examples by cross-validation (bench/faq_quality.py --cv prints the latter).
    """

    margin: float = 1.0
    scope: float = 1.0
    # One part of a message of several: how far its topic must lead the part's second, and,
    # when no cue of the topic is in the part, how far behind the whole message's best it
    # may be ("…，咋申诉" read alone is fines, after a blocked store).
    part_margin: float = 0.6
    support: float = 1.5


@dataclass(frozen=True)
class Weights:
    """How the evidence adds up to one score per label, on a log-odds scale."""

    likelihood: float = 0.5
    cues: float = 3.0
    # Evidence for out of scope: its prior; no word of the field; a subject outside it.
    unanswered: float = 0.75
    outside: float = 1.0
    off_subject: float = 3.0
    # A seller's labelled message counts this many times a knowledge-base example: with
    # 5,500 of them beside the examples, at 1 the plainest questions ("怎么找小二") lost their
    # confidence; 0.5 keeps it at the same leave-one-set-out accuracy.
    messages: float = 0.5


# The label of example messages no topic answers: a rival to every topic, never answered.
OUT_OF_SCOPE = "out_of_scope"


class FaqMatcher:
    """Naive Bayes over the labels' example messages plus word cues, out of scope as a label."""

    def __init__(
        self,
        examples: Iterable[tuple[str, str]],
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
        messages: Iterable[tuple[str, str]] = (),
        pinyin: PinyinReader | None = None,
    ) -> None:
        """`examples`: the knowledge base's (label, text); `messages`: sellers' labelled
        messages (`bot/content/faq_examples`), weighted by `Weights.messages`; `pinyin` reads
        pinyin typed instead of characters before anything else."""
        self.thresholds = thresholds or Thresholds()
        self._pinyin = pinyin or PinyinReader(())
        self.weights = weights or Weights()
        self._model = TopicModel(examples, messages=messages, message_weight=self.weights.messages)
        self._topics = [label for label in self._model.labels if label != OUT_OF_SCOPE]
        self._cues = {topic: CUES.get(topic, ()) for topic in self._topics}

    def label_scores(self, text: str) -> dict[str, float]:
        """Every label's score, out of scope included, on a log-odds scale.

        Out of scope gains when no word of the field is there (a topic's cue is one: "收款") and
        when the subject is outside it ("定价", "写诗", "帮我翻译商品标题成俄语"), unless a
        problem of the store is named beside it ("退货太多会影响评分吗" is about returns):
        evidence the topics' cues can outweigh. Beside fraud talk or a seller's background
        ("之前做亚马逊的"), another marketplace is not counted.
        """
        weights = self.weights
        scores = {
            label: weights.likelihood * likelihood
            for label, likelihood in self._model.scores(text).items()
        }
        scores.setdefault(OUT_OF_SCOPE, min(scores.values(), default=0.0))
        scores[OUT_OF_SCOPE] += weights.unanswered
        fraud = "fraud" in scores and mentions_fraud(text)
        words = cue_text(text)
        background = CAME_FROM.search(words) is not None
        aside = fraud or background
        cued = {
            topic: sum(weight for weight, pattern in cues if pattern.search(words))
            for topic, cues in self._cues.items()
            if not (aside and topic == _OTHER_MARKETPLACES)
        }
        if not in_domain(text) and max(cued.values(), default=0.0) < _FIELD_CUE:
            scores[OUT_OF_SCOPE] += weights.outside
        for topic, weight in cued.items():
            scores[topic] += weights.cues * weight
        # The ads, prices or ratings beside a store's problem are its circumstances.
        problem = any(cued.get(topic) for topic in _ROUTES)
        if off_subject(text) and not problem:
            scores[OUT_OF_SCOPE] += weights.off_subject
        if fraud:
            scores["fraud"] += weights.cues * _FRAUD_WEIGHT
        if background and _OTHER_MARKETPLACES in scores:
            # Having sold there, the seller asks about Ozon: the likelihood of its name goes.
            scores[_OTHER_MARKETPLACES] -= weights.cues * _BACKGROUND_WEIGHT
        return scores

    def scores(self, text: str) -> list[tuple[str, float]]:
        """Every topic with its share of the softmax over all labels, best first."""
        return _shares(self.label_scores(text), self._topics)

    def _lean_to_the_question(self, text: str, scores: dict[str, float]) -> dict[str, float]:
        """In "小二回复太慢了，能不能直接加他微信" the part with the question says what is asked,
        in "partner day是干啥的，怎么报名" the first one: topics whose cues fire in that part get a
        little more."""
        parts = _comma_parts(text)
        asking = [part for part in parts if _QUESTION.search(normalise(part))]
        if len(parts) < 2 or not asking:
            return scores
        words = cue_text(asking[0])
        bonus = self.weights.cues * _QUESTION_PART_BONUS
        return {
            label: score
            + (bonus if any(p.search(words) for _, p in self._cues.get(label, ())) else 0.0)
            for label, score in scores.items()
        }

    def _best(self, scores: dict[str, float]) -> str:
        return max(self._topics, key=lambda topic: scores[topic])

    def _leader(self, scores: dict[str, float], margin: float, rank: int = 1) -> str | None:
        """The best topic if it is ahead of out of scope by the scope threshold and of the
        topic at `rank` (1: the second) by `margin`."""
        ordered = sorted(self._topics, key=lambda topic: -scores[topic])
        best = ordered[0]
        behind = scores[ordered[rank]] if rank < len(ordered) else -math.inf
        in_scope = scores[best] - scores[OUT_OF_SCOPE] >= self.thresholds.scope
        return best if in_scope and scores[best] - behind >= margin else None

    def _verdict(self, scores: dict[str, float]) -> Verdict:
        """Confident when the best topic leads the second by the margin; likely when it is
        torn between two topics, both that far ahead of the third (answered, the runner-up
        offered); out of scope when out of scope beats every topic; unsure otherwise."""
        if self._leader(scores, self.thresholds.margin) is not None:
            return Verdict.CONFIDENT
        if self._leader(scores, self.thresholds.margin, rank=2) is not None:
            return Verdict.LIKELY
        if scores[OUT_OF_SCOPE] >= scores[self._best(scores)]:
            return Verdict.OUT_OF_SCOPE
        return Verdict.UNSURE

    def _part_topic(
        self, part: str, scores: dict[str, float], scored: dict[str, dict[str, float]]
    ) -> str | None:
        """The topic one part of a message is plainly about: its best, ahead of out of scope
        and of its second (a fragment like "等了四十多天了" has none; nor has the seller's
        background), with a cue of it in the part or near the best of the whole message
        (`scores`). `scored` keeps the label scores of the parts read so far (a sentence may
        be the whole message)."""
        key = part.strip(_EDGES)
        if key not in scored:
            scored[key] = self.label_scores(part)
        topic = self._leader(scored[key], self.thresholds.part_margin)
        words = cue_text(part)
        # Where the seller sold before is their background, not a question ("以前做亚马逊的").
        if topic is None or (topic == _OTHER_MARKETPLACES and CAME_FROM.search(words)):
            return None
        named = any(pattern.search(words) for _, pattern in self._cues[topic])
        top = max(scores[label] for label in self._topics)
        return topic if named or scores[topic] >= top - self.thresholds.support else None

    def _several_questions(
        self, text: str, raw: dict[str, float], scores: dict[str, float]
    ) -> tuple[str | None, list[str]]:
        """In a message of several parts, the main topic and the others to offer: the main
        one is the first topic told when the parts name several and it is near the best of the
        whole message (sellers state their problem first: "回款一直没到 小二能帮忙查吗" is about
        the payout), else the first question's; the others those of the other questions and
        of what the seller tells beside them ("小二一直不回，能不能加他微信"). `raw`: the
        message's label scores; `scores`: as leaning to its question."""
        parts = _parts(text)[:_MAX_PARTS]
        if len(parts) < 2:
            return None, []
        scored = {text.strip(_EDGES): raw}
        found = [
            (topic, asks)
            for part, asks in parts
            if (topic := self._part_topic(part, scores, scored))
        ]
        main = next((topic for topic, asks in found if asks), None)
        top = max(scores[label] for label in self._topics)
        told_first = found[0][0] if found else None
        several = len({topic for topic, _ in found}) > 1
        if several and told_first and scores[told_first] >= top - self.thresholds.support:
            main = told_first
        return main, [topic for topic in dict.fromkeys(t for t, _ in found) if topic != main]

    def _which_manager(self, text: str, best: str) -> bool:
        """Must the seller say which manager they mean? When the message asks about the AM as
        a person with a bare "经理" / "manager" (`vague_manager`)."""
        known = all(topic in self._topics for topic in OTHER_MANAGERS)
        return known and best in _ABOUT_THE_AM and vague_manager(text)

    def match(self, text: str) -> Match:
        """Decide: answer directly (the runner-up offered when it is close), offer the best
        three, small talk, or out of scope."""
        # Small talk in pinyin is known as typed ("xiexie"); the rest is read in characters.
        kind = smalltalk(text)
        text = self._pinyin.read(text)
        kind = kind or smalltalk(text)
        fraud = mentions_fraud(text)
        action = reported_action(text)
        if kind is not None:
            return Match(Verdict.SMALLTALK, (), False, None, smalltalk=kind)
        if not self._topics:
            return Match(Verdict.OUT_OF_SCOPE, (), fraud, action)
        raw = self.label_scores(text)
        scores = self._lean_to_the_question(text, raw)
        main, others = self._several_questions(text, raw, scores)
        best = self._best(scores)
        if main is not None and main != best:
            # The main question's topic goes first, as sure as the best one was.
            scores[main] = max(scores[main], scores[best] + self.thresholds.margin)
            if scores[best] - scores[OUT_OF_SCOPE] >= self.thresholds.scope:
                others = [best, *others]
        ranked = _shares(scores, self._topics)
        verdict = self._verdict(scores)
        if verdict is not Verdict.OUT_OF_SCOPE and self._which_manager(text, ranked[0][0]):
            # A bare "经理": the seller picks, the AM's topic first.
            shares = dict(ranked)
            ranked = [ranked[0], *((topic, shares[topic]) for topic in OTHER_MANAGERS)]
            return Match(Verdict.UNSURE, tuple(ranked), fraud, action)
        if verdict is Verdict.LIKELY:
            others = [ranked[1][0], *others]
        others = [t for t in dict.fromkeys(others) if t not in ("fraud", ranked[0][0])]
        return Match(
            verdict=verdict,
            ranked=tuple(ranked[:3]),
            fraud=fraud,
            reported_action=action,
            others=tuple(others[:MAX_OTHERS]) if verdict is not Verdict.OUT_OF_SCOPE else (),
            stated_skus=stated_skus(text),
        )


def _shares(scores: dict[str, float], labels: Iterable[str]) -> list[tuple[str, float]]:
    """The labels' shares of the softmax over every label's score, best first."""
    peak = max(scores.values())
    total = sum(math.exp(score - peak) for score in scores.values())
    shares = [(label, math.exp(scores[label] - peak) / total) for label in labels]
    return sorted(shares, key=lambda item: (-item[1], item[0]))


def _parts(text: str) -> list[tuple[str, bool]]:
    """The message's parts in order, each with whether it stands as a question.

    A sentence is one question ("AM not reply 3 days, what to do?", "kyc过了一个月了还是没小二。")
    unless several of its parts ask ("partner day是干啥的 怎么报名"); its parts come in as well,
    in their places, for what they tell or ask beside ("kyc审核中十天了，过了以后多久能有小二").
    """
    found: list[tuple[str, bool]] = []
    for sentence in _CLAUSE_BREAK.split(text):
        parts = _comma_parts(sentence)
        asking = [part for part in parts if _QUESTION.search(normalise(part))]
        if len(asking) > 1:
            found += [(part, part in asking) for part in parts]
        elif parts:
            alone = [(part, False) for part in parts] if len(parts) > 1 else []
            position = parts.index(asking[0]) if asking else len(parts)
            found += [*alone[:position], (sentence, True), *alone[position:]]
    return found


def _comma_parts(sentence: str) -> list[str]:
    """The substantial parts of a sentence between its commas."""
    marked = _RUN_IN_LATIN.sub(r"\1，", sentence)
    return [part for part in _COMMA.split(marked) if _substantial(part)]


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
