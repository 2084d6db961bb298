"""Request retries: what is repeated after which failure, and what must never be repeated."""

from __future__ import annotations

from typing import Any, cast

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError, TelegramServerError
from aiogram.methods import (
    EditMessageText,
    GetMe,
    Response,
    SendDocument,
    SendMessage,
    TelegramMethod,
)
from aiogram.types import BufferedInputFile
from aiohttp import ClientConnectorError, ServerDisconnectedError
from aiohttp.client_reqrep import ConnectionKey

from bot.factory import create_bot
from bot.offline.emulator import BotApiEmulator
from bot.offline.session import OfflineSession
from bot.telegram.request_retry import RetryMiddleware
from bot.telegram.send_budget import background_sends

SEND = SendMessage(chat_id=1, text="hello")
KEY = ConnectionKey("api.telegram.org", 443, True, True, None, None, None)


def timeout(method: TelegramMethod[Any]) -> TelegramNetworkError:
    error = TelegramNetworkError(method, "Request timeout error")
    error.__cause__ = TimeoutError()
    return error


def dropped(method: TelegramMethod[Any]) -> TelegramNetworkError:
    error = TelegramNetworkError(method, "ServerDisconnectedError")
    error.__cause__ = ServerDisconnectedError()
    return error


def refused(method: TelegramMethod[Any]) -> TelegramNetworkError:
    error = TelegramNetworkError(method, "ClientConnectorError")
    error.__cause__ = ClientConnectorError(KEY, ConnectionRefusedError(111, "refused"))
    return error


def server_error(method: TelegramMethod[Any]) -> TelegramServerError:
    return TelegramServerError(method, "Bad Gateway")


OK: Response[Any] = Response(ok=True, result=True)
NO_BOT = cast(Bot, None)  # the middleware only hands it on


class Flaky:
    """A request that fails `failures` times with the given error, then succeeds."""

    def __init__(self, failures: int, error: Any) -> None:
        self.failures = failures
        self.error = error
        self.calls = 0

    async def __call__(self, bot: Bot, method: TelegramMethod[Any]) -> Response[Any]:
        self.calls += 1
        if self.calls <= self.failures:
            raise self.error(method)
        return OK


RETRY = RetryMiddleware(attempts=5, base_delay=0.001, max_delay=0.01)
DOCUMENT = SendDocument(chat_id=1, document=BufferedInputFile(b"x", "x.json"))
EDIT = EditMessageText(chat_id=1, message_id=1, text="x")


@pytest.mark.parametrize("lost", [timeout, dropped])
@pytest.mark.parametrize(
    "method", [SEND, DOCUMENT, EDIT], ids=["sendMessage", "sendDocument", "editMessageText"]
)
async def test_a_message_whose_request_may_have_arrived_is_not_sent_again(
    lost: Any, method: TelegramMethod[Any]
) -> None:
    request = Flaky(2, lost)
    with pytest.raises(TelegramNetworkError):
        await RETRY(request, NO_BOT, method)
    assert request.calls == 1


@pytest.mark.parametrize("error", [refused, server_error])
async def test_a_message_that_cannot_have_been_carried_out_is_sent_again(error: Any) -> None:
    request = Flaky(2, error)
    assert await RETRY(request, NO_BOT, SEND) is OK
    assert request.calls == 3


async def test_calls_that_show_nothing_are_retried_after_a_timeout() -> None:
    request = Flaky(2, timeout)
    assert await RETRY(request, NO_BOT, GetMe()) is OK
    assert request.calls == 3


async def test_retries_give_up_after_the_attempts() -> None:
    request = Flaky(10, server_error)
    with pytest.raises(TelegramServerError):
        await RETRY(request, NO_BOT, SEND)
    assert request.calls == 5


async def test_get_me_is_retried_until_telegram_answers() -> None:
    request = Flaky(12, server_error)
    assert await RETRY(request, NO_BOT, GetMe()) is OK


async def test_background_sends_are_left_to_the_scheduler() -> None:
    request = Flaky(1, server_error)
    with background_sends(), pytest.raises(TelegramServerError):
        await RETRY(request, NO_BOT, SEND)
    assert request.calls == 1


async def test_two_lost_answers_give_the_seller_one_copy() -> None:
    emulator = BotApiEmulator()
    bot = create_bot("1:x", session=OfflineSession(emulator), retry=RETRY)
    emulator.lose_answers("sendMessage", 2)
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(5, "your answer")
    assert [m.text for m in emulator.chat_messages(5)] == ["your answer"]
    await bot.session.close()
