"""Every letter and phrase a seller copies, filled with realistic values and read like a
reviewer would: filled, tidy, polite, grammatical, and never asking for documents by email.

Each email template is rendered with every SKU count and waiting time in every Russian plural
form, from every kind of follow-up, with and without the seller's own words, for every problem
type; each test names the bug that makes it fail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bot.content.template_loader import load_templates
from bot.services.cases import CaseKind
from bot.services.template_filling import (
    CaseFacts,
    EmailTemplate,
    Recipient,
    RenderedEmail,
    render_email,
)

LIBRARY = load_templates()
COMPANY = "Shenzhen Hongda Trading Co., Ltd."
SELLER_ID = "1234567"
SENT = datetime(2026, 11, 26, 12, 10, tzinfo=UTC)  # 15:10 in Moscow, 20:10 in Beijing
SENT_STAMPS = {
    "ru": "26.11.2026 в 15:10 по московскому времени",
    "en": "26 Nov 2026 at 15:10 Moscow time",
    "zh": "北京时间 2026年11月26日 20:10",
}
# One of each Russian plural form and their traps: 1 / 2 / 5, 11 (not «один»), 21, 22, 25.
COUNTS = (1, 2, 5, 11, 21, 22, 25)
DESCRIPTIONS = (None, "货物在仓库里卡了五天，没人处理。", "Parcel 9 is stuck at the warehouse.")
SUBJECT_MAX_CHARS = 80
GREETINGS = {"ru": "Здравствуйте!\n\n", "en": "Hello,\n\n", "zh": "您好！\n\n"}
SIGN_OFFS = {
    "ru": f"\n\nС уважением,\n{COMPANY}",
    "en": f"\n\nBest regards,\n{COMPANY}",
    "zh": f"\n\n顺祝商祺！\n{COMPANY}",
}
# Whom the earlier step of each kind went to: the letter's reader is «Вы» exactly then.
ADDRESSED: dict[CaseKind, set[Recipient]] = {
    CaseKind.AM_ASSIGNMENT: set(),
    CaseKind.AM_MESSAGE: {Recipient.AM_CC_SUPPORT},
    CaseKind.SUPPORT_EMAIL: {Recipient.SUPPORT},
    CaseKind.COMPLEX_HANDOVER: {Recipient.AM_CC_SUPPORT},
    CaseKind.MISSING_AM: {Recipient.SUPPORT},
    CaseKind.ESCALATION: {Recipient.AM_CC_SUPPORT, Recipient.SUPPORT},  # support was in CC
    CaseKind.INDIVIDUAL_APPLICATION: {Recipient.SUPPORT},
    CaseKind.CUSTOM: set(),
}
RU_UNITS: dict[str, tuple[str, ...]] = {
    "working": ("рабочий час", "рабочих часа", "рабочих часов"),
    "hours": ("час", "часа", "часов"),
    "days": ("день", "дня", "дней"),
    "skus": ("товар", "товара", "товаров"),
}
EN_UNITS: dict[str, tuple[str, ...]] = {
    "working": ("working hour", "working hours"),
    "hours": ("hour", "hours"),
    "days": ("day", "days"),
}
ZH_UNITS = {"working": "个工作小时", "hours": "小时", "days": "天"}
YOU_RU = re.compile(r"\b(?:Вы|Вас|Вам|Вами|Ваш\w*)\b")
LOWER_YOU_RU = re.compile(r"\b(?:вы|вас|вам|вами|ваш\w*)\b")
SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|[。！？]\s*)(\S)", re.MULTILINE)
ATTACHING = re.compile(r"вложени|влож[иу]|прилага|прилож|прикреп|attach|enclos|附件|附上|随信")
SCREENSHOTS = re.compile(r"скриншот|screenshot|截图", re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?。！？]+[.!?。！？]?")


@dataclass(frozen=True)
class Wait:
    """A waiting time and the words each letter must say it with."""

    case: CaseFacts
    words: dict[str, str]


@dataclass(frozen=True)
class Letter:
    """One rendering: how it was filled, and what came out."""

    template: EmailTemplate
    label: str
    case: CaseFacts | None
    description: str | None
    sku_count: int
    rendered: RenderedEmail


def russian_form(number: int) -> int:
    """0 for 1, 21, 101…; 1 for 2–4, 22–24…; 2 for 0, 5–20, 25… (written out here, not asked
    of Babel, so a wrong plural rule in the code cannot agree with itself)."""
    if number % 10 == 1 and number % 100 != 11:
        return 0
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return 1
    return 2


def wait_words(number: int, unit: str) -> dict[str, str]:
    return {
        "ru": f"{number} {RU_UNITS[unit][russian_form(number)]}",
        "en": f"{number} {EN_UNITS[unit][0 if number == 1 else 1]}",
        "zh": f"{number} {ZH_UNITS[unit]}",
    }


def waits(kind: CaseKind) -> Iterator[Wait]:
    """Every count in working hours, in plain hours, and in calendar days."""
    for number in COUNTS:
        hours = timedelta(hours=number)
        yield Wait(CaseFacts(SENT, hours, True, hours, kind), wait_words(number, "working"))
        yield Wait(CaseFacts(SENT, hours, False, hours, kind), wait_words(number, "hours"))
        if number >= 2:
            days, working = timedelta(days=number), timedelta(hours=9 * number)
            yield Wait(CaseFacts(SENT, working, True, days, kind), wait_words(number, "days"))


def seller(sku_count: int) -> dict[str, str]:
    return {"seller_id": SELLER_ID, "company_name": COMPANY, "sku_count": str(sku_count)}


def letter(
    template: EmailTemplate,
    label: str,
    *,
    case: CaseFacts | None = None,
    description: str | None = DESCRIPTIONS[1],
    sku_count: int = 21,
    problem: str = "fine",
) -> Letter:
    description = description if template.asks_description else None
    rendered = render_email(
        template, LIBRARY, seller(sku_count), case=case, problem=problem, description=description
    )
    return Letter(template, label, case, description, sku_count, rendered)


def letters_of(template: EmailTemplate) -> Iterator[Letter]:
    """One dimension at a time around a realistic filling."""
    for count in COUNTS:
        yield letter(template, f"{count} SKUs", sku_count=count)
    for description in DESCRIPTIONS:
        yield letter(template, f"described {description!r}", description=description)
    for problem in LIBRARY.problems:
        yield letter(template, f"problem {problem}", problem=problem)
    for kind in CaseKind:
        for wait in waits(kind):
            yield letter(template, f"{kind} after {wait.words['en']}", case=wait.case)


LETTERS = [item for template in LIBRARY.emails for item in letters_of(template)]
PHRASES = [phrase.ru.format(seller_id=SELLER_ID) for phrase in LIBRARY.phrases]


def bodies(language: str) -> Iterator[tuple[str, str]]:
    """(where, body) of every letter written in the language."""
    for item in LETTERS:
        if language in item.rendered.bodies:
            yield f"{item.template.id}/{item.label}/{language}", item.rendered.bodies[language]


def russian_texts() -> Iterator[tuple[str, str]]:
    """Every Russian letter and phrase."""
    yield from bodies("ru")
    yield from ((f"phrase {text}", text) for text in PHRASES)


def test_every_template_is_rendered_in_each_of_its_languages() -> None:
    # Bug: a template missing from the sweep, or a letter rendered without one of its bodies.
    assert {item.template.id for item in LETTERS} == {email.id for email in LIBRARY.emails}
    for item in LETTERS:
        assert set(item.rendered.bodies) == set(item.template.to.languages()), item.label


def test_every_placeholder_is_filled() -> None:
    # Bug: a misspelt placeholder left as text, or a brace escaped twice in the TOML.
    for item in LETTERS:
        for text in (item.rendered.subject, *item.rendered.bodies.values()):
            assert not re.search(r"[{}]", text), (item.template.id, item.label, text)


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_no_blank_line_runs_stray_spaces_or_empty_headings(language: str) -> None:
    # Bug: a skipped description or case line leaving a hole, or a heading with nothing under.
    for where, body in bodies(language):
        assert "\n\n\n" not in body and body == body.strip(), where
        assert not re.search(r"[ \t]+$|^[ \t]+|  ", body, re.MULTILINE), where
        assert not re.search(r"[:：]\n*$|[:：]\n\n", body), where


@pytest.mark.parametrize("language", ["ru", "en", "zh"])
def test_no_sentence_starts_with_a_date_or_a_number(language: str) -> None:
    # Bug: «26.11.2026 в 15:10 мы написали…», a bare timestamp opening the sentence.
    for where, body in bodies(language):
        for start in SENTENCE_START.findall(body):
            assert not start.isdigit(), (where, body)


def test_no_phrase_starts_with_a_number_and_each_ends_a_sentence() -> None:
    for text in PHRASES:
        assert text[0].isupper() and text[-1] in ".!?", text
        assert not [s for s in SENTENCE_START.findall(text) if s.isdigit()], text


def test_russian_you_is_capitalised() -> None:
    # Bug: «вам» or «ваш» in lower case, which reads as a note to a friend, not a letter.
    for where, text in russian_texts():
        assert not LOWER_YOU_RU.search(text), (where, text)


def test_russian_we_takes_plural_verbs_and_the_company_singular_ones() -> None:
    # Bug: «мы направил», «наша компания прошли».
    for where, text in russian_texts():
        for verb in re.findall(r"\b[Мм]ы (?:уже |ещё |Вам |не )?(\w+)", text):
            assert verb.endswith(("ли", "лись", "ем", "ём", "им", "ть", "ться")), (where, verb)
        for verb in re.findall(r"\b[Нн]аша компания (?:уже )?(\w+)", text):
            assert verb.endswith("ла"), (where, verb)


def test_an_individual_business_is_never_a_russian_legal_status() -> None:
    # Bug: 个体工商户 glossed as «индивидуальный предприниматель» (ИП is a Russian status).
    for where, text in russian_texts():
        assert not re.search(r"индивидуальн\w* предпринимател|\bИП\b", text, re.I), where
    for where, text in bodies("en"):
        assert not re.search(r"individual entrepreneur|sole proprietor", text, re.I), where
    individual = next(item for item in LETTERS if item.template.id == "individual_application")
    assert "个体工商户" in individual.rendered.bodies["ru"]


def test_no_text_reads_like_a_job_application() -> None:
    # Bug: the subject «AM application».
    for item in LETTERS:
        texts = (item.rendered.subject, *item.rendered.bodies.values())
        assert not any("AM application" in text for text in texts), item.template.id
        assert "application" not in item.rendered.subject.lower(), item.rendered.subject


def test_russian_quotes_are_guillemets() -> None:
    # Bug: "Сообщения" in straight or English quotes instead of «Сообщения».
    for where, text in russian_texts():
        assert not re.search(r"[\"“”]", text), where
        assert text.count("«") == text.count("»"), where


@pytest.mark.parametrize("template_id", [e.id for e in LIBRARY.emails if e.no_case_lines])
def test_the_wait_is_said_with_the_right_plural_form(template_id: str) -> None:
    # Bug: «21 рабочих часов», «2 часов», «1 hours», or a wait in days cut to hours.
    template = LIBRARY.email(template_id)
    assert template is not None
    for kind in CaseKind:
        for wait in waits(kind):
            rendered = render_email(template, LIBRARY, seller(21), case=wait.case)
            for language, body in rendered.bodies.items():
                assert wait.words[language] in body, (kind, language, body)
                assert SENT_STAMPS[language] in body, (kind, language)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_every_number_agrees_with_its_noun(language: str) -> None:
    # Bug: a count written into a sentence («Мы разместили {sku_count} товаров») that reads
    # wrong for 1 or 22, or a plural rule that fails on 11 or 21.
    units = RU_UNITS if language == "ru" else EN_UNITS
    owner = {form: forms for forms in units.values() for form in forms}
    counted = re.compile(rf"(\d+) ({'|'.join(sorted(owner, key=len, reverse=True))})\b")
    for where, body in bodies(language):
        for number, noun in counted.findall(body):
            index = russian_form(int(number)) if language == "ru" else int(number != "1")
            assert noun == owner[noun][index], (where, number, noun)


def test_subjects_are_one_short_line_with_the_seller_id() -> None:
    # Bug: both long problem names in one subject, or the ID left out.
    for item in LETTERS:
        subject = item.rendered.subject
        assert len(subject) <= SUBJECT_MAX_CHARS, subject
        assert "\n" not in subject and SELLER_ID in subject, subject


def test_every_letter_greets_and_signs_off_with_the_company() -> None:
    # Bug: a body without its greeting, or a sign-off that names nobody.
    for item in LETTERS:
        for language, body in item.rendered.bodies.items():
            assert body.startswith(GREETINGS[language]), (item.template.id, language)
            assert body.endswith(SIGN_OFFS[language]), (item.template.id, language)


def test_documents_go_only_through_seller_center() -> None:
    # Bug: «приложим скриншоты KYC к письму»; documents never go to an email address.
    for language in ("ru", "en", "zh"):
        for where, body in bodies(language):
            assert not ATTACHING.search(body), where
            for sentence in SENTENCE.findall(body):
                if SCREENSHOTS.search(sentence):
                    assert re.search("личный кабинет продавца|Seller Center", sentence), where


def test_the_reader_is_you_exactly_when_the_earlier_step_went_to_them() -> None:
    # Bug: the escalation to the AM speaking of «нашему персональному менеджеру», or the
    # follow-up to support saying «Мы написали Вам» about a chat message to the AM.
    for recipient in Recipient:
        for kind in CaseKind:
            line, addressed = LIBRARY.case_lines[kind][recipient], recipient in ADDRESSED[kind]
            assert bool(YOU_RU.search(line["ru"])) is addressed, (recipient, kind)
            assert bool(re.search(r"\byou\b", line["en"])) is addressed, (recipient, kind)
            if recipient is Recipient.AM_CC_SUPPORT and addressed:
                assert "персональному менеджеру" not in line["ru"], kind


def test_a_letter_tells_its_earlier_step_only_when_it_has_one() -> None:
    # Bug: the generic «we wrote earlier» beside the dated sentence, or neither of them.
    for item in LETTERS:
        if not item.template.no_case_lines:
            continue
        for language, body in item.rendered.bodies.items():
            generic = item.template.no_case_lines[language] in body
            assert generic is (item.case is None), (item.template.id, item.label, language)


def test_the_sellers_words_are_in_every_letter_that_asks_for_them() -> None:
    # Bug: the description asked for and then dropped, or marked Chinese when it is English.
    for item in LETTERS:
        if item.description is None:
            continue
        for language, body in item.rendered.bodies.items():
            assert item.description in body, (item.template.id, language)
        chinese = bool(re.search(r"[\u4e00-\u9fff]", item.description))
        marked = "(на китайском языке)" in item.rendered.bodies["ru"]
        assert marked is chinese, (item.template.id, item.description)


def test_chinese_letters_are_polite_and_follow_the_glossary() -> None:
    # Bug: 你 in a letter to Ozon, a forbidden variant (后台, 个体户, 专属经理), Western quotes,
    # or no space between Chinese and a number.
    for where, body in bodies("zh"):
        assert "您" in body and "你" not in body, where
        forbidden = ["后台", "个体户", "专属经理", "客服邮箱", "卖家中心", "实名认证", "消息中心"]
        assert not [word for word in forbidden if word in body], where
        assert not re.search(r"(?<!客户)经理", body) and not re.search(r"[\"“”]", body), where
        undated = re.sub(r"\d{4}年\d{1,2}月\d{1,2}日", "", body)
        assert not re.search(r"[\u4e00-\u9fff]\d|\d[\u4e00-\u9fff]", undated), where


def test_english_letters_have_no_bracketed_plurals() -> None:
    # Bug: "SKU(s)" or "hour(s)" instead of a count-aware form.
    for where, body in bodies("en"):
        assert "(s)" not in body, where


def test_the_greeting_phrase_is_warm_not_stiff() -> None:
    # Bug: the guide's «Готовы к сотрудничеству», which reads like a form letter.
    greeting = next(phrase.ru for phrase in LIBRARY.phrases if phrase.id == "greeting")
    assert greeting.startswith("Здравствуйте!") and "Готовы к сотрудничеству" not in greeting
