"""The whole test command: lint, format, types, tests. `.ci/run` and the README run this."""

from __future__ import annotations

import subprocess
import sys

STEPS = [
    ["ruff", "check", "."],
    ["ruff", "format", "--check", "."],
    ["mypy"],
    ["pytest", "-q", "-p", "no:cacheprovider"],
]


def main() -> int:
    """Run each step with this interpreter's tools; stop at the first failure."""
    for step in STEPS:
        print("$", " ".join(step), flush=True)
        result = subprocess.run([sys.executable, "-m", *step], check=False)
        if result.returncode != 0:
            return result.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
