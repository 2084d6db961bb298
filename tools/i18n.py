"""Translation upkeep: `python tools/i18n.py update` after changing strings, `compile` to build.

`update` extracts every `_()`/`__()`/`ngettext()` string from bot/ and handlers/, merges it
into each catalogue, fills the English catalogue (the msgids are English, plural forms
included), writes each catalogue with its header (Language, Plural-Forms: `msgfmt --check`
reads them), and lists the Chinese entries still to translate. The bot compiles catalogues
itself at start-up; `compile` is for images.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
POT = LOCALES / "messages.pot"
# A fixed date in the headers: regenerating a catalogue must not change it for nothing.
HEADER_DATE = datetime(2026, 11, 27, tzinfo=UTC)


def pybabel(*args: str) -> None:
    """Run pybabel from the same environment."""
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *args],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def untranslated(message: Message) -> bool:
    """A singular without a string, or a plural with an empty form."""
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not all(strings)


def load(locale: str) -> Catalog:
    """A catalogue as stored."""
    with (LOCALES / locale / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=locale)


def save(catalog: Catalog, locale: str) -> None:
    """Write a catalogue with a complete, stable header."""
    catalog.project = "ozon-am-bot"
    catalog.version = "0.1.0"
    catalog.language_team = f"{locale} <noreply@example.invalid>"
    catalog.last_translator = "ozon-am-bot maintainers <noreply@example.invalid>"
    catalog.msgid_bugs_address = "noreply@example.invalid"
    catalog.creation_date = HEADER_DATE
    catalog.revision_date = HEADER_DATE
    catalog.fuzzy = False
    with (LOCALES / locale / "LC_MESSAGES" / "messages.po").open("wb") as file:
        write_po(file, catalog, sort_output=True, no_location=True, width=99)


def update() -> int:
    """Extract, merge, fill English, write headers, report what Chinese still lacks."""
    pybabel(
        "extract",
        "-k",
        "__",
        "-k",
        "lazy_gettext",
        "--no-location",
        "--omit-header",
        "--sort-output",
        "-o",
        str(POT),
        str(ROOT / "bot"),
        str(ROOT / "handlers"),
    )
    pybabel(
        "update",
        "-i",
        str(POT),
        "-d",
        str(LOCALES),
        "-D",
        "messages",
        "--no-fuzzy-matching",
        "--ignore-obsolete",
    )
    english = load("en")
    for message in english:
        if message.id and untranslated(message):
            message.string = message.id
    save(english, "en")
    chinese = load("zh")
    save(chinese, "zh")
    missing = [message.id for message in chinese if message.id and untranslated(message)]
    for msgid in missing:
        print(f"untranslated (zh): {msgid!r}")
    return 1 if missing else 0


def main() -> int:
    """`update` or `compile`."""
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    if command == "compile":
        pybabel("compile", "-d", str(LOCALES), "-D", "messages", "--statistics")
        return 0
    return update()


if __name__ == "__main__":
    sys.exit(main())
