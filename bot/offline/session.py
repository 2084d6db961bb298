"""A Bot API session that talks to the in-process emulator instead of the network."""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator
from enum import Enum
from typing import Any, cast

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import InputFile

from bot.offline.emulator import AnswerLost, BotApiEmulator


class OfflineSession(BaseSession):
    """Serialises each call as the HTTP session would, then lets the emulator answer it."""

    def __init__(self, emulator: BotApiEmulator) -> None:
        super().__init__()
        self.emulator = emulator

    async def make_request(
        self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None
    ) -> TelegramType:
        """Send one call to the emulator and decode its answer like a real response."""
        files: dict[str, InputFile] = {}
        params: dict[str, Any] = {}
        for key, value in method.model_dump(warnings=False).items():
            prepared = self.prepare_value(value, bot=bot, files=files)
            if prepared:
                # Over HTTP every field arrives as text; str-enums must too.
                params[key] = prepared.value if isinstance(prepared, Enum) else prepared
        raw_files = {}
        for key, input_file in files.items():
            chunks = [chunk async for chunk in input_file.read(bot)]
            raw_files[key] = (input_file.filename or key, b"".join(chunks))
        try:
            status, body = await self.emulator.call(method.__api_method__, params, raw_files)
        except AnswerLost as lost:
            # What the HTTP session raises when the answer times out.
            raise TelegramNetworkError(method, "Request timeout error") from TimeoutError(lost)
        response = self.check_response(
            bot=bot, method=method, status_code=status, content=json.dumps(body)
        )
        return cast(TelegramType, response.result)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        """Nothing to download offline."""
        yield b""

    async def close(self) -> None:
        """No connection to close."""
