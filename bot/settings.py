"""Operator settings, read from the environment and `.env` (names are a contract)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TELEGRAM_PRODUCTION_API = "https://api.telegram.org"
TRANSLATION_PROVIDERS = ("none", "libretranslate", "deepl")

# What setWebhook accepts as secret_token (Bot API): 1-256 characters A-Z, a-z, 0-9, _ and -.
WEBHOOK_SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class Settings(BaseSettings):
    """Everything an operator can set; built inside `main()`, never at import time."""

    # Errors never echo the value: it may be a secret.
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", hide_input_in_errors=True
    )

    bot_token: SecretStr | None = None
    telegram_api_base: str = TELEGRAM_PRODUCTION_API
    database_path: Path = Path("data/bot.sqlite3")
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    default_timezone: str = "Asia/Shanghai"
    log_level: str = "INFO"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    # The aiogram speed-ups (bot/telegram/speedups): off is the fallback if one misbehaves.
    speedups: bool = True
    # Optional machine translation (bot/translation.py) of managers' Russian and of sellers'
    # Chinese descriptions in letters; off by default.
    translation_provider: str = "none"
    translation_url: str | None = None
    translation_key: SecretStr | None = None
    translation_timeout: float = Field(default=5.0, gt=0, le=60)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            for part in parts:
                if not part.isdigit():
                    msg = f"not a numeric Telegram user id: {part!r}"
                    raise ValueError(msg)
            return frozenset(int(part) for part in parts)
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            msg = f"unknown time zone: {value!r}"
            raise ValueError(msg) from error
        return value

    @field_validator("log_level")
    @classmethod
    def _known_log_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            msg = f"unknown log level: {value!r}"
            raise ValueError(msg)
        return level

    @field_validator("translation_provider")
    @classmethod
    def _known_provider(cls, value: str) -> str:
        provider = value.strip().lower() or "none"
        if provider not in TRANSLATION_PROVIDERS:
            msg = f"unknown translation service: {value!r} (none, libretranslate or deepl)"
            raise ValueError(msg)
        return provider

    @field_validator("translation_url")
    @classmethod
    def _translation_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("http://", "https://")):
            msg = f"not an http(s) URL: {value!r}"
            raise ValueError(msg)
        return value.rstrip("/")

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # Checked here: Telegram would refuse it only at setWebhook, and the bot would then
        # run without receiving anything. Empty means not set (as in .env.example).
        if value is None or not value.get_secret_value():
            return None
        if not WEBHOOK_SECRET_PATTERN.fullmatch(value.get_secret_value()):
            msg = "Telegram accepts 1-256 characters: A-Z, a-z, 0-9, _ and -"
            raise ValueError(msg)
        return value

    @field_validator("telegram_api_base")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            msg = f"not an http(s) URL: {value!r}"
            raise ValueError(msg)
        return value.rstrip("/")

    def token(self) -> str:
        """The bot token, or a clear error for the modes that need one."""
        if self.bot_token is None or not self.bot_token.get_secret_value().strip():
            raise SettingError("BOT_TOKEN", "required for polling and webhook mode")
        return self.bot_token.get_secret_value().strip()


class SettingError(Exception):
    """A setting is missing or invalid; `main()` prints it in one line and exits 2."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
