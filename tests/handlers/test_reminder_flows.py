"""Reminders as a seller meets them: snoozes that only move a reminder later, the seller's own
tasks reminded ahead, typed answers that keep a flow going."""

from __future__ import annotations

from datetime import time, timedelta

from bot.db.case_repository import CaseRepository
from bot.services.cases import CaseStatus
from bot.ui.callbacks import CaseAction, CaseCb
from tests.support.driver import callback_answers
from tests.support.moments import BEIJING, MOSCOW, RunningClock, at_fixed_moments
from tests.support.rig import USER_ID, Rig

pytestmark = at_fixed_moments()


async def test_a_case_not_yet_due_offers_no_snooze_and_keeps_its_deadline_reminder(
    rig: Rig,
) -> None:
    # Bug caught: a snooze on a case not yet due moved its reminder before the deadline.
    await rig.chat.send("/track")
    await rig.chat.press("给小二发了消息")
    await rig.chat.press("刚刚")
    await rig.chat.press("保存")
    await rig.chat.send("/cases")
    detail = await rig.chat.press("#1")
    assert detail is not None and "下次提醒" in detail.text
    assert not any("延后" in label for label in rig.chat.button_labels())
    repository = CaseRepository(rig.dispatcher["db"])
    (case,) = await repository.for_user(USER_ID, (CaseStatus.OPEN,))
    before = await repository.next_reminder_at(case.id)
    stale = CaseCb(action=CaseAction.SNOOZE_HOUR, case=case.id).pack()
    await rig.chat.press_data(detail.message_id, stale)
    assert await repository.next_reminder_at(case.id) == before == case.due_at
    assert "还没到截止时间" in (callback_answers(rig.emulator)[-1] or "")


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
    saved = await rig.chat.press("📌 记录跟进")
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
