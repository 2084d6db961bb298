"""The case repository's reminder states: what each write may change, and what it must not."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.db.case_repository import CaseRepository
from bot.db.connection import Database, open_database
from bot.db.user_repository import UserRepository
from bot.services.cases import Case, CaseKind, CaseStatus, Clock, Deadline
from bot.services.clock import from_epoch
from tests.support.moments import MOMENT_IDS, MOMENTS

SELLER, OTHER = 31, 32
HOUR = timedelta(hours=1)


@dataclass
class Store:
    database: Database
    cases: CaseRepository
    users: UserRepository
    now: datetime
    wakes: list[None]

    async def case(self, user_id: int = SELLER, due_in: timedelta = -HOUR) -> Case:
        due = self.now + due_in
        deadline = Deadline(due, Clock.ELAPSED, False, ())
        return await self.cases.create(
            user_id, CaseKind.AM_ASSIGNMENT, due - 72 * HOUR, deadline, None, self.now, due
        )

    async def reminders(self, case: Case) -> list[tuple[str, datetime, int]]:
        async with self.database.connection.execute(
            "SELECT state, due_at, attempts FROM reminders WHERE case_id = ? ORDER BY id",
            (case.id,),
        ) as cursor:
            return [(s, from_epoch(d), a) for s, d, a in await cursor.fetchall()]

    async def states(self, case: Case) -> list[str]:
        return [state for state, _, _ in await self.reminders(case)]


@pytest.fixture(params=MOMENTS, ids=MOMENT_IDS)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    database = await open_database(tmp_path / "bot.sqlite3")
    wakes: list[None] = []
    cases = CaseRepository(database.connection, on_reminders_changed=lambda: wakes.append(None))
    users = UserRepository(database.connection)
    for user in (SELLER, OTHER):
        await users.ensure(user, user)
    try:
        yield Store(database, cases, users, request.param, wakes)
    finally:
        await database.close()


@pytest.mark.parametrize("status", [CaseStatus.CLOSED, CaseStatus.ANSWERED])
async def test_closing_or_answering_cancels_pending_and_claimed(
    store: Store, status: CaseStatus
) -> None:
    claimed = await store.case()
    pending = await store.case(due_in=HOUR)
    await store.cases.claim_due(store.now, 10)
    for case in (claimed, pending):
        await store.cases.set_status(case, status, store.now)
        assert await store.states(case) == ["cancelled"]


async def test_reopening_arms_one_new_reminder(store: Store) -> None:
    case = await store.case()
    await store.cases.set_status(case, CaseStatus.CLOSED, store.now)
    await store.cases.set_status(case, CaseStatus.OPEN, store.now, remind_at=store.now + HOUR)
    assert await store.states(case) == ["cancelled", "pending"]


async def test_a_snooze_replaces_a_claimed_reminder(store: Store) -> None:
    case = await store.case()
    (claimed,) = await store.cases.claim_due(store.now, 10)
    await store.cases.snooze(case, store.now + HOUR, store.now)
    assert await store.states(case) == ["cancelled", "pending"]
    assert await store.cases.still_claimed(claimed) is None


async def test_still_claimed_gives_the_case_as_it_is_now(store: Store) -> None:
    case = await store.case()
    (claimed,) = await store.cases.claim_due(store.now, 10)
    fresh = await store.cases.still_claimed(claimed)
    assert fresh is not None and fresh.id == case.id and fresh.status is CaseStatus.OPEN


async def test_a_claimed_reminder_of_a_case_no_longer_open_is_not_sent(store: Store) -> None:
    # Closing cancels claimed reminders in the same write; this is the check behind it, for a
    # case whose status changed some other way (an old row, a manual fix, a future path).
    case = await store.case()
    (claimed,) = await store.cases.claim_due(store.now, 10)
    await store.database.connection.execute(
        "UPDATE cases SET status = 'closed' WHERE id = ?", (case.id,)
    )
    await store.database.connection.commit()
    assert await store.cases.still_claimed(claimed) is None


async def test_mark_sent_arms_the_nudge_only_while_still_claimed(store: Store) -> None:
    kept, closed = await store.case(), await store.case()
    first, second = await store.cases.claim_due(store.now, 10)
    await store.cases.set_status(closed, CaseStatus.CLOSED, store.now)
    nudge = store.now + 24 * HOUR
    await store.cases.mark_sent(first, store.now, nudge)
    await store.cases.mark_sent(second, store.now, nudge)
    assert [(s, d) for s, d, _ in await store.reminders(kept)] == [
        ("sent", store.now - HOUR),
        ("pending", nudge),
    ]
    # The push went out all the same: its row says so, and nothing waits.
    assert await store.states(closed) == ["sent"]
    refreshed = await store.cases.get(closed.id, SELLER)
    assert refreshed is not None and refreshed.nudges == 1


async def test_a_push_on_its_way_when_the_seller_blocked_arms_no_nudge(store: Store) -> None:
    case = await store.case()
    (claimed,) = await store.cases.claim_due(store.now, 10)
    await store.cases.stop_for_user(SELLER)
    await store.cases.mark_sent(claimed, store.now, store.now + 24 * HOUR)
    assert await store.states(case) == ["sent"]


async def test_a_case_never_has_two_reminders_waiting(store: Store) -> None:
    case = await store.case()
    (claimed,) = await store.cases.claim_due(store.now, 10)
    await store.cases.snooze(case, store.now + HOUR, store.now)
    await store.cases.mark_sent(claimed, store.now, store.now + 24 * HOUR)
    assert await store.cases.resume([(case, store.now)]) == 0
    assert (await store.states(case)).count("pending") == 1


async def test_block_cancels_pending_and_claimed_but_not_what_was_sent(store: Store) -> None:
    sent, claimed, pending = await store.case(), await store.case(), await store.case(due_in=HOUR)
    other = await store.case(OTHER)
    first, _, _ = await store.cases.claim_due(store.now, 3)
    await store.cases.mark_sent(first, store.now, None)
    await store.cases.stop_for_user(SELLER)
    assert await store.states(sent) == ["sent"]
    assert await store.states(claimed) == ["cancelled"]
    assert await store.states(pending) == ["cancelled"]
    assert await store.states(other) == ["claimed"]


async def test_resume_arms_open_cases_without_a_reminder(store: Store) -> None:
    waiting, closed, idle = await store.case(), await store.case(), await store.case()
    await store.cases.set_status(closed, CaseStatus.CLOSED, store.now)
    await store.cases.stop_for_user(SELLER)
    await store.cases.set_status(waiting, CaseStatus.OPEN, store.now, remind_at=store.now)
    store.wakes.clear()
    at = store.now + HOUR
    armed = await store.cases.resume([(waiting, at), (closed, at), (idle, at)])
    assert armed == 1
    assert await store.states(idle) == ["cancelled", "pending"]
    assert await store.states(closed) == ["cancelled"]
    assert store.wakes, "the scheduler was not woken"


async def test_putting_back_counts_only_real_attempts(store: Store) -> None:
    held, failed, untried = await store.case(), await store.case(), await store.case()
    first, second, third = await store.cases.claim_due(store.now, 10)
    assert first.attempts == 1
    later = store.now + HOUR
    await store.cases.put_off(first, later)  # quiet hours: not an attempt
    await store.cases.retry_later(second, later)  # Telegram failed: an attempt
    await store.cases.release([third])  # never tried
    assert await store.reminders(held) == [("pending", later, 0)]
    assert await store.reminders(failed) == [("pending", later, 1)]
    assert await store.reminders(untried) == [("pending", store.now - HOUR, 0)]


async def test_writes_to_a_reminder_no_longer_claimed_change_nothing(store: Store) -> None:
    case = await store.case()
    (claimed,) = await store.cases.claim_due(store.now, 10)
    await store.cases.set_status(case, CaseStatus.CLOSED, store.now)
    await store.cases.put_off(claimed, store.now + HOUR)
    await store.cases.retry_later(claimed, store.now + HOUR)
    await store.cases.release([claimed])
    await store.cases.mark_failed(claimed)
    assert await store.states(case) == ["cancelled"]


async def test_recovery_puts_back_what_a_crash_left_claimed(store: Store) -> None:
    case = await store.case()
    await store.cases.claim_due(store.now, 10)
    assert await store.cases.recover_claimed() == 1
    assert await store.states(case) == ["pending"]


async def test_due_reminders_come_earliest_first_and_only_when_due(store: Store) -> None:
    late = await store.case(due_in=-2 * HOUR)
    early = await store.case(due_in=-3 * HOUR)
    await store.case(due_in=HOUR)
    due = await store.cases.due(store.now, 10)
    assert [reminder.case.id for reminder in due] == [early.id, late.id]
    assert await store.cases.next_due_at() == store.now - 3 * HOUR
