"""/faq: browse the knowledge base, and answer questions typed in the seller's own words."""

from __future__ import annotations

from functools import lru_cache

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.services.cases import CaseKind
from bot.services.faq_matcher import Verdict
from bot.services.knowledge import KnowledgeBase, Topic
from bot.services.policy import Policy
from bot.services.template_filling import TemplateLibrary
from bot.telegram.filters import PLAIN_TEXT, PRIVATE
from bot.telegram.keyboard import Keyboard
from bot.telegram.screens import show
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
from bot.ui.case_views import KIND_LABELS
from bot.ui.formatting import source_note
from bot.ui.keyboards import main_menu, menu_button
from bot.ui.template_texts import EMAIL_TITLES

# Matching looks at the start of a message; a question never needs more.
MATCH_CHARS = 500


def topics_button() -> tuple[str, FaqCb]:
    """The button back to the topic list (index -1)."""
    return _("📚 Other questions"), FaqCb(topic=-1)


def action_button(
    action: str, kb: KnowledgeBase, templates: TemplateLibrary, locale: str
) -> tuple[str, CallbackData]:
    """Label and callback of one follow-up action named in the knowledge base."""
    kind, _sep, target = action.partition(":")
    if kind == "topic":
        related = kb.topic(locale, target)
        assert related is not None
        return f"➡️ {related.title}", FaqCb(topic=kb.topic_ids().index(target))
    if kind == "template":
        return f"✉️ {EMAIL_TITLES[target]}", EmailCb(template=templates.email_index(target))
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
    buttons = [action_button(action, kb, templates, locale) for action in topic.actions]
    buttons.append(topics_button())
    rows = [[InlineKeyboardButton(text=text, callback_data=data.pack())] for text, data in buttons]
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [menu_button()]])


def answer_text(topic: Topic, policy: Policy) -> str:
    """Title, answer and, where it applies, the source line."""
    parts = [f"<b>{topic.title}</b>", topic.answer]
    if topic.unconfirmed(policy):
        parts.append(source_note())
    return "\n\n".join(parts)


@lru_cache(maxsize=8)
def topic_list(kb: KnowledgeBase, locale: str) -> tuple[str, InlineKeyboardMarkup]:
    """Every topic as a button."""
    builder = Keyboard()
    for index, topic_id in enumerate(kb.topic_ids()):
        topic = kb.topic(locale, topic_id)
        assert topic is not None
        builder.button(text=topic.title, callback_data=FaqCb(topic=index))
    builder.adjust(1)
    builder.row(menu_button())
    return _("Pick a question, or just type your own:"), builder.as_markup()


def suggestions(kb: KnowledgeBase, locale: str, topic_ids: list[str]) -> InlineKeyboardMarkup:
    """The best guesses as buttons."""
    ids = kb.topic_ids()
    builder = Keyboard()
    for topic_id in topic_ids:
        topic = kb.topic(locale, topic_id)
        assert topic is not None
        builder.button(text=topic.title, callback_data=FaqCb(topic=ids.index(topic_id)))
    text, data = topics_button()
    builder.button(text=text, callback_data=data)
    builder.adjust(1)
    return builder.as_markup()


def offer_tracking(kind: CaseKind) -> tuple[str, InlineKeyboardMarkup]:
    """The seller reported something they did: offer to keep the clock for it."""
    builder = Keyboard()
    builder.button(
        text=_("📌 Yes, track it"), callback_data=TrackCb(action=TrackAction.KIND, kind=kind)
    )
    builder.button(text=_("📚 Other questions"), callback_data=FaqCb(topic=-1))
    builder.adjust(1)
    builder.row(menu_button())
    text = _(
        "Sounds like you just did this: <b>{kind}</b>.\nShall I note the time, work out when "
        "an answer is due and remind you if it does not come?"
    ).format(kind=KIND_LABELS[kind])
    return text, builder.as_markup()


async def cmd_faq(message: Message, knowledge: KnowledgeBase, locale: str) -> None:
    """List the topics."""
    text, markup = topic_list(knowledge, locale)
    await message.answer(text, reply_markup=markup)


async def menu_faq(query: CallbackQuery, knowledge: KnowledgeBase, locale: str) -> None:
    """List the topics from the menu."""
    text, markup = topic_list(knowledge, locale)
    await show(query, text, markup)


async def topic_pressed(
    query: CallbackQuery,
    callback_data: FaqCb,
    knowledge: KnowledgeBase,
    templates: TemplateLibrary,
    policy: Policy,
    locale: str,
) -> None:
    """Show one answer, or the list for index -1; an index out of range is a stale button."""
    ids = knowledge.topic_ids()
    if callback_data.topic == -1:
        text, markup = topic_list(knowledge, locale)
        await show(query, text, markup)
        return
    if not 0 <= callback_data.topic < len(ids):
        await query.answer(_("This button is no longer valid."), show_alert=True)
        return
    topic = knowledge.topic(locale, ids[callback_data.topic])
    assert topic is not None
    await show(
        query,
        answer_text(topic, policy),
        topic_keyboard(knowledge, templates, locale, topic),
        new_message=True,
    )


async def question_typed(
    message: Message,
    knowledge: KnowledgeBase,
    templates: TemplateLibrary,
    policy: Policy,
    locale: str,
) -> None:
    """Answer when sure, offer the best three when unsure, say so when out of scope."""
    assert message.text is not None
    match = knowledge.matcher.match(message.text[:MATCH_CHARS])
    if match.fraud:
        fraud = knowledge.topic(locale, "fraud")
        assert fraud is not None
        await message.answer(
            answer_text(fraud, policy),
            reply_markup=topic_keyboard(knowledge, templates, locale, fraud),
        )
        return
    if match.reported_action is not None:
        text, markup = offer_tracking(match.reported_action)
        await message.answer(text, reply_markup=markup)
        return
    if match.verdict is Verdict.CONFIDENT and match.best is not None:
        topic = knowledge.topic(locale, match.best)
        assert topic is not None
        await message.answer(
            answer_text(topic, policy),
            reply_markup=topic_keyboard(knowledge, templates, locale, topic),
        )
    elif match.verdict is Verdict.UNSURE:
        await message.answer(
            _("I'm not sure I understood. Did you mean one of these?"),
            reply_markup=suggestions(knowledge, locale, [t for t, _ in match.ranked]),
        )
    else:
        await message.answer(
            _(
                "That is outside what I know: I only help with reaching your Ozon account "
                "manager and Ozon support. Pick from the menu:"
            ),
            reply_markup=main_menu(),
        )


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="faq")
    router.message.filter(PRIVATE)
    router.message.register(cmd_faq, Command("faq"))
    router.callback_query.register(menu_faq, MenuCb.filter(F.action == MenuAction.FAQ))
    router.callback_query.register(topic_pressed, FaqCb.filter())
    router.message.register(question_typed, StateFilter(None), PLAIN_TEXT)
    return router
