"""Reminders as a seller meets them: snoozes that only move a reminder later, the seller's own
tasks reminded ahead, typed answers that keep a flow going."""

from __future__ import annotations

from datetime import time, timedelta

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.offline.emulator import SentMessage
from bot.services.cases import CaseEvent, CaseKind, CaseStatus
from bot.ui.callbacks import CaseAction, CaseCb, EmailCb
from tests.support.driver import callback_answers
from tests.support.moments import BEIJING, MOSCOW, RunningClock, at_fixed_moments
from tests.support.rig import USER_ID, Rig


async def message_to_the_am_just_now(rig: Rig) -> SentMessage | None:
    """A message to the AM recorded by typing, its screen opened from /cases."""
    await rig.chat.send("/track")
    await rig.chat.send("给小二发了消息")
    await rig.chat.send("刚刚")
    await rig.chat.send("保存")
    await rig.chat.send("/cases")
    return await rig.chat.press("#1")


@at_fixed_moments()
async def test_a_case_not_yet_due_offers_no_snooze_and_keeps_its_deadline_reminder(
    rig: Rig,
) -> None:
    # Bug caught: a snooze on a case not yet due moved its reminder before the deadline.
    detail = await message_to_the_am_just_now(rig)
    assert detail is not None and "下次提醒" in detail.text
    assert not any("延后" in label for label in rig.chat.button_labels())
    repository = CaseRepository(rig.dispatcher["db"])
    (case,) = await repository.for_user(USER_ID, (CaseStatus.OPEN,))
    before = await repository.next_reminder_at(case.id)
    stale = CaseCb(action=CaseAction.SNOOZE_HOUR, case=case.id).pack()
    await rig.chat.press_data(detail.message_id, stale)
    assert await repository.next_reminder_at(case.id) == before == case.due_at
    assert "还没到截止时间" in (callback_answers(rig.emulator)[-1] or "")


@at_fixed_moments()
async def test_a_deadline_the_seller_must_meet_is_reminded_ahead_with_its_request_number(
    rig: Rig, clock: RunningClock
) -> None:
    # Bugs caught: the seller's own deadline reminded only at the deadline (in quiet hours);
    # the request number of the reply lost once the deadline was tracked.
    day = (clock() + timedelta(days=10)).astimezone(MOSCOW).date()
    await rig.chat.send(
        f"Ваша заявка № 87654321 на рассмотрении. "
        f"Пришлите сертификат соответствия до {day:%d.%m.%Y}."
    )
    saved = await rig.chat.press("📌 记为我的任务")
    assert saved is not None and "要做" in saved.text and "87654321" in saved.text
    repository = CaseRepository(rig.dispatcher["db"])
    (case,) = await repository.for_user(USER_ID, (CaseStatus.OPEN,))
    assert case.task is not None and case.reference == "87654321"
    remind_at = await repository.next_reminder_at(case.id)
    assert remind_at is not None and remind_at < case.due_at - timedelta(hours=12)
    assert remind_at.astimezone(BEIJING).time() == time(8, 0)  # as the seller wakes
    await rig.chat.send("/cases")
    detail = await rig.chat.press("#1")
    assert detail is not None and "要做" in detail.text and "87654321" in detail.text


async def state_of(rig: Rig) -> str | None:
    context = rig.dispatcher.fsm.get_context(rig.bot, chat_id=USER_ID, user_id=USER_ID)
    return await context.get_state()


async def test_the_first_step_of_track_takes_a_typed_label_and_keeps_the_flow(rig: Rig) -> None:
    # Bugs caught: "给小二发了消息" typed at /track's first step went to the FAQ and the
    # recording was dropped; a stray word left the seller outside the flow.
    await rig.chat.send("/track")
    again = await rig.chat.send("嗯嗯嗯")
    assert again is not None and "记录跟进" in again.text and await state_of(rig) is not None
    when = await rig.chat.send("给小二发了消息")
    assert when is not None and "是什么时候" in when.text
    await rig.chat.send("9点多")
    saved = await rig.chat.send("保存")
    assert saved is not None and "#1" in saved.text
    (case,) = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert case.kind is CaseKind.AM_MESSAGE
    await rig.chat.send("/track")
    cancelled = await rig.chat.send("算了")
    assert cancelled is not None and "已取消" in cancelled.text and await state_of(rig) is None


async def test_a_letters_category_and_skips_are_typed(rig: Rig) -> None:
    # Bugs caught: "罚款" typed at the letter's category step went to the FAQ (the letter
    # lost); "skip" at the contact name signed the letter "skip"; "跳过" typed at the
    # description became the description.
    await rig.chat.fill_profile(**{"卖家 ID": "778899", "公司名称": "Shenzhen Trading Co."})
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    await rig.chat.press_data(listing.message_id, EmailCb(template="follow_up").pack())
    asked = await rig.chat.send("skip")
    assert asked is not None and "问题属于哪一类" in asked.text
    day = await rig.chat.send("罚款")
    assert day is not None and "哪天" in day.text
    await rig.chat.press("昨天")
    email = await rig.chat.send("跳过")
    assert email is not None and "«Штраф»" in email.text and "Суть вопроса" not in email.text
    assert "С уважением,\nShenzhen Trading Co.\n" in email.text and "skip" not in email.text
    user = await UserRepository(rig.dispatcher["db"]).get(USER_ID)
    assert user is not None and user.contact_name == ""


@at_fixed_moments()
async def test_a_sent_follow_up_letter_goes_on_in_its_follow_up(rig: Rig) -> None:
    # Bugs caught: «I have sent it» under a follow-up letter opened a second follow-up (two
    # threads, two sets of pushes); a letter written before the first wait ran out did not
    # say it may be early.
    await rig.chat.fill_profile(
        **{"卖家 ID": "778899", "公司名称": "Shenzhen Trading Co.", "邮件署名联系人": "Li Wei"}
    )
    await message_to_the_am_just_now(rig)
    await rig.chat.press("生成邮件")  # the escalation letter asks for a description first
    letter = await rig.chat.send("跳过")
    assert letter is not None and "第一次的等待还没到期" in letter.text
    going_on = await rig.chat.press("我已发送")
    assert going_on is not None and "仍是跟进 #1" in going_on.text
    repository = CaseRepository(rig.dispatcher["db"])
    (case,) = await repository.for_user(USER_ID, (CaseStatus.OPEN,))
    assert case.kind is CaseKind.ESCALATION
    assert await repository.next_reminder_at(case.id) == case.due_at
    events = [event for _at, event in await repository.events(case.id)]
    assert events[-1] is CaseEvent.FOLLOWED_UP


@at_fixed_moments()
async def test_a_new_deadline_is_typed_as_its_buttons_label(rig: Rig, clock: RunningClock) -> None:
    # Bug caught: anything typed at "move the deadline" left the correction ("please use the
    # buttons"), even the label of a button.
    await message_to_the_am_just_now(rig)
    await rig.chat.press("修改")
    await rig.chat.press("截止时间")
    again = await rig.chat.send("下个月吧")
    assert again is not None and "多久之后" in again.text and await state_of(rig) is not None
    detail = await rig.chat.send("1天后")
    assert detail is not None and "下次提醒" in detail.text and await state_of(rig) is None
    (case,) = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert abs(case.due_at - (clock() + timedelta(days=1))) < timedelta(minutes=1)
