"""Optional machine translation, off unless an operator configures it: a manager's Russian
into the seller's language, and a seller's Chinese description into the Russian and English
letters.

The bot explains managers' replies and fills letters without any outside service; a configured
one only adds a translation, which the bot must show as machine-made
(`MachineTranslation.service`). Two services are supported, each exactly as its public API
documents it:

- LibreTranslate (self-hosted or hosted): `POST {url}/translate` with JSON `q`, `source`,
  `target`, `format` and `api_key`; the answer is `{"translatedText": ...}`.
- DeepL API: `POST {url}/v2/translate` with header `Authorization: DeepL-Auth-Key {key}` and
  JSON `text` (a list), `source_lang`, `target_lang`; the answer is
  `{"translations": [{"text": ...}]}`. Free-plan keys end in ":fx" and use api-free.deepl.com.

Every failure (network, timeout, refused key, quota, a malformed answer) is logged without the
key and gives no translation; nothing here can stop the bot.
"""

from __future__ import annotations

import asyncio
import logging
from abc import ABC, abstractmethod
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import aiohttp

from bot.settings import SettingError, Settings

log = logging.getLogger(__name__)

# Longer texts are cut: a manager's reply is far shorter, and services bill by the character.
MAX_CHARACTERS = 5000
DEEPL_FREE_URL = "https://api-free.deepl.com"
DEEPL_PRO_URL = "https://api.deepl.com"
_REFUSED = {401, 403}
# The languages as each service names them, as a target and as a source.
_LIBRETRANSLATE_LANGUAGES = {"zh": "zh", "en": "en", "ru": "ru"}
_DEEPL_TARGETS = {"zh": "ZH-HANS", "en": "EN-US", "ru": "RU"}
_DEEPL_SOURCES = {"zh": "ZH", "en": "EN", "ru": "RU"}


class Provider(StrEnum):
    """The translation services an operator can name in TRANSLATION_PROVIDER."""

    NONE = "none"
    LIBRETRANSLATE = "libretranslate"
    DEEPL = "deepl"


@dataclass(frozen=True)
class MachineTranslation:
    """A translation made by a machine, and by which service (to say so to the seller)."""

    text: str
    service: str


@dataclass(frozen=True)
class _Request:
    url: str
    json: dict[str, Any]
    headers: dict[str, str]


class Translator(ABC):
    """Translates Russian into the reader's language through one outside service."""

    service: str

    def __init__(self, url: str, key: str, timeout: float) -> None:
        self._url = url.rstrip("/")
        self._key = key
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def translate(
        self, text: str, locale: str, source: str = "ru"
    ) -> MachineTranslation | None:
        """The text in the reader's language ("zh", "en" or "ru") from the `source` language,
        or None if the service failed."""
        text = text.strip()[:MAX_CHARACTERS]
        if not text:
            return None
        request = self._request(text, locale, source)
        try:
            if self._session is None or self._session.closed:
                self._session = aiohttp.ClientSession(timeout=self._timeout)
            async with self._session.post(
                request.url, json=request.json, headers=request.headers
            ) as response:
                if response.status != 200:
                    self._log_refusal(response.status)
                    return None
                body = await response.json(content_type=None)
            translated = self._parse(body)
        except TimeoutError:
            log.warning("%s did not answer within %s s", self.service, self._timeout.total)
            return None
        except (aiohttp.ClientError, ValueError, KeyError, IndexError, TypeError) as error:
            log.warning("%s failed: %s", self.service, type(error).__name__)
            return None
        if not isinstance(translated, str) or not translated.strip():
            log.warning("%s answered without a translation", self.service)
            return None
        return MachineTranslation(translated.strip(), self.service)

    async def close(self) -> None:
        """Close the HTTP connections (at shutdown)."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _log_refusal(self, status: int) -> None:
        if status in _REFUSED:
            log.warning("%s refused the key (TRANSLATION_KEY), status %s", self.service, status)
        else:
            log.warning("%s answered status %s", self.service, status)

    @abstractmethod
    def _request(self, text: str, locale: str, source: str) -> _Request:
        """The HTTP request translating `text` from `source` into `locale`."""

    @abstractmethod
    def _parse(self, body: Any) -> object:
        """The translated text in the service's answer."""


class LibreTranslate(Translator):
    """A LibreTranslate server."""

    service = "LibreTranslate"

    def _request(self, text: str, locale: str, source: str) -> _Request:
        body: dict[str, Any] = {
            "q": text,
            "source": _LIBRETRANSLATE_LANGUAGES.get(source, "ru"),
            "target": _LIBRETRANSLATE_LANGUAGES.get(locale, "en"),
            "format": "text",
        }
        if self._key:
            body["api_key"] = self._key
        return _Request(f"{self._url}/translate", body, {})

    def _parse(self, body: Any) -> object:
        return body["translatedText"]


class DeepL(Translator):
    """The DeepL API (free or pro)."""

    service = "DeepL"

    def _request(self, text: str, locale: str, source: str) -> _Request:
        body = {
            "text": [text],
            "source_lang": _DEEPL_SOURCES.get(source, "RU"),
            "target_lang": _DEEPL_TARGETS.get(locale, "EN-US"),
        }
        headers = {"Authorization": f"DeepL-Auth-Key {self._key}"}
        return _Request(f"{self._url}/v2/translate", body, headers)

    def _parse(self, body: Any) -> object:
        return body["translations"][0]["text"]


async def translations(
    translator: Translator | None, text: str, source: str, targets: tuple[str, ...]
) -> dict[str, str]:
    """The text in each target language the service translated it into (at the same time);
    none without a translator, and a failed language is left out."""
    if translator is None:
        return {}
    found = await asyncio.gather(
        *(translator.translate(text, target, source) for target in targets)
    )
    return {target: item.text for target, item in zip(targets, found, strict=True) if item}


def create_translator(settings: Settings) -> Translator | None:
    """The configured translator, or None when machine translation is off (the default)."""
    provider = Provider(settings.translation_provider)
    key = settings.translation_key.get_secret_value() if settings.translation_key else ""
    url = settings.translation_url or ""
    timeout = settings.translation_timeout
    if provider is Provider.NONE:
        return None
    if provider is Provider.LIBRETRANSLATE:
        if not url:
            raise SettingError("TRANSLATION_URL", "required for libretranslate")
        return LibreTranslate(url, key, timeout)
    if not key:
        raise SettingError("TRANSLATION_KEY", "required for deepl")
    default = DEEPL_FREE_URL if key.endswith(":fx") else DEEPL_PRO_URL
    return DeepL(url or default, key, timeout)
