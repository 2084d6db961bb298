"""The languages the bot speaks, and which one a user gets."""

from __future__ import annotations

DEFAULT_LOCALE = "zh"
SUPPORTED_LOCALES = ("zh", "en")


def resolve_locale(saved: str | None, language_code: str | None) -> str:
    """The user's saved choice, else Telegram's language (`zh-hans`→zh, `en-GB`→en), else zh."""
    if saved in SUPPORTED_LOCALES:
        return saved
    primary = (language_code or "").lower().replace("_", "-").split("-", 1)[0]
    return primary if primary in SUPPORTED_LOCALES else DEFAULT_LOCALE
