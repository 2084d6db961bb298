"""Explaining managers' Russian: precision and recall on the labelled sentences, and latency.

Run: python bench/manager_reply.py
Quality: every sentence of a labelled file in tests/data/russian gets a meaning or none;
precision is the share of explained sentences explained right, recall the share of sentences
with a meaning (not `unknown`) explained right. Figures per file:
  tuning.tsv, tuning2.tsv  read while writing the patterns
  heldout.tsv              the development set, never opened
  final.tsv                scored once by the integrator when present: totals only
Besides the totals, the first three get counts by label (wrong label -> meaning, and labels
not explained); no sentence is ever printed.
Latency: `explain()` of a realistic 1,000-character reply (sentences, meanings, facts), against
two baselines on the same text in the same run: splitting it into sentences only, and one
regular-expression search over it.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from enum import Enum

from common import ROOT, median, percentile
from manager_reply_quality import read_rows

from bot.content.loader import load_content
from bot.nlp.russian.explain import ManagerPhrasebook, track_options
from bot.nlp.russian.sentences import split_sentences
from bot.services.case_rules import CaseRules
from bot.services.cases import Schedules
from tests.support.moments import MOSCOW, bj

DATA = ROOT / "tests" / "data" / "russian"
ROUNDS = 500
REPLY = """Здравствуйте, Ли!

Благодарим за обращение и приносим извинения за задержку с ответом. Ваш запрос зарегистрирован под номером 30129874, документы переданы в отдел по работе с брендами.
Для категории «Детские товары» требуется сертификат соответствия или декларация о соответствии ЕАЭС. Если товар не подлежит сертификации, приложите отказное письмо.
Загрузите документы в личном кабинете в разделе «Документы» до 18:00 МСК 04.12.2026 г., т.к. после этой даты карточки будут скрыты.
Проверка занимает до 3 рабочих дней. Пожалуйста, не отправляйте документы на почту docs-cn@ozon.ru, т.е. всё загружайте только через ЛК.
По бренду нужно авторизационное письмо от правообладателя. Штраф за отмену заказа 87654321 начислен не был.
Если удобно, могу провести видеозвонок в среду в 15:00 по МСК. Когда Вам будет удобно поговорить?
Ваш склад FBS пока на проверке, ответ по нему поступит в течение двух рабочих дней.
Подробнее: https://seller-edu.ozon.ru/docs/certificates

С уважением,
Анна, персональный менеджер Ozon"""  # noqa: E501


def labelled(name: str) -> list[tuple[str, str]]:
    """Label and sentence of each row (either format of `manager_reply_quality`)."""
    return [(row.label, row.sentence) for row in read_rows(DATA / name)]


class Detail(Enum):
    """How much of a file's scoring is printed."""

    TOTALS = "totals"  # final.tsv: the figures alone
    COUNTS = "counts"  # the development set: counts by label too (wrong, not explained)


# Files in the order printed, with what may be printed about each.
FILES = (
    ("tuning.tsv", Detail.COUNTS),
    ("tuning2.tsv", Detail.COUNTS),
    ("heldout.tsv", Detail.COUNTS),
    ("final.tsv", Detail.TOTALS),
)


def quality(book: ManagerPhrasebook, name: str, detail: Detail) -> None:
    rows = labelled(name)
    right = wrong = 0
    missed: Counter[str] = Counter()
    confused: Counter[tuple[str, str]] = Counter()
    for label, sentence in rows:
        meaning = book.classify(sentence)
        if meaning is None:
            if label != "unknown":
                missed[label] += 1
        elif meaning.id == label:
            right += 1
        else:
            wrong += 1
            confused[label, meaning.id] += 1
    known = sum(label != "unknown" for label, _ in rows)
    unknown = len(rows) - known
    precision = right / max(1, right + wrong)
    print(
        f"{name}: {len(rows)} sentences ({known} with a meaning, {unknown} unknown): "
        f"precision {precision:.1%} ({right}/{right + wrong}), recall {right / known:.1%} "
        f"({right}/{known})"
    )
    if detail is not Detail.TOTALS and confused:
        print(
            "  wrong (label -> meaning):",
            ", ".join(f"{label} -> {got} {n}" for (label, got), n in confused.most_common()),
        )
    if detail is not Detail.TOTALS and missed:
        print("  not explained:", ", ".join(f"{label} {n}" for label, n in missed.most_common()))


def timings(action: Callable[[], object], rounds: int, clock: Callable[[], float]) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = clock()
        action()
        samples.append((clock() - start) * 1000)
    return samples


def main() -> None:
    started = time.perf_counter()
    content = load_content()
    load_ms = (time.perf_counter() - started) * 1000
    book = content.manager_phrases
    print(f"meanings: {len(book.meanings)}, patterns: {book.pattern_count()}")
    for name, detail in FILES:
        if (DATA / name).exists():
            quality(book, name, detail)

    now = bj(2026, 11, 27, 10)
    rules = CaseRules(content.policy, Schedules.from_policy(content.policy.values))
    explanation = book.explain(REPLY, now, MOSCOW)
    options = track_options(explanation, now, rules)
    print(
        f"reply: {len(REPLY)} characters, {len(explanation.sentences)} sentences, "
        f"{len(explanation.explained())} explained, {len(options)} to track"
    )
    one_search = re.compile(r"\b(?:документ\w*|сертификат\w*)\b")
    # Wall-clock time is what a seller waits; this machine is shared, so the CPU time of the
    # thread is printed too (it leaves out the time other processes held the cores).
    for clock_name, clock in (("wall", time.perf_counter), ("cpu", time.thread_time)):
        explain = timings(lambda: book.explain(REPLY, now, MOSCOW), ROUNDS, clock)
        split = timings(lambda: split_sentences(REPLY), ROUNDS, clock)
        search = timings(lambda: one_search.search(REPLY), ROUNDS, clock)
        print(
            f"[{clock_name}] explain(): p50 {median(explain):.2f} ms, "
            f"p99 {percentile(explain, 0.99):.2f} ms (target p99 < 5 ms); "
            f"baseline split into sentences p50 {median(split):.3f} ms, "
            f"p99 {percentile(split, 0.99):.3f} ms; one regex search p50 "
            f"{median(search) * 1000:.1f} µs; explain/split {median(explain) / median(split):.0f}x"
        )
    print(f"content load incl. pattern compile and example check: {load_ms:.0f} ms")


if __name__ == "__main__":
    main()
