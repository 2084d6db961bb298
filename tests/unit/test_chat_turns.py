"""Chat turns on a bare dispatcher: a busy chat holds one work slot, the others go on."""

from __future__ import annotations

import asyncio

from aiogram import Dispatcher
from aiogram.types import Message, Update

from bot.factory import create_bot
from bot.offline.emulator import BotApiEmulator
from bot.offline.session import OfflineSession
from bot.telegram.chat_turns import ChatBacklog, ChatTurns

BUSY, OTHER = 1001, 1002


async def test_a_flooding_chat_holds_one_slot_and_its_updates_keep_their_order() -> None:
    emulator = BotApiEmulator()
    bot = create_bot("1:turns", session=OfflineSession(emulator))
    dispatcher = Dispatcher()
    dispatcher.update.outer_middleware(ChatTurns(concurrency=2, pending=100))
    release = asyncio.Event()
    handled: list[tuple[int, str]] = []
    running = {BUSY: 0}

    async def handle(message: Message) -> None:
        assert message.text is not None
        if message.chat.id == BUSY:
            running[BUSY] += 1
            assert running[BUSY] == 1  # one at a time within a chat
            await release.wait()
            running[BUSY] -= 1
        handled.append((message.chat.id, message.text))

    dispatcher.message.register(handle)
    flood = [emulator.user_message(BUSY, str(n)) for n in range(10)]
    tasks = [
        asyncio.create_task(dispatcher.feed_update(bot, Update.model_validate(update)))
        for update in [*flood, emulator.user_message(OTHER, "hi")]
    ]
    # With the flooding chat's first message stuck, the other seller is still answered.
    for _ in range(200):
        if handled:
            break
        await asyncio.sleep(0.01)
    assert handled == [(OTHER, "hi")]
    release.set()
    await asyncio.gather(*tasks)
    assert [text for chat, text in handled if chat == BUSY] == [str(n) for n in range(10)]


def test_queued_text_from_another_sender_is_not_merged() -> None:
    # Bug caught: in a group, two people's messages queued behind each other were merged
    # into one, and the second person's words answered as the first person's.
    emulator = BotApiEmulator()
    first, second, third = (emulator.user_message(BUSY, text) for text in ("一", "二", "三"))
    second["message"]["from"] = {**second["message"]["from"], "id": OTHER}
    backlog = ChatBacklog()
    backlog.updates.extend(Update.model_validate(update) for update in (first, second, third))
    head = backlog.updates[0].message
    assert head is not None
    assert backlog.take_texts_after(head) == []
    backlog.updates.remove(backlog.updates[1])
    assert [m.text for m in backlog.take_texts_after(head)] == ["三"]
