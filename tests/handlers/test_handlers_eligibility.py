"""The eligibility wizard through the production dispatcher: every outcome, every bad input."""

from __future__ import annotations

import json

import pytest

from bot.db.user_repository import UserRepository
from bot.services.profile import EntityType, KycStatus
from tests.support.moments import at_fixed_moments
from tests.support.rig import USER_ID, Rig

YES = "是"
COMPANY = "企业卖家"
INDIVIDUAL_BUSINESS = "个体工商户"
INDIVIDUAL = "个人"


@at_fixed_moments()
@pytest.mark.parametrize(
    ("presses", "typed", "expected"),
    [
        ([YES, COMPANY, "已通过", "10"], None, "最后一步"),
        ([YES, COMPANY, "已通过"], "3", "还需要再上架 2 个"),
        ([YES, COMPANY, "审核中"], None, "KYC 还在审核中"),
        ([YES, COMPANY, "被拒"], None, "先完成 KYC"),
        ([YES, INDIVIDUAL_BUSINESS, "未提交"], None, "先完成 KYC"),
        ([YES, INDIVIDUAL_BUSINESS, "已通过"], None, "个体工商户不会自动分配"),
        ([YES, INDIVIDUAL], None, "个人卖家不分配"),
        (["还没有"], None, "先注册"),
    ],
)
async def test_outcomes(rig: Rig, presses: list[str], typed: str | None, expected: str) -> None:
    reply = await rig.chat.send("/check")
    assert reply is not None and "步骤 1/4" in reply.text
    for label in presses:
        reply = await rig.chat.press(label)
    if typed is not None:
        reply = await rig.chat.send(typed)
    assert reply is not None and expected in reply.text
    if "最后一步" in reply.text:
        return
    assert "🏠 主菜单" in rig.chat.button_labels()
    # Registration rests on Ozon's own page; every other outcome on the unconfirmed guide.
    registering = expected == "先注册"
    assert ("ℹ️" in reply.text) is not registering
    assert ("docs.ozon.ru/global/en/launch/steps/step-1" in reply.html) is registering
    # The source link must not grow a preview card under the answer.
    sent = [call for name, call in rig.emulator.calls if name == "sendmessage"][-1]
    assert json.loads(sent["link_preview_options"]) == {"is_disabled": True}


@at_fixed_moments()
async def test_eligible_then_time_of_conditions(rig: Rig) -> None:
    await rig.chat.send("/check")
    for label in [YES, COMPANY, "已通过", "50"]:
        await rig.chat.press(label)
    reply = await rig.chat.send("明天 10:00")
    assert reply is not None and "没看懂" in reply.text
    reply = await rig.chat.send("2099-01-01 10:00")
    assert reply is not None and "未来" in reply.text
    reply = await rig.chat.send("3小时前")
    assert reply is not None and "你符合条件" in reply.text and "预计最晚：北京时间" in reply.text
    assert "莫斯科" in reply.text


async def test_answers_saved_to_profile_and_prefilled(rig: Rig) -> None:
    await rig.chat.send("/check")
    for label in [YES, COMPANY, "审核中"]:
        await rig.chat.press(label)
    users = UserRepository(rig.dispatcher["db"])
    user = await users.get(USER_ID)
    assert user is not None
    assert (user.entity_type, user.kyc_status) == (EntityType.COMPANY, KycStatus.PENDING)
    await rig.chat.send("/check")
    await rig.chat.press(YES)
    assert "✅ 企业卖家" in rig.chat.button_labels()


async def test_bad_input_repeats_the_step(rig: Rig) -> None:
    await rig.chat.send("/check")
    reply = await rig.chat.send("随便打的字")
    assert (
        reply is not None and "请点按钮，或直接输入答案" in reply.text and "步骤 1/4" in reply.text
    )
    for label in [YES, COMPANY, "已通过"]:
        await rig.chat.press(label)
    for bad, reason in [
        ("-5", "负数"),
        ("2.5", "整数"),
        ("😀", "整数"),
        ("9" * 5000, "太大"),
        ("100000000", "太大"),
    ]:
        reply = await rig.chat.send(bad)
        assert reply is not None and reason in reply.text and "步骤 4/4" in reply.text
    reply = await rig.chat.send_media("sticker")
    assert reply is not None and "步骤 4/4" in reply.text


async def test_back_and_cancel(rig: Rig) -> None:
    await rig.chat.send("/check")
    await rig.chat.press(YES)
    reply = await rig.chat.press("上一步")
    assert reply is not None and "步骤 1/4" in reply.text
    await rig.chat.press(YES)
    await rig.chat.press(COMPANY)
    reply = await rig.chat.press("上一步")
    assert reply is not None and "步骤 2/4" in reply.text
    reply = await rig.chat.press("取消")
    assert reply is not None and "已取消" in reply.text
    reply = await rig.chat.send("/help")
    assert reply is not None and "我能帮你做什么" in reply.text


async def test_double_tap_advances_once(rig: Rig) -> None:
    first = await rig.chat.send("/check")
    assert first is not None
    yes = next(b for b in first.buttons() if b["text"] == YES)["callback_data"]
    await rig.chat.press_data(first.message_id, yes)
    reply = await rig.chat.press_data(first.message_id, yes)
    assert reply is not None and "步骤 2/4" in reply.text
    last = rig.chat.last()
    assert last is not None and last.text.count("步骤") == 1


async def test_button_from_an_old_wizard(rig: Rig) -> None:
    old = await rig.chat.send("/check")
    assert old is not None
    old_yes = next(b for b in old.buttons() if b["text"] == YES)["callback_data"]
    await rig.chat.send("/check")
    reply = await rig.chat.press_data(old.message_id, old_yes)
    assert reply is not None and "步骤 1/4" in reply.text
    forged = old_yes.rsplit(":", 1)[0] + ":maybe"
    await rig.chat.press_data(old.message_id, forged)
    await rig.chat.send("/cancel")
    reply = await rig.chat.press_data(old.message_id, old_yes)
    assert reply is not None and "已取消" in reply.text  # nothing new: only the alert
