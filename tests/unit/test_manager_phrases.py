"""Meanings of managers' Russian: the content file, one meaning per sentence, and precision."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.loader import load_content
from bot.content.manager_phrase_loader import MANAGER_PHRASES_PATH, load_manager_phrases
from bot.content.policy_loader import load_policy
from bot.nlp.russian.explain import ManagerPhrasebook
from bot.nlp.russian.sentences import SentenceKind
from tests.support.moments import MOSCOW, bj
from tests.support.paths import DATA

CONTENT = load_content()
BOOK = CONTENT.manager_phrases
PHRASE_IDS = frozenset(phrase.id for phrase in CONTENT.templates.phrases)
RUSSIAN = DATA / "russian"
MIN_PRECISION = 0.98
# Both tuning sets were looked at while writing the patterns (tuning2.tsv after its unseen
# score was taken); the floors guard against losing what works. The held-out figures
# (README) are the honest ones.
MIN_TUNING_RECALL = 0.95


def labelled(name: str) -> list[tuple[str, str]]:
    lines = (RUSSIAN / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return [(label, sentence.strip()) for label, sentence in rows]


def meaning_of(sentence: str) -> str | None:
    meaning = BOOK.classify(sentence)
    return meaning.id if meaning else None


def test_meanings_are_the_labels_and_there_are_enough_patterns() -> None:
    table = (RUSSIAN / "LABELS.md").read_text(encoding="utf-8").split("## Files")[0]
    labels = set(re.findall(r"^\| ([a-z_]+) \|", table, re.MULTILINE)) - {"unknown", "label"}
    assert {meaning.id for meaning in BOOK.meanings} == labels
    assert {label for label, _ in labelled("tuning.tsv")} - {"unknown"} <= labels
    assert BOOK.pattern_count() >= 60
    raw = tomllib.loads(MANAGER_PHRASES_PATH.read_text(encoding="utf-8"))
    assert all(entry.get("examples") for entry in raw["meaning"])


def test_every_meaning_reads_in_both_languages_and_replies_with_known_phrases() -> None:
    for meaning in BOOK.meanings:
        assert meaning.explanation("zh") != meaning.explanation("en")
        assert meaning.next_step("zh") and meaning.next_step("en")
        assert set(meaning.replies) <= PHRASE_IDS
        assert not meaning.unconfirmed(CONTENT.policy)  # plain readings, no guide claims
    assert BOOK.meaning("call_proposed").replies == ("call_request",)
    assert BOOK.meaning("documents_requested").replies[0] == "documents_uploaded"


@pytest.mark.parametrize("name", ["tuning.tsv", "tuning2.tsv"])
def test_precision_and_recall_on_the_tuning_sets(name: str) -> None:
    rows = labelled(name)
    explained = [(label, meaning_of(sentence)) for label, sentence in rows]
    answered = [(label, got) for label, got in explained if got is not None]
    right = sum(label == got for label, got in answered)
    known = sum(label != "unknown" for label, _ in rows)
    assert right / len(answered) >= MIN_PRECISION
    assert right / known >= MIN_TUNING_RECALL


@pytest.mark.parametrize(
    ("sentence", "meaning"),
    [
        # inflection and word order
        ("Номер заказа пришлите, пожалуйста.", "request_order_number"),
        ("Пришлите номера заказов.", "request_order_number"),
        ("Документы необходимо предоставить повторно.", "reupload_requested"),
        ("Предоставьте документы.", "documents_requested"),
        ("Декларацию соответствия загрузите, пожалуйста.", "category_documents"),
        ("Штраф Вам начислен за опоздание.", "fine_charged"),
        ("Вам начислен штраф за опоздание.", "fine_charged"),
        # formal and short forms
        ("Ваша заявка была успешно одобрена.", "approved"),
        ("Одобрено.", None),  # too little to say what was approved
        ("Ответ в течение 3 р.д.", "wait_period"),
        ("Ответ поступит в течение трёх рабочих дней.", "wait_period"),
        # the specific meaning wins over the general one
        ("Загрузите сертификат соответствия.", "category_documents"),
        ("Загрузите документы до 30.11.", "deadline_to_act"),
        ("Ваш склад FBS не прошёл проверку.", "fbs_warehouse"),
        # greetings and thanks give way to what else the sentence says
        ("Здравствуйте, Ваш вопрос передан в профильный отдел.", "passed_to_department"),
        ("Спасибо за ожидание, проблема устранена.", "issue_resolved"),
        # two meanings and nothing to choose between them: no explanation
        ("Ваш вопрос передан в отдел логистики, номер обращения 30129874.", None),
        # a ticket number named in passing gives way to what is said about it
        ("Обращение № 301155 в настоящее время находится в стадии рассмотрения.", "under_review"),
        ("Обращение 555123, если что.", "ticket_number"),
        ("Ticket ID: 7734519.", "ticket_number"),
        # the specific document wins once it is recognised
        ("Пришлите документы на ТЗ.", "brand_documents"),
        ("Загрузите сертификат регистрации товарного знака.", "brand_documents"),
        ("Letter of authorization нужно обновить.", "brand_documents"),
        # negations that do not turn the meaning around
        ("Извините, что долго не отвечала.", "apology_delay"),
        ("Запрос не может быть удовлетворён.", "rejected"),
        ("Какой номер отправления? Без него не смогу проверить.", "request_order_number"),
        # chat forms: the object first, the subject left out, slang
        ("Письмо получила.", "request_received"),
        ("Сертификат получили, спасибо.", "documents_received"),
        ("Доки дошли, всё ок.", "documents_received"),
        ("Заявку на компенсацию согласовали.", "approved"),
        ("Всё, одобрили!", "approved"),
        ("Баг с фото пофиксили.", "issue_resolved"),
        ("Ваш кабинет забанили за дубли.", "account_blocked"),
        ("5 SKU заблокированы.", "account_blocked"),
        ("Передала коллегам из отдела контента.", "passed_to_department"),
        ("Сейчас изучаем ситуацию по вашему SKU.", "under_review"),
        ("Давайте я вам наберу, обсудим голосом.", "call_proposed"),
        ("Сорри за задержку!", "apology_delay"),
        ("Вашим кабинетом теперь занимаюсь я.", "manager_intro"),
        ("Это Олег, ваш KAM в Ozon.", "manager_intro"),
        ("На связи Анна, ваш персональный менеджер.", "manager_intro"),
        # formal forms
        ("Подтверждаем получение вашей заявки.", "request_received"),
        ("Уведомляем о невозможности одобрения заявки.", "rejected"),
        ("Принято решение отказать в компенсации.", "rejected"),
        ("Просим выполнить загрузку через личный кабинет.", "upload_in_account"),
        ("Ведётся проверка предоставленных вами данных.", "under_review"),
        ("Менеджер не имеет возможности отменить это решение.", "not_our_competence"),
        ("Обращаем внимание на необходимость загрузить документы до 30.11.", "deadline_to_act"),
        ("Приглашаем на вебинар для новых продавцов.", "training_link"),
        ("Товар подлежит обязательной сертификации.", "category_documents"),
        ("Без декларации товары не пройдут модерацию.", "category_documents"),
        ("Проверка документов ещё не завершена.", "under_review"),
        ("Ваше обращение поступило и будет рассмотрено в порядке очереди.", "request_received"),
        ("Это решение модерации, я не могу его изменить.", "not_our_competence"),
        ("Этот вопрос находится в компетенции службы поддержки.", "not_our_competence"),
        ("По вашему запросу принято отрицательное решение.", "rejected"),
        ("Можно вам позвонить завтра?", "call_proposed"),
        ("По всем вопросам пишите мне напрямую.", "manager_intro"),
    ],
)
def test_one_meaning_per_sentence(sentence: str, meaning: str | None) -> None:
    assert meaning_of(sentence) == meaning


@pytest.mark.parametrize(
    ("sentence", "not_meaning"),
    [
        # negation near-misses: same words, opposite sense
        ("Документы не требуются.", "documents_requested"),
        ("Сертификат на этот товар не нужен.", "category_documents"),
        ("Ваш аккаунт не заблокирован.", "account_blocked"),
        ("Штраф за этот заказ начислен не был.", "fine_charged"),
        ("Обращение не зарегистрировано.", "request_received"),
        ("Проблема пока не решена.", "issue_resolved"),
        ("Мы не передавали Ваш вопрос в другой отдел.", "passed_to_department"),
        ("Звонок не требуется.", "call_proposed"),
        ("Ожидать не нужно, всё готово.", "wait_period"),
        ("Заявка не одобрена.", "approved"),
        ("Мы не можем передать Ваш вопрос в другой отдел.", "rejected"),
        ("Мы ничего не можем обещать.", "rejected"),
        # conditions and warnings are not facts
        ("Если заявка будет одобрена, мы сообщим.", "approved"),
        ("В случае нарушения может быть начислен штраф.", "fine_charged"),
        ("Если документы не загрузить, товары будут скрыты.", "account_blocked"),
        # look-alikes
        ("Спасибо за участие в акции!", "thanks_for_request"),
        ("Возвраты обрабатываются на складе.", "under_review"),
        ("Загрузите фото товара на белом фоне в карточку.", "request_screenshots"),
        ("Вы работаете по FBO или FBS?", "fbs_warehouse"),
        ("Ваш менеджер сменится в следующем месяце.", "manager_intro"),
        # a ticket number named in passing is not the point of the sentence
        ("Обращение № 123456 закрыто.", "ticket_number"),
        ("По обращению 301298 информации пока нет.", "ticket_number"),
        # someone else's answer, or the seller's own, is not the answer the seller waits for
        ("Ответ на отзыв покупателя можно оставить в течение 30 дней.", "wait_period"),
        ("Ждём от вас ответа в течение 3 дней.", "wait_period"),
        # pending is not refused; a buyer's refusal or a payment is not the seller's request
        ("Заявка ещё не одобрена.", "rejected"),
        ("Решение по заявке пока не принято.", "rejected"),
        ("Мы ещё не приняли решение по вашей заявке.", "rejected"),
        ("Платёж не подтверждён банком.", "rejected"),
        ("Покупатель получил отказ в возврате.", "rejected"),
        ("Отзыв отклонён модерацией, так как содержит нецензурную лексику.", "rejected"),
        # confirming a fact, or something open to everyone, is not an approval
        ("Коллеги подтвердили, что ошибка на нашей стороне.", "approved"),
        ("Доступ к аналитике открыт для всех продавцов с подпиской Premium.", "approved"),
        # keywords in another sense
        ("Заявка на поставку создана.", "request_received"),
        ("Перечень необходимых документов указан на странице категории.", "documents_requested"),
        ("Передали бы вы нам документы раньше.", "passed_to_department"),
        ("Вы передали товар курьеру?", "passed_to_department"),
        ("Опишите товар в карточке подробнее.", "please_clarify"),
        ("Покупателю сообщат о задержке доставки автоматически.", "will_inform"),
        ("С вами свяжутся только в случае нарушения.", "will_inform"),
        ("Ссылка на вебинар пока не готова.", "training_link"),
        # a rule, or considering a change, is not a review of this case
        ("Мы проверяем документы только по рабочим дням.", "under_review"),
        ("Мы рассматриваем возможность изменения тарифов.", "under_review"),
        ("Смотрю, у вас 12 товаров без остатков.", "under_review"),
        # a short word is a word, not the end of a longer one («покупателя», «отзывы»)
        ("Мнение покупателя не может повлиять на решение.", "not_our_competence"),
        ("Отзывы прошли модерацию и опубликованы.", "approved"),
        # what is said of a category for everyone is not said of this seller
        ("Категория «Электроника» открыта для новых продавцов с декабря.", "approved"),
        ("Из какого магазина поступил заказ?", "request_seller_id"),
        # a signature after a closing is a closing, even with «новый»
        ("С уважением, Анна, Ваш новый менеджер.", "manager_intro"),
        ("Всегда на связи, ваш менеджер Анна.", "manager_intro"),
        ("На связи, ваш менеджер Анна.", "manager_intro"),
        ("Я больше не веду ваш магазин.", "manager_intro"),
    ],
)
def test_near_misses_are_not_explained_as_the_look_alike(sentence: str, not_meaning: str) -> None:
    assert meaning_of(sentence) != not_meaning


@pytest.mark.parametrize(
    "sentence",
    [
        "Документы для этой категории не требуются.",
        "Ваш аккаунт не заблокирован, он работает в штатном режиме.",
        "Не нужно присылать документы повторно.",
        "Ну, такое бывает, рынок сейчас непростой.",
        "Цена на этот товар заметно выше рыночной.",
    ],
)
def test_nothing_is_guessed(sentence: str) -> None:
    assert meaning_of(sentence) is None


MESSAGE = """Здравствуйте, Ли!

