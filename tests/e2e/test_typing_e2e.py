"""How sellers type, over HTTP with the real bot process: colloquial questions written for this
test (in no knowledge or tuning file), two questions in one message, traditional characters,
pinyin, Chinese numerals and a Moscow time typed in words."""

from __future__ import annotations

import pytest

from tests.support.bot_process import BotProcess
from tests.support.driver import HttpDriver
from tests.support.fake_bot_api import FakeBotApi

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("客服邮件发了三个多小时了还没人理 咋办", "发了邮件没人回"),
        ("邮件发过去石沉大海了，下一步找谁", "发了邮件没人回"),
        ("我的小二在哪裡找", "怎么联系我的小二"),
        ("个体户能不能有客户经理啊", "个体工商户或个人卖家能有小二吗"),
        ("后台的消息是不是被我静音了 一直没看到小二的欢迎信", "消息被静音或归档了"),
        # Pinyin from a keyboard without Chinese, read back into characters.
        ("wode dianpu bei dongjie le zenme ban a", "店铺被封、冻结或受限"),
    ],
)
async def test_colloquial_questions_get_their_answer(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi, typed: str, title: str
) -> None:
    reply = await seller.send(typed)
    assert reply is not None and reply.text.startswith(title)
    assert fake_api.emulator.refusals == []


async def test_two_questions_at_once_and_numbers_in_words(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    reply = await seller.send("小二一直不回消息，另外有人说花钱能帮我加急分配，靠谱吗")
    assert reply is not None and reply.text.startswith("⚠️")
    assert "小二回复很慢或不回" in reply.text
    assert "⚠️ 有人收费帮我「找小二」，可信吗？" in seller.button_labels()

    reply = await seller.send("上架了十二个sku 啥时候给我分小二")
    assert reply is not None and "12 个 SKU" in reply.text

    await seller.send("/track")
    await seller.press("给小二发了消息")
    reply = await seller.send("昨天莫斯科时间下午三点十分")
    assert reply is not None and "发生时间" in reply.text
    assert reply.text.split("发生时间：", 1)[1].split("\n", 1)[0].endswith("15:10")
    assert fake_api.emulator.refusals == []
