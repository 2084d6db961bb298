"""Everything the bot says that is not in the gettext catalogues, loaded and checked together."""

from __future__ import annotations

from dataclasses import dataclass

from bot.content.knowledge_loader import load_knowledge
from bot.content.manager_phrase_loader import load_manager_phrases
from bot.content.policy_loader import load_policy
from bot.content.template_loader import load_templates
from bot.nlp.russian.explain import ManagerPhrasebook
from bot.services.cases import CaseKind
from bot.services.knowledge import KnowledgeBase
from bot.services.policy import Policy
from bot.services.template_filling import TemplateLibrary

# Features a knowledge-base answer may link to besides topics and templates.
FEATURE_ACTIONS = frozenset({"check", *(f"track:{kind.value}" for kind in CaseKind)})


@dataclass(frozen=True)
class Content:
    """Policy values, templates, the knowledge base and the meanings of managers' Russian."""

    policy: Policy
    templates: TemplateLibrary
    knowledge: KnowledgeBase
    manager_phrases: ManagerPhrasebook


def load_content() -> Content:
    """Load in dependency order; a broken entry raises `ContentError` naming it."""
    policy = load_policy()
    templates = load_templates()
    knowledge = load_knowledge(policy, templates.actions() | FEATURE_ACTIONS)
    phrase_ids = frozenset(phrase.id for phrase in templates.phrases)
    manager_phrases = load_manager_phrases(policy, phrase_ids)
    return Content(policy, templates, knowledge, manager_phrases)
