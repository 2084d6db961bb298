"""Phrases and an email template over HTTP, with a hostile company name, ≤ 2 taps deep.
(Every template with hostile values is rendered in process: tests/handlers/test_templates.py.)"""

from __future__ import annotations

import pytest

from bot.content.loader import load_content
from tests.support.bot_process import BotProcess
from tests.support.driver import HttpDriver
from tests.support.fake_bot_api import FakeBotApi

HOSTILE = '<script>x</script> &amp; <b> "Beijing" 😀 שלום'

# Each test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow


async def test_phrases_and_an_email_render_through_the_fake_api(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    library = load_content().templates
    await seller.fill_profile(
        **{
            "公司名称": HOSTILE,
            "卖家 ID": "123456",
            "已上架 SKU 数": "8",
            "邮件署名联系人": "Li Wei",
        }
    )

    await seller.send("/templates")
    phrases = await seller.press("俄语短语")  # tap 1
    assert phrases is not None
    assert sum("copy_text" in b for b in phrases.buttons()) == len(library.phrases)

    template = next(t for t in library.emails if t.asks_description and not t.follows_up())
    await seller.send("/templates")
    listing = await seller.press("邮件模板")  # tap 1
    assert listing is not None
    index = library.emails.index(template)
    reply = await seller.press(seller.button_labels(listing)[index])  # tap 2
    if template.needs_topic():
        reply = await seller.press("物流")
    reply = await seller.send(f"货物 {HOSTILE} 卡在仓库")
    assert reply is not None and HOSTILE in reply.text and "123456" in reply.text
    assert fake_api.emulator.refusals == []


async def test_faq_answer_links_to_its_template(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    await seller.fill_profile(
        **{"卖家 ID": "654321", "公司名称": "Shenzhen Co", "已上架 SKU 数": "5"}
    )
    await seller.send("一直没收到小二的消息怎么办")
    asked = await seller.press("Missing AM：还没有分配小二")
    assert asked is not None and "署名" in asked.text
    reply = await seller.press("只署公司名称")
    assert reply is not None and "【Missing AM】ID продавца 654321 — не назначен" in reply.text
    assert fake_api.emulator.refusals == []
