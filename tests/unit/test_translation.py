"""Optional machine translation: both services against a local fake, and every way it fails."""

from __future__ import annotations

import logging
import time

import pytest
from pydantic import ValidationError

from bot.settings import SettingError, Settings
from bot.translation import (
    DEEPL_FREE_URL,
    DEEPL_PRO_URL,
    MAX_CHARACTERS,
    DeepL,
    LibreTranslate,
    MachineTranslation,
    create_translator,
    translations,
)
from tests.support.fake_translation import KEY, SLOW_SECONDS, FakeTranslationService


async def translate(
    translator: LibreTranslate | DeepL, text: str, locale: str = "zh"
) -> MachineTranslation | None:
    try:
        return await translator.translate(text, locale)
    finally:
        await translator.close()


async def test_libretranslate(service: FakeTranslationService) -> None:
    translator = LibreTranslate(service.base_url, KEY, timeout=5)
    found = await translate(translator, "Документы получены.")
    assert found == MachineTranslation("[zh] Документы получены.", "LibreTranslate")
    ((_, body, _),) = service.requests
    assert body == {
        "q": "Документы получены.",
        "source": "ru",
        "target": "zh",
        "format": "text",
        "api_key": KEY,
    }


async def test_deepl(service: FakeTranslationService) -> None:
    translator = DeepL(service.base_url, KEY, timeout=5)
    found = await translate(translator, "Документы получены.", "en")
    assert found == MachineTranslation("[EN-US] Документы получены.", "DeepL")
    ((_, body, headers),) = service.requests
    assert body == {"text": ["Документы получены."], "source_lang": "RU", "target_lang": "EN-US"}
    assert headers["Authorization"] == f"DeepL-Auth-Key {KEY}"


async def test_deepl_into_chinese(service: FakeTranslationService) -> None:
    found = await translate(DeepL(service.base_url, KEY, timeout=5), "Спасибо")
    assert found is not None and found.text == "[ZH-HANS] Спасибо"


async def test_a_sellers_chinese_into_russian(service: FakeTranslationService) -> None:
    libre = LibreTranslate(service.base_url, KEY, timeout=5)
    deepl = DeepL(service.base_url, KEY, timeout=5)
    try:
        found = await libre.translate("罚款不合理", "ru", "zh")
        assert found == MachineTranslation("[ru] 罚款不合理", "LibreTranslate")
        assert await deepl.translate("罚款不合理", "ru", "zh") is not None
    finally:
        await libre.close()
        await deepl.close()
    (_, libre_body, _), (_, deepl_body, _) = service.requests
    assert (libre_body["source"], libre_body["target"]) == ("zh", "ru")
    assert (deepl_body["source_lang"], deepl_body["target_lang"]) == ("ZH", "RU")


async def test_translations_into_several_languages_leave_out_the_failed_ones(
    service: FakeTranslationService,
) -> None:
    translator = LibreTranslate(service.base_url, KEY, timeout=5)
    try:
        found = await translations(translator, "罚款", "zh", ("ru", "en"))
        assert found == {"ru": "[ru] 罚款", "en": "[en] 罚款"}
        assert await translations(None, "罚款", "zh", ("ru", "en")) == {}
        broken = LibreTranslate(service.base_url, "wrong key", timeout=5)
        assert await translations(broken, "罚款", "zh", ("ru", "en")) == {}
        await broken.close()
    finally:
        await translator.close()


@pytest.mark.parametrize("kind", [LibreTranslate, DeepL])
async def test_wrong_key_gives_nothing_and_is_logged_without_the_key(
    service: FakeTranslationService,
    kind: type[LibreTranslate] | type[DeepL],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.translation")
    assert await translate(kind(service.base_url, "wrong-key", timeout=5), "Спасибо") is None
    assert "refused the key" in caplog.text
    assert "wrong-key" not in caplog.text


@pytest.mark.parametrize("kind", [LibreTranslate, DeepL])
@pytest.mark.parametrize("text", ["сломано", "мусор", "пусто"])
async def test_service_failures_give_nothing(
    service: FakeTranslationService, kind: type[LibreTranslate] | type[DeepL], text: str
) -> None:
    assert await translate(kind(service.base_url, KEY, timeout=5), text) is None


async def test_quota_exceeded_gives_nothing(service: FakeTranslationService) -> None:
    assert await translate(DeepL(service.base_url, KEY, timeout=5), "квота") is None


async def test_timeout_gives_nothing_in_time(
    service: FakeTranslationService, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="bot.translation")
    started = time.monotonic()
    found = await translate(LibreTranslate(service.base_url, KEY, timeout=0.3), "медленно")
    assert found is None
    assert time.monotonic() - started < SLOW_SECONDS
    assert "did not answer within 0.3 s" in caplog.text


async def test_unreachable_service_gives_nothing(service: FakeTranslationService) -> None:
    url = service.base_url
    await service.stop()
    assert await translate(LibreTranslate(url, KEY, timeout=2), "Спасибо") is None


async def test_nothing_to_translate_sends_nothing(service: FakeTranslationService) -> None:
    assert await translate(LibreTranslate(service.base_url, KEY, timeout=5), "  \n ") is None
    assert service.requests == []


async def test_long_text_is_cut(service: FakeTranslationService) -> None:
    await translate(LibreTranslate(service.base_url, KEY, timeout=5), "я" * (MAX_CHARACTERS + 10))
    ((_, body, _),) = service.requests
    assert len(body["q"]) == MAX_CHARACTERS


async def test_a_closed_translator_opens_again(service: FakeTranslationService) -> None:
    translator = LibreTranslate(service.base_url, KEY, timeout=5)
    await translator.close()  # closing before use is harmless
    assert await translate(translator, "Спасибо") is not None
    assert await translate(translator, "Спасибо") is not None


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def test_off_by_default() -> None:
    assert create_translator(settings()) is None
    assert create_translator(settings(translation_provider="")) is None


def test_configured_services() -> None:
    libre = create_translator(
        settings(translation_provider="LibreTranslate", translation_url="http://mt.local/")
    )
    assert isinstance(libre, LibreTranslate)
    free = create_translator(settings(translation_provider="deepl", translation_key="k:fx"))
    pro = create_translator(settings(translation_provider="deepl", translation_key="k"))
    assert isinstance(free, DeepL) and free._url == DEEPL_FREE_URL
    assert isinstance(pro, DeepL) and pro._url == DEEPL_PRO_URL


@pytest.mark.parametrize(
    ("values", "name"),
    [
        ({"translation_provider": "libretranslate"}, "TRANSLATION_URL"),
        ({"translation_provider": "deepl"}, "TRANSLATION_KEY"),
    ],
)
def test_missing_setting_is_named(values: dict[str, object], name: str) -> None:
    with pytest.raises(SettingError, match=name):
        create_translator(settings(**values))


@pytest.mark.parametrize(
    "values",
    [
        {"translation_provider": "google"},
        {"translation_url": "ftp://mt.local"},
        {"translation_timeout": 0},
    ],
)
def test_invalid_settings_are_refused(values: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        settings(**values)
