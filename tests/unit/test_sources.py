"""Where facts come from: Ozon's values cite a page and its date, the bot's readings say so,
and every answer about Ozon carries its source or the unconfirmed-guide line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.content.knowledge_loader import load_knowledge
from bot.content.loader import FEATURE_ACTIONS
from bot.content.policy_loader import load_policy
from bot.content.template_loader import load_templates
from bot.i18n import create_i18n
from bot.services.knowledge import KnowledgeBase
from bot.services.locales import SUPPORTED_LOCALES
from bot.services.policy import Status
from bot.ui.faq_views import answer_text
from bot.ui.source_lines import READINGS, source_lines

POLICY = load_policy()
I18N = create_i18n()
GUIDE_LINE = "ℹ️"
OZON_LINE = "📄"
READING_LINE = "🤖"
# Not about Ozon: the bot itself, and other marketplaces.
NOT_ABOUT_OZON = {"about_bot", "bot_howto", "other_marketplaces"}


@pytest.fixture(params=SUPPORTED_LOCALES)
def locale(request: pytest.FixtureRequest) -> Iterator[str]:
    with I18N.context(), I18N.use_locale(request.param):
        yield request.param


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return load_knowledge(POLICY, load_templates().actions() | FEATURE_ACTIONS)


def test_ozon_values_cite_a_page_and_the_date_it_was_read() -> None:
    official = {
        key for key, seen in POLICY.provenance.items() if seen.status.name == "OZON_OFFICIAL"
    }
    assert {"ozon_notification_sender", "credit_code_length"} <= official
    for key, seen in POLICY.provenance.items():
        source = POLICY.sources[seen.source]
        if seen.status is Status.OZON_OFFICIAL:
            assert source.page is not None and source.page.startswith("https://docs.ozon.")
            assert source.checked is not None, key
        else:
            assert source.page is None, key


def test_every_reading_has_its_words_and_no_words_lack_a_reading() -> None:
    marked = {key for key, seen in POLICY.provenance.items() if seen.reading}
    assert marked == set(READINGS) == {"support_cutoff", "missing_am_reply_hours"}


def test_an_email_deadline_says_what_is_the_bots_reading(locale: str) -> None:
    lines = source_lines(POLICY, ("support_reply_hours", "support_cutoff"), locale)
    assert [line[0] for line in lines] == [READING_LINE, GUIDE_LINE[0]]
    assert "16:00" in lines[0]
    missing_am = source_lines(POLICY, ("missing_am_reply_hours", "support_cutoff"), locale)
    assert "2.1" in missing_am[0] and "2" in missing_am[0].replace("2.1", "")
    assert len([line for line in missing_am if line.startswith(READING_LINE)]) == 2


@pytest.mark.parametrize(
    ("locale_code", "page", "read"),
    [  # English day first ("27 Nov 2026"), as the letters write dates
        ("zh", "https://docs.ozon.ru/global/zh/personal-account/notification/", "2026年11月27日"),
        ("en", "https://docs.ozon.ru/global/en/personal-account/notification/", "27 Nov 2026"),
    ],
)
def test_an_ozon_value_links_its_page_in_the_readers_language(
    locale_code: str, page: str, read: str
) -> None:
    with I18N.context(), I18N.use_locale(locale_code):
        lines = source_lines(POLICY, ("ozon_notification_sender",), locale_code)
    assert len(lines) == 1 and lines[0].startswith(OZON_LINE)
    assert f'<a href="{page}">' in lines[0] and read in lines[0]


def test_registration_rests_on_ozon_not_on_the_guide(locale: str) -> None:
    lines = source_lines(POLICY, ("credit_code_length",), locale)
    assert len(lines) == 1 and "launch/steps/step-1" in lines[0]
    assert not any(line.startswith(GUIDE_LINE) for line in lines)


def test_every_answer_about_ozon_carries_its_source(knowledge: KnowledgeBase, locale: str) -> None:
    for topic_id in set(knowledge.topic_ids()) - NOT_ABOUT_OZON:
        topic = knowledge.topic(locale, topic_id)
        assert topic is not None
        footer = answer_text(topic, POLICY, locale).split(topic.answer, 1)[1]
        assert GUIDE_LINE in footer or OZON_LINE in footer, topic_id


def test_what_ozon_says_is_cited_where_an_answer_says_it(
    knowledge: KnowledgeBase, locale: str
) -> None:
    sender = POLICY.values.ozon_notification_sender
    for topic_id in knowledge.topic_ids():
        topic = knowledge.topic(locale, topic_id)
        assert topic is not None
        shown = answer_text(topic, POLICY, locale)
        if sender in topic.answer:
            assert "personal-account/notification" in shown, topic_id


def test_the_fraud_answer_cites_ozons_warning_and_the_guide(
    knowledge: KnowledgeBase, locale: str
) -> None:
    topic = knowledge.topic(locale, "fraud")
    assert topic is not None
    shown = answer_text(topic, POLICY, locale)
    assert "chat-safety-rules" in shown and GUIDE_LINE in shown
