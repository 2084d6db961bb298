"""aiogram's import speed-up, guarded: import aiogram without building all of its models up
front, and decide whether the speed-up applies at all.

It leans on aiogram and pydantic internals, so it applies only to the versions it was tested
with (`TESTED_WITH`, the versions the lockfile pins) and only while the operator has not
switched it off (`SPEEDUPS=false`). Otherwise aiogram is imported as it is and `import_aiogram()`
returns the reason, for the caller to log once logging is set up.

`import aiogram` rebuilds every one of the ~400 Telegram types at import time, although they
are declared with pydantic's `defer_build` (aiogram issues #1876, #1891). Each rebuild
generates the schema of everything the type reaches, so the same schemas are generated again
and again: on a small two-core machine that is 5-7 s and about 110 MB before the bot has done
anything, and most of those types (stickers, gifts, payments, business accounts...) are never
used by this bot.

The speed-up lets the import skip that eager rebuild (and the Bot API method models' attempts
to build at class creation, which fail there for want of those names), then gives each aiogram
module the type names its string annotations refer to (aiogram imports them only for type
checkers), so pydantic builds a model from its own module the first time it is used. The
result is the same models with the same schemas, built when needed: the import takes a quarter
of the time and memory. It must run before anything else imports aiogram.
tests/unit/test_aiogram_import.py checks every model against aiogram's own build.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import cache
from importlib import metadata
from typing import Any, Literal, Optional, Union

# The versions the speed-up was tested with; the lockfiles pin exactly these (a test checks).
TESTED_WITH: Mapping[str, str] = {"aiogram": "3.31.0", "pydantic": "2.13.5"}

_switched_off = False


@cache
def _installed(package: str) -> str:
    # Read from the installed metadata: asking aiogram itself would import it.
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def why_off() -> str | None:
    """Why the speed-up does not apply in this process, or None when it does."""
    if _switched_off:
        return "switched off (SPEEDUPS=false)"
    untested = [
        f"{package} {_installed(package)} (tested with {tested})"
        for package, tested in TESTED_WITH.items()
        if _installed(package) != tested
    ]
    if untested:
        return "untested versions: " + ", ".join(untested)
    return None


def import_aiogram(*, enabled: bool = True) -> str | None:
    """Import aiogram, with its Telegram types built on first use when the speed-ups apply.

    Returns None when they apply, else why not (aiogram is then imported plainly). `enabled`
    is the operator's switch. An aiogram imported before this call stays as it was imported.
    """
    global _switched_off
    _switched_off = not enabled
    reason = why_off()
    if "aiogram" in sys.modules:
        return reason
    if reason is not None:
        import aiogram  # noqa: F401
    else:
        _import_deferred()
    return reason


def _import_deferred() -> None:
    # pydantic's internals are imported only here, for the versions this was tested with.
    from pydantic import BaseModel
    from pydantic._internal import _config  # the defaults behind every model's configuration

    eager_rebuild = BaseModel.__dict__["model_rebuild"]

    def leave_for_first_use(cls: type[BaseModel], /, **kwargs: Any) -> None:
        """`BaseModel.model_rebuild` while aiogram imports: every model made during the import
        is deferred, so aiogram's eager rebuild of it is skipped."""

    deferred = _config.config_defaults["defer_build"]
    type.__setattr__(BaseModel, "model_rebuild", classmethod(leave_for_first_use))
    _config.config_defaults["defer_build"] = True
    try:
        import aiogram  # noqa: F401
    finally:
        _config.config_defaults["defer_build"] = deferred
        type.__setattr__(BaseModel, "model_rebuild", eager_rebuild)
    names = _aiogram_names()
    for module_name, module in list(sys.modules.items()):
        if module is not None and module_name.startswith(("aiogram.types.", "aiogram.methods.")):
            for name, value in names.items():
                module.__dict__.setdefault(name, value)


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
