"""Tracked cases, their timeline, and the reminders that push the next step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.db.connection import transaction
from bot.services.cases import Case, CaseEvent, CaseKind, CaseStatus, Clock, Deadline
from bot.services.clock import from_epoch, to_epoch


class CaseLimitReached(Exception):
    """A limit of the policy's would be passed; nothing was written."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"{type(self).__name__}: at most {limit}")
        self.limit = limit


class TooManyOpenCases(CaseLimitReached):
    """The seller has as many open cases as the policy allows (`max_open_cases`)."""


class TooManyReminders(CaseLimitReached):
    """The case has had as many reminders as the policy allows (`max_reminders_per_case`)."""


@dataclass(frozen=True)
class CaseOverview:
    """A case with its timeline and its next reminder: what its screen shows."""

    case: Case
    events: list[tuple[datetime, CaseEvent]]
    next_reminder: datetime | None


@dataclass(frozen=True)
class DueReminder:
    """A claimed reminder with what is needed to write and address it."""

    id: int
    case: Case
    chat_id: int
    locale: str | None
    telegram_language: str | None
    timezone: str | None
    quiet_hours: str | None
    quiet_hold: bool
    attempts: int  # sending attempts, this one included


_CASE_COLUMNS = (
    "c.id, c.user_id, c.kind, c.happened_at, c.due_at, c.clock, c.estimate, c.note, c.status, "
    "c.answered_at, c.nudges, c.task, c.reference"
)


def _case(row: aiosqlite.Row) -> Case:
    return Case(
        id=row["id"],
        user_id=row["user_id"],
        kind=CaseKind(row["kind"]),
        happened_at=from_epoch(row["happened_at"]),
        due_at=from_epoch(row["due_at"]),
        clock=Clock(row["clock"]),
        estimate=bool(row["estimate"]),
        note=row["note"],
        status=CaseStatus(row["status"]),
        answered_at=from_epoch(row["answered_at"]) if row["answered_at"] is not None else None,
        nudges=row["nudges"],
        task=row["task"],
        reference=row["reference"],
    )


