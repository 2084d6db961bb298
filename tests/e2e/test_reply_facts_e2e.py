"""Managers' replies over HTTP to the real bot process: their facts said in Chinese — the
period, the documents, the reason of a refusal, the ticket number — and the next step never
"nothing to do" beside a demand. The replies are written for this test, in no pattern, example
or labelled file; one bot process serves them all."""

from __future__ import annotations

import pytest

from tests.support.bot_process import BotProcess
from tests.support.driver import HttpDriver
from tests.support.fake_bot_api import FakeBotApi

# The test runs `python -m bot` as a subprocess.
pytestmark = pytest.mark.slow

# (reply, what the Chinese explanation must say, what it must not)
REPLIES = (
    (
        "Добрый день! По обращению № 55501234 сообщаем: решение будет принято в течение "
        "четырёх рабочих дней.",
        ("55501234", "4 个工作日内"),
        ("这句我没法可靠地解释",),
    ),
    (
        "Здравствуйте. Для проверки просим направить скан лицензии, инвойс и накладную.",
        ("营业执照扫描件", "发票", "运单", "你要做的"),
        ("无需处理",),
    ),
    (
        "Добрый день! К сожалению, мы не можем назначить Вам персонального менеджера: "
        "количество SKU меньше 5.",
        ("原因：SKU 数量少于 5", "/check"),
        ("无需处理", "这句我没法可靠地解释"),
    ),
    (
        "Коллеги, срок ответа — до 7 рабочих дней после получения документов.",
        ("7 个工作日内（从对方收到你的文件时起算）",),
        (),
    ),
)


async def test_replies_are_explained_with_their_facts_in_chinese(
    bot_process: BotProcess, seller: HttpDriver, fake_api: FakeBotApi
) -> None:
    # bugs: a period, a document or a refusal's reason left in Russian; a refusal not
    # explained; "nothing to do" beside a demand; the documents' clock started at once
    for text, said, unsaid in REPLIES:
        reply = await seller.send(text)
        assert reply is not None and "这条回复说了什么" in reply.text, text
        for fact in said:
            assert fact in reply.text, (fact, reply.text)
        for wrong in unsaid:
            assert wrong not in reply.text, (wrong, reply.text)
    assert any(label.startswith("📤 我已提交文件") for label in seller.button_labels())
    assert fake_api.emulator.refusals == []
