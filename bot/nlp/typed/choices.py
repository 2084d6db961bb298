"""Typed answers inside wizards: cancel words, and a button's label typed instead of pressed.

Given the labels of the buttons on screen, `match_label` says which one the text names ("是的" →
"✅ 是", "个体户" → "个体工商户", "verified" → "「Verified」（已通过）"), tolerant of emoji,
spaces, punctuation and polite particles; it answers None when no label or more than one fits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_CANCEL_WORDS = frozenset(
    [
        "取消",
        "算了",
        "不记了",
        "不用了",
        "不要了",
        "不弄了",
        "不填了",
        "不做了",
        "不查了",
        "不想弄了",
        "退出",
        "停",
        "停止",
        "结束",
        "放弃",
        "先不了",
        "先不用",
        "不了",
        "cancel",
        "stop",
        "quit",
        "exit",
        "nevermind",
        "forgetit",
        "abort",
        "отмена",
    ]
)
# Ways of saying "skip this optional step"; a skip button's label starts with one of them.
_SKIP_WORDS = frozenset(
    [
        "跳过",
        "先跳过",
        "略过",
        "不填",
        "不填了",
        "不用填",
        "不写",
        "不写了",
        "不用写",
        "skip",
        "skipit",
        "pass",
    ]
)
# Particles and politeness around an answer that do not change it ("算了吧", "取消啦谢谢").
_PARTICLES = re.compile(r"(吧|啦|哈|呀|啊|吗|嘛|哦|噢|呢|谢谢|谢啦|please|pls|thanks)+$")
_LEADING = re.compile(r"^(那就|那|就|还是|我们是|我是|我要|我想|请|是)")
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def _squeeze(text: str) -> str:
    """Lower case, half-width, without spaces, punctuation or emoji."""
    value = unicodedata.normalize("NFKC", text).lower()
    return "".join(char for char in _NOISE.sub("", value) if not _is_symbol(char))


def _is_symbol(char: str) -> bool:
    return unicodedata.category(char).startswith("S")


def _cores(text: str) -> list[str]:
    """The text, then without trailing particles, then without a leading "我是"/"就"."""
    value = _squeeze(text)
    cores = [value]
    trimmed = _PARTICLES.sub("", value)
    if trimmed and trimmed != value:
        cores.append(trimmed)
    stripped = _LEADING.sub("", cores[-1])
    if len(stripped) >= 2 and stripped != cores[-1]:
        cores.append(stripped)
    return cores


def is_skip(text: str) -> bool:
    """Does the whole message say to skip an optional step (跳过, 不填, skip…)?"""
    cores = _cores(text)
    return len(cores[0]) <= 12 and any(core in _SKIP_WORDS for core in cores)


def is_cancel(text: str) -> bool:
    """Does the whole message ask to leave the wizard (取消, 算了, 不记了, cancel…)?"""
    cores = _cores(text)
    return len(cores[0]) <= 12 and any(core in _CANCEL_WORDS for core in cores)


# Ways of saying yes / no; a label takes the meaning of the word it starts with.
_YES = (
    "是的",
    "是",
    "对的",
    "对",
    "嗯嗯",
    "嗯",
    "好的",
    "好",
    "有",
    "有的",
    "注册了",
    "注册好了",
    "已注册",
    "已经注册",
    "已经注册了",
    "已经注册好了",
    "审核通过了",
    "审核通过",
    "通过了",
)
_YES_EN = ("yes", "yeah", "yep", "y", "ok", "sure", "right", "done")
_NO = ("还没有", "还没", "没有", "没", "不是", "否", "不", "未")
_NO_EN = ("notyet", "no", "nope", "n", "not")
# Words sellers type for a label's word: typed → as labels write it.
_ALIASES = {
    "个体户": "个体工商户",
    "个体": "个体工商户",
    "个体商户": "个体工商户",
    "公司": "企业",
    "有限公司": "企业",
    "有限责任公司": "企业",
    "股份有限公司": "企业",
    "贸易公司": "企业",
    "ltd": "企业",
    "coltd": "企业",
    "企业卖家": "企业",
    "公司店": "企业",
    "个人卖家": "个人",
    "个人店": "个人",
    "自然人": "个人",
    "通过": "verified",
    "通过了": "verified",
    "过了": "verified",
    "已通过": "verified",
    "审核通过": "verified",
    "审核通过了": "verified",
    "认证了": "verified",
    "审核中": "pending",
    "在审核": "pending",
    "还在审": "pending",
    "审核": "pending",
    "被拒": "rejected",
    "被拒了": "rejected",
    "拒了": "rejected",
    "驳回": "rejected",
    "被驳回": "rejected",
    "没通过": "rejected",
    "没提交": "notsubmitted",
    "未提交": "notsubmitted",
    "还没提交": "notsubmitted",
    "没交": "notsubmitted",
    "company": "企业",
    "不填": "跳过",
    "不用填": "跳过",
    "不写": "跳过",
    "不用写": "跳过",
    "略过": "跳过",
    "先跳过": "跳过",
    "skip": "跳过",
    "pass": "跳过",
    "enterprise": "企业",
}


def _label_polarity(label: str) -> str | None:
    """A label means yes or no when it starts with such a word ("还没有", "是的，全部删除")."""
    if label.startswith(_NO) or label.startswith(("notyet", "no")):
        return "no"
    if label.startswith(_YES) or label.startswith(("yes", "ok")):
        return "yes"
    return None


def _typed_polarity(typed: str) -> str | None:
    """Typed text means yes or no only when it is nothing but such a word ("不知道" is neither)."""
    if typed in _NO or typed in _NO_EN:
        return "no"
    if typed in _YES or typed in _YES_EN:
        return "yes"
    return None


def _unique(indexes: list[int]) -> int | None:
    return indexes[0] if len(set(indexes)) == 1 else None


def _by_words(typed: str, squeezed: list[str]) -> int | None:
    exact = [index for index, label in enumerate(squeezed) if label and typed == label]
    if exact:
        return _unique(exact)
    # The typed words inside one label ("pending" in "审核中(pending)"), or a label inside them.
    for wanted in dict.fromkeys([typed, _ALIASES.get(typed, typed)]):
        inside = [i for i, label in enumerate(squeezed) if label and wanted in label]
        if len(wanted) >= 2 and inside:
            return _unique(inside)
    holding = [i for i, label in enumerate(squeezed) if len(label) >= 2 and label in typed]
    return _unique(holding) if holding else None


def match_label(text: str, labels: Sequence[str]) -> int | None:
    """The index of the button whose label the text names, or None (none, or ambiguous)."""
    cores = _cores(text)
    if not cores[0] or len(cores[0]) > 40:
        return None
    squeezed = [_squeeze(label) for label in labels]
    for typed in cores:
        found = _by_words(typed, squeezed)
        if found is not None:
            return found
    for typed in cores:
        polarity = _typed_polarity(typed)
        if polarity is not None:
            return _unique(
                [i for i, label in enumerate(squeezed) if _label_polarity(label) == polarity]
            )
    return None


_QUESTION = re.compile(
    r"[?？]|吗|呢|怎么|咋|如何|什么|啥|哪|多久|几天|几个|能不能|可不可以|是不是|有没有|为什么"
    r"|(?<![a-z])(?:how|what|why|when|where|which|who|can|could|should|is it|do i|does)(?![a-z])"
)


def looks_like_question(text: str) -> bool:
    """Does the text ask something (a question mark, a question word), rather than answer?"""
    return _QUESTION.search(unicodedata.normalize("NFKC", text).lower()) is not None
