"""Facts read from a manager's sentence: dates, times and zones, periods, numbers, documents."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.content.loader import load_content
from bot.nlp.russian.facts import (
    DurationUnit,
    Facts,
    Reading,
    ReferenceFact,
    ReferenceKind,
    Role,
    ZoneSource,
    extract_facts,
)
from tests.support.moments import BEIJING, MOSCOW, bj, msk

DOCUMENTS = load_content().manager_phrases.documents
# Friday 27 Nov 2026, 10:00 in Beijing (05:00 in Moscow).
FRIDAY = Reading(bj(2026, 11, 27, 10), MOSCOW, DOCUMENTS)


def facts(sentence: str, reading: Reading = FRIDAY) -> Facts:
    return extract_facts(sentence, reading)


@pytest.mark.parametrize(
    ("sentence", "day", "role", "year_stated"),
    [
        ("Необходимо исправить карточки до 30.11.", date(2026, 11, 30), Role.BY, False),
        ("Ваш запрос от 25.11 поступил в систему.", date(2026, 11, 25), Role.FROM, False),
        ("Крайний срок — 3 декабря.", date(2026, 12, 3), Role.ON, False),
        ("С 1 декабря 2026 г. комиссия снижается.", date(2026, 12, 1), Role.FROM, True),
        ("Подпишите не позднее 05.01.27.", date(2027, 1, 5), Role.BY, True),
        ("Загрузите до 2026-12-15.", date(2026, 12, 15), Role.BY, True),
        ("Ответьте до 30-го ноября.", date(2026, 11, 30), Role.BY, False),
        # weekdays count from the reading day (Friday itself included)
        ("Созвонимся в среду.", date(2026, 12, 2), Role.ON, False),
        ("Ответьте до пятницы.", date(2026, 11, 27), Role.BY, False),
        ("Давайте в следующий понедельник.", date(2026, 11, 30), Role.ON, False),
        ("Просим загрузить документы до 18:00 МСК пятницы.", date(2026, 11, 27), Role.BY, False),
        ("Ответ будет завтра.", date(2026, 11, 28), Role.ON, False),
        ("Загрузите до послезавтра.", date(2026, 11, 29), Role.BY, False),
    ],
)
def test_dates(sentence: str, day: date, role: Role, year_stated: bool) -> None:
    (found,) = facts(sentence).dates
    assert (found.day, found.role, found.year_stated) == (day, role, year_stated)


@pytest.mark.parametrize(
    ("now", "written", "day"),
    [
        # a date without a year is at most a quarter back, otherwise ahead
        (bj(2027, 1, 2), "30.12", date(2026, 12, 30)),
        (bj(2026, 12, 28), "05.01", date(2027, 1, 5)),
        (bj(2026, 6, 1), "01.12", date(2026, 12, 1)),
        (bj(2026, 6, 1), "01.04", date(2026, 4, 1)),
        (bj(2026, 6, 1), "01.02", date(2027, 2, 1)),
        (bj(2027, 6, 1), "29.02", date(2028, 2, 29)),
        (bj(2026, 6, 1), "29.02", None),  # no 29 February in 2026 or 2027
        (bj(2026, 6, 1), "31.11", None),
    ],
)
def test_year_is_inferred_from_the_reading_day(
    now: datetime, written: str, day: date | None
) -> None:
    found = facts(f"Срок до {written}.", Reading(now, MOSCOW)).dates
    assert [fact.day for fact in found] == ([day] if day else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Ваш рейтинг 4.7.",  # one-digit month without a year: a number, not 4 July
        "Номер отправления 12345678-0001-1.",
        "Созвон в 10.30 не получится.",  # month 30
        "Вы работаете в рабочей среде.",  # «среде» without «в/к» right before it
    ],
)
def test_no_date(sentence: str) -> None:
    assert facts(sentence).dates == ()


@pytest.mark.parametrize(
    ("sentence", "start", "end", "source", "dated"),
    [
        (
            "Могу провести видеозвонок в среду в 15:00 по МСК.",
            msk(2026, 12, 2, 15),
            None,
            ZoneSource.STATED,
            True,
        ),
        (
            "Давайте созвонимся с 10 до 12 по московскому времени.",
            msk(2026, 11, 27, 10),
            msk(2026, 11, 27, 12),
            ZoneSource.STATED,
            False,
        ),
        (
            "Удобно с 14:00 до 16:00 по пекинскому времени 01.12?",
            bj(2026, 12, 1, 14),
            bj(2026, 12, 1, 16),
            ZoneSource.STATED,
            True,
        ),
        (
            "Ответьте до 18:00.",  # no zone named: the manager's zone, said to be assumed
            msk(2026, 11, 27, 18),
            None,
            ZoneSource.ASSUMED,
            False,
        ),
        (
            "Вебинар 03.12 в 09:30 (UTC).",
            datetime(2026, 12, 3, 9, 30, tzinfo=ZoneInfo("UTC")),
            None,
            ZoneSource.STATED,
            True,
        ),
    ],
)
def test_times_with_their_zone(
    sentence: str, start: datetime, end: datetime | None, source: ZoneSource, dated: bool
) -> None:
    (found,) = facts(sentence).times
    assert (found.start, found.end, found.zone_source, found.dated) == (start, end, source, dated)
    assert found.start.utcoffset() == start.utcoffset()


def test_time_shown_in_beijing() -> None:
    (found,) = facts("Загрузите до 18:00 МСК пятницы.").times
    assert found.zone == MOSCOW
    assert found.role is Role.BY
    assert found.start.astimezone(BEIJING) == bj(2026, 11, 27, 23)


def test_times_take_the_nearest_zone() -> None:
    first, second = facts("Можно в 10:00 МСК или в 20:00 по пекинскому времени.").times
    assert (first.zone, second.zone) == (MOSCOW, BEIJING)


@pytest.mark.parametrize(
    ("sentence", "amount", "unit"),
    [
        ("Ответ поступит в течение 3 рабочих дней.", 3, DurationUnit.WORKING_DAYS),
        ("Ожидайте решения до 5 р.д.", 5, DurationUnit.WORKING_DAYS),
        ("Проверка займёт 2 раб. дн.", 2, DurationUnit.WORKING_DAYS),
        ("Срок рассмотрения составляет до семидесяти двух часов.", 72, DurationUnit.HOURS),
        ("Ответ будет в течение суток.", 1, DurationUnit.DAYS),
        ("Ответ в течение рабочего дня.", 1, DurationUnit.WORKING_DAYS),
        ("Исправьте в течение трёх дней.", 3, DurationUnit.DAYS),
        ("Решение будет в течение пятнадцати рабочих дней.", 15, DurationUnit.WORKING_DAYS),
        ("Ответим в течение двадцати четырёх часов.", 24, DurationUnit.HOURS),
        ("Ответим в течение двадцати рабочих часов.", 20, DurationUnit.WORKING_HOURS),
        ("Обычно это 3–5 рабочих дней.", 5, DurationUnit.WORKING_DAYS),  # the upper end
        ("Ответ придёт от 2 до 4 рабочих дней.", 4, DurationUnit.WORKING_DAYS),
        ("Рассмотрение займёт до 2-х недель.", 2, DurationUnit.WEEKS),
        ("Займёт одну рабочую неделю.", 5, DurationUnit.WORKING_DAYS),
        ("Ответим через 48 ч.", 48, DurationUnit.HOURS),
    ],
)
def test_durations(sentence: str, amount: int, unit: DurationUnit) -> None:
    (found,) = facts(sentence).durations
    assert (found.amount, found.unit) == (amount, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "Среднее время доставки до покупателя — 14 дней.",  # a fact, not a period to wait
        "Остатки на складе обновляются раз в сутки.",
        "Хранение тарифицируется с 61-го дня.",
        "Приходите через день.",
        "Рабочий день с 9 до 18.",
    ],
)
def test_no_duration(sentence: str) -> None:
    assert facts(sentence).durations == ()


@pytest.mark.parametrize(
    ("sentence", "references"),
    [
        ("Номер Вашего обращения: 12345678.", [ReferenceFact("12345678", ReferenceKind.TICKET)]),
        ("Ссылайтесь на обращение 4567-8910.", [ReferenceFact("4567-8910", ReferenceKind.TICKET)]),
        (
            "Номер кейса — 99887766, сохраните его.",
            [ReferenceFact("99887766", ReferenceKind.TICKET)],
        ),
        ("Заявка №556677 принята.", [ReferenceFact("556677", ReferenceKind.TICKET)]),
        (
            "По отправлению 12345678-0001-1 и заказу 87654321 вопрос решён.",
            [
                ReferenceFact("12345678-0001-1", ReferenceKind.ORDER),
                ReferenceFact("87654321", ReferenceKind.ORDER),
            ],
        ),
        ("Смотрите письмо № 20261127.", [ReferenceFact("20261127", ReferenceKind.OTHER)]),
        ("Нам необходим номер постинга (например, 12345678-0001-1).", []),  # an example
        ("Ваш запрос от 25.11.2026 получен.", []),
        ("Заявка № 12 принята.", []),  # too short to be an Ozon number
        # The shortest number read: four digits (a bug requiring five lost «№1234»).
        ("Заявка №1234 принята.", [ReferenceFact("1234", ReferenceKind.TICKET)]),
        ("Обращение #1234.", [ReferenceFact("1234", ReferenceKind.TICKET)]),
        ("Смотрите № 1234.", [ReferenceFact("1234", ReferenceKind.OTHER)]),
        ("Заявка № 123 принята.", []),
    ],
)
def test_references(sentence: str, references: list[ReferenceFact]) -> None:
    assert list(facts(sentence).references) == references


def test_emails_and_links() -> None:
    found = facts(
        "Пишите на Docs-CN@ozon.ru или docs-cn@ozon.ru, инструкция: https://seller-edu.ozon.ru/a."
    )
    assert found.emails == ("docs-cn@ozon.ru",)
    assert found.links == ("https://seller-edu.ozon.ru/a",)


@pytest.mark.parametrize(
    ("sentence", "documents"),
    [
        ("Загрузите декларацию о соответствии ЕАЭС.", [("declaration", True)]),
        (
            "Нужны сертификат соответствия и протокол испытаний.",
            [("certificate", True), ("test_report", True)],
        ),
        # the longer name wins
        ("Пришлите сертификат на товарный знак.", [("trademark_certificate", True)]),
        ("Нужен дистрибьюторский договор.", [("distribution_contract", True)]),
        ("Таможенная декларация оформлена.", [("customs_declaration", False)]),
        # a negated clause asks for nothing; the other clause still does
        (
            "Сертификат не нужен, достаточно загрузить декларацию.",
            [("declaration", True)],
        ),
        ("Декларация успешно прошла проверку.", [("declaration", False)]),
        (
            "Авторизационное письмо и доверенность приложите к заявке.",
            [
                ("authorisation_letter", True),
                ("power_of_attorney", True),
            ],
        ),
        ("Документы для этой категории не требуются.", []),
    ],
)
def test_documents(sentence: str, documents: list[tuple[str, bool]]) -> None:
    found = [(document.kind.id, document.requested) for document in facts(sentence).documents]
    assert found == documents


def test_merge_keeps_each_fact_once_and_a_document_requested_if_ever() -> None:
    first = facts("Декларация прошла проверку, номер обращения 12345678.")
    second = facts("Загрузите декларацию повторно, обращение 12345678.")
    merged = Facts.merge([first, second])
    assert merged.references == (ReferenceFact("12345678", ReferenceKind.TICKET),)
    (document,) = merged.documents
    assert document.requested
    assert not Facts() and merged


@pytest.mark.parametrize(
    ("sentence", "after"),
    [
        ("Срок ответа — до 5 рабочих дней после получения документов.", True),
        ("Проверка займёт 3 рабочих дня с момента загрузки всех документов.", True),
        ("Ответ поступит в течение 3 рабочих дней после предоставления недостающих файлов.", True),
        ("Ответ поступит в течение 3 рабочих дней.", False),
        ("После проверки ответим в течение 2 рабочих дней.", False),
    ],
)
def test_a_period_counted_from_the_documents_says_so(sentence: str, after: bool) -> None:
    # bug: a period that starts when the seller's documents arrive counted from the reply
    (period,) = facts(sentence).durations
    assert period.after_documents is after
