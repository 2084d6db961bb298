"""Matching a seller's free-text question to a knowledge-base topic.

Chinese has no spaces, so text becomes character unigrams and bigrams (ASCII words stay
whole) after synonyms and common typos are folded into one canonical word each. Topics are
scored by TF-IDF cosine against their example questions; the margin between the best and the
second topic decides between a direct answer, a short list, and "out of scope".
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.services.cases import CaseKind

# Canonical word ← the ways sellers write it. Longest variants are replaced first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "小二": (
        "客户经理",
        "专属经理",
        "对接经理",
        "客户成功经理",
        "account manager",
        "专属小二",
        "对接人",
        "小儿",
        "小2",
        "客服经理",
        "经理",
        "am",
    ),
    "邮件": ("电子邮件", "邮箱", "email", "e-mail", "mail", "邮件地址", "发邮箱"),
    "个体户": ("个体工商户", "个体商户", "个体"),
    "个人": ("个人卖家", "个人身份", "自然人"),
    "认证": ("kyc", "实名认证", "资质审核", "资质认证", "审核资料", "认证资料"),
    "商品": ("sku", "skus", "产品", "链接", "listing", "货品"),
    "微信": ("wechat", "weixin", "vx", "wx", "v信", "加v", "加薇"),
    "付钱": (
        "付费",
        "收费",
        "花钱",
        "交钱",
        "给钱",
        "多少钱",
        "费用",
        "paid",
        "pay",
        "fee",
        "money",
        "花点钱",
        "购买",
        "买到",
        "出售",
        "倒卖",
        "sell",
        "selling",
        "buy",
    ),
    "中介": ("代找", "代办", "代理", "中间人", "第三方服务"),
    "骗": ("诈骗", "骗子", "骗局", "被骗", "scam", "fraud"),
    "升级": ("escalation", "escalate", "投诉", "高级经理", "senior"),
    "回复": (
        "回消息",
        "回信",
        "答复",
        "reply",
        "replied",
        "replies",
        "respond",
        "responded",
        "response",
        "answer",
        "answered",
        "回应",
        "理我",
        "回我",
    ),
    "不回": (
        "没回",
        "没有回",
        "未回复",
        "不理",
        "没人理",
        "已读不回",
        "失联",
        "没反应",
        "没回复",
        "ignore",
        "ignoring",
        "不回复",
    ),
    "俄语": ("俄文", "russian", "俄罗斯语"),
    "在线客服": ("live chat", "livechat", "人工客服", "在线聊天", "chat客服"),
    "欢迎消息": ("welcome message", "welcome", "欢迎信", "第一条消息"),
    "消息中心": ("messages", "message center", "站内信", "后台消息"),
    "机器人": ("bot", "你是谁", "你们是谁", "你能", "你是", "你们", "你的"),
    "线下": ("partner day", "partnerday", "见面会", "招商会", "offline", "现场"),
    "罚款": ("罚金", "扣款", "fine", "penalty", "处罚"),
    "物流": ("logistics", "运单", "快递", "轨迹"),
    "分配": ("assign", "assigned", "分到", "匹配"),
}
# Marks of a seller reporting something they just did ("刚给小二发了消息").
_ACTION_MARKERS = re.compile(r"(刚刚|刚|已经|已|今天|昨天|上午|下午|早上|晚上|just|already|sent)")
_ACTION_VERBS = re.compile(r"(发了|发送了|写了|联系了|提交了|发过|留言了|问了|发出|sent|wrote)")
_STOP_CHARS = frozenset(
    "的了吗呢啊吧我你他她是在有么怎什个一这那就都也还要会能可以呀哦嘛请问和与啥咋"
)
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "was",
        "be",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "and",
        "or",
        "but",
        "do",
        "does",
        "did",
        "i",
        "my",
        "me",
        "you",
        "your",
        "it",
        "its",
        "this",
        "that",
        "what",
        "how",
        "why",
        "when",
        "who",
        "which",
        "can",
        "could",
        "should",
        "would",
        "will",
        "there",
        "no",
        "not",
        "still",
        "after",
        "before",
        "have",
        "has",
        "hasnt",
        "havent",
        "dont",
        "doesnt",
        "get",
        "got",
        "s",
        "ozon",
        "days",
        "day",
        "hours",
    ]
)
# Words that put a question inside this bot's field; without one it is out of scope.
_DOMAIN_WORDS = (
    *(
        canonical
        for canonical in SYNONYMS
        if canonical not in {"商品", "个人", "回复", "物流", "付钱"}
    ),
    "ozon",
    "озон",
    "卖家",
    "后台",
    "seller",
    "营业执照",
    "执照",
    "法人",
    "审核",
    "类目",
    "fbs",
    "fbo",
    "佣金",
    "发票",
    "密码",
    "工单",
    "客服",
    "support",
    "验证码",
    "证据",
    "申诉",
    "入驻",
    "仓库",
    "中国团队",
    "上班",
    "问候",
    "打招呼",
    "missing",
    "你能",
    "官方",
)
_OTHER_PLATFORMS = (
    "淘宝",
    "天猫",
    "拼多多",
    "亚马逊",
    "amazon",
    "京东",
    "速卖通",
    "aliexpress",
    "1688",
    "抖音",
    "tiktok",
    "shopee",
    "lazada",
    "temu",
    "shein",
    "ebay",
    "wildberries",
    "公众号",
    "小红书",
)
_TRADED_CONTACT = re.compile(r"[买卖](小二|客户经理|经理|联系方式|微信)")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_CJK = re.compile(r"[\u3400-\u9fff]+")


def _build_replacements() -> list[tuple[re.Pattern[str], str]]:
    pairs = [
        (variant, canonical) for canonical, variants in SYNONYMS.items() for variant in variants
    ]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    compiled = []
    for variant, canonical in pairs:
        # ASCII variants match whole words only ("am" must not fire inside "amazon").
        pattern = (
            rf"(?<![a-z]){re.escape(variant)}(?![a-z])"
            if variant.isascii()
            else re.escape(variant)
        )
        compiled.append((re.compile(pattern), f" {canonical} "))
    return compiled


_REPLACEMENTS = _build_replacements()


@lru_cache(maxsize=1024)
def normalise(text: str) -> str:
    """Full-width to half-width, lower case, synonyms folded to their canonical word."""
    text = unicodedata.normalize("NFKC", text).lower()
    for pattern, canonical in _REPLACEMENTS:
        text = pattern.sub(canonical, text)
    return text


def features(text: str) -> Counter[str]:
    """Character unigrams and bigrams of Chinese runs, whole ASCII words."""
    normalised = normalise(text)
    counts: Counter[str] = Counter(
        word
        for word in _ASCII_WORD.findall(normalised)
        if word not in _STOP_WORDS and not word.isdigit()
    )
    for run in _CJK.findall(normalised):
        counts.update(char for char in run if char not in _STOP_CHARS)
        counts.update(
            bigram
            for bigram in (run[i : i + 2] for i in range(len(run) - 1))
            if not (bigram[0] in _STOP_CHARS and bigram[1] in _STOP_CHARS)
        )
    if _CYRILLIC.search(normalised):
        counts["俄语"] += 1
    return counts


def in_domain(text: str) -> bool:
    """Does the question touch this bot's field (and not only another marketplace)?"""
    lowered = unicodedata.normalize("NFKC", text).lower()
    if _CYRILLIC.search(lowered):
        return True
    if any(name in lowered for name in _OTHER_PLATFORMS) and "ozon" not in lowered:
        return False
    normalised = normalise(text)
    return any(word in normalised for word in _DOMAIN_WORDS)


