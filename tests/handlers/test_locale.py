"""One locale resolver for screens and pushes: the language Telegram reports is stored when a
private-chat user is first seen, updated when it changes, and the cache stays bounded."""

from __future__ import annotations

from pathlib import Path

from aiogram.types import Chat
from aiogram.types import User as TelegramUser

from bot.db.connection import open_database
from bot.db.user_repository import UserRepository
from bot.i18n import UserLocaleMiddleware, create_i18n
from tests.support.rig import Rig


async def test_reported_language_is_stored_on_first_sight_and_follows_changes(rig: Rig) -> None:
    users = UserRepository(rig.dispatcher["db"])
    english = rig.user(5001, language_code="en-US")
    reply = await english.send("hello")
    assert reply is not None
    assert not any("\u4e00" <= char <= "\u9fff" for char in reply.text), reply.text
    stored = await users.get(5001)
    assert stored is not None and stored.telegram_language == "en-US"
    english.language_code = "zh-hans"
    await english.send("你好")
    stored = await users.get(5001)
    assert stored is not None and stored.telegram_language == "zh-hans"


async def test_group_senders_are_not_stored(rig: Rig) -> None:
    update = rig.emulator.user_message(5002, "/start", language_code="en", chat_type="group")
    await rig.chat.deliver(update, expect_reply=False)
    assert await UserRepository(rig.dispatcher["db"]).get(5002) is None


async def test_the_cache_of_known_users_is_bounded(tmp_path: Path) -> None:
    database = await open_database(tmp_path / "bot.sqlite3")
    try:
        middleware = UserLocaleMiddleware(create_i18n(), UserRepository(database.connection))
        middleware.CACHE_SIZE = 3
        for user_id in range(10, 20):
            user = TelegramUser(id=user_id, is_bot=False, first_name="S", language_code="en")
            chat = Chat(id=user_id, type="private")
            data = {"event_from_user": user, "event_chat": chat}
            assert await middleware.get_locale(user, data) == "en"
        assert len(middleware._known) == 3
        assert list(middleware._known) == [17, 18, 19]
    finally:
        await database.close()
