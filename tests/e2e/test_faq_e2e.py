"""Knowledge-base answers over HTTP in both languages: a listed topic and a typed question.
(Every answer in every language is rendered in process: tests/handlers/test_handlers_faq.py.)"""

from __future__ import annotations

import pytest

from bot.content.loader import load_content
from bot.services.locales import SUPPORTED_LOCALES
from bot.ui.callbacks import FaqCb
from tests.support.bot_process import BotProcess
from tests.support.driver import HttpDriver
from tests.support.fake_bot_api import FakeBotApi

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


async def test_answers_reach_sellers_in_their_language(
    bot_process: BotProcess, fake_api: FakeBotApi
) -> None:
    knowledge = load_content().knowledge
    first, last = knowledge.topic_ids()[0], knowledge.topic_ids()[-1]
    for offset, locale in enumerate(SUPPORTED_LOCALES):
        seller = HttpDriver(fake_api.emulator, 880000 + offset, language_code=locale)
        listing = await seller.send("/faq")
        assert listing is not None
        for topic_id in (first, last):
            answer = await seller.press_data(listing.message_id, FaqCb(topic=topic_id).pack())
            topic = knowledge.topic(locale, topic_id)
            assert answer is not None and topic is not None
            assert answer.text.startswith(topic.title)
        reply = await seller.send("my AM hasnt replied for 2 days, what now?")
        slow_reply = knowledge.topic(locale, "slow_reply")
        assert reply is not None and slow_reply is not None
        assert reply.text.startswith(slow_reply.title)
    assert fake_api.emulator.refusals == []
