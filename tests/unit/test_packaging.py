"""What installs and starts the bot agrees with itself: the lockfiles with each other and with
the versions the aiogram speed-ups were tested with, the README's test command with CI's, the
Docker image with the lock, and every setting with `.env.example` and the README."""

from __future__ import annotations

import re

from bot.settings import Settings
from bot.telegram.speedups import TESTED_WITH
from tests.support.paths import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def pins(lockfile: str) -> dict[str, str]:
    """Package name (normalised) → pinned version."""
    text = (ROOT / lockfile).read_text(encoding="utf-8")
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in PIN.findall(text)}


def test_lockfiles_pin_the_versions_the_speedups_were_tested_with() -> None:
    # Else the bot, locked as it is, would run with both speed-ups off.
    for lockfile in ("requirements.txt", "requirements-dev.txt"):
        locked = pins(lockfile)
        assert {name: locked.get(name) for name in TESTED_WITH} == dict(TESTED_WITH), lockfile


def test_runtime_lock_is_the_tested_lock_without_the_dev_tools() -> None:
    # The image installs requirements.txt; CI tests requirements-dev.txt: same versions.
    runtime, dev = pins("requirements.txt"), pins("requirements-dev.txt")
    assert len(runtime) > 10
    assert {name: dev.get(name) for name in runtime} == runtime


def test_every_locked_requirement_carries_hashes() -> None:
    for lockfile in ("requirements.txt", "requirements-dev.txt"):
        entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / lockfile).read_text(encoding="utf-8"))
        for entry in entries:
            if PIN.match(entry):
                assert "--hash=sha256:" in entry, (lockfile, entry.splitlines()[0])


def readme_commands() -> list[str]:
    """The README's set-up commands, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line and not line.startswith("#")]


def test_readme_has_two_commands_from_the_lock_and_ci_runs_the_second() -> None:
    run_bot, run_tests = readme_commands()
    assert "--require-hashes -r requirements.txt" in run_bot
    assert "--require-hashes -r requirements-dev.txt" in run_tests
    for command in (run_bot, run_tests):
        assert "pip install -q --no-deps -e ." in command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert run_tests in ci


def test_docker_image_installs_from_the_lock_and_runs_polling_by_name() -> None:
    instructions = [
        line
        for line in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    runs = [line for line in instructions if line.startswith("RUN ")]
    assert "RUN pip install --require-hashes -r requirements.txt" in runs
    assert any(line.startswith("RUN pip install --no-deps -e .") for line in runs)
    # Bare `python -m bot` would be the console chat's rule, not a service's.
    assert [line for line in instructions if line.startswith("CMD ")] == [
        'CMD ["python", "-m", "bot", "polling"]'
    ]


def test_every_setting_is_in_env_example_and_the_readme() -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    settings_table = readme.split("## Settings", 1)[1].split("\n## ", 1)[0]
    for name in Settings.model_fields:
        env_name = name.upper()
        assert re.search(rf"^{env_name}=", example, re.MULTILINE), env_name
        assert f"`{env_name}`" in settings_table, env_name
