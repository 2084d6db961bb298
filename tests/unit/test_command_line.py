"""`python -m bot` as an operator runs it: bad settings, the database lock, the console chat,
the bare command at a terminal and in a service, the health check."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.db.connection import open_database

# Each test starts another interpreter.
pytestmark = pytest.mark.slow


def clean_env(tmp_path: Path, **env: str) -> dict[str, str]:
    """This environment without the bot's settings, and a database under tmp_path."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
    clean.update({"DATABASE_PATH": str(tmp_path / "data" / "bot.sqlite3"), **env})
    return clean


def run_bot(
    tmp_path: Path, *args: str, stdin: str = "", **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the bot's command line with a clean environment and a database under tmp_path."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=tmp_path,
        env=clean_env(tmp_path, **env),
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
    result = run_bot(tmp_path, "chat", stdin="/profile\n1\n123456\n/help\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "小二" in out and "] 👤 我的资料" in out
    assert "卖家 ID：123456" in out and "我能帮你做什么" in out
    assert out.rstrip().endswith("Bye.")
    assert "Traceback" not in result.stderr


def test_bare_command_without_token_or_terminal_fails_in_one_line(tmp_path: Path) -> None:
    # A container or unit file with no token: it must stop visibly, not chat with empty input.
    result = run_bot(tmp_path, stdin="/help\n")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "Cannot start: BOT_TOKEN: not set and no terminal for the console chat; "
        "set BOT_TOKEN to run the bot, or run `python -m bot chat`"
    ]
    assert result.stdout == ""
    assert not (tmp_path / "data").exists(), "nothing is opened before the refusal"


def read_terminal(controller: int, deadline: float) -> str:
    """Everything written to the terminal until its last user closes it."""
    output = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the other side of the terminal is closed
            break
        if not chunk:
            break
        output += chunk
    return output.decode(errors="replace")


def test_bare_command_at_a_terminal_opens_the_console_chat(tmp_path: Path) -> None:
    controller, terminal = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=clean_env(tmp_path),
        stdin=terminal,
        stdout=terminal,
        stderr=subprocess.PIPE,
    ) as process:
        os.close(terminal)
        # A line, then Ctrl-D at the start of the next one: the end of input at a terminal.
        os.write(controller, b"/help\n\x04")
        screen = read_terminal(controller, time.monotonic() + 120)
        os.close(controller)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert "Offline console chat" in screen
    assert "我能帮你做什么" in screen, "the typed /help was answered"
    assert screen.rstrip().endswith("Bye.")


def check_health(tmp_path: Path) -> dict[str, object]:
    """`python -m bot health`'s status, and the aiogram modules it imported on the way."""
    code = """
import json, sys
from bot.__main__ import main
status = main(["health"])
aiogram = sorted(name for name in sys.modules if name.startswith("aiogram"))
print(json.dumps({"status": status, "aiogram": aiogram}))
"""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    answer = json.loads(done.stdout)
    assert isinstance(answer, dict)
    return answer


async def test_health_answers_without_importing_aiogram(tmp_path: Path) -> None:
    database = await open_database(tmp_path / "data" / "bot.sqlite3")
    try:
        owned = check_health(tmp_path)
    finally:
        await database.close()
    assert owned == {"status": 0, "aiogram": []}
    assert check_health(tmp_path) == {"status": 1, "aiogram": []}
