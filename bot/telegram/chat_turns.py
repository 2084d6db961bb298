"""One chat never stalls another: each chat's updates take turns, in arrival order, and a busy
chat holds at most one of the work slots.

Polling and the webhook both feed updates as tasks. An update first waits for its chat's turn
(holding no slot), then for one of `concurrency` slots shared by all chats. So a chat flooding
80 messages, whose replies go out at Telegram's one-a-second pace per chat, keeps one slot busy
while every other seller's update is handled at once. Updates already handled (a webhook
delivery Telegram repeats) are dropped. At most `pending` updates wait at a time: the webhook
lets Telegram wait for its answer beyond that (`admit`), polling asks for no more (aiogram's
`tasks_concurrency_limit`).

A press in a busy chat is answered at once (Telegram expects the answer within seconds); its
handler then runs without a second answer (`AnswerOnce`). Plain text queued behind the message
being handled is merged into it outside wizards (`MergeQueuedTexts`): Telegram splits a long
pasted text into several messages, which are one question.
"""

from __future__ import annotations

import asyncio
from collections import Counter, OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Chat, Message, TelegramObject, Update
from aiogram.utils.callback_answer import CallbackAnswer, CallbackAnswerMiddleware

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
BACKLOG_KEY = "chat_backlog"
ANSWERED_EARLY_KEY = "press_answered_early"
REMEMBERED_UPDATES = 5_000


class SeenUpdates:
    """The ids of the last `size` updates, to drop one delivered again."""

    def __init__(self, size: int = REMEMBERED_UPDATES) -> None:
        self._size = size
        self._ids: OrderedDict[int, None] = OrderedDict()

    def first_time(self, update_id: int) -> bool:
        """Remember the id; False if it was seen already."""
        if update_id in self._ids:
            return False
        self._ids[update_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True


def is_plain_text(message: Message) -> bool:
    """Text that is not a command."""
    return message.text is not None and not message.text.startswith("/")


def sender(message: Message) -> int | None:
    """Who wrote the message."""
    return message.from_user.id if message.from_user else None


@dataclass
class ChatBacklog:
    """One chat's updates that arrived and are not finished, in arrival order; the first holds
    the chat's turn."""

    turn: asyncio.Lock = field(default_factory=asyncio.Lock)
    updates: deque[Update] = field(default_factory=deque)
    merged: set[int] = field(default_factory=set)
    noticed: bool = False  # the seller was told of a merge in this burst

    def leave(self, update: Update) -> None:
        """The update is finished."""
        for index, queued in enumerate(self.updates):
            if queued is update:
                del self.updates[index]
                break
        self.merged.discard(update.update_id)

    def take_texts_after(self, message: Message) -> list[Message]:
        """Plain text from the same sender queued right behind the update holding the turn,
        up to the first update of another kind; they count as handled with it."""
        taken: list[Message] = []
        for update in list(self.updates)[1:]:
            queued = update.message
            if queued is None or not is_plain_text(queued) or sender(queued) != sender(message):
                break
            if update.update_id not in self.merged:
                self.merged.add(update.update_id)
                taken.append(queued)
        return taken

    def first_merge_of_burst(self) -> bool:
        """True once per burst (until the chat has nothing queued)."""
        first, self.noticed = not self.noticed, True
        return first


class ChatTurns(BaseMiddleware):
    """Update outer middleware, before aiogram's FSM middleware (see `install`)."""

    def __init__(self, *, concurrency: int, pending: int) -> None:
        self._slots = asyncio.Semaphore(concurrency)
        self._room = asyncio.Semaphore(pending)
        self._admitted: Counter[int] = Counter()
        self._seen = SeenUpdates()
        self._chats: dict[int, ChatBacklog] = {}

    async def admit(self, update_id: int) -> None:
        """Wait until fewer than `pending` updates wait (the webhook, before answering)."""
        await self._room.acquire()
        self._admitted[update_id] += 1

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        """Drop a repeated update; else wait for the chat's turn, then for a slot."""
        assert isinstance(event, Update)
        if self._admitted[event.update_id] > 1:
            self._admitted[event.update_id] -= 1
        elif self._admitted.pop(event.update_id, 0) == 0:
            await self._room.acquire()
        try:
            if not self._seen.first_time(event.update_id):
                return None
            chat: Chat | None = data.get("event_chat")
            if chat is None:
                async with self._slots:
                    return await handler(event, data)
            return await self._in_turn(chat.id, handler, event, data)
        finally:
            self._room.release()

    async def _in_turn(
        self, chat_id: int, handler: Handler, event: Update, data: dict[str, Any]
    ) -> Any:
        backlog = self._chats.setdefault(chat_id, ChatBacklog())
        backlog.updates.append(event)
        try:
            if event.callback_query is not None and len(backlog.updates) > 1:
                bot: Bot = data["bot"]
                try:
                    await bot.answer_callback_query(event.callback_query.id)
                except TelegramAPIError:
                    pass  # answered after its handler instead
                else:
                    data[ANSWERED_EARLY_KEY] = True
            async with backlog.turn:
                if event.update_id in backlog.merged:
                    return None
                data[BACKLOG_KEY] = backlog
                async with self._slots:
                    return await handler(event, data)
        finally:
            backlog.leave(event)
            if not backlog.updates:
                del self._chats[chat_id]


class AnswerOnce(CallbackAnswerMiddleware):
    """aiogram's answer to every press, except a press answered already by `ChatTurns`: its
    handler may still set a text, which then goes nowhere."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        """Answer after the handler, unless answered on arrival."""
        if data.get(ANSWERED_EARLY_KEY):
            data["callback_answer"] = CallbackAnswer(answered=False, disabled=True)
            return await handler(event, data)
        return await super().__call__(handler, event, data)


class MergeQueuedTexts(BaseMiddleware):
    """Message outer middleware (after the locale one): outside wizards, plain text queued
    behind this one is handled with it as one message (texts joined by newlines), and the
    seller told once per burst with `notice()`."""

    def __init__(self, notice: Callable[[], str]) -> None:
        self._notice = notice

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        """Join the queued texts to this one."""
        assert isinstance(event, Message)
        backlog: ChatBacklog | None = data.get(BACKLOG_KEY)
        if backlog is None or data.get("raw_state") is not None or not is_plain_text(event):
            return await handler(event, data)
        following = backlog.take_texts_after(event)
        if not following:
            return await handler(event, data)
        text = "\n".join(str(message.text) for message in [event, *following])
        merged = event.model_copy(update={"text": text, "entities": None})
        if backlog.first_merge_of_burst():
            await event.answer(self._notice())
        return await handler(merged, data)


def install(dispatcher: Dispatcher, turns: ChatTurns, notice: Callable[[], str]) -> None:
    """Put the turns before aiogram's FSM middleware (whose event isolation then still keeps
    double taps apart; the dispatcher is built with `disable_fsm=True` so that it comes after),
    answer presses once, and merge queued texts (after the locale middleware: call this after
    setting that up)."""
    dispatcher.update.outer_middleware(turns)
    dispatcher.update.outer_middleware(dispatcher.fsm)
    dispatcher.callback_query.middleware(AnswerOnce())
    dispatcher.message.outer_middleware(MergeQueuedTexts(notice))
