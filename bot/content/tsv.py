"""The data lines of a tab-separated content file, numbered for error messages."""

from __future__ import annotations

from pathlib import Path

from bot.content.errors import ContentError


def data_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of every line that is neither blank nor a `#` comment; a file that
    cannot be read raises `ContentError` naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ContentError(path, "file", str(error)) from error
    return [
        (number, line)
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#")
    ]
