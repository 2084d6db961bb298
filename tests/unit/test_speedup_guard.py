"""The aiogram speed-ups apply only to the aiogram and pydantic versions they were tested with
and only while `SPEEDUPS` is on; otherwise aiogram is imported plainly, bots keep no answer
models, and the bot says why in one log line (bot/telegram/speedups)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from bot.factory import create_bot
from bot.offline.emulator import BotApiEmulator
from bot.offline.session import OfflineSession
from bot.telegram import speedups
from bot.telegram.speedups.answer_models import KeepResponseModels

UNTESTED_AIOGRAM = {"aiogram": "3.0.0", "pydantic": speedups.TESTED_WITH["pydantic"]}
# Untested versions pretended in a new interpreter, before anything imports aiogram.
PRETEND_UNTESTED = f"""
from bot.telegram import speedups
speedups.TESTED_WITH = {UNTESTED_AIOGRAM!r}
"""
# A type this bot never uses: built at a plain import, never with the speed-ups.
REPORT = """
import json
import aiogram.types
from bot.telegram import speedups
print(json.dumps({
    "off": speedups.why_off(),
    "built at import": aiogram.types.InputSticker.__pydantic_complete__,
}))
"""


def keeps_answer_models() -> bool:
    """Whether a bot made now holds its answer models."""
    bot = create_bot("42:test-token", session=OfflineSession(BotApiEmulator()))
    return any(isinstance(middleware, KeepResponseModels) for middleware in bot.session.middleware)


def test_installed_versions_are_the_tested_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    # Fails in an environment not installed from the lockfile: the speed-ups would stay off.
    monkeypatch.setattr(speedups, "_switched_off", False)
    assert speedups.why_off() is None
    assert keeps_answer_models()


def test_untested_version_turns_both_speedups_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speedups, "_switched_off", False)
    monkeypatch.setattr(speedups, "TESTED_WITH", UNTESTED_AIOGRAM)
    installed = metadata.version("aiogram")
    assert speedups.why_off() == f"untested versions: aiogram {installed} (tested with 3.0.0)"
    assert not keeps_answer_models()


def test_switch_turns_both_speedups_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speedups, "_switched_off", True)
    assert speedups.why_off() == "switched off (SPEEDUPS=false)"
    assert not keeps_answer_models()


def run_python(code: str, tmp_path: Path, stdin: str = "", **env: str) -> tuple[str, str]:
    """Run `code` in a new interpreter with the bot's database under tmp_path; its output."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "SPEEDUPS"))}
    environment.update(DATABASE_PATH=str(tmp_path / "bot.sqlite3"), **env)
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        cwd=tmp_path,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout, done.stderr


def report(stdout: str) -> object:
    """The JSON line REPORT printed last."""
    return json.loads(stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_untested_versions_import_aiogram_plainly(tmp_path: Path) -> None:
    code = PRETEND_UNTESTED + "speedups.import_aiogram()\n" + REPORT
    installed = metadata.version("aiogram")
    assert report(run_python(code, tmp_path)[0]) == {
        "off": f"untested versions: aiogram {installed} (tested with 3.0.0)",
        "built at import": True,
    }


@pytest.mark.slow
def test_tested_versions_import_aiogram_deferred(tmp_path: Path) -> None:
    code = "from bot.telegram import speedups\nspeedups.import_aiogram()\n" + REPORT
    assert report(run_python(code, tmp_path)[0]) == {"off": None, "built at import": False}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("false", {"off": "switched off (SPEEDUPS=false)", "built at import": True}),
        ("true", {"off": None, "built at import": False}),
    ],
)
def test_setting_reaches_the_import(tmp_path: Path, setting: str, expected: object) -> None:
    code = "from bot.__main__ import main\nmain(['chat'])\n" + REPORT
    stdout, _ = run_python(code, tmp_path, stdin="/help\n", SPEEDUPS=setting)
    assert "我能帮你做什么" in stdout, "the console chat ran"
    assert report(stdout) == expected


@pytest.mark.slow
def test_bot_logs_once_why_the_speedups_are_off(tmp_path: Path) -> None:
    code = PRETEND_UNTESTED + "from bot.__main__ import main\nmain(['chat'])\n"
    _, stderr = run_python(code, tmp_path, stdin="/help\n", LOG_LEVEL="INFO")
    lines = [line for line in stderr.splitlines() if "speed-ups" in line]
    installed = metadata.version("aiogram")
    assert len(lines) == 1, stderr
    assert lines[0].endswith(
        "WARNING bot: aiogram speed-ups off, aiogram imported plainly: "
        f"untested versions: aiogram {installed} (tested with 3.0.0)"
    )
