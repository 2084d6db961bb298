"""A seller's journey from one feature to the next, without falling into gaps: a sent template
becomes a tracked follow-up in one tap, /check knows how long the seller has waited, replies
and corrections keep the right times, screens say what matters."""

from __future__ import annotations

from datetime import timedelta

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.services.cases import CaseKind, CaseStatus
from bot.ui.commands import COMMANDS
from tests.support.moments import RunningClock, at_fixed_moments
from tests.support.rig import USER_ID, Rig

PROFILE = {
    "卖家 ID": "1234567",
    "公司名称": "Shenzhen Hongda Trading Co., Ltd.",
    "已上架 SKU 数": "12",
    "邮件署名联系人": "Li Wei",
}


async def open_cases(rig: Rig) -> list:  # type: ignore[type-arg]
    return await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))


@at_fixed_moments()
async def test_a_sent_email_is_tracked_in_one_tap_and_its_time_corrected(
    rig: Rig, clock: RunningClock
) -> None:
    await rig.chat.fill_profile(**PROFILE)
    await rig.chat.send("/templates")
    await rig.chat.press("邮件模板")
    email = await rig.chat.press("Missing AM")
    assert email is not None and "🇨🇳 中文" in email.text and "我司已通过 KYC 认证" in email.text
    recorded = await rig.chat.press("我已发送")
    assert recorded is not None and "已记录为 #1" in recorded.text and "回复截止" in recorded.text
    assert rig.emulator.messages[(USER_ID, email.message_id)].text == email.text  # kept to copy
    (case,) = await open_cases(rig)
    assert case.kind is CaseKind.MISSING_AM
    assert abs(case.happened_at - clock()) < timedelta(minutes=1)
    detail = await rig.chat.press("3 小时前")
    assert detail is not None and "时间线" in detail.text and "已修改" in detail.text
    (moved,) = await open_cases(rig)
    assert abs(moved.happened_at - (clock() - timedelta(hours=3))) < timedelta(minutes=1)
    assert moved.due_at < case.due_at or moved.due_at == case.due_at  # never later than before


async def test_the_phrasebook_tracks_a_message_to_the_am(rig: Rig) -> None:
    await rig.chat.send("/templates")
    await rig.chat.press("俄语短语")
    reply = await rig.chat.press("已发给小二")
    assert reply is not None and "给小二发了消息" in reply.text
    (case,) = await open_cases(rig)
    assert case.kind is CaseKind.AM_MESSAGE


@at_fixed_moments()
async def test_check_knows_the_assignment_is_overdue_after_ten_days(rig: Rig) -> None:
    await rig.chat.send("/check")
    for label in ["是", "企业卖家", "已通过", "10"]:
        await rig.chat.press(label)
    reply = await rig.chat.send("10天前")
    assert reply is not None and "小二分配已超时" in reply.text
    assert "预计最晚" not in reply.text and "Missing AM" in reply.text
    assert any("Missing AM" in label for label in rig.chat.button_labels())
    assert not any("从那时起记录" in label for label in rig.chat.button_labels())


@at_fixed_moments()
async def test_check_with_the_conditions_just_met_expects_the_am(rig: Rig) -> None:
    await rig.chat.send("/check")
    for label in ["是", "企业卖家", "已通过", "50"]:
        await rig.chat.press(label)
    reply = await rig.chat.press("昨天")
    assert reply is not None and "你符合条件" in reply.text and "预计最晚" in reply.text
    reply = await rig.chat.press("从那时起")
    assert reply is not None and "回复截止" in reply.text


@at_fixed_moments()
async def test_the_reply_time_is_asked_and_kept(rig: Rig, clock: RunningClock) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("给小二发了消息")
    await rig.chat.send("5小时前")
    await rig.chat.press("保存")
    await rig.chat.send("/cases")
    await rig.chat.press("#1")
    asked = await rig.chat.press("已收到回复")
    assert asked is not None and "什么时候收到的回复" in asked.text
    reply = await rig.chat.send("2小时前")
    assert reply is not None and "已回复" in reply.text and "回复用时" in reply.text
    case = await CaseRepository(rig.dispatcher["db"]).get(1, USER_ID)
    assert case is not None and case.answered_at is not None
    assert abs(case.answered_at - (clock() - timedelta(hours=2))) < timedelta(minutes=1)
    stats = await rig.chat.send("/stats")
    assert stats is not None and "给小二发了消息" in stats.text and "个工作" in stats.text


