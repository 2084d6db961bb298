"""Blocking and unblocking the bot (my_chat_member) through the production dispatcher, and a
reply whose answer from Telegram is lost."""

from __future__ import annotations

from datetime import datetime, timedelta

from aiogram.types import Update

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.services.cases import Case, CaseKind, Clock, Deadline
from bot.services.clock import from_epoch
from tests.support.driver import wait_until
from tests.support.fake_bot_api import PUSH_MARKER
from tests.support.rig import USER_ID, Rig

HOUR = timedelta(hours=1)


async def feed(rig: Rig, update: dict[str, object]) -> None:
    await rig.dispatcher.feed_update(rig.bot, Update.model_validate(update))


async def open_case(rig: Rig, due: datetime) -> Case:
    cases: CaseRepository = rig.dispatcher["cases"]
    await UserRepository(rig.dispatcher["db"]).ensure(USER_ID, USER_ID)
    deadline = Deadline(due, Clock.ELAPSED, False, ())
    return await cases.create(
        USER_ID, CaseKind.AM_ASSIGNMENT, due - 72 * HOUR, deadline, None, due - 72 * HOUR, due
    )


async def waiting(rig: Rig, case: Case) -> list[datetime]:
    async with rig.dispatcher["db"].execute(
        "SELECT due_at FROM reminders WHERE case_id = ? AND state = 'pending'", (case.id,)
    ) as cursor:
        return [from_epoch(row[0]) for row in await cursor.fetchall()]


async def active(rig: Rig) -> bool:
    user = await UserRepository(rig.dispatcher["db"]).get(USER_ID)
    assert user is not None
    return user.active


async def test_blocking_stops_reminders_and_unblocking_brings_them_back(rig: Rig) -> None:
    now = rig.dispatcher["clock"]().replace(microsecond=0)
    reminded = await open_case(rig, now - HOUR)
    await wait_until(lambda: pushes_to(rig) == 1, timeout=10)
    later = await open_case(rig, now + 5 * HOUR)
    assert len(await waiting(rig, reminded)) == 1 and len(await waiting(rig, later)) == 1

    await feed(rig, rig.emulator.block(USER_ID))
    assert not await active(rig)
    assert await waiting(rig, reminded) == [] and await waiting(rig, later) == []

    await feed(rig, rig.emulator.unblock(USER_ID))
    assert await active(rig)
    # The case never reminded comes at its deadline; the one already reminded goes on with
    # its next nudge (a day later on the plain-hour clock), not with a burst now.
    assert await waiting(rig, later) == [now + 5 * HOUR]
    (nudge,) = await waiting(rig, reminded)
    assert nudge > rig.dispatcher["clock"]() + 23 * HOUR
    # Unblocking twice arms nothing twice.
    await feed(rig, rig.emulator.unblock(USER_ID))
    assert len(await waiting(rig, later)) == 1 and len(await waiting(rig, reminded)) == 1


async def test_a_case_that_lapsed_while_blocked_is_pushed_on_return(rig: Rig) -> None:
    now = rig.dispatcher["clock"]().replace(microsecond=0)
    case = await open_case(rig, now + 5 * HOUR)
    await feed(rig, rig.emulator.block(USER_ID))
    await rig.dispatcher["db"].execute(
        "UPDATE cases SET due_at = due_at - 6 * 3600 WHERE id = ?", (case.id,)
    )
    await rig.dispatcher["db"].commit()
    await feed(rig, rig.emulator.unblock(USER_ID))
    await wait_until(lambda: pushes_to(rig) == 1, timeout=10)


async def test_membership_changes_in_groups_are_left_alone(rig: Rig) -> None:
    now = rig.dispatcher["clock"]().replace(microsecond=0)
    case = await open_case(rig, now + 5 * HOUR)
    update = rig.emulator.block(USER_ID)
    update["my_chat_member"]["chat"] = {"id": -100, "type": "supergroup", "title": "Sellers"}
    await feed(rig, update)
    assert await active(rig) and len(await waiting(rig, case)) == 1


def test_polling_asks_telegram_for_membership_updates(rig: Rig) -> None:
    assert "my_chat_member" in rig.dispatcher.resolve_used_update_types()


async def test_a_lost_answer_does_not_repeat_the_reply(rig: Rig) -> None:
    rig.emulator.lose_answers("sendMessage", 2)
    await rig.chat.send("/help")
    texts = [message.text for message in rig.emulator.chat_messages(USER_ID)]
    assert len(texts) == 1 and "我能帮你做什么" in texts[0]


def pushes_to(rig: Rig) -> int:
    return len(rig.emulator.sent_text(USER_ID, PUSH_MARKER))
