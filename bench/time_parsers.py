"""Typed times: this project's parser against dateparser and JioNLP on the same table.

Run: python bench/time_parsers.py own|dateparser|jionlp   (the library installed in the
interpreter that runs it; neither is a dependency of the project). Prints how many rows of
tests/unit/test_time_table.py that have an expected moment or date each reads right, the
import time, the peak RSS and the time per parse. Refusals (future, too old) are project rules
the libraries do not know, so those rows are left out for every parser alike.
"""

from __future__ import annotations

import importlib
import resource
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def table() -> tuple[list[tuple[str, str, Any]], dict[str, datetime]]:
    """The table's rows and fixed moments, read without pytest (scratch venvs lack it)."""
    source = (ROOT / "tests" / "unit" / "test_time_table.py").read_text(encoding="utf-8")
    stub = (
        "class pytest:\n    class mark:\n"
        "        parametrize = staticmethod(lambda *a: (lambda f: f))"
    )
    namespace: dict[str, Any] = {}
    exec(compile(source.replace("import pytest", stub), "table", "exec"), namespace)
    return namespace["CASES"], namespace["NOWS"]


def reader(name: str) -> Any:
    """A function (text, now) → datetime | date | None for the named parser."""
    if name == "own":
        parse = importlib.import_module("bot.nlp.typed.times").parse_past_time

        def own(text: str, now: datetime) -> datetime | date | None:
            parsed = parse(text, now, now.tzinfo)
            found: datetime | date | None = parsed.moment or parsed.day
            return found

        return own
    if name == "dateparser":
        module = importlib.import_module("dateparser")

        def with_dateparser(text: str, now: datetime) -> datetime | None:
            zone = now.tzinfo
            assert isinstance(zone, ZoneInfo)
            settings = {
                "RELATIVE_BASE": now.replace(tzinfo=None),
                "PREFER_DATES_FROM": "past",
                "TIMEZONE": zone.key,
                "RETURN_AS_TIMEZONE_AWARE": True,
            }
            found: datetime | None = module.parse(
                text, languages=["zh", "en", "ru"], settings=settings
            )
            return found

        return with_dateparser
    module = importlib.import_module("jionlp")

    def with_jionlp(text: str, now: datetime) -> datetime:
        found = module.parse_time(text, time_base=now.replace(tzinfo=None).timestamp())
        moment = datetime.strptime(found["time"][0], "%Y-%m-%d %H:%M:%S")
        return moment.replace(tzinfo=now.tzinfo)

    return with_jionlp


def right(found: datetime | date | None, expected: datetime | date) -> bool:
    """A moment must match exactly; a date-only row accepts any time on that date."""
    if isinstance(expected, datetime):
        return isinstance(found, datetime) and found == expected
    if isinstance(found, datetime):
        return found.date() == expected
    return found == expected


def main() -> None:
    """Print the figures for the parser named on the command line."""
    name = sys.argv[1] if len(sys.argv) > 1 else "own"
    started = time.perf_counter()
    read = reader(name)
    import_seconds = time.perf_counter() - started
    cases, nows = table()
    rows = [(now, text, want) for now, text, want in cases if isinstance(want, datetime | date)]
    hits = 0
    started = time.perf_counter()
    for now, text, want in rows:
        try:
            found = read(text, nows[now])
        except Exception:
            found = None
        hits += right(found, want)
    per_parse = (time.perf_counter() - started) / len(rows) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{name}: {hits}/{len(rows)} rows right; import {import_seconds:.2f} s; "
        f"peak RSS {peak:.0f} MB; {per_parse:.2f} ms per parse"
    )


if __name__ == "__main__":
    main()
