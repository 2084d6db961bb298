"""The Ozon glossary (`ozon_glossary.toml`): terms and reasons rendered in Chinese and English,
checked at start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.glossary_loader import OZON_GLOSSARY_PATH
from bot.content.loader import load_content
from bot.content.manager_phrase_loader import load_manager_phrases
from bot.content.policy_loader import load_policy
from bot.content.template_loader import load_templates
from bot.nlp.russian.facts import Reading, extract_facts
from tests.support.moments import MOSCOW, bj

GLOSSARY = load_content().manager_phrases.documents
READING = Reading(bj(2026, 11, 27, 10), MOSCOW, GLOSSARY)
PHRASE_IDS = frozenset(phrase.id for phrase in load_templates().phrases)


@pytest.mark.parametrize(
    ("sentence", "zh", "en"),
    [
        # a scan is said as such (bug: «скан» dropped, or the licence read as a licence deal)
        (
            "Просим предоставить скан лицензии и накладную.",
            ["营业执照扫描件", "运单"],
            ["scan of the business licence", "waybill"],
        ),
        (
            "Загрузите сертификат соответствия ЕАЭС.",
            ["EAC 符合性证书"],
            ["certificate of conformity (EAC)"],
        ),
        (
            "Нужен инвойс и авторизационное письмо.",
            ["发票", "品牌授权书"],
            ["invoice", "brand authorisation letter"],
        ),
        ("Приложите скриншот ошибки.", ["截图"], ["screenshot"]),
        # a licence agreement is no business licence
        ("Пришлите лицензионный договор.", ["许可协议"], ["licence agreement"]),
    ],
)
def test_documents_are_named_in_chinese_and_english(
    sentence: str, zh: list[str], en: list[str]
) -> None:
    documents = extract_facts(sentence, READING).documents
    assert [document.name("zh") for document in documents] == zh
    assert [document.name("en") for document in documents] == en
    assert all(document.requested for document in documents)


def test_objects_are_terms_not_documents() -> None:
    facts = extract_facts("Штраф за отмену заказа FBS удержан из выплаты.", READING)
    assert facts.documents == ()
    assert [term.kind.id for term in facts.terms] == ["fine", "order", "fbs", "payout"]
    assert facts.terms[0].name("zh") == "罚款"


@pytest.mark.parametrize(
    ("sentence", "reason", "zh"),
    [
        ("Не можем назначить менеджера: количество SKU меньше 5.", "sku_below", "SKU 数量少于 5"),
        ("Отказано, так как у вас менее 10 товаров.", "sku_below", "SKU 数量少于 10"),
        ("Заявка отклонена: KYC не пройден.", "kyc_not_passed", "KYC 认证未通过"),
        ("Файл не открывается, загрузите повторно.", "document_unreadable", "文件看不清或打不开"),
        ("Срок действия сертификата истек.", "document_expired", "文件已过期"),
    ],
)
def test_reasons_with_their_number(sentence: str, reason: str, zh: str) -> None:
    (found,) = extract_facts(sentence, READING).reasons
    assert (found.kind.id, found.text("zh")) == (reason, zh)


def test_every_term_and_reason_has_a_source_and_both_languages() -> None:
    assert len(GLOSSARY.kinds) >= 30 and len(GLOSSARY.reasons) >= 5
    for kind in GLOSSARY.kinds:
        assert kind.zh and kind.en and (kind.zh != kind.en or kind.zh.isascii())


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'source = "usage"\npattern = \'накладн',
            'source = "guess"\npattern = \'накладн',
            r"\[waybill\]: source must be",
        ),
        ("pattern = 'накладн\\w*", "pattern = 'накладн(\\w*", r"\[waybill\]"),
        ('zh = "SKU 数量少于 {n}"', 'zh = "SKU 数量太少"', r"\[sku_below\]: zh has \{n\}"),
        (
            'id = "waybill"\ndocument = true',
            'id = "waybill"\ndocument = "yes"',
            r"\[waybill\]: document must be",
        ),
        ('id = "waybill"', 'id = "invoice"', "duplicate term ids"),
        ('id = "no_sales"', 'id = "sku_below"', "duplicate reason ids"),
    ],
)
def test_a_broken_glossary_names_the_entry(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = OZON_GLOSSARY_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "ozon_glossary.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        load_manager_phrases(load_policy(), PHRASE_IDS, glossary_path=path)
