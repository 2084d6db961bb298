"""Messages far longer than Telegram allows are read in linear time, never blocking the loop."""

from __future__ import annotations

import time

import pytest

from bot.nlp.russian.sentences import is_mostly_cyrillic
from tests.support.rig import USER_ID, Rig

# Bug caught: the address pattern `\S+@\S+` rescanned a word without spaces from every
# position: 100,000 characters took ~15 s with the event loop blocked (every seller waited).
LONG_WORDS = {
    "cyrillic": "а" * 100_000,
    "cyrillic with dots": "слово." * 16_667,
    "latin": "x" * 100_000,
    "chinese": "你" * 100_000,
    "digits": "7" * 100_000,
    "at signs": "@а" * 50_000,
}


@pytest.mark.parametrize("text", list(LONG_WORDS.values()), ids=list(LONG_WORDS))
def test_the_russian_detector_reads_a_long_word_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    is_mostly_cyrillic(text)
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("text", list(LONG_WORDS.values()), ids=list(LONG_WORDS))
async def test_a_long_word_gets_an_answer_within_a_second(rig: Rig, text: str) -> None:
    started = time.perf_counter()
    reply = await rig.chat.send(text)
    assert time.perf_counter() - started < 1
    assert reply is not None and reply.chat_id == USER_ID
