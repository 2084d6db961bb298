"""FAQ matching quality per language, on the tuning and the held-out sets, and its latency.

Run: python bench/faq_quality.py [--confusions]
Data: tests/data/faq/tuning.<lang>.tsv (+ tuning.legacy.<lang>.tsv) were read while tuning;
heldout.<lang>.tsv were never read, only scored here. Figures only: no message is printed
(--confusions lists "label → predicted: count" for the held-out part, without texts).
Baseline in the same run: the same knowledge base ranked by TF-IDF similarity alone, as the
matcher did before word cues, clauses, small talk and the late scope check (and a dictionary
lookup for latency).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.loader import load_content  # noqa: E402
from bot.services.faq_matcher import FaqMatcher, Match, Verdict, in_domain  # noqa: E402

DATA = ROOT / "tests" / "data" / "faq"
ROUNDS = 5
NOT_TOPICS = {"smalltalk", "out_of_scope"}
GENUINE_LABELS = {"genuine_email", "contact_roadmap"}


@dataclass(frozen=True)
class Row:
    """One labelled message."""

    label: str
    text: str
    others: tuple[str, ...]


def rows(part: str, lang: str) -> list[Row]:
    """The labelled messages of one part ("tuning" or "heldout") and language."""
    found = []
    for path in sorted(DATA.glob(f"{part}*.{lang}.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            label, text, *rest = line.split("\t")
            others = tuple(o for o in (rest[0] if rest else "").split(",") if o)
            found.append(Row(label, text, others))
    return found


def baseline(matcher: FaqMatcher) -> Callable[[str], Match]:
    """TF-IDF similarity alone, the scope check first (the earlier matcher's method)."""

    def match(text: str) -> Match:
        ranked = sorted(matcher.similarities(text).items(), key=lambda item: -item[1])
        top, second = ranked[0][1], ranked[1][1]
        thresholds = matcher.thresholds
        if not in_domain(text):
            verdict = Verdict.OUT_OF_SCOPE
        elif top >= thresholds.confident and top - second >= thresholds.margin:
            verdict = Verdict.CONFIDENT
        elif top >= thresholds.unsure:
            verdict = Verdict.UNSURE
        else:
            verdict = Verdict.OUT_OF_SCOPE
        return Match(verdict, tuple(ranked[:3]), False, None)

    return match


@dataclass(frozen=True)
class Figures:
    """Quality figures of one matcher on one set."""

    top1: float
    in_scope: int
    oos_precision: float
    oos_recall: float
    smalltalk: float
    false_fraud: int
    genuine: int
    multi: float
    multi_count: int
    others_found: float
    confident_wrong: int
    confusions: Counter[tuple[str, str]]


def measure(match: Callable[[str], Match], data: list[Row]) -> Figures:
    """Score every message once."""
    results = [(row, match(row.text)) for row in data]
    topics = [(row, m) for row, m in results if row.label not in NOT_TOPICS]
    top = [(row, m.ranked[0][0] if m.ranked else "-") for row, m in topics]
    hits = sum(row.label == best for row, best in top)
    called_oos = [row for row, m in results if m.verdict is Verdict.OUT_OF_SCOPE]
    true_oos = [row for row in data if row.label == "out_of_scope"]
    right_oos = sum(row.label == "out_of_scope" for row in called_oos)
    small = [m for row, m in results if row.label == "smalltalk"]
    genuine = [m for row, m in results if row.label in GENUINE_LABELS]
    multi = [(row, best) for row, best in top if row.others]
    wanted_others = sum(len(row.others) for row, _ in multi)
    found_others = sum(len(set(row.others) & set(m.others)) for row, m in topics if row.others)
    return Figures(
        top1=hits / max(1, len(topics)),
        in_scope=len(topics),
        oos_precision=right_oos / max(1, len(called_oos)),
        oos_recall=right_oos / max(1, len(true_oos)),
        smalltalk=sum(m.verdict is Verdict.SMALLTALK for m in small) / max(1, len(small)),
        false_fraud=sum(m.fraud for m in genuine),
        genuine=len(genuine),
        multi=sum(row.label == best for row, best in multi) / max(1, len(multi)),
        multi_count=len(multi),
        others_found=found_others / max(1, wanted_others),
        confident_wrong=sum(
            m.verdict is Verdict.CONFIDENT and m.best != row.label for row, m in topics
        ),
        confusions=Counter((row.label, best) for row, best in top if row.label != best),
    )


def report(name: str, figures: Figures) -> None:
    """One line of figures."""
    print(
        f"  {name:9} top-1 {figures.top1:6.1%} ({figures.in_scope})  "
        f"out-of-scope P {figures.oos_precision:6.1%} R {figures.oos_recall:6.1%}  "
        f"small talk {figures.smalltalk:6.1%}  "
        f"fraud on genuine {figures.false_fraud}/{figures.genuine}  "
        f"multi main {figures.multi:6.1%} ({figures.multi_count}), "
        f"others {figures.others_found:.0%}  confident-wrong {figures.confident_wrong}"
    )


def percentile(samples: list[float], share: float) -> float:
    """The sample below which `share` of them fall."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    """Print the figures."""
    started = time.perf_counter()
    matcher = load_content().knowledge.matcher
    build_ms = (time.perf_counter() - started) * 1000
    old = baseline(matcher)
    texts = []
    for lang in ("zh", "en"):
        for part in ("tuning", "heldout"):
            data = rows(part, lang)
            texts += [row.text for row in data]
            print(f"{lang} {part}: {len(data)} messages")
            report("matcher", figures := measure(matcher.match, data))
            report("baseline", measure(old, data))
            if part == "heldout" and "--confusions" in sys.argv:
                for (label, best), count in figures.confusions.most_common():
                    print(f"      {label} → {best}: {count}")

    timings, lookups = [], []
    exact = {text: index for index, text in enumerate(texts)}
    for _ in range(ROUNDS):
        for text in texts:
            start = time.perf_counter()
            matcher.match(text)
            timings.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            exact.get(text)
            lookups.append((time.perf_counter() - start) * 1000)
    print(f"index build (with loading the content): {build_ms:.0f} ms")
    print(
        f"match latency over {len(texts)} messages: p50 {statistics.median(timings):.3f} ms, "
        f"p99 {percentile(timings, 0.99):.3f} ms (target p99 < 5 ms); "
        f"baseline dict lookup p50 {statistics.median(lookups) * 1000:.2f} µs"
    )


if __name__ == "__main__":
    main()
