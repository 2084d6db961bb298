"""Translations: catalogue compilation, the locale of each user, and the gettext shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiogram.types import TelegramObject
from aiogram.types import User as TelegramUser
from aiogram.utils.i18n import I18n, I18nMiddleware
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.db.user_repository import UserRepository
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
        tmp_path = mo_path.with_suffix(".mo.tmp")
        with tmp_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        tmp_path.replace(mo_path)
        written.append(mo_path)
    return written


def create_i18n(locales_dir: Path = LOCALES_DIR) -> I18n:
    """Compile what is stale, then load the catalogues."""
    compile_catalogues(locales_dir)
    return I18n(path=locales_dir, default_locale=DEFAULT_LOCALE, domain=DOMAIN)


class UserLocaleMiddleware(I18nMiddleware):
    """Picks each update's locale; saved choices are cached so most updates touch no database."""

    def __init__(self, i18n: I18n, users: UserRepository) -> None:
        super().__init__(i18n=i18n)
        self._users = users
        self._saved: dict[int, str | None] = {}

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        """Resolve the locale of the user behind the update; handlers get it as `locale`."""
        user: TelegramUser | None = data.get("event_from_user")
        locale = DEFAULT_LOCALE
        if user is not None:
            if user.id not in self._saved:
                record = await self._users.get(user.id)
                self._saved[user.id] = record.locale if record else None
            locale = resolve_locale(self._saved[user.id], user.language_code)
        data["locale"] = locale
        return locale

    def remember(self, user_id: int, locale: str | None) -> None:
        """Called after /language or /delete so the cache follows the database."""
        self._saved[user_id] = locale
