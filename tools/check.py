"""The test command: lint, format, types, then the whole suite once, in parallel.

`.ci/run` and the README run `python tools/check.py`; `python tools/check.py --fast` is the
loop before a commit (lint, types and the in-process tests, without the tests that start
`python -m bot` as a subprocess).
"""

from __future__ import annotations

import argparse
import subprocess
import sys

# Four workers on two cores: the subprocess tests spend most of their time waiting for the bot
# process (start-up, a backoff, an outage), so two more workers fill those waits. `worksteal`
# hands a long test's neighbours to an idle worker instead of leaving them queued behind it.
PYTEST = ["pytest", "-q", "-p", "no:cacheprovider", "-n", "4", "--dist", "worksteal"]
LINT: list[list[str]] = [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]]


def steps(fast: bool) -> list[list[str]]:
    """The commands to run, in order."""
    return [*LINT, [*PYTEST, "-m", "not slow"] if fast else PYTEST]


def main() -> int:
    """Run each step with this interpreter's tools; stop at the first failure."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fast", action="store_true", help="leave out the subprocess tests")
    arguments = parser.parse_args()
    for step in steps(arguments.fast):
        print("$", " ".join(step), flush=True)
        result = subprocess.run([sys.executable, "-m", *step], check=False)
        if result.returncode != 0:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
