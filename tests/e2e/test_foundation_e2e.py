"""The bot process over HTTP, as Telegram would drive it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.test_webhook_e2e import free_port
from tests.support.bot_process import TOKEN, BotProcess
from tests.support.driver import HttpDriver, wait_until
from tests.support.fake_bot_api import FakeBotApi

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


async def test_start_returns_chinese_welcome_and_menu(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    reply = await seller.send("/start")
    assert reply is not None and "小二" in reply.text
    assert "👤 我的资料" in seller.button_labels()
    # Commands are registered beside polling at start-up.
    await wait_until(lambda: bool(fake_api.emulator.commands.get("zh")), timeout=5)
    assert fake_api.emulator.refusals == []


async def test_profile_survives_restart_and_hostile_name_renders(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    hostile = 'A&B <Ltd> "Beijing"'
    await seller.send("/profile")
    await seller.press("公司名称")
    reply = await seller.send(hostile)
    assert reply is not None and hostile in reply.text
    assert await bot_process.stop() == 0
    await bot_process.start()
    reply = await seller.send("/profile")
    assert reply is not None and f"公司名称：{hostile}" in reply.text
    await seller.send("/export")

    def rows() -> bytes | None:
        # Two documents, the readable summary then every row: wait for the second.
        sent = seller.last()
        document = sent.document if sent is not None else None
        return document[1] if document and document[0].endswith(".json") else None

    await wait_until(lambda: rows() is not None, 15)
    assert json.loads(rows() or b"")["users"][0]["company_name"] == hostile
    assert fake_api.emulator.refusals == []


async def test_delete_leaves_nothing_in_database(
    bot_process: BotProcess, seller: HttpDriver
) -> None:
    await seller.send("/start")
    await seller.send("/profile")
    await seller.press("卖家 ID")
    await seller.send("31337")
    await seller.send("/delete")
    await seller.press("全部删除")
    assert await bot_process.stop() == 0
    with sqlite3.connect(bot_process.database) as db:
        tables = [
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        for table in tables:
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            for column in {"user_id", "id"} & set(columns):
                if table != "users" and column == "id":
                    continue
                count = db.execute(
                    f"SELECT count(*) FROM {table} WHERE {column} = ?", (seller.user_id,)
                ).fetchone()[0]
                assert count == 0, f"{table} still holds the user"


async def test_429_is_waited_out_and_reply_arrives(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    fake_api.emulator.inject("sendMessage", 429, "Too Many Requests: retry after 1", 1)
    reply = await seller.send("/help")
    assert reply is not None and "我能帮你做什么" in reply.text
    assert [name for name, _ in fake_api.emulator.refusals] == ["sendmessage"]
    fake_api.emulator.refusals.clear()


async def test_second_process_on_same_database_refuses(bot_process: BotProcess) -> None:
    code, _, stderr = await bot_process.run_once("polling")
    assert code == 2
    assert stderr.strip().endswith("stop it first")
    code, _, _ = await bot_process.run_once("health")
    assert code == 0


async def test_telegram_down_at_start_delays_the_bot_instead_of_stopping_it(
    fake_api: FakeBotApi, tmp_path: Path
) -> None:
    # More failures than the five attempts any other call gets: polling cannot start without
    # getMe, so the bot keeps asking until Telegram answers.
    for _ in range(6):
        fake_api.emulator.inject("getMe", 502, "Bad Gateway")
    process = BotProcess(fake_api, tmp_path / "bot.sqlite3", tmp_path / "bot.log")
    await process.start(wait_seconds=60)
    reply = await HttpDriver(fake_api.emulator, 777002).send("/start")
    assert reply is not None and "小二" in reply.text
    assert await process.stop() == 0
    assert "Traceback" not in process.log()
    assert [name for name, _ in fake_api.emulator.refusals] == ["getme"] * 6


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_refused_token_is_reported_in_one_line(
    fake_api: FakeBotApi, tmp_path: Path, mode: str
) -> None:
    process = BotProcess(fake_api, tmp_path / "bot.sqlite3", tmp_path / "bot.log")
    process.extra_env = {
        "BOT_TOKEN": "999999:revoked-token",
        "WEBHOOK_URL": "https://bot.example.org",
        "WEBHOOK_SECRET": "s3cret-value",
        "WEBHOOK_HOST": "127.0.0.1",
        "WEBHOOK_PORT": str(free_port()),
    }
    code, stdout, stderr = await process.run_once(mode)
    assert code == 2
    assert stderr.strip().splitlines()[-1] == (
        "Cannot start: BOT_TOKEN: Telegram refused this token (Unauthorized); "
        "copy it again from @BotFather"
    )
    output = stdout + stderr
    assert "Traceback" not in output and "revoked-token" not in output and TOKEN not in output
