"""The naive Bayes topic model and the text it reads: what each part must get right."""

from __future__ import annotations

from bot.nlp.faq.model import TopicModel
from bot.nlp.faq.text import features, normalise, stem

EXAMPLES = [
    ("wechat", "小二有微信吗"),
    ("wechat", "能加客户经理微信吗"),
    ("blocked", "店铺被封了"),
    ("blocked", "账号被冻结了"),
]


def test_the_likeliest_label_scores_zero_and_the_others_below() -> None:
    scores = TopicModel(EXAMPLES).scores("客户经理的微信号")
    assert scores["wechat"] == 0.0 and scores["blocked"] < 0.0


def test_words_from_every_example_of_a_label_add_up() -> None:
    # "微信" comes from one example and "客户经理" from another: together they beat
    # "冻结", which only one blocked example has.
    scores = TopicModel(EXAMPLES).scores("客户经理微信被冻结")
    assert scores["wechat"] == 0.0


def test_a_message_sharing_nothing_with_the_examples_favours_no_label() -> None:
    assert set(TopicModel(EXAMPLES).scores("🌙").values()) == {0.0}


def test_sellers_messages_teach_beside_the_examples_by_their_weight() -> None:
    # "封号" is in no example; a seller's message labelled blocked teaches it, more so when
    # it weighs more.
    messages = [("blocked", "号被封号了咋办")]
    alone = TopicModel(EXAMPLES).scores("封号")
    light = TopicModel(EXAMPLES, messages=messages, message_weight=0.5).scores("封号")
    heavy = TopicModel(EXAMPLES, messages=messages, message_weight=2.0).scores("封号")
    assert light["blocked"] == heavy["blocked"] == 0.0
    assert alone["wechat"] > light["wechat"] > heavy["wechat"]


def test_unknown_words_weaken_the_evidence() -> None:
    model = TopicModel(EXAMPLES)
    plain = model.scores("微信")["blocked"]
    padded = model.scores("微信 怎么 写 一份 年终 总结 报告 模板")["blocked"]
    assert plain < padded < 0.0


def test_traditional_characters_read_as_simplified() -> None:
    assert normalise("帳號被凍結了，經理不回") == normalise("账号被冻结了，经理不回")


def test_english_endings_are_one_word() -> None:
    assert stem("replies") == stem("reply") and stem("blocked") == stem("block")
    assert stem("assigned") == stem("assigning") == stem("assigns") == "assign"
    assert features("my store was blocked") == features("my store blocks")


def test_i_am_is_no_account_manager() -> None:
    assert "小二" not in normalise("I am a new seller") and "小二" not in normalise("am i ok")
    assert "小二" in normalise("my am is slow") and "小二" in normalise("I am asking my AM")


def test_common_typos_are_folded() -> None:
    assert normalise("在那里看认正状态") == normalise("在哪里看认证状态")
    assert normalise("有木有小贰的邮相") == normalise("有没有小二的邮箱")


def test_russian_words_on_screen_are_read() -> None:
    assert "罚款" in normalise("收到一个Штраф") and "审核中" in normalise("статус На проверке")
    # Other Russian words are features by their first letters, whatever their ending.
    assert features("Здравствуйте")["здрав"] == 1 and features("здравствуй")["здрав"] == 1
