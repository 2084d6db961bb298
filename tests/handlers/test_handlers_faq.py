"""FAQ browsing and free-text questions through the production dispatcher."""

from __future__ import annotations

from bot.services.locales import SUPPORTED_LOCALES
from bot.ui.callbacks import FaqCb
from tests.support.rig import Rig


async def test_faq_lists_every_topic_and_each_answer_renders_in_every_language(rig: Rig) -> None:
    knowledge = rig.dispatcher["knowledge"]
    back = {"zh": "📚 其他问题", "en": "📚 Other questions"}
    assert set(back) == set(SUPPORTED_LOCALES)
    for offset, locale in enumerate(SUPPORTED_LOCALES):
        chat = rig.user(880000 + offset, locale)
        reply = await chat.send("/faq")
        assert reply is not None
        assert len(chat.button_labels()) == len(knowledge.topic_ids()) + 1
        for topic_id in knowledge.topic_ids():
            answer = await chat.press_data(reply.message_id, FaqCb(topic=topic_id).pack())
            assert answer is not None
            assert answer.text.startswith(knowledge.topic(locale, topic_id).title)
            assert back[locale] in chat.button_labels()


async def test_guide_answers_carry_the_source_line_and_official_channel(rig: Rig) -> None:
    reply = await rig.chat.send("邮件发给谁比较好")
    assert reply is not None
    assert "未经 Ozon 证实" in reply.text
    assert reply.text.index("Seller Center") < reply.text.index("china-support@ozon.ru")


async def test_confident_question_is_answered(rig: Rig) -> None:
    reply = await rig.chat.send("小二一直不回怎么办")
    assert reply is not None and reply.text.startswith("小二回复很慢或不回")
    assert "北京时间 14:00–23:00" in reply.text


async def test_english_user_gets_english_answer(rig: Rig) -> None:
    chat = rig.user(9001, "en")
    reply = await chat.send("小二一直不回怎么办")
    assert reply is not None and reply.text.startswith("The AM replies slowly")


async def test_unsure_question_offers_three_topics(rig: Rig) -> None:
    reply = await rig.chat.send("小二和认证")
    assert reply is not None and "你是想问" in reply.text
    assert len(rig.chat.button_labels()) == 4


async def test_torn_between_two_topics_answers_one_and_offers_the_other(rig: Rig) -> None:
    reply = await rig.chat.send("在线客服能代替小二吗 小二周末休息")
    assert reply is not None and reply.text.startswith("在线客服和小二")
    assert rig.chat.button_labels()[0] == "❓ 小二回复很慢或不回，怎么办？"


async def test_out_of_scope_says_so_with_menu(rig: Rig) -> None:
    for question in ["帮我写一首诗", "今天天气"]:
        reply = await rig.chat.send(question)
        assert reply is not None and "不在我的范围内" in reply.text
        assert "📚 常见问题" in rig.chat.button_labels()


async def test_a_paid_contact_offer_gets_the_fraud_answer(rig: Rig) -> None:
    # The warning put before another topic's answer: test_typed_answers.py (several questions).
    reply = await rig.chat.send("有人说付费可以帮我加小二微信，优先处理")
    assert reply is not None and reply.text.startswith("有人收费帮我「找小二」")
    assert "不可信" in reply.text


async def test_very_long_and_odd_messages_get_a_reply(rig: Rig) -> None:
    for text in ["小二" * 2500, "\u202e\u0000😀" * 10, "<b>&amp;"]:
        reply = await rig.chat.send(text)
        assert reply is not None


async def test_forged_topic_id_is_refused(rig: Rig) -> None:
    reply = await rig.chat.send("/faq")
    assert reply is not None
    before = len(rig.emulator.messages)
    await rig.chat.press_data(reply.message_id, "f2:nothing_here")
    await rig.chat.press_data(reply.message_id, "f2:" + "x" * 40)
    assert len(rig.emulator.messages) == before
    answers = [
        call.get("text") for name, call in rig.emulator.calls if name == "answercallbackquery"
    ]
    assert answers[-2:] == ["这个按钮已过期。"] * 2


async def test_topic_buttons_of_the_previous_version_open_the_topic_list(rig: Rig) -> None:
    await rig.chat.send("/faq")
    listing = rig.chat.button_labels()
    old_answer = await rig.chat.press("机器人")
    assert old_answer is not None
    reply = await rig.chat.press_data(old_answer.message_id, "f1:3")
    assert reply is not None and "选择一个问题" in reply.text
    assert rig.chat.button_labels(reply) == listing


async def test_fraud_talk_beside_a_reported_action_is_still_warned(rig: Rig) -> None:
    # Bug caught: the offer to track a reported action replaced the answer, so the fraud
    # warning was dropped when the message also said what the seller did (fraud comes first).
    for text in [
        "刚给小二发了消息，还有人说付费可以帮我加小二微信，优先处理",
        "I just sent my AM a message; someone offers to sell me my AM's WeChat for a fee",
    ]:
        assert rig.dispatcher["knowledge"].matcher.match(text).reported_action is not None
        reply = await rig.chat.send(text)
        assert reply is not None and ("不可信" in reply.text or "not trustworthy" in reply.text)
        assert "📌 好的，记录跟进" not in rig.chat.button_labels()
