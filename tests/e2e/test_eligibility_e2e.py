"""The eligibility wizard over HTTP: every outcome, and a restart in the middle."""

from __future__ import annotations

import pytest

from tests.support.bot_process import BotProcess
from tests.support.driver import HttpDriver
from tests.support.fake_bot_api import FakeBotApi

RUNS = [
    (["是", "企业卖家", "已通过", "10"], "刚刚", "你符合条件"),
    (["是", "企业卖家", "已通过", "3"], None, "还需要再上架 2 个"),
    (["是", "企业卖家", "审核中"], None, "KYC 还在审核中"),
    (["是", "企业卖家", "被拒"], None, "先完成 KYC"),
    (["是", "个体工商户", "已通过"], None, "个体工商户不会自动分配"),
    (["是", "个人"], None, "个人卖家不分配"),
    (["还没有"], None, "先注册"),
]

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


async def test_every_outcome_over_http(bot_process: BotProcess, fake_api: FakeBotApi) -> None:
    for offset, (presses, last, expected) in enumerate(RUNS):
        seller = HttpDriver(fake_api.emulator, 990000 + offset)
        await seller.send("/check")
        for label in presses:
            await seller.press(label)
        reply = await seller.press(last) if last else seller.last()
        assert reply is not None and expected in reply.text, reply
    assert fake_api.emulator.refusals == []


async def test_restart_mid_wizard_continues(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    await seller.send("/check")
    await seller.press("是")
    reply = await seller.press("企业卖家")
    assert reply is not None and "步骤 3/4" in reply.text
    assert await bot_process.stop() == 0
    await bot_process.start()
    reply = await seller.press("已通过")
    assert reply is not None and "步骤 4/4" in reply.text
    reply = await seller.send("7")
    assert reply is not None and "最后一步" in reply.text
    assert fake_api.emulator.refusals == []
