"""Explaining managers' Russian, scored per labelled set: explained share, precision, recall and
the facts read right.

Run: python bench/manager_reply_quality.py [file.tsv ...]   (default: tests/data/russian/*.tsv)
A set is a TSV in one of two formats, line by line (`#` starts a comment):
  label<TAB>sentence
  reply_id<TAB>label<TAB>sentence<TAB>facts      facts: key=value;key=value (may be empty)
with the labels and fact keys of tests/data/russian/LABELS.md (period, documents, reason,
number, actor). Printed per set:
  explained   share of sentences the bot explains (gives a meaning)
  precision   explained sentences whose meaning is their label
  recall      sentences labelled other than `unknown` that are explained with their label
  facts       per key, the sentences that state it whose fact the bot read right
Never a sentence: a held-out set stays unread. `--counts` adds counts by label (wrong label ->
meaning, labels not explained), for development sets only (never for a final*.tsv).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from common import ROOT

from bot.content.loader import load_content
from bot.nlp.russian.explain import ManagerPhrasebook
from bot.nlp.russian.facts import DurationUnit, Facts, Reading, Role, extract_facts
from tests.support.moments import MOSCOW, bj

DATA = ROOT / "tests" / "data" / "russian"
FACT_KEYS = ("period", "documents", "reason", "number", "actor", "from")
# A moment to read dates against (a date without a year is the nearest to it).
READ_AT = bj(2026, 11, 27, 10)
_UNIT_NAMES = {
    "working_days": DurationUnit.WORKING_DAYS,
    "working_day": DurationUnit.WORKING_DAYS,
    "days": DurationUnit.DAYS,
    "day": DurationUnit.DAYS,
    "calendar_days": DurationUnit.DAYS,
    "working_hours": DurationUnit.WORKING_HOURS,
    "hours": DurationUnit.HOURS,
    "hour": DurationUnit.HOURS,
    "h": DurationUnit.HOURS,
    "weeks": DurationUnit.WEEKS,
    "week": DurationUnit.WEEKS,
}
_PERIOD = re.compile(r"^(\d+)\s*([a-z_ ]+)$")
_BY_DATE = re.compile(r"^by\s+(\d{1,2})\.(\d{1,2})")
# The writers' other spellings: `until 2026-12-12` (a date), `until 18:00 MSK` (a time today).
_UNTIL_DATE = re.compile(r"^until\s+\d{4}-(\d{2})-(\d{2})$")


@dataclass(frozen=True)
class Row:
    """One labelled sentence and the facts it states (empty in the two-column format)."""

    label: str
    sentence: str
    facts: dict[str, str] = field(default_factory=dict)


def read_rows(path: Path) -> list[Row]:
    """The rows of a set in either format."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) == 2:
            rows.append(Row(cells[0].strip(), cells[1].strip()))
        elif len(cells) == 4:
            rows.append(Row(cells[1].strip(), cells[2].strip(), parse_facts(cells[3])))
        else:
            msg = f"{path.name}: a line with {len(cells)} columns (2 or 4 expected)"
            raise ValueError(msg)
    return rows


def parse_facts(text: str) -> dict[str, str]:
    """`period=3 working_days;documents=waybill` as a dict (unknown keys refused)."""
    facts = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, _, value = part.partition("=")
        key = key.strip()
        if key not in FACT_KEYS:
            msg = f"unknown fact key {key!r}"
            raise ValueError(msg)
        facts[key] = value.strip()
    return facts


def period_right(expected: str, facts: Facts) -> bool:
    """Does the sentence's period or deadline date match `3 working_days` / `by 10.12`?"""
    value = expected.strip().lower()
    until = _UNTIL_DATE.match(value)
    if until:
        value = f"by {until.group(2)}.{until.group(1)}"
    by_date = _BY_DATE.match(value)
    if by_date:
        day, month = int(by_date.group(1)), int(by_date.group(2))
        return any(
            (fact.day.day, fact.day.month) == (day, month) and fact.role is Role.BY
            for fact in facts.dates
        )
    period = _PERIOD.match(value)
    if period is None:
        return False
    unit = _UNIT_NAMES.get(period.group(2).strip().replace(" ", "_"))
    amount = int(period.group(1))
    return any(fact.amount == amount and fact.unit is unit for fact in facts.durations)


