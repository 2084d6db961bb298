"""The HTML rules the fake Bot API enforces, so the bot is held to Telegram's parser."""

from __future__ import annotations

import pytest
from aiogram import html
from hypothesis import given
from hypothesis import strategies as st

from bot.telegram.html_rules import HtmlError, telegram_length, to_plain_text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("<b>粗体</b> &amp; <i>x</i>", "粗体 & x"),
        ('<a href="https://ozon.ru">o</a>', "o"),
        ("<pre>A&lt;B&gt;</pre>", "A<B>"),
        ("<blockquote expandable>q</blockquote>", "q"),
        ('<span class="tg-spoiler">s</span>&#128512;', "s😀"),
    ],
)
def test_accepts_telegram_html(text: str, plain: str) -> None:
    assert to_plain_text(text) == plain


@pytest.mark.parametrize(
    "text",
    [
        "a < b",
        "A&B",
        "<script>x</script>",
        "<b>open",
        "</b>",
        "<b><i>x</b></i>",
        "a > b",
        '<b onclick="x">y</b>',
        "&nbsp;",
    ],
)
def test_refuses_what_telegram_refuses(text: str) -> None:
    with pytest.raises(HtmlError):
        to_plain_text(text)


@given(st.text())
def test_quoted_user_text_is_always_valid_and_round_trips(text: str) -> None:
    assert to_plain_text(html.quote(text)) == text


def test_length_counts_utf16_units() -> None:
    assert telegram_length("a中😀") == 4
