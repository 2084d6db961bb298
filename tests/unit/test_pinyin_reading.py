"""Pinyin typed instead of characters, read back by a table (pure, no content)."""

from __future__ import annotations

import pytest

from bot.nlp.faq.pinyin import PinyinReader

WORDS = (
    ("xiao er", "小二"),
    ("zen me", "怎么"),
    ("zen me ban", "怎么办"),
    ("you jian", "邮件"),
    ("mei ren", "没人"),
    ("lian xi", "联系"),
    ("xi an", "西安"),
    ("xian", "先"),
    ("xi", "系"),
    ("an", "按"),
    ("zen", "怎"),
    ("me", "么"),
    ("ban", "办"),
    ("hui", "回"),
    ("bu", "不"),
    ("can", "参"),
    ("you", "有"),
    ("xiao", "小"),
    ("er", "二"),
    ("jian", "件"),
    ("mei", "没"),
    ("ren", "人"),
    ("lian", "联"),
    ("a", "啊"),
)


@pytest.fixture(scope="module")
def reader() -> PinyinReader:
    return PinyinReader(WORDS)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # With and without spaces, any case; a syllable between words by its own character.
        ("youjian meiren hui", "邮件没人回"),
        ("zen me lian xi xiao er", "怎么联系小二"),
        ("Xiaoer ZENME lianxi a", "小二怎么联系啊"),
        # As few pieces as possible: 怎么办, not 怎么 + 办.
        ("xiaoer bu hui zenme ban", "小二不回怎么办"),
        # Words that are not pinyin stay as typed, and split the runs around them.
        ("kyc meiren hui zenme ban", "kyc 没人回怎么办"),
        ("xiaoer, zenme ban?", "小二, 怎么办?"),
        ("新手问下 xiaoer 是干嘛的", "新手问下 小二 是干嘛的"),
    ],
)
def test_pinyin_is_read_as_characters(reader: PinyinReader, typed: str, read: str) -> None:
    assert reader.read(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        # Syllables, but no word of two syllables typed as one: English stays English.
        "can you help",
        "an xi",
        "my AM never replies",
        "邮件没人回",
        "",
    ],
)
def test_text_without_a_pinyin_word_is_left_alone(reader: PinyinReader, text: str) -> None:
    assert reader.read(text) == text


def test_a_word_splits_into_the_longest_syllables(reader: PinyinReader) -> None:
    assert reader.syllables("xian") == ["xian"]
    assert reader.syllables("xiaoer") == ["xiao", "er"]
    assert reader.syllables("help") is None


def test_an_empty_table_reads_nothing() -> None:
    assert PinyinReader(()).read("youjian meiren hui") == "youjian meiren hui"
