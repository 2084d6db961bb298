"""Explaining a manager's Russian reply: each sentence's meaning (or none), its facts, replies.

A sentence gets at most one meaning from `manager_phrases.toml`, and only when exactly one
meaning claims it: a wrong explanation is worse than none. A meaning's ordinary patterns do
not count in a clause that holds a negation («Документы не требуются»); patterns written with
their negation («не можем удовлетворить») or whose sense does not turn on one are kept apart.
"Weak" meanings (greetings, thanks, closings) give way to any other; a meaning may also
name the more general ones it overrides («загрузите сертификат» is about category documents,
not documents in general). Two meanings left standing is ambiguity, and ambiguity explains
nothing.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.nlp.russian.cues import CueIndex
from bot.nlp.russian.facts import (
    DateFact,
    DocumentCatalogue,
    DurationFact,
    Facts,
    Reading,
    Role,
    TimeFact,
    extract_facts,
)
from bot.nlp.russian.sentences import (
    Clauses,
    SentenceKind,
    cyrillic_letters,
    normalise,
    split_sentences,
)
from bot.services.case_rules import CaseRules
from bot.services.cases import Deadline
from bot.services.policy import Policy

# Sentences with fewer Cyrillic letters (a link alone, "ID: 123", a Chinese line) are not
# listed as sentences; their facts still count.
MIN_SENTENCE_LETTERS = 2


class Actor(StrEnum):
    """Who acts next on what a sentence says."""

    SELLER = "seller"  # the sentence asks or tells the seller to do something
    OZON = "ozon"  # the seller waits for Ozon
    NONE = "none"  # nothing to act on (a greeting, a closing, a closed ticket)


@dataclass(frozen=True)
class Meaning:
    """One thing managers say, what it means for the seller, and how to recognise it."""

    id: str
    zh: str
    en: str
    next_zh: str
    next_en: str
    replies: tuple[str, ...]  # phrase ids in templates.toml that answer it
    based_on: tuple[str, ...]  # policy values the explanation rests on
    guide_claims: bool  # the explanation states something from the third-party guide
    actor: Actor  # who acts next
    weak: bool  # gives way to any other meaning in the same sentence
    track: bool  # a date or time in such a sentence is worth tracking
    overrides: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]  # count only in a clause without a negation
    patterns_any: tuple[re.Pattern[str], ...]  # hold the negation themselves, or need none
    unless: tuple[re.Pattern[str], ...]  # any of these rules the meaning out

    def explanation(self, locale: str) -> str:
        """What the sentence means for the seller, in the reader's language."""
        return self.zh if locale == "zh" else self.en

    def next_step(self, locale: str) -> str:
        """What the seller should do next, in the reader's language."""
        return self.next_zh if locale == "zh" else self.next_en

    def unconfirmed(self, policy: Policy) -> bool:
        """Does the explanation rest on the unconfirmed third-party guide?"""
        return self.guide_claims or policy.unconfirmed(self.based_on)

    def pattern_count(self) -> int:
        """How many patterns recognise this meaning."""
        return len(self.patterns) + len(self.patterns_any)

    def claims(self, clauses: Clauses, live: Container[int]) -> bool:
        """Does a pattern recognise the normalised sentence (and nothing rules it out)?

        Only `live` patterns (by `id()`) are tried: the others cannot match (`pattern_cues`).
        """
        # Plain loops, `unless` last: this runs for every meaning of every sentence.
        text = clauses.text
        for pattern in self.patterns_any:
            if id(pattern) in live and pattern.search(text) is not None:
                return self._allowed(text)
        for pattern in self.patterns:
            if id(pattern) not in live:
                continue
            match = pattern.search(text)
            if match is not None and _affirmed(pattern, match, clauses):
                return self._allowed(text)
        return False

    def _allowed(self, text: str) -> bool:
        return all(pattern.search(text) is None for pattern in self.unless)


def _affirmed(pattern: re.Pattern[str], match: re.Match[str], clauses: Clauses) -> bool:
    """Is a match, or a later one, outside any negated clause?

    Every start is tried: a match swallowed by a longer, negated one («...не требуется,
    загрузите отказное письмо») still counts on its own.
    """
    found: re.Match[str] | None = match
    while found is not None:
        if not clauses.negated(found.start(), found.end()):
            return True
        found = pattern.search(clauses.text, found.start() + 1)
    return False


@dataclass(frozen=True)
class ExplainedSentence:
    """A sentence, its meaning (None: the bot cannot explain it reliably) and its facts."""

    text: str
    kind: SentenceKind
    meaning: Meaning | None
    facts: Facts


