"""Catalogues: complete, not fuzzy, in step with the code, and valid Telegram HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import LOCALES_DIR, compile_catalogues, create_i18n
from bot.services.locales import SUPPORTED_LOCALES, resolve_locale
from bot.telegram.html_rules import to_plain_text
from tests.support.paths import ROOT

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def catalogue(locale: str):  # type: ignore[no-untyped-def]
    with (LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=locale)


@pytest.mark.parametrize(
    ("saved", "telegram", "expected"),
    [
        (None, "zh", "zh"),
        (None, "zh-hans", "zh"),
        (None, "zh-hant", "zh"),
        (None, "zh-CN", "zh"),
        (None, "zh_TW", "zh"),
        (None, "en", "en"),
        (None, "en-US", "en"),
        (None, "en_GB", "en"),  # an underscore, as some clients send it
        (None, "ru", "zh"),
        (None, None, "zh"),
        (None, "", "zh"),
        ("en", "zh-hans", "en"),
        ("zh", "en", "zh"),
        ("fr", "en", "en"),
    ],
)
def test_resolve_locale(saved: str | None, telegram: str | None, expected: str) -> None:
    assert resolve_locale(saved, telegram) == expected


def forms(value: str | tuple[str, ...]) -> tuple[str, ...]:
    """The singular, or every plural form."""
    return value if isinstance(value, tuple) else (value,)


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_catalogue_complete_and_not_fuzzy(locale: str) -> None:
    entries = [message for message in catalogue(locale) if message.id]
    assert entries
    untranslated = [message.id for message in entries if not all(forms(message.string))]
    fuzzy = [message.id for message in entries if message.fuzzy]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_translations_keep_placeholders_and_html_valid(locale: str) -> None:
    for message in catalogue(locale):
        if not message.id:
            continue
        expected = sorted(set(PLACEHOLDER.findall(forms(message.id)[-1])))
        for text in forms(message.string):
            assert sorted(set(PLACEHOLDER.findall(text))) == expected, message.id
            values = {name.strip("{}"): "x" for name in PLACEHOLDER.findall(text)}
            to_plain_text(text.format(**values))


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_catalogues_pass_babels_checks_with_their_language_and_plural_rule(locale: str) -> None:
    # Babel's equivalent of `msgfmt --check`, so it runs where only Python is installed:
    # a broken entry or header aborts the read, and every entry is checked against the
    # header's plural rule (one form in Chinese, two in English) and its format flags.
    path = LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        read = read_po(file, locale=locale, abort_invalid=True)
    assert [(message.id, errors) for message, errors in read.check()] == []
    # Read from the file itself: Babel fills a missing header from the locale it is given.
    written = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    plural_forms = {"zh": "nplurals=1; plural=0;", "en": "nplurals=2; plural=(n != 1);"}
    for line in (
        f"Language: {locale}",
        f"Plural-Forms: {plural_forms[locale]}",
        "Content-Type: text/plain; charset=utf-8",
    ):
        assert f'"{line}\\n"' in written, line


def test_catalogues_in_step_with_code() -> None:
    keywords = {**DEFAULT_KEYWORDS, "__": None, "lazy_gettext": None}
    in_code = {
        message[2] if isinstance(message[2], str) else tuple(message[2])
        for folder in ("bot", "handlers")
        for message in extract_from_dir(ROOT / folder, keywords=keywords)
    }
    for locale in SUPPORTED_LOCALES:
        in_catalogue = {message.id for message in catalogue(locale) if message.id}
        assert in_code - in_catalogue == set(), f"{locale}: strings missing from the catalogue"
        assert in_catalogue - in_code == set(), f"{locale}: stale strings in the catalogue"


def test_compiles_only_when_stale(tmp_path: Path) -> None:
    target = tmp_path / "locales"
    for locale in SUPPORTED_LOCALES:
        (target / locale / "LC_MESSAGES").mkdir(parents=True)
        source = LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"
        (target / locale / "LC_MESSAGES" / "messages.po").write_bytes(source.read_bytes())
    assert len(compile_catalogues(target)) == len(SUPPORTED_LOCALES)
    assert compile_catalogues(target) == []
    i18n = create_i18n(target)
    assert i18n.gettext("Saved.", locale="zh") == "已保存。"
    assert i18n.gettext("Saved.", locale="en") == "Saved."
