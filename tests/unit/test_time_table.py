"""Typed times the way sellers write them, at fixed moments: just after midnight, a Monday
morning, a Sunday, the week a DST zone switches back, and across the new year."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.typed.times import TimeError, parse_past_time

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
MOSCOW = ZoneInfo("Europe/Moscow")

NOWS = {
    # Saturday 28 Nov 2026, twenty past midnight in Beijing.
    "midnight": datetime(2026, 11, 28, 0, 20, tzinfo=SHANGHAI),
    # Monday 30 Nov 2026, 09:10 in Beijing.
    "monday": datetime(2026, 11, 30, 9, 10, tzinfo=SHANGHAI),
    # Sunday 29 Nov 2026, 15:00 in Beijing.
    "sunday": datetime(2026, 11, 29, 15, 0, tzinfo=SHANGHAI),
    # Monday 26 Oct 2026, 10:00 in Berlin: summer time ended on Sunday at 03:00 → 02:00.
    "dst": datetime(2026, 10, 26, 10, 0, tzinfo=BERLIN),
    # Saturday 2 Jan 2027, 10:00 in Beijing.
    "new_year": datetime(2027, 1, 2, 10, 0, tzinfo=SHANGHAI),
}


def local(now: str, year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """A wall-clock moment in the zone of that `now`."""
    return datetime(year, month, day, hour, minute, tzinfo=NOWS[now].tzinfo)


Expected = datetime | date | TimeError
M, MO, SU, D, NY = "midnight", "monday", "sunday", "dst", "new_year"
CASES: list[tuple[str, str, Expected]] = [
    # Just after midnight (Sat 00:20): late clock times are last night.
    (M, "23:50", local(M, 2026, 11, 27, 23, 50)),
    (M, "22:00", local(M, 2026, 11, 27, 22, 0)),
    (M, "00:10", local(M, 2026, 11, 28, 0, 10)),
    (M, "00:30", TimeError.FUTURE),
    (M, "晚上11点", local(M, 2026, 11, 27, 23, 0)),
    (M, "晚上八点半", local(M, 2026, 11, 27, 20, 30)),
    (M, "下午3点", local(M, 2026, 11, 27, 15, 0)),
    (M, "今天 23:00", TimeError.FUTURE),
    (M, "昨天 23:50", local(M, 2026, 11, 27, 23, 50)),
    (M, "昨晚十点", local(M, 2026, 11, 27, 22, 0)),
    (M, "半小时前", local(M, 2026, 11, 27, 23, 50)),
    (M, "两小时前", local(M, 2026, 11, 27, 22, 20)),
    (M, "3个小时前", local(M, 2026, 11, 27, 21, 20)),
    (M, "刚刚", local(M, 2026, 11, 28, 0, 20)),
    (M, "前天", date(2026, 11, 26)),
    (M, "昨天", date(2026, 11, 27)),
    (M, "周五 18:00", local(M, 2026, 11, 27, 18, 0)),
    (M, "上周五", date(2026, 11, 20)),
    (M, "11点", local(M, 2026, 11, 27, 23, 0)),
    (M, "11:00 pm", local(M, 2026, 11, 27, 23, 0)),
    (M, "凌晨", local(M, 2026, 11, 27, 3, 0)),
    (M, "莫斯科时间 18:00", local(M, 2026, 11, 27, 23, 0)),
    (M, "19:00 MSK", local(M, 2026, 11, 28, 0, 0)),
    (M, "19:30 МСК", TimeError.FUTURE),
    # Monday morning (Mon 30 Nov 09:10).
    (MO, "15:30", local(MO, 2026, 11, 29, 15, 30)),
    (MO, "9:00", local(MO, 2026, 11, 30, 9, 0)),
    (MO, "10:00", TimeError.FUTURE),
    (MO, "08:30", local(MO, 2026, 11, 30, 8, 30)),
    (MO, "上午9点", local(MO, 2026, 11, 30, 9, 0)),
    (MO, "早上八点", local(MO, 2026, 11, 30, 8, 0)),
    (MO, "今早7点半", local(MO, 2026, 11, 30, 7, 30)),
    (MO, "下午3点", local(MO, 2026, 11, 29, 15, 0)),
    (MO, "晚上8点", local(MO, 2026, 11, 29, 20, 0)),
    (MO, "昨天下午3点", local(MO, 2026, 11, 29, 15, 0)),
    (MO, "昨天 22:00", local(MO, 2026, 11, 29, 22, 0)),
    (MO, "前天晚上8点半", local(MO, 2026, 11, 28, 20, 30)),
    (MO, "大前天", date(2026, 11, 27)),
    (MO, "上周五", date(2026, 11, 27)),
    (MO, "上周五下午", local(MO, 2026, 11, 27, 15, 0)),
    (MO, "上周五下午4点", local(MO, 2026, 11, 27, 16, 0)),
    (MO, "上周一", date(2026, 11, 23)),
    (MO, "上个星期三", date(2026, 11, 25)),
    (MO, "上礼拜天", date(2026, 11, 29)),
    (MO, "周三 15:30", local(MO, 2026, 11, 25, 15, 30)),
    (MO, "星期四 10:00", local(MO, 2026, 11, 26, 10, 0)),
    (MO, "周一 8:00", local(MO, 2026, 11, 30, 8, 0)),
    (MO, "周一 10:00", local(MO, 2026, 11, 23, 10, 0)),
    (MO, "3天前", local(MO, 2026, 11, 27, 9, 10)),
    (MO, "三天前", local(MO, 2026, 11, 27, 9, 10)),
    (MO, "5天前下午2点", local(MO, 2026, 11, 25, 14, 0)),
    (MO, "两周前", local(MO, 2026, 11, 16, 9, 10)),
    (MO, "一个半小时前", local(MO, 2026, 11, 30, 7, 40)),
    (MO, "40分钟前", local(MO, 2026, 11, 30, 8, 30)),
    (MO, "四十分钟前", local(MO, 2026, 11, 30, 8, 30)),
    (MO, "11月26号下午3点", local(MO, 2026, 11, 26, 15, 0)),
    (MO, "十一月二十六号下午三点", local(MO, 2026, 11, 26, 15, 0)),
    (MO, "11月26日 15:30", local(MO, 2026, 11, 26, 15, 30)),
    (MO, "11-26 15:30", local(MO, 2026, 11, 26, 15, 30)),
    (MO, "11/26 15:30", local(MO, 2026, 11, 26, 15, 30)),
    (MO, "26.11 15:30", local(MO, 2026, 11, 26, 15, 30)),
    (MO, "26.11.2026 15:30", local(MO, 2026, 11, 26, 15, 30)),
    (MO, "2026-11-26 15:30", local(MO, 2026, 11, 26, 15, 30)),
    (MO, "2026年11月26日 15点30分", local(MO, 2026, 11, 26, 15, 30)),
    (MO, "11月26号", date(2026, 11, 26)),
    (MO, "26号", date(2026, 11, 26)),
    (MO, "26号晚上", local(MO, 2026, 11, 26, 20, 0)),
    (MO, "11月31号", TimeError.INVALID_DATE),
    (MO, "12月1号", TimeError.TOO_OLD),  # next month's date is last year's
    (MO, "莫斯科时间 10:00", local(MO, 2026, 11, 29, 15, 0)),
    (MO, "莫斯科时间 下午3点", local(MO, 2026, 11, 29, 20, 0)),
    (MO, "10:00 MSK", local(MO, 2026, 11, 29, 15, 0)),
    (MO, "04:00 (МСК)", local(MO, 2026, 11, 30, 9, 0)),
    (MO, "北京时间 9:00", local(MO, 2026, 11, 30, 9, 0)),
    (MO, "yesterday 3pm", local(MO, 2026, 11, 29, 15, 0)),
    (MO, "today 9am", local(MO, 2026, 11, 30, 9, 0)),
    (MO, "last friday", date(2026, 11, 27)),
    (MO, "2 hours ago", local(MO, 2026, 11, 30, 7, 10)),
    (MO, "3 days ago", local(MO, 2026, 11, 27, 9, 10)),
    (MO, "just now", local(MO, 2026, 11, 30, 9, 10)),
    (MO, "8点半", local(MO, 2026, 11, 30, 8, 30)),
    (MO, "3点一刻", local(MO, 2026, 11, 30, 3, 15)),
    (MO, "中午12点", local(MO, 2026, 11, 29, 12, 0)),
    (MO, "中午1点", local(MO, 2026, 11, 29, 13, 0)),
    (MO, "凌晨2点", local(MO, 2026, 11, 30, 2, 0)),
    (MO, "大概两小时前", local(MO, 2026, 11, 30, 7, 10)),
    # A Sunday afternoon (Sun 29 Nov 15:00).
    (SU, "周日 10:00", local(SU, 2026, 11, 29, 10, 0)),
    (SU, "周日 16:00", local(SU, 2026, 11, 22, 16, 0)),
    (SU, "上周日", date(2026, 11, 22)),
    (SU, "上周五", date(2026, 11, 20)),
    (SU, "周五", date(2026, 11, 27)),
    (SU, "周五下午3点", local(SU, 2026, 11, 27, 15, 0)),
    (SU, "昨天上午", local(SU, 2026, 11, 28, 10, 0)),
    (SU, "下午2点", local(SU, 2026, 11, 29, 14, 0)),
    (SU, "晚上8点", local(SU, 2026, 11, 28, 20, 0)),
    (SU, "16:00", TimeError.FUTURE),
    (SU, "3点", local(SU, 2026, 11, 29, 15, 0)),
    (SU, "90天前", local(SU, 2026, 8, 31, 15, 0)),
    (SU, "100天前", TimeError.TOO_OLD),
    (SU, "明天", TimeError.UNRECOGNISED),
    (SU, "hello", TimeError.UNRECOGNISED),
    (SU, "小二还没回", TimeError.UNRECOGNISED),
    (SU, "25:00", TimeError.INVALID_DATE),
    (SU, "昨天 24:61", TimeError.INVALID_DATE),
    (SU, "下午15点", local(SU, 2026, 11, 29, 15, 0)),
    # Berlin on the Monday after summer time ended (Mon 26 Oct 10:00 CET).
    (D, "昨天 10:00", local(D, 2026, 10, 25, 10, 0)),
    (D, "昨天 01:30", local(D, 2026, 10, 25, 1, 30)),
    (D, "24小时前", datetime(2026, 10, 25, 10, 0, tzinfo=BERLIN)),
    (D, "2天前", local(D, 2026, 10, 24, 10, 0)),
    (D, "上周五 18:00", local(D, 2026, 10, 23, 18, 0)),
    (D, "10:00 MSK", datetime(2026, 10, 26, 8, 0, tzinfo=BERLIN)),
    (D, "9:30", local(D, 2026, 10, 26, 9, 30)),
    (D, "23:00", local(D, 2026, 10, 25, 23, 0)),
    # Across the new year (Sat 2 Jan 2027 10:00).
    (NY, "12-30 10:00", local(NY, 2026, 12, 30, 10, 0)),
    (NY, "12月31号晚上8点", local(NY, 2026, 12, 31, 20, 0)),
    (NY, "前天", date(2026, 12, 31)),
    (NY, "昨天 23:00", local(NY, 2027, 1, 1, 23, 0)),
    (NY, "上周五", date(2026, 12, 25)),
    (NY, "31号", date(2026, 12, 31)),
    (NY, "3天前", local(NY, 2026, 12, 30, 10, 0)),
    (NY, "2027-01-03 10:00", TimeError.FUTURE),
    (NY, "1月1日 9:00", local(NY, 2027, 1, 1, 9, 0)),
]


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 100
    assert {now for now, _, _ in CASES} == set(NOWS)


@pytest.mark.parametrize(("now", "text", "expected"), CASES)
def test_typed_time(now: str, text: str, expected: Expected) -> None:
    moment = NOWS[now]
    zone = moment.tzinfo
    assert isinstance(zone, ZoneInfo)
    parsed = parse_past_time(text, moment, zone)
    if isinstance(expected, TimeError):
        assert parsed.moment is None and parsed.error is expected and parsed.day is None
    elif isinstance(expected, datetime):
        assert parsed.moment == expected, parsed
    else:
        assert parsed.moment is None and parsed.day == expected and parsed.needs_time
