"""Telegram's size limits, and fitting the bot's texts into them.

A message shows at most 4,096 characters (counted after the HTML is parsed, in UTF-16 units)
and a copy button carries at most 256. Screens whose length depends on what a seller sent are
split here into several messages, at line ends, never inside a tag.
"""

from __future__ import annotations

import html

from bot.telegram.html_rules import HtmlError, telegram_length, to_plain_text

MAX_MESSAGE_CHARS = 4096
MAX_COPY_TEXT = 256
ELLIPSIS = "…"


def fits_copy_button(text: str) -> bool:
    """Whether a copy button can carry `text` (Telegram refuses the whole keyboard if not)."""
    return 1 <= len(text) <= MAX_COPY_TEXT


def _blocks(text: str) -> list[tuple[str, int]]:
    """The text's lines grouped so each group is whole HTML (a tag opened on one line and
    closed on a later one keeps them together), with each group's visible length."""
    blocks: list[tuple[str, int]] = []
    pending: list[str] = []
    for line in text.split("\n"):
        pending.append(line)
        joined = "\n".join(pending)
        try:
            plain = to_plain_text(joined)
        except HtmlError:
            continue
        blocks.append((joined, telegram_length(plain)))
        pending = []
    if pending:
        raise HtmlError("a tag is not closed by the end of the text")
    return blocks


def _cut(block: str, limit: int) -> str:
    """A block longer than a whole message: its visible text, cut with an ellipsis."""
    plain = to_plain_text(block)
    kept = plain[: limit - 1]
    while telegram_length(kept) > limit - 1:  # characters outside the BMP count twice
        kept = kept[:-1]
    return html.escape(kept, quote=False) + ELLIPSIS


def split_message(text: str, limit: int = MAX_MESSAGE_CHARS) -> list[str]:
    """Telegram HTML as messages of at most `limit` visible characters each, cut at line
    ends; a single block longer than `limit` loses its formatting and is cut short."""
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for block, length in _blocks(text):
        if length > limit:
            block, length = _cut(block, limit), limit
        added = length + (1 if current else 0)
        if current and size + added > limit:
            parts.append("\n".join(current))
            current, size, added = [], 0, length
        current.append(block)
        size += added
    parts.append("\n".join(current))
    # Telegram refuses an empty message: a part of blank lines only is left out.
    return [part for part in parts if part.strip()] or [text]
