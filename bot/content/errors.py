"""The one error every content loader raises."""

from __future__ import annotations

from pathlib import Path


class ContentError(Exception):
    """A content file is broken; start-up stops with the file and entry named."""

    def __init__(self, path: Path, entry: str, reason: str) -> None:
        super().__init__(f"{path.parent.name}/{path.name} [{entry}]: {reason}")
