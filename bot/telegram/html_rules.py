"""Telegram's HTML parse mode: what it accepts, and the plain text it shows."""

from __future__ import annotations

import html
import re

# Tags Telegram's HTML parse mode understands, with the attributes it allows on each.
ALLOWED_TAGS: dict[str, frozenset[str]] = {
    "b": frozenset(),
    "strong": frozenset(),
    "i": frozenset(),
    "em": frozenset(),
    "u": frozenset(),
    "ins": frozenset(),
    "s": frozenset(),
    "strike": frozenset(),
    "del": frozenset(),
    "span": frozenset({"class"}),
    "tg-spoiler": frozenset(),
    "a": frozenset({"href"}),
    "code": frozenset({"class"}),
    "pre": frozenset(),
    "blockquote": frozenset({"expandable"}),
    "tg-emoji": frozenset({"emoji-id"}),
}

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:=\"[^\"<>]*\")?)*)\s*>")
_ATTR = re.compile(r"([a-zA-Z-]+)(?:=\"[^\"<>]*\")?")
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_SPECIAL = re.compile(r"[<&>]")


class HtmlError(ValueError):
    """Text Telegram would refuse with "can't parse entities"."""


def to_plain_text(text: str) -> str:
    """Validate `text` as Telegram HTML and return what the user sees, or raise `HtmlError`."""
    plain: list[str] = []
    stack: list[str] = []
    position = 0
    while position < len(text):
        special = _SPECIAL.search(text, position)
        end = special.start() if special else len(text)
        plain.append(text[position:end])
        if special is None:
            break
        position = end
        char = text[position]
        if char == "<":
            match = _TAG.match(text, position)
            if match is None:
                raise HtmlError(f"unescaped '<' at byte offset {position}")
            closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
            if name not in ALLOWED_TAGS:
                raise HtmlError(f"unsupported tag <{name}>")
            if closing:
                if not stack or stack[-1] != name:
                    raise HtmlError(f"unmatched end tag </{name}>")
                stack.pop()
            else:
                for attr in _ATTR.findall(attrs):
                    if attr.lower() not in ALLOWED_TAGS[name]:
                        raise HtmlError(f"unsupported attribute {attr} on <{name}>")
                stack.append(name)
            position = match.end()
        elif char == "&":
            match = _ENTITY.match(text, position)
            if match is None:
                raise HtmlError(f"unescaped '&' at offset {position}")
            plain.append(html.unescape(match.group(0)))
            position = match.end()
        else:
            raise HtmlError(f"unescaped '>' at offset {position}")
    if stack:
        raise HtmlError(f"unclosed tag <{stack[-1]}>")
    return "".join(plain)


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2
