"""The layout holds: which package may import which, and handlers stay small and typed.

The import graph is read from the source (every `import` and `from … import`, also inside
functions), so a shortcut across layers fails here rather than in a review.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import ROOT

STDLIB_IO = {"sqlite3", "socket", "subprocess", "urllib", "http", "asyncio", "shutil"}
MAX_HANDLER_MODULE_LINES = 200
MAX_HANDLER_FUNCTION_LINES = 40


def modules(package: str) -> Iterator[tuple[str, Path]]:
    """Every module of a package, as (dotted name, path)."""
    base = ROOT / package.replace(".", "/")
    for path in sorted(base.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        yield ".".join(part for part in relative.parts if part != "__init__"), path


def imported(path: Path) -> set[str]:
    """Top-level module names a file imports, fully dotted (`bot.db.case_repository`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def first_party(names: set[str]) -> set[str]:
    return {name for name in names if name.split(".")[0] in {"bot", "handlers"}}


def outside(names: set[str], *allowed: str) -> set[str]:
    """The names that are not one of the allowed packages (or inside one)."""
    return {
        name for name in names if not any(name == a or name.startswith(f"{a}.") for a in allowed)
    }


@pytest.mark.parametrize(("name", "path"), list(modules("bot.telegram")))
def test_telegram_plumbing_knows_no_domain(name: str, path: Path) -> None:
    assert outside(first_party(imported(path)), "bot.telegram") == set(), name


def calls(path: Path) -> set[str]:
    """What a file calls by name: `open`, `datetime.now`, `time.monotonic`, `x.now`…"""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            found.add(node.func.id)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value.id if isinstance(node.func.value, ast.Name) else "x"
            found.add(f"{owner}.{node.func.attr}")
    return found


@pytest.mark.parametrize(("name", "path"), [*modules("bot.services"), *modules("bot.nlp")])
def test_services_and_text_understanding_are_pure(name: str, path: Path) -> None:
    names = imported(path)
    assert outside(first_party(names), "bot.services", "bot.nlp") == set(), name
    roots = {n.split(".")[0] for n in names}
    assert roots & {"aiogram", "aiosqlite", "aiohttp", *STDLIB_IO} == set(), name
    assert "open" not in calls(path), name
    if name != "bot.services.clock":  # the one place the real time is read
        wall_clocks = {"datetime.now", "datetime.utcnow", "datetime.today", "date.today"}
        clocks = (wall_clocks | {"time.time", "time.monotonic"}) & calls(path)
        assert clocks == set(), name


@pytest.mark.parametrize(("name", "path"), list(modules("bot.db")))
def test_db_builds_on_services_only(name: str, path: Path) -> None:
    assert outside(first_party(imported(path)), "bot.db", "bot.services", "bot.nlp") == set(), name


@pytest.mark.parametrize(("name", "path"), list(modules("bot.ui")))
def test_ui_builds_on_services_db_data_and_telegram(name: str, path: Path) -> None:
    allowed = ("bot.ui", "bot.services", "bot.nlp", "bot.db", "bot.telegram")
    assert outside(first_party(imported(path)), *allowed) == set(), name
    source = path.read_text(encoding="utf-8")
    assert "Repository(" not in source and "Repository," not in source, name


@pytest.mark.parametrize(("name", "path"), list(modules("bot.content")))
def test_content_loaders_build_on_services(name: str, path: Path) -> None:
    allowed = ("bot.content", "bot.services", "bot.nlp", "bot.telegram.html_rules")
    assert outside(first_party(imported(path)), *allowed) == set(), name


def feature(name: str) -> str:
    """The feature a handlers module belongs to: its package (a wizard's home) or itself."""
    parts = name.split(".")
    return ".".join(parts[:2])


@pytest.mark.parametrize(("name", "path"), list(modules("handlers")))
def test_handlers_never_import_another_feature(name: str, path: Path) -> None:
    if name == "handlers":
        return  # the package lists the routers in order
    others = {
        n for n in imported(path) if n.split(".")[0] == "handlers" and feature(n) != feature(name)
    }
    if name == "handlers.wizard_questions":
        # A question asked inside a wizard shows the wizard's step again: it reads the step
        # from each wizard's draft, and nothing else of theirs.
        others -= {"handlers.eligibility", "handlers.tracking"}
    assert others == set(), name


@pytest.mark.parametrize(("name", "path"), list(modules("handlers")))
def test_handlers_are_small_and_typed(name: str, path: Path) -> None:
    if name.endswith(".draft"):
        return  # a wizard's state, kept between its steps: no handlers in it
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_HANDLER_MODULE_LINES, name
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.args.kwarg is None, f"{name}.{node.name} takes **{node.args.kwarg}"
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= MAX_HANDLER_FUNCTION_LINES, f"{name}.{node.name}: {length} lines"