class CaseRepository:
    """Reads and writes cases, their events and reminders.

    Every write that adds or moves a reminder calls `on_reminders_changed` after its commit, so
    the scheduler looks again; callers never have to remember to wake it. With `open_limit`
    (the policy's `max_open_cases`) no seller gets more open cases than that; with
    `reminder_limit` (`max_reminders_per_case`) a snooze, correction or reopening that would
    give a case more reminders than that raises TooManyReminders (replayed presses).
    """

    def __init__(
        self,
        db: aiosqlite.Connection,
        on_reminders_changed: Callable[[], None] = lambda: None,
        open_limit: int | None = None,
        reminder_limit: int | None = None,
    ) -> None:
        self._db = db
        self._changed = on_reminders_changed
        self._open_limit = open_limit
        self._reminder_limit = reminder_limit

    async def create(
        self,
        user_id: int,
        kind: CaseKind,
        happened_at: datetime,
        deadline: Deadline,
        note: str | None,
        now: datetime,
        remind_at: datetime,
        *,
        task: str | None = None,
        reference: str | None = None,
    ) -> Case:
        """Store the case, its first timeline entry and its first reminder; raise
        TooManyOpenCases instead when the seller already has `open_limit` open cases (counted
        inside the write, so a burst of replayed presses cannot pass it)."""
        async with transaction(self._db):
            limit = self._open_limit
            if limit is not None and await self._open_count(user_id) >= limit:
                raise TooManyOpenCases(limit)
            cursor = await self._db.execute(
                "INSERT INTO cases (user_id, kind, happened_at, due_at, clock, estimate, note, "
                "created_at, task, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    user_id,
                    kind.value,
                    to_epoch(happened_at),
                    to_epoch(deadline.due),
                    deadline.clock.value,
                    int(deadline.estimate),
                    note,
                    to_epoch(now),
                    task,
                    reference,
                ),
            )
            case_id = cursor.lastrowid
            assert case_id is not None
            await self._event(case_id, CaseEvent.RECORDED, now)
            await self._remind(case_id, user_id, remind_at)
            case = await self.get(case_id, user_id)
        self._changed()
        assert case is not None
        return case

    async def _open_count(self, user_id: int) -> int:
        async with self._db.execute(
            "SELECT count(*) FROM cases WHERE user_id = ? AND status = 'open'", (user_id,)
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def get(
        self, case_id: int, user_id: int, statuses: tuple[CaseStatus, ...] = tuple(CaseStatus)
    ) -> Case | None:
        """The case if it exists, belongs to the user and is in one of these states; None
        otherwise (the same for every reason, so nothing is revealed)."""
        async with self._db.execute(
            f"SELECT {_CASE_COLUMNS} FROM cases c WHERE c.id = ? AND c.user_id = ?",
            (case_id, user_id),
        ) as cursor:
            row = await cursor.fetchone()
        case = _case(row) if row else None
        return case if case is not None and case.status in statuses else None

    async def overview(self, case_id: int, user_id: int) -> CaseOverview | None:
        """The case (if it is the user's) with its timeline and next reminder."""
        case = await self.get(case_id, user_id)
        if case is None:
            return None
        return CaseOverview(case, await self.events(case_id), await self.next_reminder_at(case_id))

    async def overviews(self, user_id: int) -> list[CaseOverview]:
        """Every case of the user, in every state, with its timeline and next reminder."""
        cases = await self.for_user(user_id, tuple(CaseStatus))
        return [
            CaseOverview(case, await self.events(case.id), await self.next_reminder_at(case.id))
            for case in cases
        ]

    async def for_user(self, user_id: int, statuses: tuple[CaseStatus, ...]) -> list[Case]:
        """The user's cases in these states, soonest deadline first."""
        marks = ", ".join("?" for _ in statuses)
        async with self._db.execute(
            f"SELECT {_CASE_COLUMNS} FROM cases c WHERE c.user_id = ? "
            f"AND c.status IN ({marks}) ORDER BY c.due_at, c.id",
            (user_id, *(status.value for status in statuses)),
        ) as cursor:
            return [_case(row) for row in await cursor.fetchall()]

    async def events(self, case_id: int) -> list[tuple[datetime, CaseEvent]]:
        """The case's timeline, oldest first."""
        async with self._db.execute(
            "SELECT at, event FROM case_events WHERE case_id = ? ORDER BY at, id", (case_id,)
        ) as cursor:
            return [(from_epoch(at), CaseEvent(event)) for at, event in await cursor.fetchall()]

    async def record_event(self, case: Case, event: CaseEvent, now: datetime) -> None:
        """Add a timeline entry (for example: an email generated from the case)."""
        async with transaction(self._db):
            await self._event(case.id, event, now)

    async def set_status(
        self,
        case: Case,
        status: CaseStatus,
        now: datetime,
        remind_at: datetime | None = None,
        answered_at: datetime | None = None,
    ) -> None:
        """Answer (the reply came at `answered_at`, default now), close or reopen; pending
        reminders stop, a reopened case gets a new one."""
        async with transaction(self._db):
            event = {
                CaseStatus.ANSWERED: CaseEvent.ANSWERED,
                CaseStatus.CLOSED: CaseEvent.CLOSED,
                CaseStatus.OPEN: CaseEvent.REOPENED,
            }[status]
            epoch = to_epoch(now)
            await self._db.execute(
                "UPDATE cases SET status = ?, "
                "answered_at = CASE WHEN ? = 'answered' THEN ? ELSE answered_at END, "
                "closed_at = CASE WHEN ? = 'open' THEN NULL ELSE ? END, "
                "nudges = CASE WHEN ? = 'open' THEN 0 ELSE nudges END WHERE id = ?",
                (
                    status.value,
                    status.value,
                    to_epoch(answered_at or now),
                    status.value,
                    epoch,
                    status.value,
                    case.id,
                ),
            )
            await self._cancel_reminders(case.id)
            await self._event(case.id, event, now)
            if remind_at is not None:
                await self._remind(case.id, case.user_id, remind_at)
        self._changed()

    async def reschedule(
        self,
        case: Case,
        happened_at: datetime,
        deadline: Deadline,
        remind_at: datetime,
        now: datetime,
    ) -> None:
        """A corrected time: the event moment, the deadline and its clock, the next reminder."""
        async with transaction(self._db):
            await self._db.execute(
                "UPDATE cases SET happened_at = ? WHERE id = ?", (to_epoch(happened_at), case.id)
            )
            await self._wait_anew(case, deadline, remind_at, CaseEvent.EDITED, now)
        self._changed()

    async def followed_up(
        self, case: Case, kind: CaseKind, deadline: Deadline, remind_at: datetime, now: datetime
    ) -> None:
        """The follow-up letter went out: the case now waits on its answer (the letter's kind,
        a new deadline, its nudges afresh), in the same thread."""
        async with transaction(self._db):
            await self._db.execute("UPDATE cases SET kind = ? WHERE id = ?", (kind.value, case.id))
            await self._wait_anew(case, deadline, remind_at, CaseEvent.FOLLOWED_UP, now)
        self._changed()

    async def _wait_anew(
        self, case: Case, deadline: Deadline, remind_at: datetime, event: CaseEvent, now: datetime
    ) -> None:
        # A new deadline with its clock, nudges counted afresh, one reminder armed.
        await self._db.execute(
            "UPDATE cases SET due_at = ?, clock = ?, estimate = ?, nudges = 0 WHERE id = ?",
            (to_epoch(deadline.due), deadline.clock.value, int(deadline.estimate), case.id),
        )
        await self._cancel_reminders(case.id)
        await self._remind(case.id, case.user_id, remind_at)
        await self._event(case.id, event, now)

    async def set_note(self, case: Case, note: str | None, now: datetime) -> None:
        """A corrected note."""
        async with transaction(self._db):
            await self._db.execute("UPDATE cases SET note = ? WHERE id = ?", (note, case.id))
            await self._event(case.id, CaseEvent.EDITED, now)

    async def next_reminder_at(self, case_id: int) -> datetime | None:
        """When the case's next reminder is due, if one is pending."""
        async with self._db.execute(
            "SELECT min(due_at) FROM reminders WHERE case_id = ? AND state = 'pending'",
            (case_id,),
        ) as cursor:
            row = await cursor.fetchone()
        return from_epoch(row[0]) if row and row[0] is not None else None

    async def snooze(self, case: Case, until: datetime, now: datetime) -> None:
        """Move the case's next reminder to `until`."""
        async with transaction(self._db):
            await self._cancel_reminders(case.id)
            await self._remind(case.id, case.user_id, until)
            await self._event(case.id, CaseEvent.SNOOZED, now)
        self._changed()

    async def delete(self, case: Case) -> None:
        """Remove the case with its timeline and reminders."""
        async with transaction(self._db):
            await self._db.execute("DELETE FROM cases WHERE id = ?", (case.id,))

    # -- reminders ----------------------------------------------------------------------------
    #
    # A reminder is pending (waiting for its time), claimed (taken by the scheduler, on its way),
    # then sent, cancelled or failed. Closing, answering, snoozing, reopening and a block cancel
    # pending *and* claimed reminders; the scheduler checks a claimed reminder is still claimed
    # right before sending it, and whatever it writes afterwards only applies while it is.

    async def recover_claimed(self) -> int:
        """After a crash: claimed but never marked sent goes back to pending (at most one
        duplicate, never a loss). Returns how many were recovered."""
        async with transaction(self._db):
            cursor = await self._db.execute(
                "UPDATE reminders SET state = 'pending' WHERE state = 'claimed'"
            )
            return cursor.rowcount

    async def next_due_at(self) -> datetime | None:
        """When the earliest pending reminder is due."""
        async with self._db.execute(
            "SELECT min(due_at) FROM reminders WHERE state = 'pending'"
        ) as cursor:
            row = await cursor.fetchone()
        return from_epoch(row[0]) if row and row[0] is not None else None

    async def due(self, now: datetime, limit: int) -> list[DueReminder]:
        """Up to `limit` pending reminders due by `now`, earliest first (nothing changed)."""
        async with self._db.execute(
            f"SELECT r.id AS reminder_id, r.attempts, {_CASE_COLUMNS}, u.chat_id, u.locale, "
            "u.telegram_language, u.timezone, "
            "u.quiet_hours, u.quiet_hold FROM reminders r "
            "JOIN cases c ON c.id = r.case_id JOIN users u ON u.id = r.user_id "
            "WHERE r.state = 'pending' AND r.due_at <= ? ORDER BY r.due_at, r.id LIMIT ?",
            (to_epoch(now), limit),
        ) as cursor:
            rows = await cursor.fetchall()
        return [
            DueReminder(
                id=row["reminder_id"],
                case=_case(row),
                chat_id=row["chat_id"],
                locale=row["locale"],
                telegram_language=row["telegram_language"],
                timezone=row["timezone"],
                quiet_hours=row["quiet_hours"],
                quiet_hold=bool(row["quiet_hold"]),
                attempts=row["attempts"] + 1,
            )
            for row in rows
        ]

    async def claim_due(self, now: datetime, limit: int) -> list[DueReminder]:
        """Mark up to `limit` due reminders as claimed and return them, earliest first."""
        async with transaction(self._db):
            due = await self.due(now, limit)
            if due:
                marks = ", ".join("?" for _ in due)
                await self._db.execute(
                    "UPDATE reminders SET state = 'claimed', attempts = attempts + 1 "
                    f"WHERE id IN ({marks})",
                    [reminder.id for reminder in due],
                )
            return due

    async def still_claimed(self, reminder: DueReminder) -> Case | None:
        """Right before sending: the case as it is now, if the reminder is still claimed and
        the case still open (None: closed, answered, snoozed or erased since the claim)."""
        async with self._db.execute(
            f"SELECT {_CASE_COLUMNS} FROM reminders r JOIN cases c ON c.id = r.case_id "
            "WHERE r.id = ? AND r.state = 'claimed' AND c.status = 'open'",
            (reminder.id,),
        ) as cursor:
            row = await cursor.fetchone()
        return _case(row) if row else None

    async def mark_sent(
        self, reminder: DueReminder, now: datetime, next_nudge: datetime | None
    ) -> None:
        """Sent: record it on the case's timeline and schedule the next nudge, if any.

        The push went out either way; the nudge only follows if nothing (closing, answering,
        a snooze) took the reminder over while it was on its way."""
        async with transaction(self._db):
            async with self._db.execute(
                "SELECT state FROM reminders WHERE id = ?", (reminder.id,)
            ) as cursor:
                row = await cursor.fetchone()
            await self._db.execute(
                "UPDATE reminders SET state = 'sent', sent_at = ? WHERE id = ?",
                (to_epoch(now), reminder.id),
            )
            await self._db.execute(
                "UPDATE cases SET nudges = nudges + 1 WHERE id = ?", (reminder.case.id,)
            )
            await self._event(reminder.case.id, CaseEvent.REMINDED, now)
            if next_nudge is not None and row is not None and row["state"] == "claimed":
                await self._remind_if_idle(reminder.case.id, reminder.case.user_id, next_nudge)
        self._changed()

    async def put_off(self, reminder: DueReminder, until: datetime) -> None:
        """Not now (quiet hours with "hold", or the chat's turn comes later): back to pending,
        due at `until`. Not an attempt to send, so it does not count as one."""
        await self.put_off_all([(reminder, until)])

    async def put_off_all(self, moves: list[tuple[DueReminder, datetime]]) -> None:
        """`put_off` for several claimed reminders in one write."""
        if not moves:
            return
        async with transaction(self._db):
            await self._db.executemany(
                "UPDATE reminders SET state = 'pending', due_at = ?, attempts = attempts - 1 "
                "WHERE id = ? AND state = 'claimed'",
                [(to_epoch(until), reminder.id) for reminder, until in moves],
            )
        self._changed()

    async def retry_later(self, reminder: DueReminder, at: datetime) -> None:
        """The attempt failed for a reason that passes (Telegram or the network is down, a
        flood wait): back to pending, due at `at`; the attempt counts."""
        async with transaction(self._db):
            await self._db.execute(
                "UPDATE reminders SET state = 'pending', due_at = ? "
                "WHERE id = ? AND state = 'claimed'",
                (to_epoch(at), reminder.id),
            )
        self._changed()

    async def release(self, reminders: list[DueReminder]) -> None:
        """Claimed but not tried (the batch stopped early): back to pending, unchanged."""
        if not reminders:
            return
        async with transaction(self._db):
            await self._db.executemany(
                "UPDATE reminders SET state = 'pending', attempts = attempts - 1 "
                "WHERE id = ? AND state = 'claimed'",
                [(reminder.id,) for reminder in reminders],
            )
        self._changed()

    async def mark_failed(self, reminder: DueReminder) -> None:
        """Could not be delivered (and will not be retried)."""
        async with transaction(self._db):
            await self._db.execute(
                "UPDATE reminders SET state = 'failed' WHERE id = ? AND state = 'claimed'",
                (reminder.id,),
            )

    async def stop_for_user(self, user_id: int) -> None:
        """The user blocked the bot: no more reminders for them, claimed ones included."""
        async with transaction(self._db):
            await self._db.execute(
                "UPDATE reminders SET state = 'cancelled' "
                "WHERE user_id = ? AND state IN ('pending', 'claimed')",
                (user_id,),
            )

    async def resume(self, plan: list[tuple[Case, datetime]]) -> int:
        """The user is back (unblocked the bot): each open case without a reminder gets one at
        the given time. Returns how many were armed."""
        armed = 0
        async with transaction(self._db):
            for case, at in plan:
                armed += await self._remind_if_idle(case.id, case.user_id, at)
        self._changed()
        return armed

    async def _remind(self, case_id: int, user_id: int, due: datetime) -> None:
        limit = self._reminder_limit
        if limit is not None:
            async with self._db.execute(
                "SELECT count(*) FROM reminders WHERE case_id = ?", (case_id,)
            ) as cursor:
                row = await cursor.fetchone()
            if row is not None and row[0] >= limit:
                raise TooManyReminders(limit)
        # Guarded: a push in flight may finish after its seller erased everything (/delete).
        await self._db.execute(
            "INSERT INTO reminders (case_id, user_id, due_at) "
            "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?)",
            (case_id, user_id, to_epoch(due), case_id),
        )

    async def _remind_if_idle(self, case_id: int, user_id: int, due: datetime) -> int:
        # A case never has two reminders waiting, and a closed case gets none.
        cursor = await self._db.execute(
            "INSERT INTO reminders (case_id, user_id, due_at) "
            "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM cases WHERE id = ? AND status = 'open') "
            "AND NOT EXISTS (SELECT 1 FROM reminders WHERE case_id = ? "
            "AND state IN ('pending', 'claimed'))",
            (case_id, user_id, to_epoch(due), case_id, case_id),
        )
        return cursor.rowcount

    async def _cancel_reminders(self, case_id: int) -> None:
        await self._db.execute(
            "UPDATE reminders SET state = 'cancelled' "
            "WHERE case_id = ? AND state IN ('pending', 'claimed')",
            (case_id,),
        )

    async def _event(self, case_id: int, event: CaseEvent, now: datetime) -> None:
        await self._db.execute(
            "INSERT INTO case_events (case_id, at, event) "
            "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?)",
            (case_id, to_epoch(now), event.value, case_id),
        )
