"""One chat flooding the bot while other sellers ask and press: the scenario the flood e2e test
and bench/flood.py share, over the fake Bot API with Telegram's flood limits."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from bot.offline.emulator import BotApiEmulator, RateLimits, SentMessage

FLOODER = 990_001
NOTICE = "收到多条消息，已合并为一条处理。"
HELP = "我能帮你做什么"
QUESTION = "小二一直不回怎么办"
MENU_FAQ = "m1:faq"


def flood_texts(count: int, command_every: int) -> list[str]:
    """Questions with a /help every `command_every` messages (commands are never merged)."""
    return [
        "/help" if (n + 1) % command_every == 0 else f"第{n}条：{QUESTION}" for n in range(count)
    ]


@dataclass
class TimedEmulator(BotApiEmulator):
    """The emulator with Telegram's limits, noting when each chat gets a message and when each
    press is answered."""

    rate_limits: RateLimits | None = field(default_factory=RateLimits)
    waiting: dict[int, asyncio.Future[SentMessage]] = field(default_factory=dict)
    answered_at: dict[str, float] = field(default_factory=dict)

    def next_message(self, chat: int) -> asyncio.Future[SentMessage]:
        """A future for the next message stored for `chat`."""
        future: asyncio.Future[SentMessage] = asyncio.get_running_loop().create_future()
        self.waiting[chat] = future
        return future

    def _store(self, message: SentMessage) -> None:
        super()._store(message)
        future = self.waiting.pop(message.chat_id, None)
        if future is not None and not future.done():
            future.set_result(message)

    def _answer_callback(self, params: dict[str, Any]) -> bool:
        answered = super()._answer_callback(params)
        self.answered_at.setdefault(str(params.get("callback_query_id")), time.monotonic())
        return answered


@dataclass
class Figures:
    """Other sellers' waits, in seconds, and what they missed."""

    replies: list[float] = field(default_factory=list)
    acks: list[float] = field(default_factory=list)
    lost: int = 0


async def open_menus(emulator: TimedEmulator, sellers: list[int]) -> dict[int, int]:
    """Each seller starts the bot; the id of the menu message they got."""
    replies = {seller: emulator.next_message(seller) for seller in sellers}
    for seller in sellers:
        emulator.user_message(seller, "/start")
    return {
        seller: (await asyncio.wait_for(reply, 30)).message_id for seller, reply in replies.items()
    }


async def ask_and_press(
    emulator: TimedEmulator, seller: int, menu: int, rounds: int, pause: float, figures: Figures
) -> None:
    """Ask a question and wait for the answer, press the menu's FAQ button and wait for its
    acknowledgement; `rounds` times, `pause` seconds apart."""
    for _ in range(rounds):
        reply = emulator.next_message(seller)
        asked = time.monotonic()
        emulator.user_message(seller, QUESTION)
        try:
            figures.replies.append((await asyncio.wait_for(reply, 30)).at - asked)
        except TimeoutError:
            figures.lost += 1
        press = emulator.user_press(seller, menu, MENU_FAQ)["callback_query"]["id"]
        pressed = time.monotonic()
        for _ in range(3000):
            if press in emulator.answered_at:
                figures.acks.append(emulator.answered_at[press] - pressed)
                break
            await asyncio.sleep(0.01)
        else:
            figures.lost += 1
        await asyncio.sleep(pause)


async def other_sellers(
    emulator: TimedEmulator, menus: dict[int, int], rounds: int, spread: float
) -> Figures:
    """Every seller asks and presses `rounds` times, their starts spread over `spread` s."""
    figures = Figures()
    step = spread / max(1, len(menus))

    async def seller_run(index: int, seller: int) -> None:
        await asyncio.sleep(index * step)
        await ask_and_press(emulator, seller, menus[seller], rounds, spread, figures)

    await asyncio.gather(*(seller_run(i, seller) for i, seller in enumerate(menus)))
    return figures


def flood(emulator: TimedEmulator, texts: list[str]) -> None:
    """The flooding chat sends every text at once."""
    for text in texts:
        emulator.user_message(FLOODER, text)
