"""aiogram speed-ups. This module: import aiogram without building all of its models up front.

`import aiogram` rebuilds every one of the ~400 Telegram types at import time, although they
are declared with pydantic's `defer_build` (aiogram issues #1876, #1891). Each rebuild
generates the schema of everything the type reaches, so the same schemas are generated again
and again: on a small two-core machine that is 5-7 s and about 110 MB before the bot has done
anything, and most of those types (stickers, gifts, payments, business accounts...) are never
used by this bot.

`import_aiogram()` lets the import skip that eager rebuild (and the Bot API method models'
attempts to build at class creation, which fail there for want of those names), then gives each
aiogram module the type names its string annotations refer to (aiogram imports them only for
type checkers), so pydantic builds a model from its own module the first time it is used. The
result is the same models with the same schemas, built when needed: the import takes a quarter
of the time and memory. It must run before anything else imports aiogram; later calls do
nothing. tests/test_aiogram_import.py checks every model against aiogram's own build.
"""

from __future__ import annotations

import sys
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel
from pydantic._internal import _config  # the defaults behind every model's configuration

_eager_rebuild = BaseModel.__dict__["model_rebuild"]


def _leave_for_first_use(cls: type[BaseModel], /, **kwargs: Any) -> None:
    """`BaseModel.model_rebuild` while aiogram imports: every model made during the import is
    deferred, so aiogram's eager rebuild of it is skipped."""


def _aiogram_names() -> dict[str, Any]:
    """Every name aiogram's own eager rebuild resolved annotations with."""
    import aiogram.types
    from aiogram.client.default import Default

    names: dict[str, Any] = {
        "List": list,
        "Optional": Optional,
        "Union": Union,
        "Literal": Literal,
        "Default": Default,
    }
    names.update((name, getattr(aiogram.types, name)) for name in aiogram.types.__all__)
    return names


def import_aiogram() -> None:
    """Import aiogram with its Telegram types built on first use (see the module docstring)."""
    if "aiogram" in sys.modules:
        return
    deferred = _config.config_defaults["defer_build"]
    type.__setattr__(BaseModel, "model_rebuild", classmethod(_leave_for_first_use))
    _config.config_defaults["defer_build"] = True
    try:
        import aiogram  # noqa: F401
    finally:
        _config.config_defaults["defer_build"] = deferred
        type.__setattr__(BaseModel, "model_rebuild", _eager_rebuild)
    names = _aiogram_names()
    for module_name, module in list(sys.modules.items()):
        if module is not None and module_name.startswith(("aiogram.types.", "aiogram.methods.")):
            for name, value in names.items():
                module.__dict__.setdefault(name, value)
