"""The webhook request handler and its secret: refusals without tracebacks, bounded work, bodies
that are not updates refused, repeated updates handled once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram import Dispatcher
from aiogram.types import Message
from aiohttp import web
from aiohttp.test_utils import TestServer
from pydantic import ValidationError

from bot.factory import create_bot
from bot.offline.emulator import BotApiEmulator
from bot.offline.session import OfflineSession
from bot.settings import Settings
from bot.telegram.chat_turns import REMEMBERED_UPDATES, ChatTurns, SeenUpdates
from bot.telegram.webhook import register_webhook

SECRET = "Abc_123-xyz"
HEADER = "X-Telegram-Bot-Api-Secret-Token"
LIMIT = 4


class Slow:
    """A handler that waits until released, counting how many run at once."""

    def __init__(self) -> None:
        self.running = 0
        self.most = 0
        self.done = 0
        self.release = asyncio.Event()

    async def handle(self, message: Message) -> None:
        """The message handler."""
        self.running += 1
        self.most = max(self.most, self.running)
        await self.release.wait()
        self.running -= 1
        self.done += 1


@pytest.fixture
async def server() -> AsyncIterator[tuple[TestServer, Slow]]:
    emulator = BotApiEmulator()
    bot = create_bot("1:webhook", session=OfflineSession(emulator))
    dispatcher = Dispatcher()
    turns = ChatTurns(concurrency=LIMIT, pending=LIMIT)
    dispatcher.update.outer_middleware(turns)
    slow = Slow()
    dispatcher.message.register(slow.handle)
    app = web.Application()
    register_webhook(app, dispatcher, bot, turns=turns, secret=SECRET, path="/hook")
    test_server = TestServer(app)
    await test_server.start_server()
    yield test_server, slow
    slow.release.set()
    await test_server.close()


def update(number: int) -> dict[str, Any]:
    return BotApiEmulator().user_message(1000 + number, "hi") | {"update_id": number}


async def post(server: TestServer, headers: dict[str, str], number: int = 1) -> int:
    async with (
        aiohttp.ClientSession() as http,
        http.post(server.make_url("/hook"), json=update(number), headers=headers) as answer,
    ):
        return answer.status


@pytest.mark.parametrize(
    "headers",
    [{}, {HEADER: "wrong"}, {HEADER: "Abc_123-xy"}, {HEADER: "Abc_123-xyzé"}, {HEADER: "секрет"}],
    ids=["missing", "wrong", "prefix", "non-ascii-suffix", "cyrillic"],
)
async def test_a_request_without_the_secret_is_refused_without_a_traceback(
    server: tuple[TestServer, Slow], headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    test_server, slow = server
    assert await post(test_server, headers) == 401
    await asyncio.sleep(0.05)
    assert slow.running == 0 and slow.done == 0
    assert not [record for record in caplog.records if record.exc_info]


async def test_raw_non_utf8_header_bytes_are_refused(server: tuple[TestServer, Slow]) -> None:
    test_server, _ = server
    reader, writer = await asyncio.open_connection(test_server.host, test_server.port)
    body = b'{"update_id": 1}'
    writer.write(
        b"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + HEADER.encode()
        + b": \xff\xfe\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), 10)
    writer.close()
    assert status_line.split()[1] == b"401"


async def test_the_right_secret_is_accepted(server: tuple[TestServer, Slow]) -> None:
    test_server, slow = server
    assert await post(test_server, {HEADER: SECRET}) == 200
    await asyncio.wait_for(_until(lambda: slow.running == 1), 10)


async def test_updates_are_handled_a_bounded_number_at_a_time(
    server: tuple[TestServer, Slow],
) -> None:
    test_server, slow = server
    requests = [
        asyncio.create_task(post(test_server, {HEADER: SECRET}, number)) for number in range(10)
    ]
    await asyncio.wait_for(_until(lambda: slow.running == LIMIT), 10)
    await asyncio.sleep(0.2)
    assert slow.running == LIMIT
    # Requests beyond the bound wait for their answer: Telegram slows down.
    assert sum(task.done() for task in requests) == LIMIT
    slow.release.set()
    assert await asyncio.gather(*requests) == [200] * 10
    await asyncio.wait_for(_until(lambda: slow.done == 10), 10)
    assert slow.most == LIMIT


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a": ' * 5_000 + b"1" + b"}" * 5_000,
        b"[1, 2]",
        b'{"message": {"text": "hi"}}',
        b'{"update_id": "seven"}',
        b"\xff\xfe",
    ],
    ids=["not-json", "nested-list", "nested-object", "list", "no-update-id", "bad-id", "binary"],
)
async def test_a_body_that_is_not_an_update_gets_400_without_a_traceback(
    server: tuple[TestServer, Slow], body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    test_server, slow = server
    async with (
        aiohttp.ClientSession() as http,
        http.post(test_server.make_url("/hook"), data=body, headers={HEADER: SECRET}) as answer,
    ):
        assert answer.status == 400
    # The next update is still handled: no room was taken by the refused body.
    for number in range(LIMIT):
        assert await post(test_server, {HEADER: SECRET}, number) == 200
    await asyncio.wait_for(_until(lambda: slow.running == LIMIT), 10)
    assert not [record for record in caplog.records if record.exc_info]


async def test_an_update_delivered_three_times_is_handled_once(
    server: tuple[TestServer, Slow],
) -> None:
    test_server, slow = server
    slow.release.set()
    assert [await post(test_server, {HEADER: SECRET}, 7) for _ in range(3)] == [200] * 3
    assert await post(test_server, {HEADER: SECRET}, 8) == 200
    await asyncio.wait_for(_until(lambda: slow.done == 2), 10)
    await asyncio.sleep(0.2)
    assert slow.done == 2


def test_only_the_last_few_thousand_update_ids_are_remembered() -> None:
    seen = SeenUpdates()
    assert all(seen.first_time(number) for number in range(REMEMBERED_UPDATES + 1))
    assert not seen.first_time(REMEMBERED_UPDATES)
    assert seen.first_time(0)  # the oldest was forgotten: memory stays bounded


async def _until(condition: Any) -> None:
    while not condition():
        await asyncio.sleep(0.01)


@pytest.mark.parametrize(
    "secret", ["has space", "ключ", "a" * 257, "semi;colon", "new\nline", "plus+sign"]
)
def test_a_secret_telegram_would_refuse_is_refused_at_start(secret: str) -> None:
    with pytest.raises(ValidationError, match="A-Z, a-z, 0-9, _ and -") as raised:
        Settings(_env_file=None, webhook_secret=secret)
    assert secret not in str(raised.value)  # errors never echo what was set


@pytest.mark.parametrize("secret", ["a", "A-Z_a-z_0-9", "x" * 256])
def test_secrets_telegram_accepts(secret: str) -> None:
    settings = Settings(_env_file=None, webhook_secret=secret)
    assert settings.webhook_secret is not None
    assert settings.webhook_secret.get_secret_value() == secret


def test_an_empty_secret_is_no_secret() -> None:
    assert Settings(_env_file=None, webhook_secret="").webhook_secret is None
