"""FAQ matching quality per language and per part of the labelled data, and its latency.

Run: python bench/faq_quality.py [--confusions] [--cv] [--loso]
Data, tests/data/faq/<part>.<lang>.tsv:
- tuning (+ tuning.legacy): read while tuning the cues and the weights;
- heldout: the first development set, scored for aggregate figures only until round 3;
- final: the first held-out set (v1), scored once, then read as development data in round 3
  like heldout;
- final2: the second held-out set (v2), written apart after round 3 and scored once, then read
  as development data in round 4;
- final3: the third held-out set (v3), written apart after round 4 by a helper who never saw
  the knowledge base, scored once, then training data in round 5;
- final4: the fourth held-out set (v4), written apart after round 4 by another helper who saw
  nothing of the project but the label definitions, scored once after round 5, then training
  data too;
- train_a, train_b, train_c: training sets written in round 6 by three more helpers who saw
  nothing but the label definitions (new sellers; experienced sellers' longer messages; short
  chat-style and English), never scored as held-out sets;
- final5, final6: held-out sets (v5, v6) written apart by two more such helpers, scored once
  after round 6 with the shipped matcher; not training data.
Since round 5 heldout and final v1-v3 are also the matcher's training data
(bot/content/faq_examples): their plain figures are in-sample; --loso gives the honest ones.
No message is printed: --confusions lists "label → predicted: count" for the parts other than
tuning, without texts. --cv adds the knowledge base's own example questions scored by 5-fold
cross-validation (each fifth matched by a matcher built without it).
--loso scores leave-one-set-out, the honest estimate on unseen messages now that the labelled
sets are also the product's training data (bot/content/faq_examples): for each of LOSO_SETS
and each language, a matcher built from the knowledge base and the other labelled messages
(not the left-out set, nor any exact or near copy of its messages) scores the left-out set,
beside the matcher built from the knowledge base alone.
Baseline in the same run: the same knowledge base ranked by the TF-IDF cosine to the nearest
example question alone, the scope check first (the matcher before issue 13), and a dictionary
lookup for latency.
"""

from __future__ import annotations

import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.loader import load_content  # noqa: E402
from bot.nlp.faq.matcher import OUT_OF_SCOPE, FaqMatcher, Match, Verdict  # noqa: E402
from bot.nlp.faq.pinyin import PinyinReader  # noqa: E402
from bot.nlp.faq.signals import in_domain  # noqa: E402
from bot.nlp.faq.text import features, normalise  # noqa: E402
from bot.services.knowledge import KnowledgeBase  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from pinyin_words import table as pinyin_table  # noqa: E402

from bot.content.knowledge_loader import EXAMPLES_DIR  # noqa: E402

DATA = ROOT / "tests" / "data" / "faq"
# The sets the product learns from live with it; the tuning and held-out sets with the tests.
LEARNT_SETS = tuple(sorted({path.name.split(".")[0] for path in EXAMPLES_DIR.glob("*.tsv")}))
PARTS = {
    "tuning": "tuning",
    "heldout": "dev (heldout; training data since round 5)",
    "final": "final v1 (dev since round 3; training data since round 5)",
    "final2": "final v2 (dev since round 4; training data since round 5)",
    "final3": "final v3 (training data since round 5)",
    "final4": "final v4 (scored once; training data since)",
    "train_a": "training set a (round 6)",
    "train_b": "training set b (round 6)",
    "train_c": "training set c (round 6)",
    "train_d": "training set d (issue 23: new labels, the core AM questions)",
    "final5": "final v5 (held out, scored once after round 6)",
    "final6": "final v6 (held out, scored once after round 6)",
    "final7": "final v7 (held out, core questions marked; scored once after issue 23)",
}
ROUNDS = 5
# The sets the product learns from (bot/content/faq_examples), each left out in turn by --loso.
LOSO_SETS = LEARNT_SETS
# Character-bigram Jaccard from which a training message counts as a near copy of one scored.
NEAR_COPY = 0.75
FOLDS = 5
NOT_TOPICS = {"smalltalk", "out_of_scope"}
GENUINE_LABELS = {"genuine_email", "contact_roadmap"}
# The earlier matcher's cosine levels.
BASELINE_CONFIDENT, BASELINE_MARGIN, BASELINE_UNSURE = 0.42, 0.08, 0.22


