"""The Bot API emulator served over HTTP on 127.0.0.1, for the bot process under test."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from bot.offline.emulator import AnswerLost, BotApiEmulator
from tests.support.local_server import LocalServer


class FakeBotApi(LocalServer):
    """An aiohttp server answering `/bot<token>/<method>` like api.telegram.org."""

    def __init__(self, emulator: BotApiEmulator, token: str) -> None:
        super().__init__()
        self.emulator = emulator
        self.token = token
        self.tokens_seen: set[str] = set()

    async def start(self) -> str:
        """Listen on a free port; return the base URL for TELEGRAM_API_BASE."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        return await self.serve(app)

    async def _handle(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        self.tokens_seen.add(token)
        if token != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            params = await request.json()
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
                else:
                    params[key] = value
        try:
            status, body = await self.emulator.call(request.match_info["method"], params, files)
        except AnswerLost:
            # Carried out, but the connection drops before the answer.
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=500)
        return web.json_response(body, status=status)


# The first line of every reminder push (Chinese, the default language).
PUSH_MARKER = "超时未回复"


def pushes(api: FakeBotApi, chat_id: int) -> int:
    """How many reminder pushes a chat has received."""
    return sum(PUSH_MARKER in message.text for message in api.emulator.chat_messages(chat_id))


def total_pushes(api: FakeBotApi, chat_ids: list[int]) -> int:
    """Reminder pushes received by all of these chats."""
    return sum(pushes(api, chat_id) for chat_id in chat_ids)
