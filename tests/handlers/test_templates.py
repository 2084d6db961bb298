"""Templates: content checks, Russian plural forms, and hostile values rendered safely."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.content.errors import ContentError
from bot.content.template_loader import TEMPLATES_PATH, load_templates
from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.offline.emulator import MAX_COPY_TEXT, MAX_TEXT, SentMessage
from bot.services.cases import CaseKind, Clock, Deadline
from bot.services.profile import COMPANY_NAME_MAX_CHARS, ProfileField
from bot.services.template_filling import (
    BEIJING,
    CaseFacts,
    EmailTemplate,
    Recalled,
    Recipient,
    SellerWords,
    render_email,
    waited_text,
)
from bot.telegram.html_rules import telegram_length, to_plain_text
from bot.ui.callbacks import EmailCb
from bot.ui.template_texts import (
    EMAIL_EXPLANATIONS,
    EMAIL_TITLES,
    PHRASE_MEANINGS,
    PHRASE_TITLES,
    missing_template_texts,
)
from tests.support.moments import RunningClock, at_fixed_moments
from tests.support.rig import USER_ID, Rig

HOSTILE = '<script>alert(1)</script> &amp; <b> "北京" 😀 שלום عربي '
HOSTILE_NAME = (HOSTILE * 10)[:COMPANY_NAME_MAX_CHARS]
HOSTILE_CONTACT = '<b>Li</b> & "Wei"'
PROFILE = {
    "卖家 ID": "1234567",
    "公司名称": "Shenzhen Hongda Trading Co., Ltd.",
    "已上架 SKU 数": "12",
}
SENT = datetime(2026, 11, 26, 12, 10, tzinfo=UTC)


def test_library_matches_catalogue_texts() -> None:
    library = load_templates()
    assert len(library.phrases) >= 11 and library.phrases[0].ru.startswith("Здравствуйте!")
    assert {p.id for p in library.phrases} == set(PHRASE_TITLES) == set(PHRASE_MEANINGS)
    assert {e.id for e in library.emails} == set(EMAIL_TITLES) == set(EMAIL_EXPLANATIONS)
    missing_am = next(e for e in library.emails if e.id == "missing_am")
    assert missing_am.subject.startswith("【Missing AM】ID продавца {seller_id} — ")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Наш ID продавца: {seller_id}.", "Наш ID: {passport}.", r"\[seller_id\]: unknown"),
        ('to = "am_cc_support"', 'to = "ceo"', r"\[escalation\]: missing or invalid"),
        (
            "{sent_at} мы направили Вам письмо, но ответа пока не получили.",
            "Мы направили Вам письмо.",
            r"\[case_lines.email.support\]: needs \{sent_at\}",
        ),
        ("[case_lines.custom.am_cc_support]", "[case_lines.custom.ceo]", r"case_lines.custom\]"),
        # A letter to an AM the seller does not have yet.
        (
            "[case_lines.missing.support]",
            '[case_lines.missing.am_cc_support]\nru = "{sent_at} мы."\nen = "On {sent_at}."\n\n'
            "[case_lines.missing.support]",
            r"\[case_lines.missing\]: needs exactly",
        ),
        # A follow-up from the list that gives no date, or no topic.
        (
            "{sent_on} мы направили Вам письмо по теме «{topic}», но ответа пока не получили.",
            "Ранее мы направили Вам письмо по теме «{topic}».",
            r"\[follow_up\]: a no_case_line needs both",
        ),
        # A sentence whose ending cannot count the wait.
        (
            "{sent_on} мы направили Вам письмо по теме «{topic}», но ответа пока не получили.",
            "{sent_on} мы направили Вам письмо по теме «{topic}».",
            r"\[follow_up\]: the ru sentence ends with none of \[waits\]",
        ),
        (
            "Повторное обращение: {topic_ru} — ID продавца {seller_id} / 跟进：{topic_zh} / "
            "Follow-up: {topic_en}",
            "Повторное обращение — ID продавца {seller_id} / 跟进 / Follow-up",
            r"\[follow_up\]: a follow-up needs \{topic_ru\}",
        ),
        # The China mailbox without the Chinese topic, and the AM with it.
        (
            "{topic_ru} — ID продавца {seller_id} / {topic_zh} / {topic_en}",
            "{topic_ru} — ID продавца {seller_id} / {topic_en}",
            r"\[support_request\]: a subject is in Chinese exactly for the China mailbox",
        ),
        (
            "Запрос на эскалацию: {topic_ru} — ID продавца {seller_id} / Escalation",
            "Запрос на эскалацию: {topic_ru} — ID продавца {seller_id} / 升级 / Escalation",
            r"\[escalation\]: a subject is in Chinese exactly for the China mailbox",
        ),
        ("С уважением,\n{signature}", "С уважением,\n{company_name}", r"\{signature\}"),
        (
            "С уважением,\n{signature}\nID продавца: {seller_id}",
            "С уважением,\n{signature}",
            r"\{signature\}, then the seller ID",
        ),
        (
            '"至今未收到回复。" = "至今已过去{elapsed}，仍未收到回复。"',
            '"至今未收到回复。" = "至今已过去很久，仍未收到回复。"',
            r"\[waits.zh\]: needs \{elapsed\}",
        ),
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
    ("days", "russian", "english", "chinese"),
    [
        (0, "", "", ""),
        (1, "", "", ""),
        (2, "", "", ""),
        (4, "", "", ""),
        (5, "5 дней", "5 days", "5天"),
        (12, "12 дней", "12 days", "12天"),
        (21, "21 день", "21 days", "21天"),
        (111, "111 дней", "111 days", "111天"),
        (112, "112 дней", "112 days", "112天"),
        (122, "122 дня", "122 days", "122天"),
    ],
)
def test_waiting_time_wording(days: int, russian: str, english: str, chinese: str) -> None:
    assert waited_text(days, "ru") == russian
    assert waited_text(days, "en") == english
    assert waited_text(days, "zh") == chinese


SELLER = {"seller_id": "1234567", "company_name": "Shenzhen Hongda Trading Co., Ltd."}


def test_a_follow_up_gives_the_date_first_and_counts_only_long_waits() -> None:
    library = load_templates()
    follow_up = library.email("follow_up")
    assert follow_up is not None
    case = CaseFacts(SENT, timedelta(hours=3), CaseKind.SUPPORT_EMAIL)
    bodies = render_email(follow_up, library, SELLER, case=case).bodies
    assert (
        "\n\n26.11.2026 в 15:10 (МСК) мы направили Вам письмо, но ответа пока не получили.\n\n"
        in bodies["ru"]
    )
    assert (
        "On 26 Nov 2026 at 15:10 Moscow time, we emailed you and have not received a reply "
        "yet.\n" in bodies["en"]
    )
    assert "我司已于北京时间2026年11月26日20:10向贵方发送邮件，至今未收到回复。\n" in bodies["zh"]
    late = CaseFacts(SENT, timedelta(days=21, hours=2), CaseKind.SUPPORT_EMAIL)
    bodies = render_email(follow_up, library, SELLER, case=late).bodies
    assert "мы направили Вам письмо, но за 21 день ответа так и не получили.\n" in bodies["ru"]
    assert "and have not received a reply in the 21 days since.\n" in bodies["en"]
    assert "向贵方发送邮件，至今已过去21天，仍未收到回复。\n" in bodies["zh"]
    subject = render_email(follow_up, library, SELLER, case=late).subject
    assert subject == (
        "Повторное обращение: нет ответа на наше письмо — ID продавца 1234567 / "
        "跟进：邮件未获回复 / Follow-up: no reply to our email"
    )


def test_a_follow_up_from_the_list_gives_the_day_and_topic_the_seller_picked() -> None:
    library = load_templates()
    escalation = library.email("escalation")
    assert escalation is not None
    recalled = Recalled(date(2026, 11, 22), 5)
    rendered = render_email(escalation, library, SELLER, recalled=recalled, problem="logistics")
    assert rendered.subject == (
        "Запрос на эскалацию: Логистика — ID продавца 1234567 / Escalation Request: Logistics"
    )
    assert (
        "22.11.2026 мы обратились к Вам по теме «Логистика», но за 5 дней ответа так и не "
        "получили." in rendered.bodies["ru"]
    )
    assert (
        "On 22 Nov 2026, we contacted you (topic: Logistics) and have not received a "
        "reply in the 5 days since." in rendered.bodies["en"]
    )


def test_the_letter_to_the_am_says_you_and_the_letter_to_support_names_the_am() -> None:
    library = load_templates()
    escalation, follow_up = library.email("escalation"), library.email("follow_up")
    assert escalation is not None and follow_up is not None
    case = CaseFacts(SENT, timedelta(hours=3), CaseKind.AM_MESSAGE)
    to_am = render_email(escalation, library, SELLER, case=case).bodies["ru"]
    to_support = render_email(follow_up, library, SELLER, case=case).bodies["ru"]
    assert "мы написали Вам в разделе «Сообщения»" in to_am
    assert "персональному менеджеру" not in to_am
    assert "мы написали нашему персональному менеджеру в разделе «Сообщения»" in to_support


def test_the_sellers_description_is_marked_as_chinese_only_when_it_is() -> None:
    library = load_templates()
    request = library.email("support_request")
    assert request is not None and request.asks_description
    seller = {"seller_id": "1", "company_name": "X Co", "sku_count": "12"}
    chinese = SellerWords("罚款不合理")
    described = render_email(request, library, seller, problem="fine", words=chinese)
    assert (
        "Описание на китайском языке (перевод не приложен; при необходимости "
        "пришлём пояснение на английском):\n罚款不合理" in described.bodies["ru"]
    )
    assert (
        "Description in Chinese (no translation attached; we can send an "
        "explanation in English if needed):\n罚款不合理" in described.bodies["en"]
    )
    assert "问题描述：\n罚款不合理" in described.bodies["zh"] and "罚款" in described.bodies["zh"]
    assert described.subject == "Штраф — ID продавца 1 / 罚款 / Fine"
    english = render_email(request, library, seller, problem="fine", words=SellerWords("Fine #42"))
    assert "Суть вопроса:\nFine #42" in english.bodies["ru"]
    assert "Issue description:\nFine #42" in english.bodies["en"]
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
    await users.set_field(USER_ID, ProfileField.CONTACT_NAME, HOSTILE_CONTACT)
    await users.set_field(USER_ID, ProfileField.SKU_COUNT, 1_000_000)


async def fill_in(rig: Rig, template: EmailTemplate, reply: SentMessage | None) -> SentMessage:
    """Answer what the template asks before the email: topic, day, description."""
    if template.needs_topic():
        assert reply is not None and "问题属于哪一类" in reply.text
        reply = await rig.chat.press("其他")
    if template.follows_up():
        assert reply is not None and "哪天" in reply.text
        reply = await rig.chat.press("今天")
    if template.asks_description:
        assert reply is not None and "描述你的问题" in reply.text
        reply = await rig.chat.send(HOSTILE * 3)
    assert reply is not None
    return reply


async def test_every_template_and_phrase_renders_hostile_values(rig: Rig) -> None:
    await hostile_profile(rig)
    library = load_templates()
    await rig.chat.send("/templates")
    phrases = await rig.chat.press("俄语短语")
    assert phrases is not None
    copies = [b["copy_text"]["text"] for b in phrases.buttons() if "copy_text" in b]
    # The greeting names the company: with a 200-character name it is too long for a copy
    # button, and is shown to tap-copy instead.
    assert len(copies) == len(library.phrases) - 1
    assert all(1 <= len(text) <= MAX_COPY_TEXT for text in copies)
    assert f"Мы — компания {HOSTILE_NAME.strip()}" in phrases.text
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    for index, template in enumerate(library.emails):
        opened = await rig.chat.press_data(
            listing.message_id, EmailCb(template=template.id).pack()
        )
        reply = await fill_in(rig, template, opened)
        titles = rig.chat.button_labels(listing)
        assert reply.text.startswith(f"✉️ {titles[index]}") and "主题：" in reply.text
        assert HOSTILE_NAME.strip() in reply.text and "<script>" not in reply.html
        assert f"{HOSTILE_CONTACT}\n{HOSTILE_NAME.strip()}" in reply.text
        assert to_plain_text(reply.html) == reply.text
        assert telegram_length(reply.text) <= MAX_TEXT
        copies = [b["copy_text"]["text"] for b in reply.buttons() if "copy_text" in b]
        assert len(copies) == 2 and all(1 <= len(text) <= MAX_COPY_TEXT for text in copies)
        assert "{" not in reply.text


async def test_the_individual_business_letter_warns_a_company_name(rig: Rig) -> None:
    await rig.chat.fill_profile(**PROFILE, **{"邮件署名联系人": "Li Wei"})
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    letter = EmailCb(template="individual_application").pack()
    email = await rig.chat.press_data(listing.message_id, letter)
    assert (
        email is not None and "「Shenzhen Hongda Trading Co., Ltd.」看起来是有限公司" in email.text
    )
    await rig.chat.fill_profile(**{"公司名称": "Yiwu Li Wei Daily Goods Shop"})
    email = await rig.chat.press_data(listing.message_id, letter)
    assert email is not None and "Yiwu Li Wei Daily Goods Shop\n" in email.text
    assert "看起来是有限公司" not in email.text
    # The other letters say nothing of it.
    await rig.chat.fill_profile(**{"公司名称": "Shenzhen Hongda Trading Co., Ltd."})
    email = await rig.chat.press_data(listing.message_id, EmailCb(template="missing_am").pack())
    assert email is not None and "【Missing AM】" in email.text
    assert "看起来是有限公司" not in email.text


@at_fixed_moments()
async def test_missing_fields_are_asked_on_the_spot_then_topic_and_day(
    rig: Rig, clock: RunningClock
) -> None:
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    reply = await rig.chat.press_data(listing.message_id, EmailCb(template="escalation").pack())
    assert reply is not None and "需要你的「卖家 ID」" in reply.text
    reply = await rig.chat.send("abc")
    assert reply is not None and "只能是数字" in reply.text
    await rig.chat.send("778899")
    reply = await rig.chat.send("Shenzhen Trading Co.")
    assert reply is not None and "署名" in reply.text and "拉丁字母" in reply.text
    reply = await rig.chat.press("只署公司名称")
    assert reply is not None and "问题属于哪一类" in reply.text
    reply = await rig.chat.press("物流")
    assert reply is not None and "哪天" in reply.text
    assert rig.chat.button_labels(reply)[:3] == ["今天", "昨天", "2 天前"]
    reply = await rig.chat.press("昨天")
    assert reply is not None and "订单号" in reply.text and "俄语或英语" in reply.text
    reply = await rig.chat.press("跳过")
    assert reply is not None
    subject = "Запрос на эскалацию: Логистика — ID продавца 778899 / Escalation Request: Logistics"
    assert subject in reply.text
    yesterday = clock().astimezone(BEIJING).date() - timedelta(days=1)  # the seller's zone
    line = (
        f"{yesterday:%d.%m.%Y} мы обратились к Вам по теме «Логистика», но ответа пока не "
        "получили."
    )
    assert line in reply.text
    assert "Суть вопроса" not in reply.text and "так и не" not in reply.text
    assert "С уважением,\nShenzhen Trading Co.\n" in reply.text
    assert "收件人：小二本人的邮箱" in reply.text
    # Declined once, the contact name is not asked again.
    again = await rig.chat.press_data(listing.message_id, EmailCb(template="missing_am").pack())
    assert again is not None and "需要你的「已上架 SKU 数」" in again.text
    again = await rig.chat.send("12")
    assert again is not None and "【Missing AM】ID продавца 778899 — не назначен" in again.text
    user = await UserRepository(rig.dispatcher["db"]).get(USER_ID)
    assert user is not None and user.contact_name == ""


async def test_the_contact_person_signs_and_is_in_the_profile(rig: Rig) -> None:
    await rig.chat.fill_profile(**PROFILE)
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    asked = await rig.chat.press_data(listing.message_id, EmailCb(template="missing_am").pack())
    assert asked is not None and "Li Wei" in asked.text
    refused = await rig.chat.send("李伟")
    assert refused is not None and "拉丁字母" in refused.text
    email = await rig.chat.send("  Li   Wei ")
    assert email is not None
    assert "С уважением,\nLi Wei\nShenzhen Hongda Trading Co., Ltd.\n" in email.text
    assert "Best regards,\nLi Wei\nShenzhen Hongda Trading Co., Ltd.\n" in email.text
    card = await rig.chat.send("/profile")
    assert card is not None and "邮件署名联系人：Li Wei" in card.text
    await rig.chat.press("邮件署名联系人")
    cleared = await rig.chat.press("只署公司名称")
    assert cleared is not None and "邮件署名联系人：—" in cleared.text
    export = await rig.chat.send("/export")
    assert export is not None


@at_fixed_moments()
@pytest.mark.parametrize(
    ("typed", "days_ago"), [("前天", 2), ("昨天 15:30", 1), ("3天前", 3), ("2 days ago", 2)]
)
async def test_the_day_can_be_typed(
    rig: Rig, clock: RunningClock, typed: str, days_ago: int
) -> None:
    await rig.chat.fill_profile(**PROFILE, **{"邮件署名联系人": "Li Wei"})
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    await rig.chat.press_data(listing.message_id, EmailCb(template="follow_up").pack())
    await rig.chat.press("罚款")
    refused = await rig.chat.send("不记得了")
    assert refused is not None and "哪天" in refused.text
    future = await rig.chat.send("明天")
    assert future is not None and "哪天" in future.text
    asked = await rig.chat.send(typed)
    assert asked is not None and "描述你的问题" in asked.text
    email = await rig.chat.press("跳过")
    assert email is not None
    # The seller is told to send it in the first email's thread (its ticket number with it).
    assert "请直接回复你的第一封邮件发送" in email.text
    day = clock().astimezone(BEIJING).date() - timedelta(days=days_ago)
    assert f"{day:%d.%m.%Y} мы направили Вам письмо по теме «Штраф»" in email.text
    assert (
        f"我司已于{day.year}年{day.month}月{day.day}日就「罚款」问题向贵方发送邮件" in email.text
    )


@at_fixed_moments()
async def test_a_forged_day_or_an_escalation_to_an_am_not_yet_assigned_is_refused(
    rig: Rig, clock: RunningClock
) -> None:
    await rig.chat.fill_profile(**PROFILE, **{"邮件署名联系人": "Li Wei"})
    cases = CaseRepository(rig.dispatcher["db"])
    now = clock()
    deadline = Deadline(now + timedelta(days=3), Clock.ELAPSED, False, ())
    missing = await cases.create(USER_ID, CaseKind.MISSING_AM, now, deadline, None, now, now)
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    before = len(rig.emulator.messages)
    today = now.astimezone(BEIJING).date()
    for forged in (
        EmailCb(template="escalation", case=missing.id),
        EmailCb(template="follow_up", problem="fine", day=(today + timedelta(days=3)).toordinal()),
        EmailCb(
            template="follow_up", problem="fine", day=(today - timedelta(days=200)).toordinal()
        ),
    ):
        await rig.chat.press_data(listing.message_id, forged.pack())
    assert len(rig.emulator.messages) == before
    follow_up = EmailCb(template="follow_up", case=missing.id)
    opened = await rig.chat.press_data(listing.message_id, follow_up.pack())
    assert opened is not None and "描述你的问题" in opened.text


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


async def test_another_question_cannot_skip_its_description(rig: Rig) -> None:
    # bug: an escalation about «Другой вопрос» sent with no description never says the issue
    await hostile_profile(rig)
    await rig.chat.send("/templates")
    listing = await rig.chat.press("邮件模板")
    assert listing is not None
    for problem, skippable in (("其他", False), ("物流", True)):
        opened = await rig.chat.press_data(
            listing.message_id, EmailCb(template="escalation").pack()
        )
        assert opened is not None and "问题属于哪一类" in opened.text
        await rig.chat.press(problem)
        asked = await rig.chat.press("今天")
        assert asked is not None and "描述你的问题" in asked.text
        assert ("跳过" in rig.chat.button_labels(asked)) is skippable
