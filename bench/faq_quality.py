"""FAQ matching: accuracy on the labelled questions, and latency per question.

Run: python bench/faq_quality.py
Baseline in the same run: a plain dictionary lookup of the exact question, to show the
matcher's cost relative to the cheapest possible answer on this machine.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.loader import load_content  # noqa: E402
from bot.services.faq_matcher import Verdict  # noqa: E402

DATA = ROOT / "tests" / "data"
ROUNDS = 20


def lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in text if line.strip() and not line.startswith("#")]


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    started = time.perf_counter()
    knowledge = load_content().knowledge
    build_ms = (time.perf_counter() - started) * 1000
    matcher = knowledge.matcher
    labelled = [tuple(line.split("\t")) for line in lines("faq_questions.tsv")]
    out_of_scope = lines("out_of_scope.txt")

    matches = [(topic, matcher.match(question)) for topic, question in labelled]
    top1 = sum(match.ranked[0][0] == topic for topic, match in matches) / len(matches)
    confident = [(topic, m) for topic, m in matches if m.verdict is Verdict.CONFIDENT]
    confident_right = sum(m.best == topic for topic, m in confident) / max(1, len(confident))
    oos = [matcher.match(question).verdict for question in out_of_scope]
    oos_recall = sum(v is Verdict.OUT_OF_SCOPE for v in oos) / len(oos)
    rejected_in_scope = sum(m.verdict is Verdict.OUT_OF_SCOPE for _, m in matches)
    oos_precision = oos.count(Verdict.OUT_OF_SCOPE) / max(
        1, oos.count(Verdict.OUT_OF_SCOPE) + rejected_in_scope
    )

    questions = [question for _, question in labelled] + out_of_scope
    timings = []
    for _ in range(ROUNDS):
        for question in questions:
            start = time.perf_counter()
            matcher.match(question)
            timings.append((time.perf_counter() - start) * 1000)
    exact = {question: index for index, question in enumerate(questions)}
    baseline = []
    for _ in range(ROUNDS):
        for question in questions:
            start = time.perf_counter()
            exact.get(question)
            baseline.append((time.perf_counter() - start) * 1000)

    print(f"labelled questions: {len(labelled)}, out of scope: {len(out_of_scope)}")
    print(f"top-1 accuracy: {top1:.1%}")
    print(f"answered directly: {len(confident)}/{len(labelled)}, right: {confident_right:.1%}")
    print(f"out-of-scope precision: {oos_precision:.1%}, recall: {oos_recall:.1%}")
    print(f"index build: {build_ms:.1f} ms")
    print(
        f"match latency: p50 {statistics.median(timings):.3f} ms, "
        f"p99 {percentile(timings, 0.99):.3f} ms (target p99 < 5 ms)"
    )
    ratio = statistics.median(timings) / statistics.median(baseline)
    baseline_us = statistics.median(baseline) * 1000
    print(f"baseline dict lookup: p50 {baseline_us:.2f} µs; matcher/baseline {ratio:.0f}x")


if __name__ == "__main__":
    main()