@dataclass(frozen=True)
class Explanation:
    """A pasted reply, read sentence by sentence."""

    sentences: tuple[ExplainedSentence, ...]
    facts: Facts  # of the message itself (quoted earlier messages left out when there is one)
    replies: tuple[str, ...]  # phrase ids that answer what was asked, first need first
    assumed_zone: ZoneInfo  # the zone of times written without one

    def explained(self) -> tuple[ExplainedSentence, ...]:
        """Sentences with a meaning."""
        return tuple(sentence for sentence in self.sentences if sentence.meaning is not None)

    def unexplained(self) -> tuple[ExplainedSentence, ...]:
        """Sentences of the message the bot cannot explain (header lines left out)."""
        return tuple(
            sentence
            for sentence in self.sentences
            if sentence.meaning is None and sentence.kind is not SentenceKind.HEADER
        )


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per process
class ManagerPhrasebook:
    """The meanings and document kinds of `manager_phrases.toml`, compiled."""

    meanings: tuple[Meaning, ...]
    documents: DocumentCatalogue
    _cues: CueIndex = field(init=False, repr=False)
    _owners: dict[int, Meaning] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        patterns = [
            pattern
            for meaning in self.meanings
            for pattern in (*meaning.patterns, *meaning.patterns_any)
        ]
        owners = {
            id(pattern): meaning
            for meaning in self.meanings
            for pattern in (*meaning.patterns, *meaning.patterns_any)
        }
        object.__setattr__(self, "_cues", CueIndex(patterns))
        object.__setattr__(self, "_owners", owners)

    def meaning(self, meaning_id: str) -> Meaning:
        """The meaning with this id."""
        for meaning in self.meanings:
            if meaning.id == meaning_id:
                return meaning
        raise KeyError(meaning_id)

    def pattern_count(self) -> int:
        """How many patterns there are in all."""
        return sum(meaning.pattern_count() for meaning in self.meanings)

    def classify(self, sentence: str) -> Meaning | None:
        """The one meaning of a sentence, or None when there is none or more than one."""
        text = normalise(sentence)
        clauses = Clauses(text)
        live = self._cues.candidates(text)
        owners = {self._owners[key].id for key in live}
        claimed = [
            meaning
            for meaning in self.meanings
            if meaning.id in owners and meaning.claims(clauses, live)
        ]
        strong = [meaning for meaning in claimed if not meaning.weak] or claimed
        standing = [
            meaning
            for meaning in strong
            if not any(meaning.id in other.overrides for other in strong if other is not meaning)
        ]
        return standing[0] if len(standing) == 1 else None

    def explain(self, text: str, now: datetime, assumed_zone: ZoneInfo) -> Explanation:
        """Every sentence of the text with its meaning and facts, and the replies that fit."""
        reading = Reading(now, assumed_zone, self.documents)
        sentences: list[ExplainedSentence] = []
        stray_facts: list[Facts] = []
        for sentence in split_sentences(text):
            facts = extract_facts(sentence.text, reading)
            if cyrillic_letters(sentence.text) < MIN_SENTENCE_LETTERS:
                if sentence.kind is not SentenceKind.QUOTED:
                    stray_facts.append(facts)
                continue
            header = sentence.kind is SentenceKind.HEADER
            meaning = None if header else self.classify(sentence.text)
            sentences.append(ExplainedSentence(sentence.text, sentence.kind, meaning, facts))
        quoted_only = all(sentence.kind is SentenceKind.QUOTED for sentence in sentences)
        own = [
            sentence
            for sentence in sentences
            if quoted_only or sentence.kind is not SentenceKind.QUOTED
        ]
        replies = dict.fromkeys(
            reply
            for sentence in own
            if sentence.meaning is not None and sentence.kind is not SentenceKind.HEADER
            for reply in sentence.meaning.replies
        )
        # Documents asked for in any sentence («…до 10.12») get the answers to such a request.
        if any(document.requested for sentence in own for document in sentence.facts.documents):
            replies.update(dict.fromkeys(self.meaning("documents_requested").replies))
        facts = Facts.merge([*(sentence.facts for sentence in own), *stray_facts])
        return Explanation(tuple(sentences), facts, tuple(replies), assumed_zone)


@dataclass(frozen=True)
class TrackOption:
    """A period or moment in the reply that can become a tracked follow-up."""

    fact: DurationFact | DateFact | TimeFact
    deadline: Deadline  # for a period counted from the documents: as if they went now
    sentence: str
    meaning: Meaning | None

    @property
    def own_task(self) -> bool:
        """Is it a deadline on the seller («загрузите до 10.12»), not a wait for a reply?"""
        return self.meaning is not None and self.meaning.actor is Actor.SELLER

    @property
    def after_documents(self) -> bool:
        """Does the period start when the seller's documents arrive, not now?"""
        return isinstance(self.fact, DurationFact) and self.fact.after_documents


def track_options(
    explanation: Explanation, now: datetime, rules: CaseRules
) -> tuple[TrackOption, ...]:
    """Periods, deadlines and appointments in the message that are still ahead.

    Every period counts; a date or time counts when it is a deadline («до 30.11») or stands
    in a sentence whose meaning is about time (a wait, a deadline, a call). A date that a
    time in the same sentence already pins down is left to the time.
    """
    options: dict[datetime, TrackOption] = {}
    for sentence in explanation.sentences:
        if sentence.kind is SentenceKind.QUOTED and any(
            other.kind is not SentenceKind.QUOTED for other in explanation.sentences
        ):
            continue
        timed = sentence.meaning is not None and sentence.meaning.track
        pinned = {time.start.date() for time in sentence.facts.times if time.dated}
        candidates: list[DurationFact | DateFact | TimeFact] = [
            *sentence.facts.durations,
            *(
                fact
                for fact in sentence.facts.dates
                if (fact.role is Role.BY or (timed and fact.role is Role.ON))
                and fact.day not in pinned
            ),
            *(fact for fact in sentence.facts.times if fact.role is Role.BY or timed),
        ]
        for fact in candidates:
            deadline = rules.reply_deadline(fact, now)
            if deadline is not None and deadline.due not in options:
                option = TrackOption(fact, deadline, sentence.text, sentence.meaning)
                options[deadline.due] = option
    return tuple(options.values())