@dataclass(frozen=True)
class Row:
    """One labelled message."""

    label: str
    text: str
    others: tuple[str, ...]
    core: bool = False  # one of the questions a new seller asks first (a fourth column of 1)


def rows(part: str, lang: str) -> list[Row]:
    """The labelled messages of one part (a key of PARTS) and language."""
    found = []
    for path in sorted(
        [*DATA.glob(f"{part}.*{lang}.tsv"), *EXAMPLES_DIR.glob(f"{part}.{lang}.tsv")]
    ):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            label, text, *rest = line.split("\t")
            others = tuple(o for o in (rest[0] if rest else "").split(",") if o)
            core = len(rest) > 1 and rest[1].strip() == "1"
            found.append(Row(label, text, others, core))
    return found


class CosineBaseline:
    """TF-IDF cosine to the nearest example question, the scope check first."""

    def __init__(self, examples: Iterable[tuple[str, str]]) -> None:
        counted = [(topic, features(text)) for topic, text in examples]
        frequency: Counter[str] = Counter()
        for _, counts in counted:
            frequency.update(counts.keys())
        self._idf = {f: math.log((1 + len(counted)) / (1 + n)) + 1 for f, n in frequency.items()}
        self._examples = [(topic, self._weigh(counts)) for topic, counts in counted]
        self._topics = sorted({topic for topic, _ in counted})

    def _weigh(self, counts: Counter[str]) -> dict[str, float]:
        idf = self._idf
        weights = {f: (1 + math.log(n)) * idf[f] for f, n in counts.items() if f in idf}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {f: w / norm for f, w in weights.items()}

    def match(self, text: str) -> Match:
        """The earlier verdict: out of scope without a word of the field, then by cosine."""
        query = self._weigh(features(text))
        best = dict.fromkeys(self._topics, 0.0)
        for topic, weights in self._examples:
            cosine = sum(w * weights.get(f, 0.0) for f, w in query.items())
            best[topic] = max(best[topic], cosine)
        ranked = sorted(best.items(), key=lambda item: -item[1])
        top, second = ranked[0][1], ranked[1][1]
        if not in_domain(text):
            verdict = Verdict.OUT_OF_SCOPE
        elif top >= BASELINE_CONFIDENT and top - second >= BASELINE_MARGIN:
            verdict = Verdict.CONFIDENT
        elif top >= BASELINE_UNSURE:
            verdict = Verdict.UNSURE
        else:
            verdict = Verdict.OUT_OF_SCOPE
        return Match(verdict, tuple(ranked[:3]), False, None)


@dataclass(frozen=True)
class Figures:
    """Quality figures of one matcher on one set."""

    top1: float
    in_scope: int
    oos_precision: float
    oos_recall: float
    oos_count: int
    smalltalk: float
    false_fraud: int
    genuine: int
    multi: float
    multi_count: int
    others_found: float
    confident_wrong: int
    likely_wrong: int
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
    # A message that also asks about a scam ("…but a wechat guy wants a fee") earns its warning.
    genuine = [
        m for row, m in results if row.label in GENUINE_LABELS and "fraud" not in row.others
    ]
    multi = [(row, best) for row, best in top if row.others]
    wanted_others = sum(len(row.others) for row, _ in multi)
    found_others = sum(len(set(row.others) & set(m.others)) for row, m in topics if row.others)
    return Figures(
        top1=hits / max(1, len(topics)),
        in_scope=len(topics),
        oos_precision=right_oos / max(1, len(called_oos)),
        oos_recall=right_oos / max(1, len(true_oos)),
        oos_count=len(true_oos),
        smalltalk=sum(m.verdict is Verdict.SMALLTALK for m in small) / max(1, len(small)),
        false_fraud=sum(m.fraud for m in genuine),
        genuine=len(genuine),
        multi=sum(row.label == best for row, best in multi) / max(1, len(multi)),
        multi_count=len(multi),
        others_found=found_others / max(1, wanted_others),
        confident_wrong=sum(
            m.verdict is Verdict.CONFIDENT and m.best != row.label for row, m in topics
        ),
        likely_wrong=sum(m.verdict is Verdict.LIKELY and m.best != row.label for row, m in topics),
        confusions=Counter((row.label, best) for row, best in top if row.label != best),
    )


