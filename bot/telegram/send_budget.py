"""One outgoing budget under Telegram's flood limits, shared by every message the bot sends.

Telegram allows about 30 messages a second overall, about one a second per chat with short
bursts, and 20 a minute per group chat; above that it answers 429 with `retry_after`. Every
call that puts a message into a chat (send, copy, forward, edit) waits here for its turn:
replies to sellers first, background sends (reminder pushes, marked with `background_sends()`)
take what remains, and a 429 pauses everyone. answerCallbackQuery is not a message (nothing
appears in the chat) and Telegram expects it within seconds, so it is never held back here.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

# A little under Telegram's figures, so that jitter on the way there never adds up to a 429.
PER_SECOND = 28.5
# Telegram counts messages as they arrive, in any second. A message may arrive any time between
# its turn and its answer (a stalled connection delivers several at once), so a turn is given
# only while fewer than this many are on their way or were answered within the last second.
PER_WINDOW = 30
WINDOW = 1.0
CHAT_INTERVAL = 1.05  # one message per chat per interval, on average
CHAT_BURST = 3  # messages a quiet chat may receive at once (a reply and its follow-up)
GROUP_INTERVAL = 60 / 17  # with the burst of 3: at most 20 in any minute
GROUP_BURST = 3
# Background sends leave this many of a chat's burst to replies, so a seller answering a push
# is not kept waiting by the next push.
REPLY_RESERVE = 1

ChatId = int | str | None

_background: ContextVar[bool] = ContextVar("background_sends", default=False)


@contextlib.contextmanager
def background_sends() -> Iterator[None]:
    """Messages sent inside this block wait until no reply to a seller is waiting."""
    token = _background.set(True)
    try:
        yield
    finally:
        _background.reset(token)


def in_background() -> bool:
    """Is the current send a background one (inside `background_sends()`)?"""
    return _background.get()


def is_message(method: TelegramMethod[Any]) -> bool:
    """Does the call put (or change) a message in a chat?"""
    name = method.__api_method__
    if name == "sendChatAction":
        return False
    return name.startswith(("send", "copyMessage", "forwardMessage", "editMessage"))


def is_group(chat: ChatId) -> bool:
    """Groups, supergroups and channels have negative ids (or an @username)."""
    return isinstance(chat, str) or (chat is not None and chat < 0)


@dataclass
class _Bucket:
    """A chat's burst allowance: `tokens` at moment `at`, refilling one per interval."""

    tokens: float
    at: float


