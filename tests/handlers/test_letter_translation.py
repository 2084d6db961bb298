"""A seller's Chinese description in a letter, with a translator configured: the Russian and
English letters carry a machine translation, said to be one, with the Chinese below it; a
translator that fails leaves the original, marked as Chinese. No network: the services are the
look-alikes of tests/support/fake_translation.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from tests.support.fake_translation import KEY, FakeTranslationService
from tests.support.rig import Rig

PROFILE = {
    "卖家 ID": "1234567",
    "公司名称": "Shenzhen Hongda Trading Co., Ltd.",
    "已上架 SKU 数": "12",
    "邮件署名联系人": "Li Wei",
}
CHINESE = "订单 0123456789 的罚款 12 500 卢布不合理"


@pytest.fixture(params=["libretranslate", "deepl"])
def settings(
    request: pytest.FixtureRequest, tmp_path: Path, service: FakeTranslationService
) -> Settings:
    """The rig's settings with a translator pointing at the look-alike service."""
    return Settings(
        _env_file=None,
        database_path=tmp_path / "bot.sqlite3",
        admin_ids="7",
        translation_provider=request.param,
        translation_url=service.base_url,
        translation_key=KEY,
    )


async def support_request(rig: Rig, description: str) -> str:
    """Fill in the general request with a problem type and the description; the email."""
    await rig.chat.fill_profile(**PROFILE)
    await rig.chat.send("/templates")
    await rig.chat.press("邮件模板")
    await rig.chat.press("一般")
    prompt = await rig.chat.press("罚款")
    assert prompt is not None and "机器翻译" in prompt.text and "订单号" in prompt.text
    email = await rig.chat.send(description)
    assert email is not None
    return email.text


# What each service is asked (source, target), and how the look-alike marks its answer.
LANGUAGES = {
    "libretranslate": ({("zh", "ru"), ("zh", "en")}, {"ru": "[ru]", "en": "[en]"}),
    "deepl": ({("ZH", "RU"), ("ZH", "EN-US")}, {"ru": "[RU]", "en": "[EN-US]"}),
}


def asked(service: FakeTranslationService) -> set[tuple[str, str]]:
    """(source, target) of every request the service got."""
    return {
        (body.get("source") or body["source_lang"], body.get("target") or body["target_lang"])
        for _, body, _ in service.requests
    }


async def test_a_chinese_description_is_machine_translated_with_the_original_below(
    rig: Rig, service: FakeTranslationService, settings: Settings
) -> None:
    text = await support_request(rig, CHINESE)
    pairs, marks = LANGUAGES[settings.translation_provider]
    assert asked(service) == pairs
    assert (
        f"Суть вопроса (машинный перевод с китайского):\n{marks['ru']} {CHINESE}\n\n"
        f"Оригинал на китайском:\n{CHINESE}" in text
    )
    assert (
        f"Issue description (machine translation from Chinese):\n{marks['en']} {CHINESE}\n\n"
        f"Original in Chinese:\n{CHINESE}" in text
    )
    assert f"问题描述：\n{CHINESE}" in text
    assert "Описание на китайском языке" not in text


async def test_english_is_not_sent_for_translation(
    rig: Rig, service: FakeTranslationService
) -> None:
    text = await support_request(rig, "Fine for order 0123456789 is wrong")
    assert service.requests == []
    assert "Суть вопроса:\nFine for order 0123456789 is wrong" in text


async def test_a_translator_that_fails_leaves_the_chinese_marked(
    rig: Rig, service: FakeTranslationService
) -> None:
    await service.stop()  # the service is gone: connection refused
    text = await support_request(rig, CHINESE)
    assert (
        f"Описание на китайском языке (перевод не приложен; при необходимости "
        f"пришлём пояснение на английском):\n{CHINESE}" in text
    )
    assert (
        f"Description in Chinese (no translation attached; we can send an "
        f"explanation in English if needed):\n{CHINESE}" in text
    )
    assert "машинный перевод" not in text
