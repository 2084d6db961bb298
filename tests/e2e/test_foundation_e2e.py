"""The bot process over HTTP, as Telegram would drive it."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import sys

from tests.driver import HttpDriver
from tests.e2e.conftest import ROOT, BotProcess
from tests.e2e.fake_bot_api import FakeBotApi


async def test_start_returns_chinese_welcome_and_menu(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    reply = await seller.send("/start")
    assert reply is not None and "小二" in reply.text
    assert "👤 我的资料" in seller.button_labels()
    assert fake_api.emulator.commands["zh"], "commands registered at start-up"
    assert fake_api.emulator.refusals == []


async def test_profile_survives_restart_and_hostile_name_renders(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    hostile = 'A&B <Ltd> "北京"'
    await seller.send("/profile")
    await seller.press("公司名称")
    reply = await seller.send(hostile)
    assert reply is not None and hostile in reply.text
    assert await bot_process.stop() == 0
    await bot_process.start()
    reply = await seller.send("/profile")
    assert reply is not None and f"公司名称: {hostile}" in reply.text
    reply = await seller.send("/export")
    assert reply is not None and reply.document is not None
    assert json.loads(reply.document[1])["users"][0]["company_name"] == hostile
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
    assert reply is not None and "我能做什么" in reply.text
    assert [name for name, _ in fake_api.emulator.refusals] == ["sendmessage"]
    fake_api.emulator.refusals.clear()


async def test_second_process_on_same_database_refuses(bot_process: BotProcess) -> None:
    env = bot_process.env()
    second = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "polling",
        env=env,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(second.communicate(), 60)
    assert second.returncode == 2
    assert stderr.decode().strip().endswith("stop it first")
    health = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "health", env=env, cwd=ROOT
    )
    assert await health.wait() == 0
