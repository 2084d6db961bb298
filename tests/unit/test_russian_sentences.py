"""Pasted Russian: is it Russian, where its sentences end, which clause a negation touches."""

from __future__ import annotations

import pytest

from bot.nlp.russian.numbers import parse_number
from bot.nlp.russian.sentences import (
    Sentence,
    SentenceKind,
    clause_bounds,
    is_mostly_cyrillic,
    negated,
    normalise,
    split_sentences,
)


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "russian"),
    [
        ("Здравствуйте! Ваш вопрос передан в профильный отдел.", True),
        ("小二说「Ожидайте решения до 5 р.д.」是什么意思？", True),  # the quote outweighs the ask
        ("小二回复我了，帮我看看这个是什么意思", False),
        ("Да", False),  # too short to be a reply worth explaining
        ("Please upload the certificate in Seller Center", False),
        ("Загрузите сертификат в Seller Center: https://seller.ozon.ru/app/documents", True),
        ("", False),
    ],
)
def test_mostly_cyrillic(text: str, russian: bool) -> None:
    assert is_mostly_cyrillic(text) is russian


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # abbreviations that end nothing, whatever follows
        (
            "Ответ задерживается, т.к. Ozon проверяет документы. Спасибо!",
            ["Ответ задерживается, т.к. Ozon проверяет документы.", "Спасибо!"],
        ),
        (
            "Склад в г. Москва, ул. Ленина. Приезжайте к 10:00.",
            ["Склад в г. Москва, ул. Ленина.", "Приезжайте к 10:00."],
        ),
        ("Подписал А. Иванова. Ждём ответа.", ["Подписал А. Иванова.", "Ждём ответа."]),
        # abbreviations that can end a sentence do so before a capital letter
        (
            "Ожидайте решения до 5 р.д. Спасибо за терпение.",
            ["Ожидайте решения до 5 р.д.", "Спасибо за терпение."],
        ),
        (
            "Срок — до 30 ноября 2026 г. Далее заявки не принимаются.",
            ["Срок — до 30 ноября 2026 г.", "Далее заявки не принимаются."],
        ),
        # ... and not before a lower-case word
        (
            "Это займёт до 5 р.д. и зависит от загрузки, т.е. возможно быстрее.",
            ["Это займёт до 5 р.д. и зависит от загрузки, т.е. возможно быстрее."],
        ),
        # dots inside dates, numbers, addresses and links
        (
            "Запрос от 25.11.2026 № 30129874 получен. Рейтинг 4.7 в норме.",
            ["Запрос от 25.11.2026 № 30129874 получен.", "Рейтинг 4.7 в норме."],
        ),
        (
            "Пишите на docs-cn@ozon.ru. Инструкция: https://seller-edu.ozon.ru/fbs. Удачи!",
            [
                "Пишите на docs-cn@ozon.ru.",
                "Инструкция: https://seller-edu.ozon.ru/fbs.",
                "Удачи!",
            ],
        ),
        # a line break always ends a sentence; list markers go
        (
            "Нужны документы:\n1. Сертификат\n- Декларация\n• Отказное письмо",
            ["Нужны документы:", "Сертификат", "Декларация", "Отказное письмо"],
        ),
        # quotation marks after the full stop stay with the sentence
        (
            "Раздел называется «Документы». «Бренды» — другой раздел.",
            ["Раздел называется «Документы».", "«Бренды» — другой раздел."],
        ),
        ("Правда?! Да... Не знаю.", ["Правда?!", "Да...", "Не знаю."]),
    ],
)
def test_sentences(text: str, sentences: list[str]) -> None:
    assert texts(text) == sentences


