"""Reading typed times in the seller's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.nlp.typed.times import TimeError, moment_on, parse_past_time
from bot.services.quick_times import carried_day
from tests.support.moments import BEIJING, MOSCOW, bj

NOW = datetime(2026, 11, 27, 7, 0, tzinfo=UTC)  # 15:00 Beijing, Friday


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-11-26 15:30", bj(2026, 11, 26, 15, 30)),
        ("2026/11/26 9:05", bj(2026, 11, 26, 9, 5)),
        ("11-26 15:30", bj(2026, 11, 26, 15, 30)),
        ("11月26日 15:30", bj(2026, 11, 26, 15, 30)),
        ("昨天 15:30", bj(2026, 11, 26, 15, 30)),
        ("昨天下午3点", bj(2026, 11, 26, 15, 0)),
        ("前天 10:00", bj(2026, 11, 25, 10, 0)),
        ("今天 9:00", bj(2026, 11, 27, 9, 0)),
        ("14:30", bj(2026, 11, 27, 14, 30)),
        ("１４：３０", bj(2026, 11, 27, 14, 30)),
        ("3小时前", NOW - timedelta(hours=3)),
        ("30分钟前", NOW - timedelta(minutes=30)),
        ("半小时前", NOW - timedelta(minutes=30)),
        ("2 hours ago", NOW - timedelta(hours=2)),
        ("刚刚", NOW),
    ],
)
def test_accepted(text: str, moment: datetime) -> None:
    assert parse_past_time(text, NOW, BEIJING).moment == moment


def test_month_day_in_the_future_means_last_year() -> None:
    january = datetime(2027, 1, 2, 4, 0, tzinfo=UTC)
    assert parse_past_time("12-30 10:00", january, BEIJING).moment == bj(2026, 12, 30, 10, 0)


def test_time_zone_of_the_seller_is_used() -> None:
    moment = parse_past_time("10:00", NOW, MOSCOW).moment
    assert moment == datetime(2026, 11, 27, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("15:30", TimeError.FUTURE),
        ("2026-11-28 10:00", TimeError.FUTURE),
        ("2026-02-30 10:00", TimeError.INVALID_DATE),
        ("25:00", TimeError.INVALID_DATE),
        ("昨天 24:61", TimeError.INVALID_DATE),
        ("hello", TimeError.UNRECOGNISED),
        ("😀", TimeError.UNRECOGNISED),
        ("x" * 5000, TimeError.UNRECOGNISED),
        ("2025-01-01 10:00", TimeError.TOO_OLD),
        ("12-30 10:00", TimeError.TOO_OLD),
    ],
)
def test_refused(text: str, error: TimeError) -> None:
    parsed = parse_past_time(text, NOW, BEIJING)
    assert parsed.moment is None and parsed.error is error


def test_a_date_alone_asks_for_the_time_and_keeps_old_callers_working() -> None:
    parsed = parse_past_time("前天", NOW, BEIJING)
    assert parsed.needs_time and parsed.day == date(2026, 11, 25)
    # Callers that know only moment/error still get a refusal they can show.
    assert parsed.moment is None and parsed.error is TimeError.UNRECOGNISED
    later = moment_on(date(2026, 11, 25), time(15, 0), NOW, BEIJING)
    assert later.moment == bj(2026, 11, 25, 15, 0)
    assert moment_on(date(2026, 11, 27), time(16, 0), NOW, BEIJING).error is TimeError.FUTURE


def test_moscow_time_is_converted_and_said() -> None:
    parsed = parse_past_time("莫斯科时间 10:00", NOW, BEIJING)
    assert parsed.moment == bj(2026, 11, 27, 15, 0) and parsed.zone == "Europe/Moscow"
    assert parse_past_time("10:00", NOW, MOSCOW).zone is None  # their own zone is not news


def test_a_part_of_the_day_without_a_clock_is_approximate() -> None:
    parsed = parse_past_time("昨天下午", NOW, BEIJING)
    assert parsed.moment == bj(2026, 11, 26, 15, 0) and parsed.approximate
    assert not parse_past_time("昨天下午3点", NOW, BEIJING).approximate


def test_a_day_a_button_carries_is_checked_before_use() -> None:
    # Bug: a forged day button putting a date in the future or months back into a letter.
    today = date(2026, 11, 27)
    assert carried_day(today.toordinal(), today) == today
    assert carried_day((today - timedelta(days=90)).toordinal(), today) is not None
    assert carried_day((today - timedelta(days=91)).toordinal(), today) is None
    assert carried_day((today + timedelta(days=1)).toordinal(), today) == today  # zones differ
    assert carried_day((today + timedelta(days=2)).toordinal(), today) is None
    assert carried_day(0, today) is None


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("3小时半前", NOW - timedelta(hours=3, minutes=30)),
        ("三个小时半前", NOW - timedelta(hours=3, minutes=30)),
        ("两个半小时前", NOW - timedelta(hours=2, minutes=30)),
        ("9点多", bj(2026, 11, 27, 9, 0)),
        ("今天早上9点多", bj(2026, 11, 27, 9, 0)),
        ("昨天晚上9点多", bj(2026, 11, 26, 21, 0)),
    ],
)
def test_half_hours_ago_and_some_time_past_the_hour(text: str, moment: datetime) -> None:
    # Bugs caught: "3小时半前" read as 3 hours ago (the trailing 半 dropped); "9点多" and
    # "今天早上9点多" refused as no time at all. "…点多" is a guess, so it is marked approximate.
    parsed = parse_past_time(text, NOW, BEIJING)
    assert parsed.moment == moment
    assert parsed.approximate == ("多" in text)


@pytest.mark.parametrize("text", ["北京时间 1:00", "北京时间 今天 1:00", "今天 1:00 北京时间"])
def test_today_in_a_named_zone_is_that_zones_today(text: str) -> None:
    # Bug caught: a Moscow seller typing Beijing time just after Beijing midnight got "today"
    # from their own calendar (the day before in Beijing), a day early.
    now = bj(2026, 12, 1, 1, 20)  # 20:20 on 30 November in Moscow
    parsed = parse_past_time(text, now, MOSCOW)
    assert parsed.moment == bj(2026, 12, 1, 1, 0) and parsed.zone == "Asia/Shanghai"
