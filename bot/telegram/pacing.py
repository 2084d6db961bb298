"""Keeping pushes under Telegram's flood limits: a global rate and one message per chat."""

from __future__ import annotations

import asyncio
import time


class Pacer:
    """Hands out send slots: at most `per_second` overall, `chat_interval` apart per chat.

    Slots are reserved under a lock and waited for outside it, so many senders can be in
    flight while the slots stay evenly spaced.
    """

    def __init__(self, per_second: float, chat_interval: float) -> None:
        self._spacing = 1.0 / per_second
        self._chat_interval = chat_interval
        self._next_slot = 0.0
        self._chat_next: dict[int, float] = {}
        self._lock = asyncio.Lock()

    async def wait_turn(self, chat_id: int) -> None:
        """Sleep until this chat may receive its next message."""
        async with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot, self._chat_next.get(chat_id, 0.0))
            self._next_slot = max(self._next_slot, slot) + self._spacing
            self._chat_next[chat_id] = slot + self._chat_interval
            if len(self._chat_next) > 10_000:
                self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
        await asyncio.sleep(slot - time.monotonic())

    def pause(self, seconds: float) -> None:
        """Telegram asked everyone to wait (429): push every later slot back."""
        self._next_slot = max(self._next_slot, time.monotonic() + seconds)