def report(name: str, figures: Figures) -> None:
    """One line of figures."""
    print(
        f"  {name:9} top-1 {figures.top1:6.1%} ({figures.in_scope})  "
        f"out-of-scope P {figures.oos_precision:6.1%} R {figures.oos_recall:6.1%} "
        f"({figures.oos_count})  small talk {figures.smalltalk:6.1%}  "
        f"fraud on genuine {figures.false_fraud}/{figures.genuine}  "
        f"multi main {figures.multi:6.1%} ({figures.multi_count}), "
        f"others {figures.others_found:.0%}  confident-wrong {figures.confident_wrong}"
        f" likely-wrong {figures.likely_wrong}"
    )


def examples_of(knowledge: KnowledgeBase, lang: str) -> list[Row]:
    """The knowledge base's example questions of one language, as labelled messages."""
    return [
        Row(topic.id, text, ())
        for topic in knowledge.topics[lang].values()
        for text in topic.questions
    ] + [Row(OUT_OF_SCOPE, text, ()) for text in knowledge.unanswered[lang]]


def cross_validated(knowledge: KnowledgeBase, lang: str) -> Callable[[str], Match]:
    """Each fifth of one language's examples matched by a matcher built without it."""
    everything = [
        (row.label, row.text)
        for other in knowledge.topics
        for row in examples_of(knowledge, other)
    ]
    mine = examples_of(knowledge, lang)
    answers: dict[str, Match] = {}
    for fold in range(FOLDS):
        held = {row.text for number, row in enumerate(mine) if number % FOLDS == fold}
        matcher = FaqMatcher([(label, text) for label, text in everything if text not in held])
        answers |= {text: matcher.match(text) for text in held}
    return answers.__getitem__


