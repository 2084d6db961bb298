"""Webhook mode as a real process: Telegram's secret token is required on every request."""

from __future__ import annotations

import asyncio
import socket
import sys
from pathlib import Path

import aiohttp
import pytest

from tests.support.bot_process import TOKEN, BotProcess
from tests.support.driver import wait_until
from tests.support.fake_bot_api import FakeBotApi
from tests.support.paths import ROOT

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_webhook_checks_secret(fake_api: FakeBotApi, tmp_path: Path) -> None:
    port = free_port()
    runner = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    runner.extra_env = {
        "WEBHOOK_URL": "https://bot.example.org",
        "WEBHOOK_SECRET": "s3cret-value",
        "WEBHOOK_HOST": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
    }
    runner.database.parent.mkdir(parents=True)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "webhook",
        cwd=ROOT,
        env=runner.env(),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    update = fake_api.emulator.user_message(888, "/help")
    try:
        async with aiohttp.ClientSession() as http:
            for _ in range(400):
                try:
                    async with http.get(base + "/healthz") as response:
                        if response.status == 200:
                            break
                except aiohttp.ClientError:
                    await asyncio.sleep(0.05)
            set_webhook = [p for name, p in fake_api.emulator.calls if name == "setwebhook"]
            assert set_webhook and set_webhook[0]["secret_token"] == "s3cret-value"
            assert set_webhook[0]["url"] == "https://bot.example.org/telegram/webhook"
            # Named, so a seller unblocking the bot is heard whatever was set before.
            assert "my_chat_member" in set_webhook[0]["allowed_updates"]

            for headers in (
                {},
                {"X-Telegram-Bot-Api-Secret-Token": "wrong"},
                {"X-Telegram-Bot-Api-Secret-Token": "s3cret-valué"},
                {"X-Telegram-Bot-Api-Secret-Token": "секрет"},
            ):
                async with http.post(
                    base + "/telegram/webhook", json=update, headers=headers
                ) as response:
                    assert response.status == 401
            await asyncio.sleep(0.5)
            assert fake_api.emulator.chat_messages(888) == []

            headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-value"}
            async with http.post(
                base + "/telegram/webhook", json=update, headers=headers
            ) as response:
                assert response.status == 200
            await wait_until(lambda: bool(fake_api.emulator.chat_messages(888)), timeout=10)
            assert "我能帮你做什么" in fake_api.emulator.chat_messages(888)[0].text

            # Bodies that are not updates: 400, and no traceback (checked at the end).
            for body in (b"{not json", b"[" * 100_000 + b"]" * 100_000, b"[1]", b'{"a": 1}'):
                async with http.post(
                    base + "/telegram/webhook", data=body, headers=headers
                ) as response:
                    assert response.status == 400
            # Telegram delivering the same update three times: handled once.
            again = fake_api.emulator.user_message(889, "/help")
            for _ in range(3):
                async with http.post(
                    base + "/telegram/webhook", json=again, headers=headers
                ) as response:
                    assert response.status == 200
            await wait_until(lambda: bool(fake_api.emulator.chat_messages(889)), timeout=10)
            await asyncio.sleep(1.0)
            assert len(fake_api.emulator.chat_messages(889)) == 1
    finally:
        process.terminate()
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, stderr.decode()
    assert "Traceback" not in stderr.decode(), stderr.decode()
    assert TOKEN not in stderr.decode() and "s3cret-value" not in stderr.decode()


@pytest.mark.parametrize("secret", ["has space", "ключ", "x" * 257])
async def test_a_secret_telegram_would_refuse_stops_the_start_in_one_line(
    fake_api: FakeBotApi, tmp_path: Path, secret: str
) -> None:
    runner = BotProcess(fake_api, tmp_path / "data" / "bot.sqlite3", tmp_path / "bot.log")
    runner.extra_env = {"WEBHOOK_URL": "https://bot.example.org", "WEBHOOK_SECRET": secret}
    code, _, stderr = await runner.run_once("webhook")
    assert code == 2
    assert stderr.strip() == (
        "Invalid setting WEBHOOK_SECRET: Telegram accepts 1-256 characters: A-Z, a-z, 0-9, _ and -"
    )
    assert not [name for name, _ in fake_api.emulator.calls if name == "setwebhook"]
