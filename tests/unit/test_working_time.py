"""Working-time arithmetic against the official 2026 calendars, plus properties."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.working_time import WorkCalendar, WorkSchedule
from tests.support.moments import BEIJING, MOSCOW, msk

RU = WorkCalendar("RU")
CN = WorkCalendar("CN")
AM_OFFICE = WorkSchedule(RU, MOSCOW, time(9), time(18))
CHINA_TEAM = WorkSchedule(CN, BEIJING, time(9), time(18))

RU_2026_OFF_WEEKDAYS = [
    *(date(2026, 1, day) for day in range(1, 10)),
    date(2026, 2, 23),
    date(2026, 3, 9),
    date(2026, 5, 1),
    date(2026, 5, 11),
    date(2026, 6, 12),
    date(2026, 11, 4),
    date(2026, 12, 31),
]
CN_2026_WORKING_WEEKENDS = [
    date(2026, 1, 4),
    date(2026, 2, 14),
    date(2026, 2, 28),
    date(2026, 5, 9),
    date(2026, 9, 20),
    date(2026, 10, 10),
]
CN_2026_OFF = [
    *(date(2026, 1, day) for day in (1, 2, 3)),
    *(date(2026, 2, day) for day in range(15, 24)),
    *(date(2026, 4, day) for day in (4, 5, 6)),
    *(date(2026, 5, day) for day in range(1, 6)),
    *(date(2026, 6, day) for day in (19, 20, 21)),
    *(date(2026, 9, day) for day in (25, 26, 27)),
    *(date(2026, 10, day) for day in range(1, 8)),
]


@pytest.mark.parametrize("day", RU_2026_OFF_WEEKDAYS)
def test_russian_2026_holidays_are_off(day: date) -> None:
    assert not RU.is_working_day(day)


def test_russia_has_no_working_saturday_in_2026_but_one_in_2027() -> None:
    saturdays = [date(2026, 1, 3) + timedelta(weeks=week) for week in range(52)]
    assert not any(RU.is_working_day(day) for day in saturdays)
    assert RU.is_working_day(date(2027, 2, 20))
    assert not RU.is_working_day(date(2027, 2, 22))


@pytest.mark.parametrize("day", CN_2026_WORKING_WEEKENDS)
def test_chinese_2026_make_up_days_are_working(day: date) -> None:
    assert day.weekday() >= 5 and CN.is_working_day(day)


@pytest.mark.parametrize("day", CN_2026_OFF)
def test_chinese_2026_holidays_are_off(day: date) -> None:
    assert not CN.is_working_day(day)


def test_estimates_for_undecreed_years() -> None:
    assert not CN.is_estimate(date(2026, 12, 1)) and CN.is_estimate(date(2027, 3, 1))
    assert not RU.is_estimate(date(2027, 3, 1)) and RU.is_estimate(date(2028, 3, 1))


@pytest.mark.parametrize(
    ("start", "hours", "end"),
    [
        (msk(2026, 11, 26, 10, 0), 2, msk(2026, 11, 26, 12, 0)),
        (msk(2026, 11, 26, 17, 0), 2, msk(2026, 11, 27, 10, 0)),  # spills into next morning
        (msk(2026, 11, 27, 17, 30), 2, msk(2026, 11, 30, 10, 30)),  # Friday → Monday
        (msk(2026, 11, 26, 7, 0), 2, msk(2026, 11, 26, 11, 0)),  # before opening
        (msk(2026, 11, 3, 17, 0), 2, msk(2026, 11, 5, 10, 0)),  # Nov 4 holiday
        (msk(2025, 12, 30, 17, 0), 2, msk(2026, 1, 12, 10, 0)),  # new-year break
        (msk(2026, 11, 28, 12, 0), 0, msk(2026, 11, 30, 9, 0)),  # Saturday, zero hours
        (msk(2026, 11, 26, 9, 0), 9, msk(2026, 11, 26, 18, 0)),  # exactly one day
    ],
)
def test_add_working_hours_moscow(start: datetime, hours: int, end: datetime) -> None:
    assert AM_OFFICE.add_working_hours(start, timedelta(hours=hours)) == end


def test_china_team_works_its_make_up_sunday() -> None:
    sunday = datetime(2026, 9, 20, 10, 0, tzinfo=BEIJING)
    assert CHINA_TEAM.add_working_hours(sunday, timedelta(hours=2)) == sunday + timedelta(hours=2)
    golden_week = datetime(2026, 9, 30, 17, 0, tzinfo=BEIJING)
    assert CHINA_TEAM.add_working_hours(golden_week, timedelta(hours=2)) == datetime(
        2026, 10, 8, 10, 0, tzinfo=BEIJING
    )


def test_add_working_days_and_time_between() -> None:
    assert CHINA_TEAM.add_working_days(datetime(2026, 9, 30, 10, tzinfo=BEIJING), 5) == datetime(
        2026, 10, 13, 18, 0, tzinfo=BEIJING
    )  # after the National Day break: Oct 8, 9, 10 (make-up Saturday), 12, 13
    start, end = msk(2026, 11, 27, 17, 0), msk(2026, 11, 30, 10, 30)
    assert AM_OFFICE.working_time_between(start, end) == timedelta(hours=2, minutes=30)
    assert AM_OFFICE.working_time_between(end, start) == timedelta(0)


moments = st.datetimes(
    min_value=datetime(2025, 6, 1), max_value=datetime(2027, 6, 1), timezones=st.just(UTC)
)
durations = st.integers(min_value=0, max_value=60 * 60).map(
    lambda minutes: timedelta(minutes=minutes)
)
schedules = st.sampled_from([AM_OFFICE, CHINA_TEAM])


@settings(max_examples=150, deadline=None)
@given(schedule=schedules, start=moments, amount=durations)
def test_never_ends_outside_working_hours(
    schedule: WorkSchedule, start: datetime, amount: timedelta
) -> None:
    end = schedule.add_working_hours(start, amount)
    assert schedule.is_open(end)
    assert end >= start
    assert schedule.working_time_between(start, end) == amount


@settings(max_examples=150, deadline=None)
@given(schedule=schedules, start=moments, first=durations, second=durations)
def test_adding_a_then_b_equals_adding_a_plus_b(
    schedule: WorkSchedule, start: datetime, first: timedelta, second: timedelta
) -> None:
    stepwise = schedule.add_working_hours(schedule.add_working_hours(start, first), second)
    assert stepwise == schedule.add_working_hours(start, first + second)


@settings(max_examples=150, deadline=None)
@given(schedule=schedules, start=moments, later=durations, amount=durations)
def test_monotonic(
    schedule: WorkSchedule, start: datetime, later: timedelta, amount: timedelta
) -> None:
    assert schedule.add_working_hours(start, amount) <= schedule.add_working_hours(
        start + later, amount
    )
    assert schedule.add_working_hours(start, amount) <= schedule.add_working_hours(
        start, amount + later
    )
