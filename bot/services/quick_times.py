"""Moments a seller picks with one tap ("30 min ago", "this morning") or that a button carries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.nlp.typed.times import MAX_AGE

FUTURE_TOLERANCE = timedelta(minutes=1)
MORNING_HOUR = 10
# Quick answers to "which day did you write?": today, yesterday, … this many days ago.
QUICK_DAYS_AGO = (0, 1, 2, 3, 4, 5)


class QuickTime(StrEnum):
    """Quick answers to "when did it happen?"."""

    NOW = "0"
    HALF_HOUR_AGO = "30"
    HOUR_AGO = "60"
    THREE_HOURS_AGO = "180"
    THIS_MORNING = "am"
    YESTERDAY = "yd"


class OwnWait(StrEnum):
    """Quick answers to "how long should I wait?" for a seller's own deadline (minutes)."""

    TWO_HOURS = "120"
    ONE_DAY = "1440"
    THREE_DAYS = "4320"
    ONE_WEEK = "10080"


def quick_moment(value: QuickTime, now: datetime, zone: ZoneInfo) -> datetime:
    """The moment a quick button stands for (this morning is 10:00 in the seller's zone)."""
    if value is QuickTime.THIS_MORNING:
        local = now.astimezone(zone).replace(hour=MORNING_HOUR, minute=0, second=0, microsecond=0)
        return local.astimezone(UTC)
    if value is QuickTime.YESTERDAY:
        return now - timedelta(days=1)
    return now - timedelta(minutes=int(value))


def carried_moment(epoch_minutes: int, now: datetime) -> datetime | None:
    """A moment a button carries (UTC epoch minutes), if the bot could have offered it: buttons
    are user input, so a value beyond the accepted past or in the future is refused before any
    date arithmetic."""
    latest = int((now + FUTURE_TOLERANCE).timestamp()) // 60
    earliest = int((now - MAX_AGE).timestamp()) // 60
    if not earliest <= epoch_minutes <= latest:
        return None
    return min(now, datetime.fromtimestamp(epoch_minutes * 60, UTC))


def epoch_minutes(moment: datetime) -> int:
    """How a button carries a moment."""
    return int(moment.timestamp()) // 60


def carried_day(ordinal: int, today: date) -> date | None:
    """A day a button carries (a date's ordinal), if the bot could have offered it: not in the
    future (a day of slack for time zones), not older than the accepted past."""
    if not (today - MAX_AGE).toordinal() <= ordinal <= today.toordinal() + 1:
        return None
    return min(today, date.fromordinal(ordinal))
