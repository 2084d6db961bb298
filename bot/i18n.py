"""Translations: catalogue compilation, the locale of each user, and the gettext shortcuts."""

from __future__ import annotations

import tempfile
from collections import OrderedDict
from pathlib import Path
from typing import Any

from aiogram.types import Chat, TelegramObject
from aiogram.types import User as TelegramUser
from aiogram.utils.i18n import I18n, I18nMiddleware
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.db.user_repository import User, UserRepository
from bot.services.locales import DEFAULT_LOCALE, resolve_locale

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"


def compile_catalogues(locales_dir: Path = LOCALES_DIR) -> list[Path]:
    """Compile every `.po` whose `.mo` is missing or older; return the files written."""
    written = []
    for po_path in sorted(locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name)
        # A file of this process's own, then one rename: processes starting together (test
        # workers, webhook workers) never read or write a half-written catalogue.
        with tempfile.NamedTemporaryFile(dir=mo_path.parent, suffix=".tmp", delete=False) as tmp:
            write_mo(tmp, catalog)
        written_path = Path(tmp.name)
        written_path.chmod(0o644)  # readable by the user a container runs the bot as
        written_path.replace(mo_path)
        written.append(mo_path)
    return written


def create_i18n(locales_dir: Path = LOCALES_DIR) -> I18n:
    """Compile what is stale, then load the catalogues."""
    compile_catalogues(locales_dir)
    return I18n(path=locales_dir, default_locale=DEFAULT_LOCALE, domain=DOMAIN)


class UserLocaleMiddleware(I18nMiddleware):
    """Picks each update's locale with the resolver the scheduler uses too.

    A private-chat user is stored the first time they are seen, with the language Telegram
    reports, so reminder pushes (which have no update to read it from) speak the same language
    as the screens. Known users are cached, at most `CACHE_SIZE` of them, so most updates touch
    no database.
    """

    CACHE_SIZE = 10_000

    def __init__(self, i18n: I18n, users: UserRepository) -> None:
        super().__init__(i18n=i18n)
        self._users = users
        # user id -> (locale chosen with /language, language Telegram reported)
        self._known: OrderedDict[int, tuple[str | None, str | None]] = OrderedDict()

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        """Resolve the locale of the user behind the update; handlers get it as `locale`."""
        user: TelegramUser | None = data.get("event_from_user")
        chat: Chat | None = data.get("event_chat")
        locale = DEFAULT_LOCALE
        if user is not None:
            chosen, reported = await self._languages(user, chat)
            locale = resolve_locale(chosen, user.language_code or reported)
        data["locale"] = locale
        return locale

    async def _languages(
        self, user: TelegramUser, chat: Chat | None
    ) -> tuple[str | None, str | None]:
        private = chat is not None and chat.type == "private"
        if user.id in self._known:
            self._known.move_to_end(user.id)
            chosen, reported = self._known[user.id]
            if private and user.language_code and user.language_code != reported:
                await self._users.set_field(user.id, "telegram_language", user.language_code)
                self._remember(user.id, chosen, user.language_code)
            return self._known[user.id]
        record: User | None
        if private:
            assert chat is not None
            record = await self._users.ensure(user.id, chat.id, user.language_code)
        else:
            record = await self._users.get(user.id)
        if record is None:
            return None, None
        self._remember(user.id, record.locale, record.telegram_language)
        return record.locale, record.telegram_language

    def _remember(self, user_id: int, chosen: str | None, reported: str | None) -> None:
        self._known[user_id] = (chosen, reported)
        self._known.move_to_end(user_id)
        if len(self._known) > self.CACHE_SIZE:
            self._known.popitem(last=False)

    def choice_saved(self, user_id: int, locale: str) -> None:
        """After /language: the cache follows the database."""
        reported = self._known.get(user_id, (None, None))[1]
        self._remember(user_id, locale, reported)

    def forget(self, user_id: int) -> None:
        """After /delete: nothing about the user stays behind, in the cache either."""
        self._known.pop(user_id, None)
