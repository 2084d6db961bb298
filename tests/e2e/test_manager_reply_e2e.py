"""A manager's Russian pasted into the chat of the real bot process, over HTTP: explained in
Chinese, its deadline in Beijing time, tracked in one tap (the reply is written for this test,
in no pattern or labelled file)."""

from __future__ import annotations

import sqlite3

import pytest

from tests.support.bot_process import BotProcess
from tests.support.driver import HttpDriver
from tests.support.fake_bot_api import FakeBotApi

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow

REPLY = (
    "Здравствуйте! Ваш запрос № 87654321 передан в профильное подразделение. "
    "Срок рассмотрения — до 5 рабочих дней."
)


async def test_a_pasted_reply_with_a_deadline_is_explained_and_tracked(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    reply = await seller.send(REPLY)
    assert reply is not None and "这条回复说了什么" in reply.text
    assert "87654321" in reply.text and "截止时间：北京时间" in reply.text
    track = next(label for label in seller.button_labels() if label.startswith("📌 记录跟进"))
    assert "截止北京时间" in track
    saved = await seller.press(track)
    assert saved is not None and "已保存为 #1" in saved.text
    with sqlite3.connect(bot_process.database) as db:
        rows = db.execute(
            "SELECT kind, status, note FROM cases WHERE user_id = ?", (seller.user_id,)
        ).fetchall()
    assert len(rows) == 1 and rows[0][:2] == ("custom", "open") and "5 рабочих дней" in rows[0][2]
    assert fake_api.emulator.refusals == []
