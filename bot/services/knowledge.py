"""Knowledge-base topics per locale and the matcher over their example questions."""

from __future__ import annotations

from dataclasses import dataclass

from bot.nlp.faq.matcher import FaqMatcher


@dataclass(frozen=True)
class Topic:
    """One answer in one language."""

    id: str
    title: str
    answer: str
    based_on: tuple[str, ...]
    guide_claims: bool
    actions: tuple[str, ...]
    questions: tuple[str, ...]
    pages: tuple[str, ...] = ()  # Ozon's own pages the answer relies on (policy sources)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per process
class KnowledgeBase:
    """Topics by locale (same ids in every locale), the messages no topic answers by locale,
    and the matcher over all of them."""

    topics: dict[str, dict[str, Topic]]
    unanswered: dict[str, tuple[str, ...]]
    matcher: FaqMatcher

    def topic(self, locale: str, topic_id: str) -> Topic | None:
        """The topic in the user's language."""
        return self.topics.get(locale, {}).get(topic_id)

    def topic_ids(self) -> list[str]:
        """Ids in the order of the file, for browsing."""
        return list(next(iter(self.topics.values())).keys())
