"""The whole test command: lint, format, types, tests, and the tests once more with the aiogram
speed-ups off. `.ci/run` and the README run this."""

from __future__ import annotations

import os
import subprocess
import sys

PYTEST = ["pytest", "-q", "-p", "no:cacheprovider"]
# (command, extra environment). The second test run is the fallback an operator switches to
# (SPEEDUPS=false) and what an untested aiogram/pydantic gets: it must work as well. It runs the
# in-process tests (~90 s); the subprocess ones would add minutes, each bot process importing
# aiogram plainly, and test_speedup_guard.py already runs the bot that way.
STEPS: list[tuple[list[str], dict[str, str]]] = [
    (["ruff", "check", "."], {}),
    (["ruff", "format", "--check", "."], {}),
    (["mypy"], {}),
    (PYTEST, {}),
    ([*PYTEST, "-m", "not slow"], {"SPEEDUPS": "false"}),
]


def main() -> int:
    """Run each step with this interpreter's tools; stop at the first failure."""
    for step, env in STEPS:
        settings = "".join(f"{name}={value} " for name, value in env.items())
        print("$", settings + " ".join(step), flush=True)
        result = subprocess.run(
            [sys.executable, "-m", *step], env={**os.environ, **env}, check=False
        )
        if result.returncode != 0:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
