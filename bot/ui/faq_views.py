"""How FAQ answers, the topic list, guesses and the tracking offer read, with their buttons."""

from __future__ import annotations

from functools import lru_cache

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.nlp.faq.matcher import Match, SmallTalk
from bot.services.cases import CaseKind
from bot.services.knowledge import KnowledgeBase, Topic
from bot.services.policy import Policy
from bot.services.template_filling import TemplateLibrary
from bot.ui.callbacks import (
    EmailCb,
    FaqCb,
    MenuAction,
    MenuCb,
    TemplatesCb,
    TemplatesSection,
    TrackAction,
    TrackCb,
)
from bot.ui.keyboards import menu_button, without_repeats
from bot.ui.labels import KIND_LABELS
from bot.ui.source_lines import source_lines, sourced
from bot.ui.template_texts import EMAIL_TITLES


def topics_button() -> tuple[str, CallbackData]:
    """Back to the topic list."""
    return _("📚 Other questions"), MenuCb(action=MenuAction.FAQ)


def action_button(action: str, kb: KnowledgeBase, locale: str) -> tuple[str, CallbackData]:
    """Label and callback of one follow-up action named in the knowledge base."""
    kind, _sep, target = action.partition(":")
    if kind == "topic":
        related = kb.topic(locale, target)
        assert related is not None
        return f"➡️ {related.title}", FaqCb(topic=target)
    if kind == "template":
        return f"✉️ {EMAIL_TITLES[target]}", EmailCb(template=target)
    if kind == "phrases":
        return _("💬 Russian phrases"), TemplatesCb(section=TemplatesSection.PHRASES)
    if kind == "track":
        case_kind = CaseKind(target)
        return f"📌 {KIND_LABELS[case_kind]}", TrackCb(action=TrackAction.KIND, kind=case_kind)
    return _("✅ Check my eligibility"), MenuCb(action=MenuAction.CHECK)


@lru_cache(maxsize=256)
def topic_keyboard(
    kb: KnowledgeBase, templates: TemplateLibrary, locale: str, topic: Topic
) -> InlineKeyboardMarkup:
    """The actions that follow from an answer, then the way back: the same for every seller
    of a language, so built once."""
    buttons = [action_button(action, kb, locale) for action in topic.actions]
    buttons.append(topics_button())
    rows = [[InlineKeyboardButton(text=text, callback_data=data.pack())] for text, data in buttons]
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [menu_button()]])


def answer_text(topic: Topic, policy: Policy, locale: str) -> str:
    """Title, answer and where its facts come from."""
    lines = source_lines(policy, topic.based_on, locale, topic.pages, guide=topic.guide_claims)
    return sourced(f"<b>{topic.title}</b>\n\n{topic.answer}", lines)


@lru_cache(maxsize=8)
def topic_list(kb: KnowledgeBase, locale: str) -> tuple[str, InlineKeyboardMarkup]:
    """Every topic as a button."""
    builder = InlineKeyboardBuilder()
    for topic_id in kb.topic_ids():
        topic = kb.topic(locale, topic_id)
        assert topic is not None
        builder.button(text=topic.title, callback_data=FaqCb(topic=topic_id))
    builder.adjust(1)
    builder.row(menu_button())
    return _("Pick a question, or just type your own:"), builder.as_markup()


def suggestions(kb: KnowledgeBase, locale: str, topic_ids: list[str]) -> InlineKeyboardMarkup:
    """The best guesses as buttons."""
    builder = InlineKeyboardBuilder()
    for topic_id in topic_ids:
        topic = kb.topic(locale, topic_id)
        assert topic is not None
        builder.button(text=topic.title, callback_data=FaqCb(topic=topic_id))
    text, data = topics_button()
    builder.button(text=text, callback_data=data)
    builder.adjust(1)
    return builder.as_markup()


def tracking_offer(kind: CaseKind) -> tuple[str, InlineKeyboardMarkup]:
    """The seller reported something they did: offer to keep the clock for it."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=_("📌 Yes, track it"), callback_data=TrackCb(action=TrackAction.KIND, kind=kind)
    )
    text, data = topics_button()
    builder.button(text=text, callback_data=data)
    builder.adjust(1)
    builder.row(menu_button())
    text = _(
        "Shall I track this: <b>{kind}</b>?\nI will note the time, work out when a reply is "
        "due and remind you if none comes."
    ).format(kind=KIND_LABELS[kind])
    return text, builder.as_markup()


def out_of_scope_text() -> str:
    """Said plainly, with the official route and the menu as next steps."""
    return _(
        "That is outside what I cover: I help you reach your Ozon account manager and Ozon "
        "support. For anything else about your store, open a support ticket in Seller Center "
        "(Messages → the Support tab). Or pick from the menu:"
    )


def smalltalk_text(kind: SmallTalk) -> str:
    """A short friendly reply to a greeting, thanks or an acknowledgement."""
    replies = {
        SmallTalk.GREETING: _("Hello! Type your question, or pick from the menu:"),
        SmallTalk.THANKS: _("You're welcome! Ask me anything else any time:"),
        SmallTalk.ACKNOWLEDGEMENT: _("Good. Whenever you need me, I'm here:"),
    }
    return replies[kind]


def sku_line(stated: int, minimum: int) -> str:
    """What the seller's own SKU count means against the guide's threshold."""
    if stated >= minimum:
        return ngettext(
            "You mention {n} SKU: that meets the guide's minimum of {minimum}.",
            "You mention {n} SKUs: that meets the guide's minimum of {minimum}.",
            stated,
        ).format(n=stated, minimum=minimum)
    missing = minimum - stated
    return ngettext(
        "You mention {n} SKU: {missing} more to reach the guide's {minimum}.",
        "You mention {n} SKUs: {missing} more to reach the guide's {minimum}.",
        stated,
    ).format(n=stated, missing=missing, minimum=minimum)


def answer_screen(
    match: Match,
    topic: Topic,
    kb: KnowledgeBase,
    templates: TemplateLibrary,
    policy: Policy,
    locale: str,
) -> tuple[str, InlineKeyboardMarkup]:
    """The answer to the main question; the fraud warning first when the message also talks
    of paying for contacts; the other questions of the message as buttons."""
    parts = [answer_text(topic, policy, locale)]
    if topic.id == "sku_threshold" and match.stated_skus is not None:
        parts.insert(1, sku_line(match.stated_skus, policy.values.min_compliant_skus))
    rows: list[list[InlineKeyboardButton]] = []
    warn = match.fraud and topic.id != "fraud"
    if warn:
        parts.insert(0, fraud_warning())
        rows.append([_topic_button(kb, locale, "fraud", "⚠️")])
    rows += [
        [_topic_button(kb, locale, other, "❓")] for other in match.others if other != "fraud"
    ]
    keyboard = topic_keyboard(kb, templates, locale, topic)
    return "\n\n".join(parts), InlineKeyboardMarkup(
        inline_keyboard=without_repeats(rows + keyboard.inline_keyboard)
    )


def fraud_warning() -> str:
    """One line first when a message also talks of paying for contacts."""
    return _(
        "⚠️ <b>Careful:</b> nobody can sell you an account manager or their contact details: "
        "Ozon's account managers reach you in Seller Center, for free."
    )


def _topic_button(
    kb: KnowledgeBase, locale: str, topic_id: str, mark: str
) -> InlineKeyboardButton:
    topic = kb.topic(locale, topic_id)
    assert topic is not None
    return InlineKeyboardButton(
        text=f"{mark} {topic.title}", callback_data=FaqCb(topic=topic_id).pack()
    )