def knowledge_examples(knowledge: KnowledgeBase) -> list[tuple[str, str]]:
    """What the loader builds the matcher from: titles, questions, out-of-scope messages."""
    return [
        (topic.id, text)
        for by_id in knowledge.topics.values()
        for topic in by_id.values()
        for text in (topic.title, *topic.questions)
    ] + [(OUT_OF_SCOPE, text) for texts in knowledge.unanswered.values() for text in texts]


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of a message after folding, for finding near copies."""
    words = normalise(text)
    return frozenset(words[i : i + 2] for i in range(len(words) - 1))


def near_copy(grams: frozenset[str], scored: list[frozenset[str]]) -> bool:
    """Whether a message is equal or nearly equal to one of the scored ones."""
    return any(
        grams == other or len(grams & other) >= NEAR_COPY * len(grams | other) for other in scored
    )


def pinyin_reader(
    knowledge: KnowledgeBase,
    messages: dict[tuple[str, str], list[tuple[str, str]]],
    kept: list[tuple[str, str]],
) -> PinyinReader:
    """The pinyin table written, as tools/pinyin_words.py does, from the texts learnt from."""
    learnt = set(kept)
    chinese, english = (
        [
            text
            for topic in knowledge.topics[lang].values()
            for text in (topic.title, *topic.questions)
        ]
        + list(knowledge.unanswered[lang])
        + [
            text
            for (_, of), found in messages.items()
            if of == lang
            for label, text in found
            if (label, text) in learnt
        ]
        for lang in ("zh", "en")
    )
    return PinyinReader(pinyin_table(chinese, english))


def leave_one_set_out(
    knowledge: KnowledgeBase,
    messages: dict[tuple[str, str], list[tuple[str, str]]],
    part: str,
    lang: str,
) -> tuple[Callable[[str], Match], int]:
    """A matcher that never saw the part in this language (nor a near copy of its messages),
    and how many training messages were dropped as near copies."""
    scored = [bigrams(row.text) for row in rows(part, lang)]
    training = [
        (label, text)
        for (other, other_lang), found in messages.items()
        if (other, other_lang) != (part, lang)
        for label, text in found
    ]
    kept = [(label, text) for label, text in training if not near_copy(bigrams(text), scored)]
    matcher = FaqMatcher(
        knowledge_examples(knowledge),
        messages=kept,
        pinyin=pinyin_reader(knowledge, messages, kept),
    )
    return matcher.match, len(training) - len(kept)


def loso_report(knowledge: KnowledgeBase, lang: str) -> None:
    """Per left-out set and pooled: the knowledge-only matcher, then with the other sets."""
    known = {*knowledge.topic_ids(), OUT_OF_SCOPE}
    # As in the product: no tuning message, each message once.
    tuning = {row.text.strip() for other in ("zh", "en") for row in rows("tuning", other)}
    messages = {
        (part, other): list(
            dict.fromkeys(
                (row.label, row.text.strip())
                for row in rows(part, other)
                if row.label in known and row.text.strip() not in tuning
            )
        )
        for part in LOSO_SETS
        for other in ("zh", "en")
    }
    alone = FaqMatcher(knowledge_examples(knowledge)).match
    answers: dict[str, Match] = {}
    before: dict[str, Match] = {}
    pooled: list[Row] = []
    for part in LOSO_SETS:
        data = rows(part, lang)
        match, dropped = leave_one_set_out(knowledge, messages, part, lang)
        print(f"{lang} LOSO {part}: {len(data)} messages ({dropped} near copies left out)")
        report("before", measure(alone, data))
        report("LOSO", measure(match, data))
        pooled += data
        answers |= {row.text: match(row.text) for row in data}
        before |= {row.text: alone(row.text) for row in data}
    print(f"{lang} LOSO pooled: {len(pooled)} messages")
    report("before", measure(before.__getitem__, pooled))
    report("LOSO", measure(answers.__getitem__, pooled))


def percentile(samples: list[float], share: float) -> float:
    """The sample below which `share` of them fall."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    """Print the figures."""
    started = time.perf_counter()
    knowledge = load_content().knowledge
    build_ms = (time.perf_counter() - started) * 1000
    matcher = knowledge.matcher
    old = CosineBaseline(
        (topic.id, text)
        for by_id in knowledge.topics.values()
        for topic in by_id.values()
        for text in (topic.title, *topic.questions)
    )
    texts = []
    for lang in ("zh", "en"):
        for part, name in PARTS.items():
            data = rows(part, lang)
            if not data:
                continue
            texts += [row.text for row in data]
            print(f"{lang} {name}: {len(data)} messages")
            report("matcher", figures := measure(matcher.match, data))
            report("baseline", measure(old.match, data))
            core = [row for row in data if row.core]
            if core:
                report("core", measure(matcher.match, core))
            if part != "tuning" and "--confusions" in sys.argv:
                for (label, best), count in figures.confusions.most_common():
                    print(f"      {label} → {best}: {count}")
        if "--loso" in sys.argv:
            loso_report(knowledge, lang)
        if "--cv" in sys.argv:
            data = examples_of(knowledge, lang)
            print(f"{lang} knowledge examples, {FOLDS}-fold: {len(data)} messages")
            report("matcher", measure(cross_validated(knowledge, lang), data))

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
    print(f"matcher build (with loading the content): {build_ms:.0f} ms")
    print(
        f"match latency over {len(texts)} messages: p50 {statistics.median(timings):.3f} ms, "
        f"p99 {percentile(timings, 0.99):.3f} ms (target p99 ≤ 5 ms); "
        f"baseline dict lookup p50 {statistics.median(lookups) * 1000:.2f} µs"
    )


if __name__ == "__main__":
    main()