@dataclass
class _Waiter:
    chat: ChatId
    background: bool
    granted: asyncio.Future[None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


class SendBudget:
    """Hands out send turns: evenly spaced overall, per-chat buckets, replies before pushes."""

    def __init__(
        self,
        per_second: float = PER_SECOND,
        chat_interval: float = CHAT_INTERVAL,
        chat_burst: int = CHAT_BURST,
        group_interval: float = GROUP_INTERVAL,
        group_burst: int = GROUP_BURST,
        per_window: int = PER_WINDOW,
        window: float = WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._spacing = 1.0 / per_second
        self._per_window = per_window
        self._window = window
        self._on_the_way = 0
        self._answered: deque[float] = deque()
        self._chat = (chat_interval, float(chat_burst))
        self._group = (group_interval, float(group_burst))
        self._now = clock
        self._next_slot = 0.0
        self._buckets: dict[ChatId, _Bucket] = {}
        self._replies: deque[_Waiter] = deque()
        self._background: deque[_Waiter] = deque()
        self._arrived = asyncio.Event()
        self._pump: asyncio.Task[None] | None = None
        self._limited = True

    @classmethod
    def unlimited(cls) -> SendBudget:
        """For a bot that talks to no Telegram (the offline console): nothing ever waits."""
        budget = cls()
        budget._limited = False
        return budget

    # -- asking for a turn ------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def turn(self, chat: ChatId, *, background: bool = False) -> AsyncIterator[None]:
        """Wait until a message to `chat` may go out; the block sends it and gets the answer."""
        if not self._limited:
            yield
            return
        await self._acquire(chat, background)
        try:
            yield
        finally:
            self._on_the_way -= 1
            self._answered.append(self._now())
            self._arrived.set()  # the window may have room again

    async def _acquire(self, chat: ChatId, background: bool) -> None:
        if not self._replies and not self._background and self._try_grant(chat, background):
            return
        waiter = _Waiter(chat, background)
        (self._background if background else self._replies).append(waiter)
        self._arrived.set()
        if self._pump is None or self._pump.done():
            self._pump = asyncio.create_task(self._hand_out(), name="send-budget")
        await waiter.granted

    def wait_for(self, chat: ChatId, *, background: bool = True) -> float:
        """Seconds until the chat itself could take a message (the overall pace aside)."""
        if not self._limited:
            return 0.0
        return self._chat_wait(chat, background, self._now())

    def pause(self, seconds: float) -> None:
        """Telegram answered 429: nothing goes out for `seconds`."""
        self._next_slot = max(self._next_slot, self._now() + seconds)

    # -- handing out turns ------------------------------------------------------------------

    async def _hand_out(self) -> None:
        while self._replies or self._background:
            now = self._now()
            if self._next_slot > now:
                await asyncio.sleep(self._next_slot - now)
                continue
            self._arrived.clear()
            window_wait = self._window_wait(now)
            if window_wait == 0.0 and (
                self._grant_first(self._replies) or self._grant_first(self._background)
            ):
                continue
            waiting = [*self._replies, *self._background]
            if not waiting:
                break
            # The window is full, or every waiting chat is within its own limit: sleep until
            # that changes, or until someone new asks or an answer comes back.
            if window_wait is None or window_wait > 0:
                soonest = window_wait
            else:
                soonest = min(self._chat_wait(w.chat, w.background, now) for w in waiting)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), soonest)

    def _grant_first(self, queue: deque[_Waiter]) -> bool:
        for waiter in list(queue):
            if waiter.granted.done():  # its sender was cancelled while waiting
                queue.remove(waiter)
                continue
            if self._try_grant(waiter.chat, waiter.background):
                queue.remove(waiter)
                waiter.granted.set_result(None)
                return True
        return False

    def _window_wait(self, now: float) -> float | None:
        """0 while the window has room; else seconds until it may (None: until an answer)."""
        while self._answered and self._answered[0] <= now - self._window:
            self._answered.popleft()
        if self._on_the_way + len(self._answered) < self._per_window:
            return 0.0
        return self._answered[0] + self._window - now if self._answered else None

    def _try_grant(self, chat: ChatId, background: bool) -> bool:
        now = self._now()
        if self._next_slot > now or self._chat_wait(chat, background, now) > 0:
            return False
        if self._window_wait(now) != 0.0:
            return False
        self._on_the_way += 1
        # A turn taken a little late (a busy event loop wakes up late) keeps the slots on their
        # grid, so the pace is kept; after a pause the grid starts again from now. Either way
        # any second holds at most `per_second` turns.
        on_grid = now - self._next_slot < self._spacing / 4
        self._next_slot = (self._next_slot if on_grid else now) + self._spacing
        if chat is not None:
            interval, burst = self._limits(chat)
            bucket = self._buckets.get(chat)
            level = burst if bucket is None else self._level(bucket, interval, burst, now)
            self._buckets[chat] = _Bucket(level - 1, now)
            if len(self._buckets) > 10_000:
                self._forget_full_buckets(now)
        return True

    # -- per-chat buckets -------------------------------------------------------------------

    def _limits(self, chat: ChatId) -> tuple[float, float]:
        return self._group if is_group(chat) else self._chat

    def _chat_wait(self, chat: ChatId, background: bool, now: float) -> float:
        if chat is None or chat not in self._buckets:
            return 0.0
        interval, burst = self._limits(chat)
        needed = 1.0 + (min(REPLY_RESERVE, burst - 1) if background else 0)
        level = self._level(self._buckets[chat], interval, burst, now)
        return max(0.0, (needed - level) * interval)

    @staticmethod
    def _level(bucket: _Bucket, interval: float, burst: float, now: float) -> float:
        return min(burst, bucket.tokens + (now - bucket.at) / interval)

    def _forget_full_buckets(self, now: float) -> None:
        self._buckets = {
            chat: bucket
            for chat, bucket in self._buckets.items()
            if self._level(bucket, *self._limits(chat), now) < self._limits(chat)[1]
        }


class BudgetMiddleware(BaseRequestMiddleware):
    """Session middleware: every message waits for its turn; a 429 pauses everyone."""

    def __init__(self, budget: SendBudget) -> None:
        self.budget = budget

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        """Wait for a turn (messages only), make the call, and pass on Telegram's 429."""
        if not is_message(method):
            return await self._call(make_request, bot, method)
        chat: ChatId = getattr(method, "chat_id", None)
        async with self.budget.turn(chat, background=in_background()):
            return await self._call(make_request, bot, method)

    async def _call(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        try:
            return await make_request(bot, method)
        except TelegramRetryAfter as error:
            self.budget.pause(error.retry_after)
            raise


def budget_of(bot: Bot) -> SendBudget:
    """The budget the bot's session sends through (`create_bot` installs one)."""
    for middleware in bot.session.middleware:
        if isinstance(middleware, BudgetMiddleware):
            return middleware.budget
    msg = "the bot has no send budget; build it with create_bot()"
    raise LookupError(msg)
