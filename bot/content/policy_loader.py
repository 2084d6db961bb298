"""Loads `policy.toml` (beside this file) into typed policy values with their provenance."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.content.errors import ContentError
from bot.services.policy import Policy, PolicyValues, Provenance, Status

POLICY_PATH = Path(__file__).resolve().parent / "policy.toml"


def load_policy(path: Path = POLICY_PATH) -> Policy:
    """Read and validate the policy file, or raise `ContentError` naming the entry."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "file", str(error)) from error
    sources: dict[str, str] = raw.get("sources", {})
    entries: dict[str, Any] = raw.get("values", {})
    provenance = {}
    for key, entry in entries.items():
        try:
            provenance[key] = Provenance(
                source=sources[entry["source"]],
                status=Status(entry["status"]),
                checked=date.fromisoformat(entry["checked"]),
                note=str(entry.get("note", "")),
            )
        except (KeyError, ValueError, TypeError) as error:
            raise ContentError(path, key, f"bad source/status/checked: {error}") from error
    try:
        values = PolicyValues.model_validate(
            {key: entry["value"] for key, entry in entries.items()}
        )
    except ValidationError as error:
        first = error.errors()[0]
        entry = ".".join(str(part) for part in first["loc"]) or "values"
        raise ContentError(path, entry, first["msg"]) from error
    return Policy(values=values, provenance=provenance)
