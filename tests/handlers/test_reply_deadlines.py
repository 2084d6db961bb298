"""Deadlines of a pasted manager's reply anchored where they start: a period counted from the
seller's documents starts when the seller says they sent them; a deadline on the seller is
their own task, not a wait for a reply."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.db.case_repository import CaseRepository
from bot.services.cases import CaseKind, CaseStatus
from tests.support.moments import RunningClock, msk
from tests.support.rig import USER_ID, Rig


@pytest.fixture
def clock() -> RunningClock:
    """Monday 30 November 2026, 10:00 in Moscow, then running."""
    return RunningClock(msk(2026, 11, 30, 10))


async def test_a_period_after_the_documents_starts_when_the_seller_sends_them(
    rig: Rig, clock: RunningClock
) -> None:
    # bug: the five working days counted from the reply, so a seller who sends the
    # documents a week later gets a follow-up that is already overdue
    reply = await rig.chat.send("Срок ответа — до 5 рабочих дней после получения документов.")
    assert reply is not None and "从对方收到你的文件时起算" in reply.text
    clock.advance(timedelta(days=7))
    saved = await rig.chat.press("📤 我已提交文件")
    assert saved is not None
    (case,) = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert case.kind is CaseKind.CUSTOM
    assert abs(case.happened_at - clock()) < timedelta(minutes=1)
    assert case.due_at > clock() + timedelta(days=6)  # five Russian working days from now


async def test_a_deadline_on_the_seller_is_their_own_task(rig: Rig) -> None:
    # bug: «загрузите до 10.12» tracked as a wait for the manager's reply
    reply = await rig.chat.send("Загрузите сертификат соответствия до 10.12.")
    assert reply is not None and "你自己的截止时间" in reply.text
    await rig.chat.press("📌 记为我的任务")
    (case,) = await CaseRepository(rig.dispatcher["db"]).for_user(USER_ID, (CaseStatus.OPEN,))
    assert case.kind is CaseKind.OWN_TASK
    assert case.due_at.astimezone(msk(2026, 12, 10).tzinfo).date().day == 10