class Verdict(StrEnum):
    """How sure the matcher is."""

    CONFIDENT = "confident"
    UNSURE = "unsure"
    OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True)
class Match:
    """The best topics, best first, with the verdict and whether fraud was mentioned."""

    verdict: Verdict
    ranked: tuple[tuple[str, float], ...]
    fraud: bool
    reported_action: CaseKind | None

    @property
    def best(self) -> str | None:
        """The best topic id when the matcher is confident."""
        return self.ranked[0][0] if self.verdict is Verdict.CONFIDENT and self.ranked else None


@dataclass(frozen=True)
class Thresholds:
    """Score levels; tuned on tests/data and checked on every run of the suite."""

    confident: float = 0.42
    margin: float = 0.08
    unsure: float = 0.22


class FaqMatcher:
    """TF-IDF over each topic's example questions."""

    def __init__(
        self, examples: Iterable[tuple[str, str]], thresholds: Thresholds | None = None
    ) -> None:
        self.thresholds = thresholds or Thresholds()
        vectors = [(topic, features(text)) for topic, text in examples]
        document_frequency: Counter[str] = Counter()
        for _, vector in vectors:
            document_frequency.update(vector.keys())
        total = len(vectors)
        self._idf = {
            feature: math.log((1 + total) / (1 + count)) + 1.0
            for feature, count in document_frequency.items()
        }
        weighed = [(topic, self._weigh(vector)) for topic, vector in vectors]
        self._example_topics = [topic for topic, _ in weighed]
        self._topics = sorted(set(self._example_topics))
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
        norm = math.sqrt(sum(weight * weight for weight in weights.values())) or 1.0
        return {feature: weight / norm for feature, weight in weights.items()}

    def scores(self, text: str) -> list[tuple[str, float]]:
        """Every topic with its best cosine similarity, best first."""
        query = self._weigh(features(text))
        dot: dict[int, float] = {}
        for feature, weight in query.items():
            for index, example_weight in self._postings.get(feature, ()):
                dot[index] = dot.get(index, 0.0) + weight * example_weight
        best: dict[str, float] = dict.fromkeys(self._topics, 0.0)
        for index, score in dot.items():
            topic = self._example_topics[index]
            best[topic] = max(best[topic], score)
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))

    def match(self, text: str) -> Match:
        """Decide: answer directly, offer the three best, or say it is out of scope."""
        ranked = self.scores(text)
        top_score = ranked[0][1] if ranked else 0.0
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        if not in_domain(text):
            verdict = Verdict.OUT_OF_SCOPE
        elif (
            top_score >= self.thresholds.confident and top_score - second >= self.thresholds.margin
        ):
            verdict = Verdict.CONFIDENT
        elif top_score >= self.thresholds.unsure:
            verdict = Verdict.UNSURE
        else:
            verdict = Verdict.OUT_OF_SCOPE
        return Match(
            verdict=verdict,
            ranked=tuple(ranked[:3]),
            fraud=mentions_fraud(text),
            reported_action=reported_action(text),
        )


def mentions_fraud(text: str) -> bool:
    """Paying for contacts, middlemen, scams, or handing out codes."""
    words = normalise(text)
    if any(word in words for word in ("中介", "骗", "验证码", "verification code")):
        return True
    if _TRADED_CONTACT.search(text):
        return True
    return "付钱" in words and any(word in words for word in ("小二", "微信", "对接", "联系"))


def reported_action(text: str) -> CaseKind | None:
    """The case a seller says they just started ("我刚发了邮件给中国团队"), if any."""
    words = normalise(text)
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