Благодарим за обращение. Ваш запрос зарегистрирован, номер обращения № 30129874.
Для категории «Детские товары» требуется сертификат соответствия. Загрузите его в личном
кабинете до 18:00 МСК 04.12.2026 г.
Срок рассмотрения — до 3 рабочих дней. Пишите на docs-cn@ozon.ru.
Хранение на складе Ozon тарифицируется с 61-го дня.

С уважением,
Анна
> Подскажите, пожалуйста, какие документы нужны?
https://seller-edu.ozon.ru/docs"""


def test_explain_reads_the_whole_message() -> None:
    explanation = BOOK.explain(MESSAGE, bj(2026, 11, 27, 10), MOSCOW)
    meanings = [
        (sentence.meaning.id if sentence.meaning else None, sentence.kind)
        for sentence in explanation.sentences
    ]
    assert meanings == [
        ("greeting", SentenceKind.TEXT),
        ("thanks_for_request", SentenceKind.TEXT),
        ("ticket_number", SentenceKind.TEXT),
        ("category_documents", SentenceKind.TEXT),
        ("deadline_to_act", SentenceKind.TEXT),  # a wrapped line does not end it
        ("wait_period", SentenceKind.TEXT),
        (None, SentenceKind.TEXT),
        (None, SentenceKind.TEXT),
        ("regards", SentenceKind.TEXT),
        (None, SentenceKind.TEXT),  # «Анна»: a name alone is not explained
        ("documents_requested", SentenceKind.QUOTED),
    ]
    assert [sentence.text for sentence in explanation.unexplained()] == [
        "Пишите на docs-cn@ozon.ru.",
        "Хранение на складе Ozon тарифицируется с 61-го дня.",
        "Анна",
    ]
    # replies answer the manager, not the seller's own quoted question
    assert explanation.replies == (
        "noted",
        "documents_uploaded",
        "category_status",
        "clarify_request",
        "will_wait",
    )
    facts = explanation.facts
    assert [reference.number for reference in facts.references] == ["30129874"]
    assert facts.emails == ("docs-cn@ozon.ru",)
    assert facts.links == ("https://seller-edu.ozon.ru/docs",)  # from a line with no Russian
    assert [document.kind.id for document in facts.documents] == ["certificate"]
    assert [duration.amount for duration in facts.durations] == [3]
    (time,) = facts.times
    assert time.start.astimezone(MOSCOW).hour == 18
    assert explanation.assumed_zone == MOSCOW