def fact_right(key: str, expected: str, facts: Facts, actor: str | None) -> bool:
    """Is the fact under `key` read as labelled?"""
    if key == "period":
        return period_right(expected, facts)
    if key == "documents":
        # Ids of the glossary, or (a writer who never saw it) the documents' English names.
        wanted = {item.strip().lower() for item in expected.split(",") if item.strip()}
        found = facts.documents
        return len(wanted) == len(found) and all(
            any(item in (d.kind.id, d.kind.en.lower()) or d.kind.en.lower() in item for d in found)
            for item in wanted
        )
    if key == "from":
        return any(getattr(fact, "after_documents", False) for fact in facts.durations)
    if key == "number":
        digits = re.sub(r"\D", "", expected)
        return any(re.sub(r"\D", "", ref.number) == digits for ref in facts.references)
    if key == "reason":
        reason_id, _, number = expected.partition(":")
        if not number.strip().isdigit():  # a writer's own words: any reason read counts
            return bool(facts.reasons)
        return any(
            reason.kind.id == reason_id.strip() and (not number or reason.number == int(number))
            for reason in facts.reasons
        )
    return actor == expected


@dataclass
class Score:
    """The counts of one set."""

    sentences: int = 0
    explained: int = 0
    right: int = 0
    labelled: int = 0
    labelled_right: int = 0
    facts_stated: Counter[str] = field(default_factory=Counter)
    facts_right: Counter[str] = field(default_factory=Counter)
    confused: Counter[tuple[str, str]] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)


def score(book: ManagerPhrasebook, rows: list[Row]) -> Score:
    """Classify and read every row of a set."""
    reading = Reading(READ_AT, MOSCOW, book.documents)
    result = Score(sentences=len(rows))
    for row in rows:
        meaning = book.classify(row.sentence)
        if row.label != "unknown":
            result.labelled += 1
        if meaning is not None:
            result.explained += 1
            if meaning.id == row.label:
                result.right += 1
                result.labelled_right += 1
            else:
                result.confused[(row.label, meaning.id)] += 1
        elif row.label != "unknown":
            result.missed[row.label] += 1
        facts = extract_facts(row.sentence, reading) if row.facts else Facts()
        actor = meaning.actor.value if meaning is not None else None
        for key, expected in row.facts.items():
            result.facts_stated[key] += 1
            if fact_right(key, expected, facts, actor):
                result.facts_right[key] += 1
    return result


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}% ({part}/{whole})" if whole else "— (0/0)"


def report(name: str, result: Score, counts: bool) -> None:
    explained = percent(result.explained, result.sentences)
    print(
        f"{name}: {result.sentences} sentences; explained {explained};"
        f" precision {percent(result.right, result.explained)};"
        f" recall {percent(result.labelled_right, result.labelled)}"
    )
    if result.facts_stated:
        figures = ", ".join(
            f"{key} {percent(result.facts_right[key], result.facts_stated[key])}"
            for key in FACT_KEYS
            if result.facts_stated[key]
        )
        stated = sum(result.facts_stated[key] for key in ("period", "documents", "number"))
        found = sum(result.facts_right[key] for key in ("period", "documents", "number"))
        print(f"  facts: {figures}; period+documents+number {percent(found, stated)}")
    if counts and result.confused:
        wrong = ", ".join(f"{a} -> {b} {n}" for (a, b), n in result.confused.most_common())
        print(f"  wrong (label -> meaning): {wrong}")
    if counts and result.missed:
        print("  not explained: " + ", ".join(f"{a} {n}" for a, n in result.missed.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="labelled sets (default: dev sets)")
    parser.add_argument("--counts", action="store_true", help="counts by label (dev sets only)")
    args = parser.parse_args()
    files = args.files or sorted(DATA.glob("*.tsv"))
    book = load_content().manager_phrases
    for path in files:
        # A final set is scored in totals only, whatever is asked.
        counts = args.counts and not path.name.startswith("final")
        report(path.name, score(book, read_rows(path)), counts)


if __name__ == "__main__":
    main()