def test_quoted_lines_headers_and_separators_are_told_apart() -> None:
    text = """---------- Пересланное сообщение ---------
От: Ozon Seller Support <support@ozon.ru>
Тема: Re: Обращение № 30129874

Здравствуйте! Ваш вопрос решён.
-----
> Добрый день. Когда будет ответ?
Ли Мин, 27 нояб. 2026 г., 10:15 написал:
Подскажите статус проверки."""
    assert split_sentences(text) == [
        Sentence("От: Ozon Seller Support <support@ozon.ru>", SentenceKind.HEADER),
        Sentence("Тема: Re: Обращение № 30129874", SentenceKind.HEADER),
        Sentence("Здравствуйте!", SentenceKind.TEXT),
        Sentence("Ваш вопрос решён.", SentenceKind.TEXT),
        Sentence("Добрый день.", SentenceKind.QUOTED),
        Sentence("Когда будет ответ?", SentenceKind.QUOTED),
        Sentence("Подскажите статус проверки.", SentenceKind.QUOTED),
    ]


def test_original_message_marker_starts_the_quoted_part() -> None:
    sentences = split_sentences("Документы получены.\n-----Original Message-----\nВот документы.")
    assert [sentence.kind for sentence in sentences] == [SentenceKind.TEXT, SentenceKind.QUOTED]


@pytest.mark.parametrize(
    ("sentence", "normalised"),
    [
        ("Пожалуйста, предоставьте документы.", "предоставьте документы."),
        # the commas around «пожалуйста» keep bounding the clause
        ("Пришлите, пожалуйста, номер заказа.", "пришлите, номер заказа."),
        ("Ответьте, пожалуйста.", "ответьте."),
        ("Загрузите «Декларацию»  в  ЛК, ЁЖИК", "загрузите декларацию в лк, ежик"),
    ],
)
def test_normalise(sentence: str, normalised: str) -> None:
    assert normalise(sentence) == normalised


@pytest.mark.parametrize(
    ("sentence", "word", "is_negated"),
    [
        ("документы не требуются", "требуются", True),
        ("если вы не владелец бренда, нужен договор", "нужен", False),
        ("если сертификация не требуется, загрузите отказное письмо", "загрузите", False),
        ("ошибку не исправили, так как нет доступа", "исправили", True),
        ("поясните, какой раздел у вас не открывается", "поясните", False),
        ("какой номер отправления? без него не смогу проверить", "номер", False),
        # «пока не» is «not yet»: the negation reaches back over «пока»
        ("ссылка на вебинар пока не готова", "ссылка", True),
        # these «не» negate nothing
        ("подпишите не позднее 01.12", "подпишите", False),
        ("ответ будет не более чем через 3 дня", "ответ", False),
        ("не могли бы вы прислать номер заказа", "прислать", False),
        ("не забудьте загрузить фото", "загрузить", False),
        ("мы ничего не получили", "получили", True),
    ],
)
def test_negation_is_clause_local(sentence: str, word: str, is_negated: bool) -> None:
    start = sentence.index(word)
    assert negated(sentence, clause_bounds(sentence), start, start + len(word)) is is_negated


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("один", 1),
        ("трех", 3),
        ("пятью", 5),
        ("десяти", 10),
        ("одиннадцати", 11),
        ("девятнадцать", 19),
        ("двадцати", 20),
        ("двадцати одного", 21),
        ("семидесяти двух", 72),
        ("сорока восьми", 48),
        ("сто двадцать два", 122),
        ("48", 48),
    ],
)
def test_number_words(words: str, value: int) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize("words", ["два двадцать", "пять два", "двадцать двенадцать", "пятница"])
def test_words_that_make_no_number(words: str) -> None:
    assert parse_number(words) is None


def test_lines_an_email_client_wrapped_are_joined() -> None:
    text = "Загрузите сертификат в личном\nкабинете до пятницы.\n\nкабинет\nНовая строка."
    assert texts(text) == [
        "Загрузите сертификат в личном кабинете до пятницы.",
        "кабинет",  # a blank line in between: not a continuation
        "Новая строка.",  # a capital letter starts a new sentence
    ]
