"""Working-time arithmetic on a country's official calendar, in one time zone.

Holidays and working weekends come from the `holidays` package. It does not model shortened
pre-holiday days, and for years without a published decree it falls back to the statutory
rules; `WorkCalendar.is_estimate` tells which days rest on that fallback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays


@lru_cache(maxsize=8)
def _decreed_through(country: str) -> int:
    """The last year for which the package carries the government's decree (moved days)."""
    return max(holidays.country_holidays(country).special_public_holidays, default=0)


@dataclass
class WorkCalendar:
    """One country's working days."""

    country: str
    _years: dict[int, holidays.HolidayBase] = field(default_factory=dict, repr=False)

    def _holidays(self, year: int) -> holidays.HolidayBase:
        if year not in self._years:
            self._years[year] = holidays.country_holidays(self.country, years=year)
        return self._years[year]

    def is_working_day(self, day: date) -> bool:
        """Weekdays that are not holidays, plus working weekends."""
        return bool(self._holidays(day.year).is_working_day(day))

    def is_estimate(self, day: date) -> bool:
        """True when the day's year has no published decree in the package yet."""
        return day.year > _decreed_through(self.country)


@dataclass(frozen=True)
class WorkSchedule:
    """Opening hours on a calendar's working days, in a time zone."""

    calendar: WorkCalendar
    zone: ZoneInfo
    opens: time
    closes: time

    def _at(self, day: date, moment: time) -> datetime:
        return datetime.combine(day, moment, self.zone)

    def _next_working_day(self, day: date) -> date:
        day += timedelta(days=1)
        while not self.calendar.is_working_day(day):
            day += timedelta(days=1)
        return day

    def is_open(self, moment: datetime) -> bool:
        """Inside opening hours on a working day (closing time included)."""
        local = moment.astimezone(self.zone)
        return (
            self.calendar.is_working_day(local.date())
            and self.opens <= local.time() <= self.closes
        )

    def next_opening(self, moment: datetime) -> datetime:
        """`moment` itself when open, otherwise the next opening time."""
        local = moment.astimezone(self.zone)
        day = local.date()
        if self.calendar.is_working_day(day):
            if local.time() < self.opens:
                return self._at(day, self.opens)
            if local.time() < self.closes:
                return local
        return self._at(self._next_working_day(day), self.opens)

    def next_working_morning(self, moment: datetime) -> datetime:
        """Opening time of the first working day after the day of `moment`."""
        return self._at(self._next_working_day(moment.astimezone(self.zone).date()), self.opens)

    def add_working_hours(self, start: datetime, amount: timedelta) -> datetime:
        """The moment `amount` of working time after `start`."""
        if amount < timedelta(0):
            msg = "working time cannot be negative"
            raise ValueError(msg)
        local = start.astimezone(self.zone)
        if self.is_open(local) and amount == timedelta(0):
            return local
        current = self.next_opening(local)
        remaining = amount
        while True:
            available = self._at(current.date(), self.closes) - current
            if remaining <= available:
                return current + remaining
            remaining -= available
            current = self._at(self._next_working_day(current.date()), self.opens)

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """Closing time of the `days`-th working day after the day of `start`."""
        day = start.astimezone(self.zone).date()
        for _ in range(days):
            day = self._next_working_day(day)
        return self._at(day, self.closes)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time inside [start, end] (zero when end is not after start)."""
        total = timedelta(0)
        if end <= start:
            return total
        day = start.astimezone(self.zone).date()
        last = end.astimezone(self.zone).date()
        while day <= last:
            if self.calendar.is_working_day(day):
                window_start = max(start, self._at(day, self.opens))
                window_end = min(end, self._at(day, self.closes))
                if window_end > window_start:
                    total += window_end - window_start
            day += timedelta(days=1)
        return total

    def spans_estimate(self, start: datetime, end: datetime) -> bool:
        """Does any day between the two moments rest on a calendar not yet decreed?"""
        first = start.astimezone(self.zone).date()
        last = end.astimezone(self.zone).date()
        return self.calendar.is_estimate(first) or self.calendar.is_estimate(last)
