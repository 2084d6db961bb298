"""What sellers type, understood: small talk, several questions at once, captions, typed button
labels and numbers inside wizards, cancel words, questions asked in the middle of a wizard,
and times the way sellers write them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.services.cases import CaseStatus
from bot.services.profile import EntityType, KycStatus
from tests.support.moments import RunningClock, at_fixed_moments
from tests.support.rig import USER_ID, Rig


@pytest.mark.parametrize("text", ["你好", "在吗", "谢谢", "好的", "ok"])
async def test_small_talk_gets_a_friendly_line_and_the_menu(rig: Rig, text: str) -> None:
    reply = await rig.chat.send(text)
    assert reply is not None and "不在我的范围内" not in reply.text
    assert "📚 常见问题" in rig.chat.button_labels()


async def test_several_questions_answer_the_main_one_with_the_fraud_warning_first(
    rig: Rig,
) -> None:
    reply = await rig.chat.send(
        "KYC早就过了可是一直没有小二联系我，另外有个中介说交500块可以帮我找小二，还有我的货卡在仓库了"
    )
    assert reply is not None and reply.text.startswith("⚠️ 注意")
    assert "骗局" not in reply.text.split("\n")[0]
    # The main question is a confident match for another topic: its answer follows the warning.
    assert reply.text.split("\n\n")[1].startswith("条件都满足了还没有小二")
    labels = rig.chat.button_labels()
    assert labels[0].startswith("⚠️") and any(label.startswith("❓") for label in labels)


async def test_the_caption_of_a_screenshot_is_read(rig: Rig) -> None:
    update = rig.emulator.user_media(USER_ID, "photo")
    update["message"]["caption"] = "小二一直不回怎么办"
    await rig.chat.deliver(update, expect_reply=True)
    reply = rig.chat.last()
    assert (reply is not None and reply.text.startswith("小二回复很慢")) or (
        reply is not None and "小二" in reply.text.split("\n")[0]
    )


async def test_out_of_scope_names_the_official_route(rig: Rig) -> None:
    reply = await rig.chat.send("帮我写一首关于春天的诗")
    assert reply is not None and "不在我的范围内" in reply.text and "提交工单" in reply.text


async def test_typed_labels_and_chinese_numerals_answer_the_check(rig: Rig) -> None:
    await rig.chat.send("/check")
    for typed in ["是的", "公司", "通过了"]:
        reply = await rig.chat.send(typed)
        assert reply is not None and "请点按钮" not in reply.text, typed
    reply = await rig.chat.send("五十个")
    assert reply is not None and "最后一步" in reply.text
    user = await UserRepository(rig.dispatcher["db"]).get(USER_ID)
    assert user is not None and user.sku_count == 50
    assert user.entity_type is EntityType.COMPANY and user.kyc_status is KycStatus.VERIFIED


async def test_a_number_inside_a_sentence_and_a_typed_choice_fill_the_profile(rig: Rig) -> None:
    await rig.chat.send("/profile")
    await rig.chat.press("卖家 ID")
    reply = await rig.chat.send("我的id是 1234567")
    assert reply is not None and "卖家 ID：1234567" in reply.text
    await rig.chat.press("主体类型")
    reply = await rig.chat.send("个体户")
    assert reply is not None and "主体类型：个体工商户" in reply.text
    await rig.chat.press("KYC 状态")
    reply = await rig.chat.send("随便")
    assert reply is not None and "请点选一个按钮" in reply.text


@pytest.mark.parametrize("word", ["取消", "算了", "不记了"])
async def test_cancel_words_leave_any_wizard(rig: Rig, word: str) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("给小二发了消息")
    reply = await rig.chat.send(word)
    assert reply is not None and "已取消" in reply.text
    context = rig.dispatcher.fsm.get_context(rig.bot, chat_id=USER_ID, user_id=USER_ID)
    assert await context.get_state() is None


async def test_a_question_inside_a_wizard_is_answered_and_the_step_shown_again(
    rig: Rig,
) -> None:
    await rig.chat.send("/check")
    await rig.chat.press("是")
    await rig.chat.send("个体户能不能有小二？")
    messages = rig.emulator.chat_messages(USER_ID)
    answer, step = messages[-2], messages[-1]
    assert answer.text.startswith("个体工商户")
    assert "回到刚才这一步" in step.text and "步骤 2/4" in step.text
    reply = await rig.chat.send("企业")
    assert reply is not None and "步骤 3/4" in reply.text


@at_fixed_moments()
@pytest.mark.parametrize(
    ("typed", "hours_ago_at_least"),
    [("两小时前", 2), ("前天", 24), ("30分钟前", 0)],
)
async def test_times_typed_the_way_sellers_write_them(
    rig: Rig, clock: RunningClock, typed: str, hours_ago_at_least: int
) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("给小二发了消息")
    reply = await rig.chat.send(typed)
    if reply is not None and "那天几点" in reply.text:
        reply = await rig.chat.press(rig.chat.button_labels()[0])
    assert reply is not None and "保存" in "".join(rig.chat.button_labels())
    await rig.chat.press("保存")
    (case,) = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert case.happened_at <= clock() - timedelta(hours=hours_ago_at_least) + timedelta(minutes=1)


@at_fixed_moments()
async def test_a_day_without_a_time_asks_which_part_of_the_day(rig: Rig) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("给中国支持邮箱发了邮件")
    reply = await rig.chat.send("前天")
    assert reply is not None and "那天几点" in reply.text
    assert len([b for b in reply.buttons() if b["callback_data"].startswith("k1:at:")]) == 2
