"""aiogram's own parts against hand-written ones: the keyboard builder and magic filters.

Run: python bench/keyboards.py
- Keyboards: the project's largest keyboard (every FAQ topic and the menu button, 34 buttons;
  its view caches it per language) and a keyboard of 8 buttons built for each answer (the
  suggestions under an FAQ answer) built N times by their views with aiogram's
  InlineKeyboardBuilder, and the same buttons put into an InlineKeyboardMarkup by hand (what
  the removed builder did), in the same run.
- Filters: every magic filter of every message handler (the upper bound of what one message
  update can go through) called as aiogram calls them (a synchronous filter runs in a worker
  thread), and the same filters resolved inline (what an async filter costs), per update.
Seller-visible would be more than about 5 ms per update.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime

from aiogram.dispatcher.event.handler import FilterObject
from aiogram.types import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message, User
from common import median

from bot.content.loader import load_content
from bot.i18n import create_i18n
from bot.services.knowledge import KnowledgeBase
from bot.ui.callbacks import FaqCb
from bot.ui.faq_views import suggestions, topic_list, topics_button
from bot.ui.keyboards import menu_button
from handlers import get_routers

BUILDS = 2_000
UPDATES = 300
ROUNDS = 5


def by_hand(
    kb: KnowledgeBase, locale: str, topic_ids: list[str], last: InlineKeyboardButton
) -> InlineKeyboardMarkup:
    """The same keyboard without a builder: one topic a row, then the last button."""
    rows = []
    for topic_id in topic_ids:
        topic = kb.topic(locale, topic_id)
        assert topic is not None
        data = FaqCb(topic=topic_id).pack()
        rows.append([InlineKeyboardButton(text=topic.title, callback_data=data)])
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [last]])


def per_build_us(build: Callable[[], object]) -> float:
    """Median over rounds of the time one build takes, in µs."""
    rounds = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(BUILDS):
            build()
        rounds.append((time.perf_counter() - start) / BUILDS * 1e6)
    return median(rounds)


def magic_filters() -> list[FilterObject]:
    """Every magic filter a message can meet: routers' own and their handlers'."""
    found: list[FilterObject] = []
    for router in get_routers():
        observer = router.message
        for candidate in [*observer._handler.filters, *observer.handlers]:
            objects = (
                candidate.filters or [] if not isinstance(candidate, FilterObject) else [candidate]
            )
            found.extend(item for item in objects if item.magic is not None)
    return found


def question() -> Message:
    """A plain-text question in a private chat."""
    user = User(id=1, is_bot=False, first_name="S")
    chat = Chat(id=1, type="private")
    return Message(
        message_id=1,
        date=datetime(2026, 1, 5, tzinfo=UTC),
        chat=chat,
        from_user=user,
        text="小二不回复怎么办",
    )


async def per_update_ms(filters: list[FilterObject], message: Message, hop: bool) -> float:
    """Median over rounds of the time all filters take for one update, in ms."""
    rounds = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(UPDATES):
            for item in filters:
                if hop:
                    await item.call(message)
                else:
                    item.callback(message)
        rounds.append((time.perf_counter() - start) / UPDATES * 1e3)
    return median(rounds)


def main() -> None:
    """Print the figures."""
    content, i18n = load_content(), create_i18n()
    kb, ids = content.knowledge, content.knowledge.topic_ids()
    with i18n.context(), i18n.use_locale("zh"):
        text, data = topics_button()
        more = InlineKeyboardButton(text=text, callback_data=data.pack())
        shapes = {
            "largest keyboard (34 buttons)": (
                lambda: topic_list.__wrapped__(kb, "zh")[1],
                lambda: by_hand(kb, "zh", ids, menu_button()),
            ),
            "FAQ answer suggestions (8 buttons)": (
                lambda: suggestions(kb, "zh", ids[:7]),
                lambda: by_hand(kb, "zh", ids[:7], more),
            ),
        }
        for name, (view, hand) in shapes.items():
            assert view() == hand()
            built, direct = per_build_us(view), per_build_us(hand)
            print(
                f"{name}: InlineKeyboardBuilder {built:.0f} µs, by hand {direct:.0f} µs, "
                f"difference {built - direct:.0f} µs a build"
            )
    filters, message = magic_filters(), question()
    threaded = asyncio.run(per_update_ms(filters, message, hop=True))
    inline = asyncio.run(per_update_ms(filters, message, hop=False))
    print(
        f"magic filters a message can meet: {len(filters)}; all of them per update: as aiogram "
        f"calls them (worker thread) {threaded:.2f} ms, inline {inline:.3f} ms"
    )


if __name__ == "__main__":
    main()
