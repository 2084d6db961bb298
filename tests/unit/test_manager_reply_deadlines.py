"""Deadlines from a manager's periods and dates, on the Russian working calendar (AM office)."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from bot.content.loader import load_content
from bot.db.case_repository import CaseRepository
from bot.db.connection import open_database
from bot.db.user_repository import UserRepository
from bot.nlp.russian.explain import track_options
from bot.nlp.russian.facts import (
    DateFact,
    DurationFact,
    DurationUnit,
    Reading,
    Role,
    extract_facts,
)
from bot.services.case_rules import CaseRules
from bot.services.cases import CaseKind, Clock, Schedules
from tests.support.moments import BEIJING, MOSCOW, bj, msk

CONTENT = load_content()
RULES = CaseRules(CONTENT.policy, Schedules.from_policy(CONTENT.policy.values))
BOOK = CONTENT.manager_phrases


def period(amount: int, unit: DurationUnit) -> DurationFact:
    return DurationFact(f"{amount} {unit}", amount, unit)


@pytest.mark.parametrize(
    ("now", "fact", "due", "clock"),
    [
        # Friday evening: working days and hours start on Monday
        (
            msk(2026, 11, 27, 20),
            period(2, DurationUnit.WORKING_DAYS),
            msk(2026, 12, 1, 18),
            Clock.AM_OFFICE,
        ),
        (
            msk(2026, 11, 27, 20),
            period(4, DurationUnit.WORKING_HOURS),
            msk(2026, 11, 30, 13),
            Clock.AM_OFFICE,
        ),
        # a Russian holiday week: 31 Dec – 10 Jan are days off
        (
            msk(2026, 12, 30, 10),
            period(3, DurationUnit.WORKING_DAYS),
            msk(2027, 1, 13, 18),
            Clock.AM_OFFICE,
        ),
        (
            msk(2026, 12, 30, 16),
            period(5, DurationUnit.WORKING_HOURS),
            msk(2027, 1, 11, 12),
            Clock.AM_OFFICE,
        ),
        # May holidays: 1–3 and 9–11 May 2026
        (
            msk(2026, 5, 8, 12),
            period(1, DurationUnit.WORKING_DAYS),
            msk(2026, 5, 12, 18),
            Clock.AM_OFFICE,
        ),
        # calendar days, hours and weeks are plain elapsed time
        (
            msk(2026, 11, 27, 20),
            period(3, DurationUnit.DAYS),
            msk(2026, 11, 30, 20),
            Clock.ELAPSED,
        ),
        (
            msk(2026, 12, 30, 10),
            period(72, DurationUnit.HOURS),
            msk(2027, 1, 2, 10),
            Clock.ELAPSED,
        ),
        (
            msk(2026, 11, 27, 20),
            period(2, DurationUnit.WEEKS),
            msk(2026, 12, 11, 20),
            Clock.ELAPSED,
        ),
    ],
)
def test_periods(now: datetime, fact: DurationFact, due: datetime, clock: Clock) -> None:
    deadline = RULES.reply_deadline(fact, now)
    assert deadline is not None
    assert (deadline.due, deadline.clock) == (due, clock)
    assert not deadline.estimate
    if clock is Clock.AM_OFFICE:
        assert {"am_hours_start", "am_hours_end", "am_calendar"} <= set(deadline.policy_keys)


@pytest.mark.parametrize(
    ("now", "day", "due"),
    [
        # a working day: the office's closing time that day
        (msk(2026, 11, 27, 10), date(2026, 11, 30), msk(2026, 11, 30, 18)),
        # a Sunday: the last working day before it
        (msk(2026, 11, 25, 10), date(2026, 11, 29), msk(2026, 11, 27, 18)),
        # inside the New Year holidays: 30 December
        (msk(2026, 12, 28, 10), date(2027, 1, 5), msk(2026, 12, 30, 18)),
        # today, before closing
        (msk(2026, 11, 27, 17), date(2026, 11, 27), msk(2026, 11, 27, 18)),
    ],
)
def test_dates(now: datetime, day: date, due: datetime) -> None:
    deadline = RULES.reply_deadline(DateFact("…", day, Role.BY, False), now)
    assert deadline is not None
    assert (deadline.due, deadline.clock) == (due, Clock.AM_OFFICE)


@pytest.mark.parametrize(
    ("now", "day"),
    [
        (msk(2026, 11, 27, 19), date(2026, 11, 27)),  # after closing today
        (msk(2026, 11, 30, 10), date(2026, 11, 29)),  # a Sunday, due on the Friday before
        (msk(2026, 12, 1, 10), date(2026, 11, 25)),
    ],
)
def test_dates_already_past_give_nothing(now: datetime, day: date) -> None:
    assert RULES.reply_deadline(DateFact("…", day, Role.BY, False), now) is None


@pytest.mark.parametrize(
    "fact",
    [
        DateFact("до 31.12.9999", date(9999, 12, 31), Role.BY, True),
        DateFact("до 01.01.0001", date(1, 1, 1), Role.BY, True),  # a holiday: stepped back
        DateFact("до 29.11.2027", date(2027, 11, 29), Role.BY, True),  # a year and two days
        period(99_999, DurationUnit.WORKING_DAYS),
        period(500_000, DurationUnit.WORKING_HOURS),
        period(100_000, DurationUnit.WEEKS),
        period(10**30, DurationUnit.WEEKS),  # past timedelta's range
        period(8_000, DurationUnit.WORKING_HOURS),  # ~890 office days: never counted
        period(367, DurationUnit.WORKING_DAYS),
    ],
)
def test_deadlines_beyond_the_horizon_are_refused_at_once(fact: DateFact | DurationFact) -> None:
    # Bugs caught: a date or period of any size became a deadline (working days counted one
    # by one to it: seconds of blocked CPU, then OverflowError), and a date before year 2
    # stepped back past date.min.
    now = msk(2026, 11, 27, 10)
    assert RULES.farthest(now) == now + timedelta(days=366)
    started = time.perf_counter()
    assert RULES.reply_deadline(fact, now) is None
    assert time.perf_counter() - started < 0.5


def test_a_period_at_the_horizon_is_still_tracked() -> None:
    # Bug caught: the horizon counted as beyond it (>= instead of >), so «в течение 366
    # дней», the longest period the bot promises to track, was refused.
    now = msk(2026, 11, 27, 10)
    horizon = RULES.policy.values.max_deadline_days
    at_horizon = RULES.reply_deadline(period(horizon, DurationUnit.DAYS), now)
    assert at_horizon is not None and at_horizon.due == now + timedelta(days=horizon)
    assert RULES.reply_deadline(period(horizon + 1, DurationUnit.DAYS), now) is None


def test_a_far_deadline_counts_no_further_than_the_horizon() -> None:
    # Bug caught: time left on a case stored with due 9999-12-31 was counted day by day.
    now = msk(2026, 11, 27, 10)
    started = time.perf_counter()
    span = RULES.span(Clock.AM_OFFICE, now, msk(9999, 12, 31, 18))
    assert time.perf_counter() - started < 0.5
    assert span.calendar == timedelta(days=366)
    assert timedelta(hours=9 * 240) < span.amount < timedelta(hours=9 * 260)
    overdue = RULES.span(Clock.AM_OFFICE, msk(9999, 12, 31, 18), now)
    assert overdue.amount == overdue.calendar == timedelta(0)


def test_time_with_a_date_is_exact_and_in_its_zone() -> None:
    now = bj(2026, 11, 27, 10)
    (time,) = extract_facts("Загрузите до 18:00 МСК 04.12.", Reading(now, MOSCOW)).times
    deadline = RULES.reply_deadline(time, now)
    assert deadline is not None
    assert deadline.due == msk(2026, 12, 4, 18) == bj(2026, 12, 4, 23)
    assert deadline.clock is Clock.ELAPSED
    assert deadline.policy_keys == ()  # the zone was stated


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (msk(2026, 11, 27, 10), msk(2026, 11, 27, 18)),  # later today
        (msk(2026, 11, 27, 19), msk(2026, 11, 30, 18)),  # passed: the next working day
        (msk(2026, 12, 30, 19), msk(2027, 1, 11, 18)),  # across the holidays
    ],
)
def test_time_without_a_date_is_its_next_occurrence_on_a_working_day(
    now: datetime, due: datetime
) -> None:
    (time,) = extract_facts("Ответьте до 18:00.", Reading(now, MOSCOW)).times
    deadline = RULES.reply_deadline(time, now)
    assert deadline is not None
    assert deadline.due == due
    assert deadline.policy_keys == ("am_timezone",)  # Moscow was assumed


def test_estimate_when_the_calendar_is_not_decreed_yet() -> None:
    now = datetime(2030, 12, 27, 10, tzinfo=MOSCOW)
    deadline = RULES.reply_deadline(period(3, DurationUnit.WORKING_DAYS), now)
    assert deadline is not None
    assert deadline.estimate


def test_track_options_of_a_pasted_reply() -> None:
    now = msk(2026, 11, 27, 20)  # Friday evening
    text = (
        "Ваш запрос от 25.11 получен. Ответ поступит в течение 3 рабочих дней.\n"
        "Загрузите сертификат до 18:00 МСК 04.12.2026.\n"
        "С 1 декабря комиссия снижается.\n"
        "Созвонимся в среду в 15:00 МСК?\n"
        "> Ответьте до 30.11."
    )
    explanation = BOOK.explain(text, now, MOSCOW)
    options = track_options(explanation, now, RULES)
    assert [(option.fact.text, option.deadline.due) for option in options] == [
        ("в течение 3 рабочих дней", msk(2026, 12, 2, 18)),
        ("до 18:00", msk(2026, 12, 4, 18)),  # the time, not the date it is on
        ("в 15:00", msk(2026, 12, 2, 15)),
    ]
    assert options[0].meaning is not None and options[0].meaning.id == "wait_period"
    assert options[1].sentence == "Загрузите сертификат до 18:00 МСК 04.12.2026."


async def test_a_pasted_reply_becomes_an_explanation_a_beijing_deadline_and_a_case(
    tmp_path: Path,
) -> None:
    # What the chat will do with the API: explain, offer the period, record the follow-up.
    now = bj(2026, 11, 27, 22)  # Friday 17:00 in Moscow
    pasted = (
        "Здравствуйте! Ваш вопрос передан в профильный отдел.\n"
        "Ответ поступит в течение 2 рабочих дней."
    )
    explanation = BOOK.explain(pasted, now, MOSCOW)
    wait = explanation.sentences[-1].meaning
    assert wait is not None and wait.explanation("zh").startswith("请你等待")
    (option,) = track_options(explanation, now, RULES)
    assert option.deadline.due.astimezone(BEIJING) == bj(2026, 12, 1, 23)  # Tue 18:00 Moscow
    database = await open_database(tmp_path / "bot.sqlite3")
    try:
        await UserRepository(database.connection).ensure(5, 5)
        cases = CaseRepository(database.connection)
        case = await cases.create(
            5, CaseKind.CUSTOM, now, option.deadline, option.sentence, now, option.deadline.due
        )
        assert case.due_at == option.deadline.due
        assert await cases.next_due_at() == option.deadline.due
    finally:
        await database.close()
