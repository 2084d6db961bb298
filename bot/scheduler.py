"""The reminder scheduler: one task that sleeps until the next reminder is due.

Reminders live in SQLite. Delivery is claim → check → send → mark sent, with up to `IN_FLIGHT`
pushes on their way at once, never two to one chat (Telegram answers in tens of milliseconds,
so one at a time could not use the send budget):

- a crash between send and mark repeats at most the pushes on their way, never more than one
  per seller, and loses none (claimed reminders are put back at start);
- a reminder whose case was closed, answered or snoozed after the claim is not sent (the check
  right before sending), and a push already on its way arms no nudge (see `mark_sent`);
- an error that passes (Telegram's 5xx, 429, no connection) puts the push back to pending with
  a growing, bounded delay; it is never marked failed for that. A 403 stops the seller's
  reminders, other refusals mark it failed;
- when the request may have reached Telegram but its answer was lost, the push counts as sent
  (sending it again could show it twice); the case's next nudge still follows;
- an unexpected exception puts that one reminder back with a delay and the batch goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.utils.i18n import I18n

from bot.db.case_repository import CaseRepository, DueReminder
from bot.db.user_repository import UserRepository
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock, system_clock
from bot.services.locales import resolve_locale
from bot.services.quiet_hours import QuietHours, delivery, seller_quiet_hours
from bot.telegram.request_retry import never_arrived
from bot.telegram.send_budget import SendBudget, background_sends, budget_of
from bot.ui.case_views import case_keyboard, reminder_text

logger = logging.getLogger(__name__)

# About one second of pushes at Telegram's limit: a claim never runs far ahead of the sends.
BATCH = 30
# Pushes on their way at once (each to another chat): enough to fill the send budget although
# every call waits for Telegram's answer (tens of milliseconds, more from far away); a crash
# repeats at most these, and never more than one per seller.
IN_FLIGHT = 8
IDLE_WAKE = timedelta(minutes=10)  # re-check even with nothing due (clock changes, new data)
# After a failure that passes: 2 s, 4 s, … at most 5 minutes between attempts.
FIRST_BACKOFF = timedelta(seconds=2)
MAX_BACKOFF = timedelta(minutes=5)
# A reminder that keeps raising (a bug, not Telegram) is given up after this many attempts.
MAX_BROKEN_ATTEMPTS = 8
# A chat that cannot take a push for longer than this gets it moved later instead of holding
# up the rest of the batch.
CHAT_WAIT = 0.25
# Held in quiet hours: at least this long, whatever the zone's clock does.
MIN_HOLD = timedelta(minutes=1)


class Outcome(Enum):
    """What became of one claimed reminder."""

    SENT = "sent"
    HELD = "held"  # quiet hours: later
    DROPPED = "dropped"  # the case changed since the claim
    REFUSED = "refused"  # 403 or another refusal: not retried
    BROKEN = "broken"  # raised: that reminder is tried again later, the batch goes on
    RETRY = "retry"  # Telegram or the network is failing: stop the batch, back off


def backoff(failures: int) -> timedelta:
    """The delay after `failures` failures in a row (doubling, capped)."""
    return min(FIRST_BACKOFF * (1 << max(0, min(failures - 1, 20))), MAX_BACKOFF)


class ReminderScheduler:
    """Started and stopped with the dispatcher; `wakeup` is set by the case repository whenever
    a reminder is stored or moved."""

    def __init__(
        self,
        cases: CaseRepository,
        users: UserRepository,
        rules: CaseRules,
        i18n: I18n,
        default_timezone: str,
        wakeup: asyncio.Event,
        clock: WallClock = system_clock,
    ) -> None:
        self._cases = cases
        self._users = users
        self._rules = rules
        self._i18n = i18n
        self._default_zone = default_timezone
        self._now = clock
        self._wakeup = wakeup
        self._task: asyncio.Task[None] | None = None
        # After a failure that passes, nothing is claimed before this moment; the delay grows
        # with each pass in a row that failed.
        self._resume_at: datetime | None = None
        self.failed_passes = 0

    async def start(self, bot: Bot) -> None:
        """Put back what a crash left claimed, then run the loop."""
        recovered = await self._cases.recover_claimed()
        if recovered:
            logger.info("recovered %d reminders claimed before a restart", recovered)
        self._task = asyncio.create_task(self._run(bot), name="reminder-scheduler")

    async def stop(self) -> None:
        """Stop the loop, letting sends in flight finish."""
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    async def _run(self, bot: Bot) -> None:
        while True:
            try:
                await self.deliver_due(bot)
                await self._sleep_until_next()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("reminder loop failed; retrying shortly")
                await asyncio.sleep(FIRST_BACKOFF.total_seconds())

    async def _sleep_until_next(self) -> None:
        self._wakeup.clear()
        now = self._now()
        if self._resume_at is not None and self._resume_at > now:
            # Backing off: new reminders wait too, they would only fail the same way.
            await asyncio.sleep((self._resume_at - now).total_seconds())
            return
        next_due = await self._cases.next_due_at()
        wait = IDLE_WAKE if next_due is None else min(IDLE_WAKE, next_due - now)
        if wait.total_seconds() <= 0:
            return
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancellation that
        # arrives just after the wake-up was set, and stop() (SIGTERM) then waited for ever.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(wait.total_seconds()):
                await self._wakeup.wait()

    async def deliver_due(self, bot: Bot) -> int:
        """Deliver everything due now; return how many reminders were claimed. Stops early
        (and backs off) when Telegram or the network fails."""
        if self._resume_at is not None and self._resume_at > self._now():
            return 0
        return await _Drain(self, self._cases, self._now, bot, budget_of(bot)).run()

    def later(self, seconds: float) -> datetime:
        """A moment `seconds` from now, at least a second away (due times are stored to the
        second: sooner would be claimed again at once)."""
        return self._now() + timedelta(seconds=max(1.0, seconds))

    async def attempt(self, bot: Bot, reminder: DueReminder) -> Outcome:
        """Deliver one claimed reminder; whatever happens, it does not stay claimed."""
        try:
            outcome = await self._deliver(bot, reminder)
        except Exception:
            logger.exception("reminder %s could not be handled", reminder.id)
            if reminder.attempts >= MAX_BROKEN_ATTEMPTS:
                await self._cases.mark_failed(reminder)
            else:
                await self._cases.retry_later(reminder, self._now() + backoff(reminder.attempts))
            return Outcome.BROKEN
        if outcome is Outcome.SENT:
            self.failed_passes = 0
        return outcome

    async def _deliver(self, bot: Bot, reminder: DueReminder) -> Outcome:
        case = await self._cases.still_claimed(reminder)
        if case is None:
            return Outcome.DROPPED
        now = self._now()
        zone = ZoneInfo(reminder.timezone or self._default_zone)
        quiet = self._quiet_hours(reminder, zone)
        decision = delivery(quiet, now)
        if decision.hold_until is not None:
            await self._cases.put_off(reminder, max(decision.hold_until, now + MIN_HOLD))
            return Outcome.HELD
        locale = resolve_locale(reminder.locale, reminder.telegram_language)
        # The push says when the next one comes, and the same moment is armed once it is sent.
        nudge = self._rules.next_nudge(case, case.nudges + 1, now, quiet)
        with self._i18n.context(), self._i18n.use_locale(locale):
            text = reminder_text(case, now, self._rules, locale, next_reminder=nudge)
            markup = case_keyboard(case, snoozable=self._rules.snoozable(case, now))
        try:
            with background_sends():
                await bot.send_message(
                    reminder.chat_id,
                    text,
                    reply_markup=markup,
                    disable_notification=decision.silent,
                )
        except TelegramForbiddenError:
            logger.info("user %s blocked the bot; stopping their reminders", case.user_id)
            await self._users.set_active(case.user_id, active=False)
            await self._cases.mark_failed(reminder)
            await self._cases.stop_for_user(case.user_id)
            return Outcome.REFUSED
        except TelegramNetworkError as error:
            if not never_arrived(error):
                logger.warning("reminder %s: answer lost (%s), counts as sent", reminder.id, error)
                await self._cases.mark_sent(reminder, self._now(), nudge)
                return Outcome.SENT
            return await self._retry(reminder, error)
        except TelegramRetryAfter as error:
            return await self._retry(reminder, error, timedelta(seconds=error.retry_after))
        except TelegramServerError as error:
            return await self._retry(reminder, error)
        except TelegramAPIError as error:
            logger.warning("reminder %s refused: %s", reminder.id, error.message)
            await self._cases.mark_failed(reminder)
            return Outcome.REFUSED
        await self._cases.mark_sent(reminder, self._now(), nudge)
        return Outcome.SENT

    async def _retry(
        self, reminder: DueReminder, error: Exception, at_least: timedelta = timedelta(0)
    ) -> Outcome:
        wait = max(at_least, backoff(self.failed_passes + 1))
        logger.warning(
            "reminder %s: %s; trying again in %ds", reminder.id, error, wait.total_seconds()
        )
        resume = self._now() + wait
        self._resume_at = resume if self._resume_at is None else max(self._resume_at, resume)
        await self._cases.retry_later(reminder, resume)
        return Outcome.RETRY

    def _quiet_hours(self, reminder: DueReminder, zone: ZoneInfo) -> QuietHours:
        values = self._rules.policy.values
        default = (values.quiet_hours_start, values.quiet_hours_end)
        return seller_quiet_hours(zone, reminder.quiet_hours, default, reminder.quiet_hold)


class _Drain:
    """One pass over what is due: up to `IN_FLIGHT` senders share the claimed reminders in
    hand, never two pushes to one chat at once, the chat that can take one soonest first, and
    claim the next batch as soon as nothing in hand can go (no pause between batches)."""

    def __init__(
        self,
        scheduler: ReminderScheduler,
        cases: CaseRepository,
        clock: WallClock,
        bot: Bot,
        budget: SendBudget,
    ) -> None:
        self._scheduler = scheduler
        self._cases = cases
        self._now = clock
        self._bot = bot
        self._budget = budget
        self._hand: list[DueReminder] = []
        self._flying: set[int] = set()
        self._refilling = asyncio.Lock()
        self._failing = False
        self._exhausted = False
        self._claimed = 0

    async def run(self) -> int:
        try:
            await asyncio.gather(*(self._sender() for _ in range(IN_FLIGHT)))
            if self._failing:
                self._scheduler.failed_passes += 1
            else:
                await self._put_off_what_cannot_go()
        finally:
            # Stopped early (a failure, or the scheduler stopping): the rest is not lost.
            await self._cases.release(self._hand)
        return self._claimed

    async def _sender(self) -> None:
        while (reminder := await self._next()) is not None:
            self._flying.add(reminder.chat_id)
            try:
                if await self._scheduler.attempt(self._bot, reminder) is Outcome.RETRY:
                    self._failing = True
            finally:
                self._flying.discard(reminder.chat_id)

    async def _next(self) -> DueReminder | None:
        while not self._failing:
            if (reminder := self._take_ready()) is not None:
                return reminder
            if self._exhausted:
                return None
            async with self._refilling:
                if self._failing or self._exhausted or self._has_ready():
                    continue  # another sender refilled meanwhile
                await self._put_off_what_cannot_go()
                batch = await self._cases.claim_due(self._now(), BATCH)
                self._hand.extend(batch)
                self._claimed += len(batch)
                self._exhausted = not batch
        return None

    def _has_ready(self) -> bool:
        return self._ready() is not None

    def _take_ready(self) -> DueReminder | None:
        reminder = self._ready()
        if reminder is not None:
            self._hand.remove(reminder)
        return reminder

    def _ready(self) -> DueReminder | None:
        free = [r for r in self._hand if r.chat_id not in self._flying]
        if not free:
            return None
        best = min(free, key=lambda r: self._budget.wait_for(r.chat_id))
        # A chat that had its share just now is left for later rather than waited for.
        return best if self._budget.wait_for(best.chat_id) <= CHAT_WAIT else None

    async def _put_off_what_cannot_go(self) -> None:
        # Nothing in hand can go now. What waits for a chat that had its share just now is due
        # again a little later, so the next claim brings other sellers; what waits only for
        # its chat's push on the way stays in hand.
        later = [r for r in self._hand if r.chat_id not in self._flying]
        self._hand = [r for r in self._hand if r.chat_id in self._flying]
        await self._cases.put_off_all(
            [(r, self._scheduler.later(self._budget.wait_for(r.chat_id))) for r in later]
        )
