"""`python -m bot` as a real subprocess against the fake Bot API server."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.support.fake_bot_api import FakeBotApi
from tests.support.paths import ROOT

TOKEN = "123456:E2E-secret-token"


class BotProcess:
    """Starts, kills and restarts the bot process against the fake server."""

    def __init__(self, api: FakeBotApi, database: Path, log_path: Path) -> None:
        self.api = api
        self.database = database
        self.log_path = log_path
        self.process: asyncio.subprocess.Process | None = None
        self.extra_env: dict[str, str] = {}

    def env(self) -> dict[str, str]:
        """The environment an operator would set."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
        env.update(
            BOT_TOKEN=TOKEN,
            TELEGRAM_API_BASE=self.api.base_url,
            DATABASE_PATH=str(self.database),
            LOG_LEVEL="INFO",
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        return env

    async def start(self, wait_seconds: float = 15.0) -> None:
        """Run `python -m bot` and wait until it polls."""
        self.database.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "polling",
                cwd=ROOT,
                env=self.env(),
                stdout=log,
                stderr=log,
            )
        calls_before = len(self.api.emulator.calls)
        for _ in range(int(wait_seconds / 0.05)):
            if any(name == "getupdates" for name, _ in self.api.emulator.calls[calls_before:]):
                return
            if self.process.returncode is not None:
                raise AssertionError(f"bot exited: {self.log_path.read_text()}")
            await asyncio.sleep(0.05)
        raise AssertionError(f"bot did not start polling: {self.log_path.read_text()}")

    async def stop(self, sig: int = signal.SIGTERM) -> int:
        """Stop the process with a signal; return its exit status."""
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(sig)
        code = await asyncio.wait_for(self.process.wait(), 20)
        self.process = None
        return code

    def log(self) -> str:
        """Everything the process printed."""
        return self.log_path.read_text(errors="replace")

    async def run_once(self, mode: str) -> tuple[int, str, str]:
        """Run another `python -m bot <mode>` with this environment until it exits on its
        own; return its exit status, standard output and standard error."""
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            mode,
            cwd=ROOT,
            env=self.env(),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
        assert process.returncode is not None
        return process.returncode, stdout.decode(), stderr.decode()
