"""Foundation handlers through the production dispatcher and a real database."""

from __future__ import annotations

import json

import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.db.privacy_queries import count_user_rows
from tests.support.driver import wait_until
from tests.support.rig import USER_ID, Rig


async def test_start_greets_in_chinese_with_menu(rig: Rig) -> None:
    reply = await rig.chat.send("/start")
    assert reply is not None
    assert "小二" in reply.text and "与 Ozon 官方无关" in reply.text
    assert len(reply.text.splitlines()) == 3
    assert "👤 我的资料" in rig.chat.button_labels()


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [("en", "My profile"), ("en-GB", "My profile"), ("zh-hant", "我的资料"), ("ru", "我的资料")],
)
async def test_language_follows_telegram_until_chosen(
    rig: Rig, language_code: str, expected: str
) -> None:
    chat = rig.user(555, language_code)
    await chat.send("/start")
    assert any(expected in label for label in chat.button_labels())


async def test_language_choice_is_saved_and_wins_over_telegram(rig: Rig) -> None:
    await rig.chat.send("/language")
    reply = await rig.chat.press("English")
    assert reply is not None and "Language: English" in reply.text
    reply = await rig.chat.send("/help")
    assert reply is not None and "What I can do" in reply.text


async def test_commands_registered_per_language(rig: Rig) -> None:
    # Registered in the background at start-up, beside polling.
    await wait_until(lambda: {"", "zh", "en"} <= set(rig.emulator.commands), timeout=5)
    zh = {c["command"]: c["description"] for c in rig.emulator.commands["zh"]}
    en = {c["command"]: c["description"] for c in rig.emulator.commands["en"]}
    assert zh["profile"] == "我的卖家资料" and en["profile"] == "My seller profile"
    assert rig.emulator.commands[""] == rig.emulator.commands["zh"]
    assert "Ozon" in rig.emulator.descriptions["setmydescription"]["en"]
    assert "小二" in rig.emulator.descriptions["setmydescription"]["zh"]


async def test_profile_edit_validates_and_saves(rig: Rig) -> None:
    await rig.chat.send("/profile")
    await rig.chat.press("卖家 ID")
    reply = await rig.chat.send("12ab")
    assert reply is not None and "只能是数字" in reply.text
    reply = await rig.chat.send("店铺12 和 34")  # two numbers: which is the id?
    assert reply is not None and "只能是数字" in reply.text
    reply = await rig.chat.send("987654")
    assert reply is not None and "已保存" in reply.text and "987654" in reply.text

    await rig.chat.press("已上架 SKU 数")
    for bad, reason in [("-3", "负数"), ("2.5", "整数"), ("99999999999", "太大"), ("😀", "整数")]:
        reply = await rig.chat.send(bad)
        assert reply is not None and reason in reply.text
    reply = await rig.chat.send("12")
    assert reply is not None and "已上架 SKU 数：12" in reply.text

    await rig.chat.press("主体类型")
    reply = await rig.chat.press("个体工商户")
    assert reply is not None and "主体类型：个体工商户" in reply.text

    await rig.chat.press("时区")
    reply = await rig.chat.send("Mars/Olympus")
    assert reply is not None and "无法识别的时区" in reply.text
    reply = await rig.chat.press("莫斯科时间")
    assert reply is not None and "时区：莫斯科时间" in reply.text


async def test_hostile_company_name_is_escaped(rig: Rig) -> None:
    await rig.chat.send("/profile")
    await rig.chat.press("公司名称")
    reply = await rig.chat.send("深圳宏达贸易有限公司")
    assert reply is not None and "拉丁字母" in reply.text
    reply = await rig.chat.send('A&B <Ltd> "Beijing"')
    assert reply is not None and 'A&B <Ltd> "Beijing"' in reply.text
    assert "A&amp;B &lt;Ltd&gt;" in reply.html


async def test_non_text_while_editing_and_forged_choice(rig: Rig) -> None:
    await rig.chat.send("/profile")
    await rig.chat.press("公司名称")
    reply = await rig.chat.send_media("sticker")
    assert reply is not None and "请直接输入文字" in reply.text
    message = rig.chat.last()
    assert message is not None
    reply = await rig.chat.press_data(message.message_id, "pc1:entity_type:ceo")
    assert reply is not None
    reply = await rig.chat.press_data(message.message_id, "zz:garbage")
    assert reply is not None and "请从菜单选择" in reply.text


async def test_cancel_leaves_any_wizard(rig: Rig) -> None:
    await rig.chat.send("/profile")
    await rig.chat.press("卖家 ID")
    reply = await rig.chat.send("/cancel")
    assert reply is not None and "已取消" in reply.text
    reply = await rig.chat.send("/cancel")
    assert reply is not None and "没有进行中的步骤" in reply.text


async def test_unknown_command_and_photo_get_help(rig: Rig) -> None:
    reply = await rig.chat.send("/frobnicate")
    assert reply is not None and "/help" in reply.text
    reply = await rig.chat.send_media("photo")
    assert reply is not None and "看不懂图片本身" in reply.text


async def test_group_chat_is_redirected_or_ignored(rig: Rig) -> None:
    before = len(rig.emulator.messages)
    group = -100123
    for text in ["/start", "hello everyone"]:
        update = {
            "message": {
                "message_id": 5,
                "date": 0,
                "chat": {"id": group, "type": "supergroup", "title": "g"},
                "from": {"id": USER_ID, "is_bot": False, "first_name": "S"},
                "text": text,
                **(
                    {"entities": [{"type": "bot_command", "offset": 0, "length": 6}]}
                    if text.startswith("/")
                    else {}
                ),
            }
        }
        await rig.chat.deliver(rig.emulator.queue_update(update), True)
    sent = [m for (chat, _), m in rig.emulator.messages.items() if chat == group]
    assert len(sent) == 1 and "私聊" in sent[0].text
    assert len(rig.emulator.messages) == before + 1


async def test_export_contains_profile(rig: Rig) -> None:
    await rig.chat.send("/profile")
    await rig.chat.press("卖家 ID")
    await rig.chat.send("123")
    reply = await rig.chat.send("/export")
    assert reply is not None and reply.document is not None
    data = json.loads(reply.document[1])
    assert data["users"][0]["seller_id"] == "123"
    assert "test-token" not in reply.document[1].decode()


async def test_delete_erases_everything(rig: Rig) -> None:
    await rig.chat.send("/start")
    await rig.chat.send("/profile")
    await rig.chat.press("卖家 ID")  # leaves wizard state behind
    await rig.chat.send("/delete")
    reply = await rig.chat.press("保留")
    assert reply is not None and "没有删除" in reply.text
    db = rig.dispatcher["db"]
    assert await count_user_rows(db, USER_ID) > 0
    await rig.chat.send("/delete")
    reply = await rig.chat.press("全部删除")
    assert reply is not None and "已删除" in reply.text
    assert await count_user_rows(db, USER_ID) == 0
    key = StorageKey(bot_id=rig.bot.id, chat_id=USER_ID, user_id=USER_ID)
    assert await rig.dispatcher.storage.get_state(key) is None
