"""`python -m bot` as an operator runs it: bad settings, the database lock, the console chat."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Each test starts another interpreter.
pytestmark = pytest.mark.slow


def run_bot(
    tmp_path: Path, *args: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the bot's command line with a clean environment and a database under tmp_path."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
    clean.update({"DATABASE_PATH": str(tmp_path / "data" / "bot.sqlite3"), **env})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=clean,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({"DEFAULT_TIMEZONE": "Mars/Base"}, "DEFAULT_TIMEZONE"),
        ({"ADMIN_IDS": "12,abc"}, "ADMIN_IDS"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({"WEBHOOK_PORT": "99999"}, "WEBHOOK_PORT"),
        ({"TELEGRAM_API_BASE": "ftp://x"}, "TELEGRAM_API_BASE"),
    ],
)
def test_bad_setting_prints_one_line_and_exits_2(
    tmp_path: Path, env: dict[str, str], setting: str
) -> None:
    result = run_bot(tmp_path, **env)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and setting in lines[0]
    assert "Traceback" not in result.stderr


def test_polling_without_token_names_the_setting(tmp_path: Path) -> None:
    result = run_bot(tmp_path, "polling")
    assert result.returncode == 2
    assert (
        result.stderr.strip() == "Cannot start: BOT_TOKEN: required for polling and webhook mode"
    )


def test_webhook_requires_its_secret(tmp_path: Path) -> None:
    result = run_bot(tmp_path, "webhook", BOT_TOKEN="1:abc", WEBHOOK_URL="https://example.org")
    assert result.returncode == 2
    assert "WEBHOOK_SECRET" in result.stderr and "Traceback" not in result.stderr
    assert "1:abc" not in result.stderr


def test_unwritable_database_path_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_bot(tmp_path, "chat", DATABASE_PATH=str(blocker / "sub" / "bot.sqlite3"))
    assert result.returncode == 2
    assert result.stderr.startswith("Cannot start: cannot create")
    assert "Traceback" not in result.stderr


def test_corrupt_database_is_one_line(tmp_path: Path) -> None:
    database = tmp_path / "data" / "bot.sqlite3"
    database.parent.mkdir()
    database.write_bytes(b"this is not a database" * 100)
    result = run_bot(tmp_path, "chat")
    assert result.returncode == 2
    assert "Cannot start: cannot use" in result.stderr and "Traceback" not in result.stderr


def test_console_chat_is_scriptable(tmp_path: Path) -> None:
    result = run_bot(tmp_path, stdin="/profile\n1\n123456\n/help\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "小二" in out and "] 👤 我的资料" in out
    assert "卖家 ID: 123456" in out and "我能做什么" in out
    assert out.rstrip().endswith("Bye.")
    assert "Traceback" not in result.stderr