def test_quoted_text_counts_when_it_is_all_there_is() -> None:
    explanation = BOOK.explain("> Пришлите номер заказа.", bj(2026, 11, 27, 10), MOSCOW)
    assert explanation.explained()[0].kind is SentenceKind.QUOTED
    assert explanation.facts == explanation.sentences[0].facts


# --- content validation ----------------------------------------------------------------------


def load_copy(tmp_path: Path, old: str, new: str) -> ManagerPhrasebook:
    path = tmp_path / "manager_phrases.toml"
    text = MANAGER_PHRASES_PATH.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_manager_phrases(load_policy(), PHRASE_IDS, path)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'replies = ["call_request"]',
            'replies = ["call_me_maybe"]',
            r"\[call_proposed\]: unknown reply phrases",
        ),
        (
            "'\\bменя\\s+зовут\\b",
            "'\\bменя\\s+(зовут\\b",
            r"\[manager_intro patterns\]: pattern .*missing \)",
        ),
        (
            "{send}\\s+{w}{0,3}?(?:{docs}",
            "{sned}\\s+{w}{0,3}?(?:{docs}",
            r"unknown fragment \{sned\}",
        ),
        (
            'id = "regards"\nzh = "结尾的客套话。"',
            'id = "regards"\nzh = ""',
            r"\[regards\]: missing text zh",
        ),
        (
            'id = "greeting"\nzh = "问候语。"',
            'id = "greeting"\nzh = "问候语，电话 131 2289 1000。"',
            r"\[greeting\]: contains a phone number",
        ),
        (
            'overrides = ["documents_requested"]\npatterns = [\n'
            "  '(?:{send}|{need})\\s+{w}{0,5}?{catdoc}",
            'overrides = ["documents_requested", "nowhere"]\npatterns = [\n'
            "  '(?:{send}|{need})\\s+{w}{0,5}?{catdoc}",
            r"\[category_documents\]: overrides unknown meaning 'nowhere'",
        ),
        (
            'id = "documents_requested"\n',
            'id = "documents_requested"\noverrides = ["category_documents"]\n',
            r"overrides 'category_documents', which overrides it",
        ),
        (
            '"Простите за задержку."',
            '"Простите, но это не задержка."',
            r"\[apology_delay\]: example 'Простите, но это не задержка.' gets nothing",
        ),
        (
            'counter_examples = ["Спасибо за участие в акции!"',
            'counter_examples = ["Спасибо за Ваше письмо!"',
            r"\[thanks_for_request\]: counter-example 'Спасибо за Ваше письмо!' gets it",
        ),
        ('[[meaning]]\nid = "greeting"', '[[meaning]]\nid = "Greeting!"', r"\[Greeting!\]: id"),
        ('based_on = []\nactor = "none"', 'based_on = []\nactor = "me"', r"\[greeting\]: actor"),
    ],
)
def test_broken_content_names_file_and_entry(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(ContentError, match=rf"manager_phrases.toml .*{message}"):
        load_copy(tmp_path, old, new)


def test_unknown_policy_value_in_based_on(tmp_path: Path) -> None:
    old = 'based_on = []\nactor = "seller"\npatterns = [\n  \'(?:{asked}'
    new = 'based_on = ["made_up"]\nactor = "seller"\npatterns = [\n  \'(?:{asked}'
    with pytest.raises(ContentError, match=r"\[approved\]: unknown policy values"):
        load_copy(tmp_path, old, new)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"manager_phrases.toml \[file\]"):
        load_manager_phrases(load_policy(), PHRASE_IDS, tmp_path / "manager_phrases.toml")
