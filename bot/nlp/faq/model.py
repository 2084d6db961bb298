"""Topic likelihoods learnt from labelled example messages, in one pass at start-up.

Multinomial naive Bayes over TF-IDF-weighted features (`faq_text.features`): a message is
judged by everything a label's examples say together, not by the one example it happens to
resemble. Training is counting (no iterations), so a few thousand examples take a fraction of
a second and no weights are stored. It measured as well as a logistic regression trained on
the same features (cross-validated on the knowledge base's examples), and better than the
nearest example's cosine, which it replaced; see README "Knowledge base".
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from bot.nlp.faq.text import features


class TopicModel:
    """Naive Bayes log-likelihoods per label; `smoothing` as chosen by cross-validation over
    the knowledge base's examples (bench/faq_quality.py --cv)."""

    def __init__(
        self,
        examples: Iterable[tuple[str, str]],
        smoothing: float = 0.05,
        messages: Iterable[tuple[str, str]] = (),
        message_weight: float = 1.0,
    ) -> None:
        """`examples`: the knowledge base's; `messages`: sellers' labelled messages, each
        counting `message_weight` times an example."""
        counted = [(label, features(text), 1.0) for label, text in examples]
        counted += [(label, features(text), message_weight) for label, text in messages]
        self.labels: tuple[str, ...] = tuple(sorted({label for label, _, _ in counted}))
        index = {label: position for position, label in enumerate(self.labels)}
        document_frequency: Counter[str] = Counter()
        for _, counts, _ in counted:
            document_frequency.update(counts.keys())
        total = len(counted)
        self._idf = {
            feature: math.log((1 + total) / (1 + count)) + 1.0
            for feature, count in document_frequency.items()
        }
        # A word no example uses weighs like a word seen once.
        self._unknown_idf = math.log((1 + total) / 2) + 1.0
        mass = [Counter[str]() for _ in self.labels]
        for label, counts, share in counted:
            mass[index[label]].update(
                {feature: share * weight for feature, weight in self.weigh(counts).items()}
            )
        # log P(feature | label) with additive smoothing, stored as the floor of an unseen
        # feature per label plus what each seen feature lifts it by (most pairs are unseen).
        vocabulary = len(self._idf)
        self._floor = [
            math.log(smoothing / (sum(m.values()) + smoothing * vocabulary)) for m in mass
        ]
        self._lift: dict[str, list[tuple[int, float]]] = {}
        for number, label_mass in enumerate(mass):
            for feature, weight in label_mass.items():
                lift = math.log((weight + smoothing) / smoothing)
                self._lift.setdefault(feature, []).append((number, lift))

    def weigh(self, counts: Counter[str]) -> dict[str, float]:
        """Sublinear TF-IDF of the known features, unit length counting the unknown ones too:
        a message mostly about something else ("写个周报") says little about any label."""
        weights = {
            feature: (1 + math.log(count)) * self._idf[feature]
            for feature, count in counts.items()
            if feature in self._idf
        }
        unknown = sum(
            ((1 + math.log(count)) * self._unknown_idf) ** 2
            for feature, count in counts.items()
            if feature not in self._idf
        )
        norm = math.sqrt(sum(weight * weight for weight in weights.values()) + unknown) or 1.0
        return {feature: weight / norm for feature, weight in weights.items()}

    def scores(self, text: str) -> dict[str, float]:
        """Each label's log-likelihood of the message minus the best one (0 for the likeliest;
        0 for every label when the message shares no feature with any example)."""
        query = self.weigh(features(text))
        mass = sum(query.values())
        likelihood = [floor * mass for floor in self._floor]
        for feature, weight in query.items():
            for label, lift in self._lift.get(feature, ()):
                likelihood[label] += weight * lift
        best = max(likelihood, default=0.0)
        return {label: likelihood[i] - best for i, label in enumerate(self.labels)}
