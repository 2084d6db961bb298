"""A seller's journey over HTTP with the real bot process: /check knows an overdue assignment,
a sent template becomes a tracked follow-up in one tap, /cases labels working time."""

from __future__ import annotations

import sqlite3

import pytest

from tests.support.bot_process import BotProcess
from tests.support.driver import HttpDriver
from tests.support.fake_bot_api import FakeBotApi

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


async def test_conditions_met_ten_days_ago_mean_the_am_is_overdue(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    await seller.send("/check")
    for label in ["是", "企业卖家", "已通过", "10"]:
        await seller.press(label)
    reply = await seller.send("10天前")
    assert reply is not None and "小二分配已超时" in reply.text
    assert "「Missing AM」" in reply.text and "预计最晚" not in reply.text
    email = await seller.press("Missing AM")
    assert email is not None and "需要你的「卖家 ID」" in email.text
    assert fake_api.emulator.refusals == []


async def test_a_template_leads_to_a_tracked_follow_up_without_typing_it_again(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    await seller.fill_profile(
        **{"卖家 ID": "7654321", "公司名称": "Yiwu Bright Goods Co., Ltd.", "已上架 SKU 数": "9"}
    )
    await seller.send("/templates")
    await seller.press("邮件模板")
    await seller.press("跟进")
    await seller.press("只署公司名称")
    await seller.press("物流")
    await seller.press("今天")
    await seller.press("跳过")
    recorded = await seller.press("我已发送")
    assert recorded is not None and "已记录为 #1" in recorded.text
    await seller.press("3 小时前")
    listing = await seller.send("/cases")
    assert listing is not None and "#1 给中国支持邮箱发了邮件" in listing.text
    assert "个工作" in listing.text and "（" in listing.text
    with sqlite3.connect(bot_process.database) as db:
        kinds = db.execute("SELECT kind, status FROM cases WHERE user_id = ?", (seller.user_id,))
        assert kinds.fetchall() == [("email", "open")]
    assert fake_api.emulator.refusals == []
