"""Templates: content checks, Russian plural forms, and hostile values rendered safely."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.template_loader import TEMPLATES_PATH, load_templates
from bot.db.user_repository import UserRepository
from bot.offline.emulator import MAX_COPY_TEXT, MAX_TEXT
from bot.services.cases import CaseKind
from bot.services.profile import COMPANY_NAME_MAX_CHARS, ProfileField
from bot.services.template_filling import CaseFacts, Recipient, render_email, waited_text
from bot.telegram.html_rules import telegram_length, to_plain_text
from bot.ui.callbacks import EmailCb
from bot.ui.template_texts import (
    EMAIL_EXPLANATIONS,
    EMAIL_TITLES,
    PHRASE_MEANINGS,
    PHRASE_TITLES,
    missing_template_texts,
)
from tests.support.rig import USER_ID, Rig

HOSTILE = '<script>alert(1)</script> &amp; <b> "北京" 😀 שלום عربي '
HOSTILE_NAME = (HOSTILE * 10)[:COMPANY_NAME_MAX_CHARS]
SENT = datetime(2026, 11, 26, 12, 10, tzinfo=UTC)


def test_library_matches_catalogue_texts() -> None:
    library = load_templates()
    assert len(library.phrases) >= 11 and library.phrases[0].ru.startswith("Здравствуйте!")
    assert {p.id for p in library.phrases} == set(PHRASE_TITLES) == set(PHRASE_MEANINGS)
    assert {e.id for e in library.emails} == set(EMAIL_TITLES) == set(EMAIL_EXPLANATIONS)
    missing_am = next(e for e in library.emails if e.id == "missing_am")
    assert missing_am.subject.startswith("【Missing AM】")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Наш ID продавца: {seller_id}.", "Наш ID: {passport}.", r"\[seller_id\]: unknown"),
        ('to = "am_cc_support"', 'to = "ceo"', r"\[escalation\]: missing or invalid"),
        (
            "письмо {sent_at} и уже {elapsed} ждём ответа.",
            "письмо {sent_at}.",
            r"\[case_lines.email.support\]: needs both",
        ),
        ("[case_lines.custom.am_cc_support]", "[case_lines.custom.ceo]", r"custom.am_cc_support"),
    ],
)
def test_broken_template_file_names_the_entry(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = tmp_path / "templates.toml"
    text = TEMPLATES_PATH.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError, match=message):
        load_templates(path)


def test_a_phrase_without_catalogue_texts_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "templates.toml"
    text = TEMPLATES_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace('id = "thanks"', 'id = "thank_you"', 1), encoding="utf-8")
    assert missing_template_texts(load_templates(path)) == {"phrase": ["thank_you", "thanks"]}
    assert missing_template_texts(load_templates()) == {}


@pytest.mark.parametrize(
    ("hours", "working", "russian", "english", "chinese"),
    [
        (1, True, "1 рабочий час", "1 working hour", "1 个工作小时"),
        (3, True, "3 рабочих часа", "3 working hours", "3 个工作小时"),
        (5, True, "5 рабочих часов", "5 working hours", "5 个工作小时"),
        (21, False, "21 час", "21 hours", "21 小时"),
        (0.2, False, "1 час", "1 hour", "1 小时"),
        (47, False, "47 часов", "47 hours", "47 小时"),
        (48, False, "2 дня", "2 days", "2 天"),
        (21 * 24 + 5, False, "21 день", "21 days", "21 天"),
    ],
)
def test_waiting_time_wording(
    hours: float, working: bool, russian: str, english: str, chinese: str
) -> None:
    waited = timedelta(hours=hours)
    case = CaseFacts(SENT, waited, working, waited, CaseKind.SUPPORT_EMAIL)
    assert waited_text(case, "ru") == russian
    assert waited_text(case, "en") == english
    assert waited_text(case, "zh") == chinese


def test_a_long_wait_on_working_hours_is_told_in_calendar_days() -> None:
    case = CaseFacts(
        SENT, timedelta(hours=88), True, timedelta(days=11, hours=3), CaseKind.ESCALATION
    )
    assert waited_text(case, "ru") == "11 дней"


def test_a_follow_up_says_when_what_and_how_long_in_each_language() -> None:
    library = load_templates()
    follow_up = library.email("follow_up")
    assert follow_up is not None
    three_hours = timedelta(hours=3)
    case = CaseFacts(SENT, three_hours, True, three_hours, CaseKind.SUPPORT_EMAIL)
    seller = {"seller_id": "1234567", "company_name": "Shenzhen Hongda Trading Co., Ltd."}
    bodies = render_email(follow_up, library, seller, case=case).bodies
    assert (
        "Мы направили Вам письмо 26.11.2026 в 15:10 по московскому времени "
        "и уже 3 рабочих часа ждём ответа." in bodies["ru"]
    )
    assert "We emailed you on 26 Nov 2026 at 15:10 Moscow time" in bodies["en"]
    assert (
        "我们于北京时间 2026年11月26日 20:10 向您发送了邮件，已等待 3 个工作小时" in bodies["zh"]
    )
    no_case = render_email(follow_up, library, seller).bodies
    assert all("{" not in body and "2026" not in body for body in no_case.values())


def test_the_letter_to_the_am_says_you_and_the_letter_to_support_names_the_am() -> None:
    library = load_templates()
    escalation, follow_up = library.email("escalation"), library.email("follow_up")
    assert escalation is not None and follow_up is not None
    case = CaseFacts(SENT, timedelta(hours=3), True, timedelta(hours=3), CaseKind.AM_MESSAGE)
    seller = {"seller_id": "1234567", "company_name": "Shenzhen Hongda Trading Co., Ltd."}
    to_am = render_email(escalation, library, seller, case=case).bodies["ru"]
    to_support = render_email(follow_up, library, seller, case=case).bodies["ru"]
    assert "Мы написали Вам в разделе «Сообщения»" in to_am
    assert "персональному менеджеру" not in to_am
    assert "Мы написали нашему персональному менеджеру в разделе «Сообщения»" in to_support


def test_the_sellers_description_is_marked_as_chinese_only_when_it_is() -> None:
    library = load_templates()
    request = library.email("support_request")
    assert request is not None and request.asks_description
    seller = {"seller_id": "1", "company_name": "X Co", "sku_count": "12"}
    described = render_email(request, library, seller, problem="fine", description="罚款不合理")
    assert "Суть вопроса (на китайском языке):\n罚款不合理" in described.bodies["ru"]
    assert "The issue in brief (in Chinese):\n罚款不合理" in described.bodies["en"]
    assert "问题描述：\n罚款不合理" in described.bodies["zh"] and "罚款" in described.bodies["zh"]
    assert described.subject == "Штраф / Fine — ID 1"
    english = render_email(request, library, seller, problem="fine", description="Fine #42")
    assert "Суть вопроса:\nFine #42" in english.bodies["ru"]
    assert "The issue in brief:\nFine #42" in english.bodies["en"]
    skipped = render_email(request, library, seller, problem="fine").bodies
    assert all("\n\n\n" not in body and "Суть" not in body for body in skipped.values())


def test_the_china_mailbox_gets_a_chinese_letter_and_the_am_does_not() -> None:
    library = load_templates()
    for email in library.emails:
        to_china = email.to is Recipient.SUPPORT
        assert ("zh" in email.bodies) is to_china, email.id


async def hostile_profile(rig: Rig) -> None:
    users = UserRepository(rig.dispatcher["db"])
    await users.ensure(USER_ID, USER_ID)
    await users.set_field(USER_ID, ProfileField.SELLER_ID, "9" * 20)
    await users.set_field(USER_ID, ProfileField.COMPANY_NAME, HOSTILE_NAME)
    await users.set_field(USER_ID, ProfileField.SKU_COUNT, 1_000_000)


async def test_every_template_and_phrase_renders_hostile_values(rig: Rig) -> None:
    await hostile_profile(rig)
    library = load_templates()
    await rig.chat.send("/templates")
    phrases = await rig.chat.press("俄语短语")
    assert phrases is not None
    copies = [b["copy_text"]["text"] for b in phrases.buttons() if "copy_text" in b]
    assert len(copies) == len(library.phrases)
    assert all(1 <= len(text) <= MAX_COPY_TEXT for text in copies)
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    for index, template in enumerate(library.emails):
        reply = await rig.chat.press_data(listing.message_id, EmailCb(template=template.id).pack())
        if template.needs_problem():
            assert reply is not None and "问题属于哪一类" in reply.text
            reply = await rig.chat.press("其他问题")
        if template.asks_description:
            assert reply is not None and "描述你的问题" in reply.text
            reply = await rig.chat.send(HOSTILE * 3)
        assert reply is not None
        titles = rig.chat.button_labels(listing)
        assert reply.text.startswith(f"✉️ {titles[index]}") and "主题：" in reply.text
        assert HOSTILE_NAME.strip() in reply.text and "<script>" not in reply.html
        assert to_plain_text(reply.html) == reply.text
        assert telegram_length(reply.text) <= MAX_TEXT
        copies = [b["copy_text"]["text"] for b in reply.buttons() if "copy_text" in b]
        assert len(copies) == 2 and all(1 <= len(text) <= MAX_COPY_TEXT for text in copies)
        assert "{" not in reply.text


async def test_missing_fields_are_asked_on_the_spot(rig: Rig) -> None:
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    reply = await rig.chat.press_data(listing.message_id, EmailCb(template="escalation").pack())
    assert reply is not None and "需要你的「卖家 ID」" in reply.text
    reply = await rig.chat.send("abc")
    assert reply is not None and "只能是数字" in reply.text
    await rig.chat.send("778899")
    await rig.chat.send("Shenzhen Trading Co.")
    reply = await rig.chat.press("跳过")
    assert reply is not None and "Escalation Request — ID 778899" in reply.text
    assert "Мы обращались к Вам ранее, но ответа пока не получили." in reply.text
    assert "Суть вопроса" not in reply.text
    assert "收件人：小二本人的邮箱" in reply.text


async def test_forged_template_id_is_refused(rig: Rig) -> None:
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    before = len(rig.emulator.messages)
    await rig.chat.press_data(listing.message_id, EmailCb(template="resignation").pack())
    await rig.chat.press_data(listing.message_id, EmailCb(template="escalation", case=7).pack())
    assert len(rig.emulator.messages) == before
    answers = [
        call.get("text") for name, call in rig.emulator.calls if name == "answercallbackquery"
    ]
    assert answers[-2:] == ["这个按钮已过期。"] * 2


async def test_email_buttons_of_the_previous_version_open_the_email_list(rig: Rig) -> None:
    await hostile_profile(rig)
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    old_email = await rig.chat.press_data(listing.message_id, "tm2:follow_up:0:")
    assert old_email is not None
    reply = await rig.chat.press_data(old_email.message_id, "tm1:1:0:")
    assert reply is not None and "邮件模板" in reply.text
    assert rig.chat.button_labels(reply) == rig.chat.button_labels(listing)
