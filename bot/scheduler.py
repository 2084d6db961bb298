"""The reminder scheduler: one task that sleeps until the next reminder is due.

Reminders live in SQLite. Delivery is claim → send → mark sent, so a crash between send and
mark causes at most one duplicate and never a loss; claimed reminders are put back at start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import time, timedelta
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
)
from aiogram.utils.i18n import I18n

from bot.db.case_repository import CaseRepository, DueReminder
from bot.db.user_repository import UserRepository
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock, system_clock
from bot.services.locales import resolve_locale
from bot.services.quiet_hours import QuietHours, delivery
from bot.telegram.pacing import Pacer
from bot.ui.case_views import case_keyboard, reminder_text

logger = logging.getLogger(__name__)

# About one second of pushes at Telegram's limit: a claim never runs far ahead of the sends.
BATCH = 30
IDLE_WAKE = timedelta(minutes=10)  # re-check even with nothing due (clock changes, new data)
RETRY_LATER = timedelta(seconds=30)


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
        pacer: Pacer,
        wakeup: asyncio.Event,
        clock: WallClock = system_clock,
    ) -> None:
        self._cases = cases
        self._users = users
        self._rules = rules
        self._i18n = i18n
        self._default_zone = default_timezone
        self._pacer = pacer
        self._now = clock
        self._wakeup = wakeup
        self._task: asyncio.Task[None] | None = None

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
                await asyncio.sleep(RETRY_LATER.total_seconds())

    async def _sleep_until_next(self) -> None:
        self._wakeup.clear()
        next_due = await self._cases.next_due_at()
        wait = IDLE_WAKE if next_due is None else min(IDLE_WAKE, next_due - self._now())
        if wait.total_seconds() <= 0:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wakeup.wait(), wait.total_seconds())

    async def deliver_due(self, bot: Bot) -> int:
        """Deliver everything due now, batch by batch; return how many were handled.

        One push is in flight at a time: only a push sent but not yet marked can be repeated
        after a crash, so a kill duplicates at most one message.
        """
        handled = 0
        while batch := await self._cases.claim_due(self._now(), BATCH):
            for reminder in batch:
                await self._deliver(bot, reminder)
            handled += len(batch)
        return handled

    async def _deliver(self, bot: Bot, reminder: DueReminder) -> None:
        now = self._now()
        zone = ZoneInfo(reminder.timezone or self._default_zone)
        decision = delivery(self._quiet_hours(reminder, zone), now)
        if decision.hold_until is not None:
            await self._cases.hold(reminder, decision.hold_until)
            return
        locale = resolve_locale(reminder.locale, reminder.telegram_language)
        with self._i18n.context(), self._i18n.use_locale(locale):
            text = reminder_text(reminder.case, now, self._rules, locale)
            markup = case_keyboard(reminder.case)
        await self._pacer.wait_turn(reminder.chat_id)
        try:
            await bot.send_message(
                reminder.chat_id,
                text,
                reply_markup=markup,
                disable_notification=decision.silent,
            )
        except TelegramForbiddenError:
            logger.info("user %s blocked the bot; stopping their reminders", reminder.case.user_id)
            await self._users.set_active(reminder.case.user_id, active=False)
            await self._cases.mark_failed(reminder)
            await self._cases.stop_for_user(reminder.case.user_id)
            return
        except TelegramRetryAfter as error:
            self._pacer.pause(error.retry_after)
            await self._cases.hold(reminder, self._now() + timedelta(seconds=error.retry_after))
            return
        except TelegramNetworkError:
            await self._cases.hold(reminder, self._now() + RETRY_LATER)
            return
        except TelegramAPIError as error:
            logger.warning("reminder %s refused: %s", reminder.id, error.message)
            await self._cases.mark_failed(reminder)
            return
        nudge = self._rules.next_nudge(reminder.case, reminder.case.nudges + 1, now)
        await self._cases.mark_sent(reminder, self._now(), nudge)

    def _quiet_hours(self, reminder: DueReminder, zone: ZoneInfo) -> QuietHours:
        values = self._rules.policy.values
        start, end = values.quiet_hours_start, values.quiet_hours_end
        if reminder.quiet_hours:
            first, last = reminder.quiet_hours.split("-")
            start, end = time.fromisoformat(first), time.fromisoformat(last)
        return QuietHours(zone=zone, start=start, end=end, hold=reminder.quiet_hold)
