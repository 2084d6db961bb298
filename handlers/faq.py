"""/faq: browse the knowledge base, and answer questions typed in the seller's own words."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram.utils.i18n import gettext as _

from bot.nlp.faq.matcher import Verdict
from bot.services.knowledge import KnowledgeBase
from bot.services.policy import Policy
from bot.services.template_filling import TemplateLibrary
from bot.telegram.filters import PRIVATE, TEXT_OR_CAPTION, data_prefix
from bot.telegram.screens import show
from bot.ui.callbacks import FaqCb, MenuAction, MenuCb
from bot.ui.faq_views import (
    answer_screen,
    answer_text,
    out_of_scope_text,
    smalltalk_text,
    suggestions,
    topic_keyboard,
    topic_list,
    tracking_offer,
)
from bot.ui.keyboards import main_menu
from bot.ui.wizard_prompts import stale_button_text

# Matching looks at the start of a message; a question never needs more.
MATCH_CHARS = 500


async def cmd_faq(message: Message, knowledge: KnowledgeBase, locale: str) -> None:
    """List the topics."""
    text, markup = topic_list(knowledge, locale)
    await message.answer(text, reply_markup=markup)


async def menu_faq(query: CallbackQuery, knowledge: KnowledgeBase, locale: str) -> None:
    """List the topics from the menu, an answer's «Other questions», or an old button."""
    text, markup = topic_list(knowledge, locale)
    await show(query, text, markup)


async def old_topic_pressed(
    query: CallbackQuery, callback_answer: CallbackAnswer, knowledge: KnowledgeBase, locale: str
) -> None:
    """A topic button of the earlier version pointed at a list position, which may now be
    another topic: say so and show the list."""
    callback_answer.text = stale_button_text()
    text, markup = topic_list(knowledge, locale)
    await show(query, text, markup)


async def topic_pressed(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: FaqCb,
    knowledge: KnowledgeBase,
    templates: TemplateLibrary,
    policy: Policy,
    locale: str,
) -> None:
    """Show one answer; an id that is not (or no longer) a topic is a stale button."""
    topic = knowledge.topic(locale, callback_data.topic)
    if topic is None:
        callback_answer.text = stale_button_text()
        callback_answer.show_alert = True
        return
    keyboard = topic_keyboard(knowledge, templates, locale, topic)
    await show(query, answer_text(topic, policy, locale), keyboard, new_message=True)


async def question_typed(
    message: Message,
    knowledge: KnowledgeBase,
    templates: TemplateLibrary,
    policy: Policy,
    locale: str,
) -> None:
    """Small talk gets a friendly line; a confident or likely match its answer (the fraud
    warning first when money for contacts is mentioned, the message's other questions and a
    close runner-up as buttons); a report of something sent, the offer to track it; an unsure
    match, the best three; else the official route. A photo's or file's caption is read the
    same way."""
    text = (message.text or message.caption or "")[:MATCH_CHARS]
    match = knowledge.matcher.match(text)
    topic_id = match.best or ("fraud" if match.fraud else None)
    topic = knowledge.topic(locale, topic_id) if topic_id else None
    if match.verdict is Verdict.SMALLTALK and match.smalltalk is not None:
        await message.answer(smalltalk_text(match.smalltalk), reply_markup=main_menu())
    elif match.reported_action is not None and not match.fraud:
        text, markup = tracking_offer(match.reported_action)
        await message.answer(text, reply_markup=markup)
    elif topic is not None:
        text, markup = answer_screen(match, topic, knowledge, templates, policy, locale)
        await message.answer(text, reply_markup=markup)
    elif match.verdict is Verdict.UNSURE:
        await message.answer(
            _("I'm not sure I understood. Did you mean one of these?"),
            reply_markup=suggestions(knowledge, locale, [t for t, _score in match.ranked]),
        )
    else:
        await message.answer(out_of_scope_text(), reply_markup=main_menu())


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="faq")
    router.message.filter(PRIVATE)
    router.message.register(cmd_faq, Command("faq"))
    router.callback_query.register(menu_faq, MenuCb.filter(F.action == MenuAction.FAQ))
    router.callback_query.register(topic_pressed, FaqCb.filter())
    router.callback_query.register(old_topic_pressed, data_prefix("f1"))
    router.message.register(question_typed, StateFilter(None), TEXT_OR_CAPTION)
    return router