@at_fixed_moments()
async def test_a_reply_cannot_come_before_the_message(rig: Rig) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("给小二发了消息")
    await rig.chat.send("1小时前")
    await rig.chat.press("保存")
    await rig.chat.send("/cases")
    await rig.chat.press("#1")
    await rig.chat.press("已收到回复")
    reply = await rig.chat.send("3小时前")
    assert reply is not None and "不能早于发出时间" in reply.text
    (case,) = await open_cases(rig)
    assert case.answered_at is None


@at_fixed_moments()
async def test_corrections_of_deadline_and_note(rig: Rig, clock: RunningClock) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("其他")
    await rig.chat.press("刚刚")
    await rig.chat.press("3 天")
    await rig.chat.press("保存")
    await rig.chat.send("/cases")
    await rig.chat.press("#1")
    await rig.chat.press("修改")
    await rig.chat.press("截止时间")
    detail = await rig.chat.press("1 天后")
    assert detail is not None and "下次提醒" in detail.text
    (case,) = await open_cases(rig)
    assert abs(case.due_at - (clock() + timedelta(days=1))) < timedelta(minutes=1)
    await rig.chat.press("修改")
    await rig.chat.press("备注")
    detail = await rig.chat.send("问 <b>类目</b> 审核")
    assert detail is not None and "备注：问 <b>类目</b> 审核" in detail.text
    listing = await rig.chat.send("/cases")
    assert listing is not None and "问 <b>类目</b> 审核" in listing.text
    assert "&lt;b&gt;" in listing.html
    await rig.chat.press("#1")
    await rig.chat.press("修改")
    await rig.chat.press("备注")
    await rig.chat.send("-")
    (case,) = await open_cases(rig)
    assert case.note is None


@at_fixed_moments()
async def test_snooze_shows_the_next_reminder_and_lists_label_working_time(rig: Rig) -> None:
    await rig.chat.send("/track")
    await rig.chat.press("给小二发了消息")
    await rig.chat.send("20天前")
    await rig.chat.press("保存")
    await rig.chat.send("/cases")
    listing = rig.chat.last()
    assert listing is not None and "个工作小时（" in listing.text and "天）" in listing.text
    await rig.chat.press("#1")
    detail = await rig.chat.press("延后 1 小时")
    assert detail is not None and "下次提醒" in detail.text


@at_fixed_moments()
async def test_a_returning_seller_sees_overdue_follow_ups_on_start(rig: Rig) -> None:
    reply = await rig.chat.send("/start")
    assert reply is not None and "已超时" not in reply.text
    await rig.chat.send("/track")
    await rig.chat.press("等待分配小二")
    await rig.chat.send("5天前")
    await rig.chat.press("保存")
    reply = await rig.chat.send("/start")
    assert reply is not None and "有 1 个跟进已超时" in reply.text and "#1" in reply.text
    assert "📋 我的跟进" in rig.chat.button_labels()[0]
    # Once: not again in the menu under it (issue 23).
    assert rig.chat.button_labels().count("📋 我的跟进") == 1


async def test_help_lists_every_command(rig: Rig) -> None:
    reply = await rig.chat.send("/help")
    assert reply is not None
    for name, _description in COMMANDS:
        assert f"/{name} " in reply.text, name


async def test_time_zones_are_chosen_by_name(rig: Rig) -> None:
    card = await rig.chat.send("/profile")
    assert card is not None and "时区：北京时间（默认）" in card.text
    await rig.chat.press("时区")
    assert "北京时间" in rig.chat.button_labels() and "莫斯科时间" in rig.chat.button_labels()
    reply = await rig.chat.send("莫斯科")
    assert reply is not None and "时区：莫斯科时间" in reply.text
    user = await UserRepository(rig.dispatcher["db"]).get(USER_ID)
    assert user is not None and user.timezone == "Europe/Moscow"


async def test_the_export_comes_with_a_summary_to_read(rig: Rig) -> None:
    await rig.chat.fill_profile(**PROFILE)
    await rig.chat.send("/track")
    await rig.chat.press("给小二发了消息")
    await rig.chat.send("1小时前")
    await rig.chat.press("保存")
    await rig.chat.send("/export")
    documents = [m.document for m in rig.emulator.chat_messages(USER_ID) if m.document]
    names = [name for name, _content in documents]
    assert names == [f"ozon-am-bot-{USER_ID}.txt", f"ozon-am-bot-{USER_ID}.json"]
    summary = documents[0][1].decode()
    assert "Shenzhen Hongda Trading Co., Ltd." in summary and "#1 给小二发了消息" in summary
    assert "<b>" not in summary and "时间线" in summary
