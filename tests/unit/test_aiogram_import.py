"""aiogram imported with its Telegram types built on first use (bot/telegram/speedups) gives the
same models as aiogram's own eager import. Each check runs in a fresh interpreter: this one
already imported aiogram."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support.paths import ROOT

LAZY = "from bot.telegram.speedups import import_aiogram\nimport_aiogram()\n"
MODELS = """
import aiogram.methods, aiogram.types
from pydantic import BaseModel

def models():
    for module in (aiogram.types, aiogram.methods):
        for name in module.__all__:
            cls = getattr(module, name)
            if (
                isinstance(cls, type)
                and issubclass(cls, BaseModel)
                and not cls.__pydantic_generic_metadata__["parameters"]
            ):
                yield name, cls
"""
# What every update and every call of this bot goes through.
CENTRAL = [
    "Update",
    "Message",
    "CallbackQuery",
    "InlineKeyboardMarkup",
    "CopyTextButton",
    "SendMessage",
    "DeleteMessage",
    "AnswerCallbackQuery",
    "EditMessageReplyMarkup",
    "SetMyCommands",
]

# Each test starts another interpreter.
pytestmark = pytest.mark.slow


def run(code: str) -> object:
    """Run `code` in a new interpreter; it prints one JSON value."""
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout)


def test_import_leaves_types_unbuilt_and_each_builds_from_its_own_module() -> None:
    code = (
        LAZY
        + MODELS
        + """
import json
unbuilt = [name for name, cls in models() if not cls.__pydantic_complete__]
for name, cls in models():
    # No namespace handed in: only the names the model's own module holds.
    cls.model_rebuild(_parent_namespace_depth=0)
print(json.dumps({
    "unbuilt at import": len(unbuilt),
    "built after": sum(1 for _, cls in models() if cls.__pydantic_complete__),
    "models": sum(1 for _ in models()),
}))
"""
    )
    counts = run(code)
    assert isinstance(counts, dict)
    assert counts["unbuilt at import"] == counts["models"] > 500, counts
    assert counts["built after"] == counts["models"], counts


def test_models_have_the_schemas_aiogram_builds_itself() -> None:
    dump = (
        MODELS
        + f"""
import json
wanted = {CENTRAL!r}
print(json.dumps({{name: cls.model_json_schema() for name, cls in models() if name in wanted}}))
"""
    )
    lazy, eager = run(LAZY + dump), run(dump)
    assert isinstance(lazy, dict) and sorted(lazy) == sorted(CENTRAL)
    assert lazy == eager


def test_second_call_and_call_after_a_plain_import_change_nothing() -> None:
    code = """
import json
import aiogram.types
from bot.telegram.speedups import import_aiogram
import_aiogram()
import_aiogram()
print(json.dumps(aiogram.types.Message.__pydantic_complete__))
"""
    assert run(code) is True
