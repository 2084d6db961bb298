"""Writes bot/content/faq_examples/<locale>.tsv from the labelled sets in tests/data/faq/.

The product learns from sellers' own words: every message of the sets in SETS with its main
label (a topic or out of scope; small talk is told by rules, not learnt; the other labels are
left out, as a message teaches its main topic best). The tuning set stays out, and so does any
message equal to one of it: the matcher's tests measure floors on it. Run after a labelled set
is added or changed:
python tools/faq_examples.py
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "faq"
TARGET = ROOT / "bot" / "content" / "faq_examples"
SETS = (
    "heldout",
    "final",
    "final2",
    "final3",
    "final4",
    "train_a",
    "train_b",
    "train_c",
    "train_d",
)
LOCALES = ("zh", "en")
SKIPPED = {"smalltalk"}


def lines(locale: str) -> list[str]:
    """The content file's lines: a header, then each set's messages under its name."""
    found = [
        "# Sellers' messages labelled with their main topic (label<TAB>message), written apart",
        "# from the knowledge base; copied by tools/faq_examples.py from tests/data/faq/.",
    ]
    tuning = {
        line.split("\t")[1].strip()
        for path in DATA.glob(f"tuning*.{locale}.tsv")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    seen: set[tuple[str, str]] = set()
    for name in SETS:
        found.append(f"# {name}.{locale}.tsv")
        for line in (DATA / f"{name}.{locale}.tsv").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            label, text = line.split("\t")[:2]
            if label in SKIPPED or text.strip() in tuning or (label, text.strip()) in seen:
                continue
            seen.add((label, text.strip()))
            found.append(f"{label}\t{text.strip()}")
    return found


def main() -> None:
    """Write every locale's file."""
    TARGET.mkdir(exist_ok=True)
    for locale in LOCALES:
        (TARGET / f"{locale}.tsv").write_text("\n".join(lines(locale)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
