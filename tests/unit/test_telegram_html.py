"""The HTML rules the fake Bot API enforces, so the bot is held to Telegram's parser."""

from __future__ import annotations

import pytest
from aiogram import html
from hypothesis import given
from hypothesis import strategies as st

from bot.telegram.html_rules import HtmlError, telegram_length, to_plain_text
from bot.telegram.limits import MAX_COPY_TEXT, MAX_MESSAGE_CHARS, fits_copy_button, split_message


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


# Bug each catches: a screen longer than Telegram's 4,096 characters sent whole (Telegram
# refuses it: the seller gets only the apology), a split inside a tag (refused as unparsable),
# a character lost or repeated at a cut, astral characters counted as one.
@pytest.mark.parametrize(
    ("lines", "parts"),
    [
        (["a" * 4096], 1),
        (["a" * 2048, "b" * 2047], 1),  # 2048 + newline + 2047 = 4096
        (["a" * 2048, "b" * 2048], 2),
        (["<b>" + "粗" * 2000 + "</b>", "<i>" + "x" * 2000 + "</i>", "y" * 100], 2),
        (["😀" * 2048], 1),  # 4,096 UTF-16 units
        (["😀" * 1500, "😀" * 600], 2),
        (["<blockquote>" + "q" * 2000, "q" * 2000 + "</blockquote>", "r" * 100], 2),
    ],
)
def test_split_message_keeps_every_part_within_the_limit(lines: list[str], parts: int) -> None:
    text = "\n".join(lines)
    split = split_message(text)
    assert len(split) == parts
    for part in split:
        assert 0 < telegram_length(to_plain_text(part)) <= MAX_MESSAGE_CHARS
    assert "\n".join(to_plain_text(part) for part in split) == to_plain_text(text)


def test_a_block_longer_than_a_message_is_cut_with_an_ellipsis() -> None:
    first, second = split_message("<b>" + "字" * 5000 + "</b>\n<i>after</i>")
    plain = to_plain_text(first)
    assert telegram_length(plain) == MAX_MESSAGE_CHARS and plain.endswith("…")
    assert second == "<i>after</i>"


def test_copy_buttons_carry_one_to_256_characters() -> None:
    # Bug caught: a copy button over 256 characters makes Telegram refuse the whole message.
    assert fits_copy_button("я" * MAX_COPY_TEXT)
    assert not fits_copy_button("я" * (MAX_COPY_TEXT + 1))
    assert not fits_copy_button("")
