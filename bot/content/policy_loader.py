"""Loads `policy.toml` (beside this file) into typed policy values with their provenance."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.content.errors import ContentError
from bot.services.policy import Policy, PolicyValues, Provenance, Source, Status

POLICY_PATH = Path(__file__).resolve().parent / "policy.toml"


def load_policy(path: Path = POLICY_PATH) -> Policy:
    """Read and validate the policy file, or raise `ContentError` naming the entry."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "file", str(error)) from error
    sources = _sources(path, raw.get("sources", {}))
    entries: dict[str, Any] = raw.get("values", {})
    provenance = {key: _provenance(path, key, entry, sources) for key, entry in entries.items()}
    try:
        values = PolicyValues.model_validate(
            {key: entry["value"] for key, entry in entries.items()}
        )
    except ValidationError as error:
        first = error.errors()[0]
        entry = ".".join(str(part) for part in first["loc"]) or "values"
        raise ContentError(path, entry, first["msg"]) from error
    return Policy(values=values, provenance=provenance, sources=sources)


def _sources(path: Path, raw: dict[str, Any]) -> dict[str, Source]:
    sources = {}
    for name, entry in raw.items():
        try:
            sources[name] = Source.model_validate(entry)
        except ValidationError as error:
            raise ContentError(path, f"sources.{name}", error.errors()[0]["msg"]) from error
    return sources


def _provenance(path: Path, key: str, entry: Any, sources: dict[str, Source]) -> Provenance:
    try:
        provenance = Provenance(
            source=str(entry["source"]),
            status=Status(entry["status"]),
            checked=date.fromisoformat(entry["checked"]),
            note=str(entry.get("note", "")),
            reading=bool(entry.get("reading", False)),
        )
        source = sources[provenance.source]
    except (KeyError, ValueError, TypeError) as error:
        raise ContentError(path, key, f"bad source/status/checked: {error}") from error
    official = provenance.status is Status.OZON_OFFICIAL
    if official and (source.page is None or source.checked is None):
        raise ContentError(path, key, "an Ozon value needs a source page and its checked date")
    if not official and source.page is not None:
        raise ContentError(path, key, "only a value from Ozon's own documentation cites its page")
    return provenance
