"""Translation upkeep: `python tools/i18n.py update` after changing strings, `compile` to build.

`update` extracts every `_()`/`__()` string from bot/ and handlers/, merges it into each
catalogue, fills the English catalogue (the msgids are English), and lists the Chinese entries
still to translate. The bot compiles catalogues itself at start-up; `compile` is for images.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
POT = LOCALES / "messages.pot"


def pybabel(*args: str) -> None:
    """Run pybabel from the same environment."""
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", *args],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def update() -> int:
    """Extract, merge, fill English, report what Chinese still lacks."""
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
        "--omit-header",
    )
    english = LOCALES / "en" / "LC_MESSAGES" / "messages.po"
    with english.open("rb") as file:
        catalog = read_po(file, locale="en")
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
    with english.open("wb") as file:
        write_po(file, catalog, omit_header=True, sort_output=True, no_location=True)
    chinese = LOCALES / "zh" / "LC_MESSAGES" / "messages.po"
    with chinese.open("rb") as file:
        missing = [
            message.id
            for message in read_po(file, locale="zh")
            if message.id and not message.string
        ]
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
