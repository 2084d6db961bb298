"""Shared pieces of the benchmarks: paths, percentiles, the echo baseline."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def percentile(samples: list[float], share: float) -> float:
    """The value below which `share` of the samples fall."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def median(samples: list[float]) -> float:
    """The middle sample."""
    return statistics.median(samples)
