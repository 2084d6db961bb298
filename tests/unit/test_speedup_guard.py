"""The aiogram import speed-up applies only to the aiogram and pydantic versions it was tested
with and only while `SPEEDUPS` is on; otherwise aiogram is imported plainly
(bot/telegram/speedups)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from bot.telegram import speedups

# A type this bot never uses: built at a plain import, never with the speed-up.
REPORT = """
import json
import aiogram.types
from bot.telegram import speedups
print(json.dumps({
    "off": speedups.why_off(),
    "built at import": aiogram.types.InputSticker.__pydantic_complete__,
}))
"""


def test_installed_versions_are_the_tested_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    # Fails in an environment not installed from the lockfile: the speed-up would stay off.
    monkeypatch.setattr(speedups, "_switched_off", False)
    assert speedups.why_off() is None


def test_an_untested_version_turns_the_speedup_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speedups, "_switched_off", False)
    monkeypatch.setattr(speedups, "TESTED_WITH", {"aiogram": "3.0.0", "pydantic": "2.0"})
    aiogram, pydantic = metadata.version("aiogram"), metadata.version("pydantic")
    assert speedups.why_off() == (
        f"untested versions: aiogram {aiogram} (tested with 3.0.0), "
        f"pydantic {pydantic} (tested with 2.0)"
    )


@pytest.mark.slow
def test_the_switch_reaches_the_import_and_aiogram_is_imported_plainly(tmp_path: Path) -> None:
    code = "from bot.__main__ import main\nmain(['chat'])\n" + REPORT
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "SPEEDUPS"))}
    environment.update(DATABASE_PATH=str(tmp_path / "bot.sqlite3"), SPEEDUPS="false")
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        cwd=tmp_path,
        env=environment,
        input="/help\n",
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert "我能帮你做什么" in done.stdout, "the console chat ran"
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "off": "switched off (SPEEDUPS=false)",
        "built at import": True,
    }
