"""FAQ browsing and free-text questions through the production dispatcher."""

from __future__ import annotations

from tests.support.rig import Rig


async def test_faq_lists_every_topic_and_each_answer_renders(rig: Rig) -> None:
    knowledge = rig.dispatcher["knowledge"]
    reply = await rig.chat.send("/faq")
    assert reply is not None
    titles = rig.chat.button_labels()
    assert len(titles) == len(knowledge.topic_ids()) + 1
    for index, topic_id in enumerate(knowledge.topic_ids()):
        listing = rig.chat.emulator.messages[(rig.chat.user_id, reply.message_id)]
        answer = await rig.chat.press_data(listing.message_id, f"f1:{index}")
        assert answer is not None
        assert answer.text.startswith(knowledge.topic("zh", topic_id).title)
        assert "📚 其他问题" in rig.chat.button_labels()


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
    reply = await rig.chat.send("KYC需要哪些文件")
    assert reply is not None and "你是想问" in reply.text
    assert len(rig.chat.button_labels()) == 4


async def test_out_of_scope_says_so_with_menu(rig: Rig) -> None:
    for question in ["帮我写一首诗", "今天天气"]:
        reply = await rig.chat.send(question)
        assert reply is not None and "不在我的范围内" in reply.text
        assert "📚 常见问题" in rig.chat.button_labels()


async def test_fraud_warning_comes_first(rig: Rig) -> None:
    reply = await rig.chat.send("有人说付费可以帮我加小二微信，优先处理")
    assert reply is not None and reply.text.startswith("有人收费帮我「找小二」")
    assert "不可信" in reply.text


async def test_very_long_and_odd_messages_get_a_reply(rig: Rig) -> None:
    for text in ["小二" * 2500, "\u202e\u0000😀" * 10, "<b>&amp;"]:
        reply = await rig.chat.send(text)
        assert reply is not None


async def test_forged_topic_index_is_refused(rig: Rig) -> None:
    reply = await rig.chat.send("/faq")
    assert reply is not None
    before = len(rig.emulator.messages)
    await rig.chat.press_data(reply.message_id, "f1:999")
    await rig.chat.press_data(reply.message_id, "f1:abc")
    assert len(rig.emulator.messages) == before + 1  # only the stale-button menu
