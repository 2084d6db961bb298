"""Typed answers inside wizards: numbers, time zone names, cancel words and typed labels."""

from __future__ import annotations

import pytest

from bot.nlp.typed.choices import is_cancel, is_skip, match_label
from bot.nlp.typed.numbers import chinese_numeral, numbers_in, says_none, single_number
from bot.nlp.typed.zones import zone_for_name

YES_NO = ["是", "还没有"]
YES_NO_EN = ["Yes", "Not yet"]
ENTITY = ["企业卖家", "个体工商户", "个人卖家"]
ENTITY_EN = ["Company", "Individual business (个体工商户)", "Individual seller"]
KYC = ["「Verified」（已通过）", "「Pending」（审核中）", "「Rejected」（被拒）", "未提交"]
KYC_EN = ["Verified", "Pending", "Rejected", "Not submitted"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十", 10),
        ("十二", 12),
        ("二十五", 25),
        ("五十", 50),
        ("一百零五", 105),
        ("一百五", 150),
        ("两千", 2000),
        ("两千五", 2500),
        ("一千零一十", 1010),
        ("一万二", 12000),
        ("十万", 100000),
        ("零", 0),
        ("一二", None),  # digits read one by one, not a number
        ("十x", None),
    ],
)
def test_chinese_numerals(text: str, value: int | None) -> None:
    assert chinese_numeral(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("五十个", 50),
        ("12个", 12),
        ("１２", 12),
        ("我上了十二个sku", 12),
        ("我的id是 1234567", 1234567),
        ("一个月前上了5个", 5),  # "一个月" is a duration, not a count
        ("我一直有3个商品", 3),  # "一直" is a word
        ("1,200个商品", 1200),
    ],
)
def test_one_number_in_a_sentence(text: str, value: int) -> None:
    found = single_number(text)
    assert found is not None and found.value == value


def test_ambiguous_and_approximate_numbers() -> None:
    assert single_number("我有3个还有2个在审核") is None
    assert single_number("没有数字") is None
    assert single_number("我们一起去") is None
    estimate = numbers_in("三十多个sku")
    assert [(found.value, found.approximate) for found in estimate] == [(30, True)]
    assert numbers_in("0012")[0].digits == "0012"  # ids keep their leading zeros
    assert numbers_in("9" * 5000)[0].value > 10**9  # no crash on absurd input


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("北京时间", "Asia/Shanghai"),
        ("北京", "Asia/Shanghai"),
        ("上海", "Asia/Shanghai"),
        ("深圳", "Asia/Shanghai"),
        ("Beijing", "Asia/Shanghai"),
        ("莫斯科", "Europe/Moscow"),
        ("莫斯科时间", "Europe/Moscow"),
        ("Moscow time", "Europe/Moscow"),
        ("MSK", "Europe/Moscow"),
        ("МСК", "Europe/Moscow"),
        ("香港", "Asia/Hong_Kong"),
        ("Hong Kong", "Asia/Hong_Kong"),
        ("UTC+8", "Etc/GMT-8"),  # Etc zones count the other way round
        ("GMT-5", "Etc/GMT+5"),
        ("utc", "UTC"),
        ("火星", None),
        ("UTC+15", None),
        ("x" * 100, None),
    ],
)
def test_zone_names(text: str, zone: str | None) -> None:
    assert zone_for_name(text) == zone


@pytest.mark.parametrize(
    "text",
    ["取消", "算了", "算了吧", "不记了", "不用了", "不用了谢谢", "cancel", "Cancel!", "退出"],
)
def test_cancel_words(text: str) -> None:
    assert is_cancel(text)


def test_skip_words_with_lead_ins_and_particles_skip() -> None:
    # Bug caught: only a bare 跳过 skipped; "那就跳过", "跳过吧" were kept as the answer (a
    # letter's description, a signer's name).
    for text in ("跳过", "跳过吧", "那就跳过", "不填了吧", "skip pls"):
        assert is_skip(text), text
    for text in ("跳过这一步以后还能改吗", "Li Wei", "货物卡在仓库"):
        assert not is_skip(text), text


def test_none_is_the_whole_answer_not_its_start() -> None:
    # Bug caught: "没有100个" (no, a hundred) or "无所谓5个" read as "none" because the answer
    # only began like one.
    for text in ("没有", "一个都没有", "还没有", "none"):
        assert says_none(text), text
    for text in ("没有100个", "无所谓5个", "没有上架完，有12个"):
        assert not says_none(text), text


@pytest.mark.parametrize(
    "text", ["怎么取消", "取消订单怎么弄", "好的", "是", "我不想取消这个跟进记录"]
)
def test_not_cancel(text: str) -> None:
    assert not is_cancel(text)


@pytest.mark.parametrize(
    ("text", "labels", "index"),
    [
        ("是", YES_NO, 0),
        ("是的", YES_NO, 0),
        ("对", YES_NO, 0),
        ("嗯", YES_NO, 0),
        ("是的！👍", YES_NO, 0),
        ("没有", YES_NO, 1),
        ("还没", YES_NO, 1),
        ("不是", YES_NO, 1),
        ("yes", YES_NO_EN, 0),
        ("not yet", YES_NO_EN, 1),
        ("no", YES_NO_EN, 1),
        ("✅ 是", ["✅ 是", "❌ 否"], 0),
        ("个体户", ENTITY, 1),
        ("我是个体户", ENTITY, 1),
        ("个体工商户", ENTITY, 1),
        ("公司", ENTITY, 0),
        # Bugs caught: a company type, or "yes" said as what happened, not understood.
        ("有限公司", ENTITY, 0),
        ("我们是有限公司", ENTITY, 0),
        ("审核通过了", YES_NO, 0),
        ("已经注册好了", YES_NO, 0),
        ("审核通过了", KYC, 0),
        ("企业", ENTITY, 0),
        ("我是个人", ENTITY, 2),
        ("company", ENTITY_EN, 0),
        ("individual business", ENTITY_EN, 1),
        ("verified", KYC, 0),
        ("通过了", KYC, 0),
        ("审核中", KYC, 1),
        ("被拒了", KYC, 2),
        ("未提交", KYC, 3),
        ("没提交", KYC_EN, 3),
        ("  pending ", KYC_EN, 1),
    ],
)
def test_typed_label(text: str, labels: list[str], index: int) -> None:
    assert match_label(text, labels) == index


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("individual", ENTITY_EN),  # two labels fit
        ("不知道", KYC),  # starts with 不 but means neither
        ("是", KYC),  # yes is no KYC status
        ("hello", YES_NO),
        ("", YES_NO),
        ("小二一直不回怎么办", YES_NO),
    ],
)
def test_typed_text_that_names_no_single_label(text: str, labels: list[str]) -> None:
    assert match_label(text, labels) is None
