"""Russian pasted or forwarded from a manager: explained sentence by sentence, its facts and
deadlines pulled out, a deadline tracked in one tap, Russian answers to copy."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.filters import Filter, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.nlp.russian.explain import ManagerPhrasebook, track_options
from bot.nlp.russian.sentences import is_mostly_cyrillic
from bot.services.case_rules import CaseRules
from bot.services.clock import WallClock
from bot.services.template_filling import TemplateLibrary
from bot.telegram.filters import PRIVATE
from bot.telegram.limits import split_message
from bot.telegram.screens import show
from bot.translation import Translator
from bot.ui.callbacks import ReplyTrackCb
from bot.ui.manager_reply_views import explanation_keyboard, explanation_text, reply_answers
from bot.ui.tracking_views import saved_view
from bot.ui.wizard_prompts import refuse_stale_button
from handlers.manager_reply.draft import keep_options, kept_option

# A manager's reply is read up to this length; a machine translation shown up to the other.
READ_CHARS = 2000
TRANSLATION_CHARS = 1200


class PastedRussian(Filter):
    """Text or a caption (not a command) that is mostly Cyrillic."""

    async def __call__(self, message: Message) -> bool:
        """Decide from the letters."""
        text = message.text or message.caption or ""
        return not text.startswith("/") and is_mostly_cyrillic(text)


async def reply_pasted(
    message: Message,
    state: FSMContext,
    users: UserRepository,
    templates: TemplateLibrary,
    manager_phrases: ManagerPhrasebook,
    rules: CaseRules,
    translator: Translator | None,
    locale: str,
    clock: WallClock,
) -> None:
    """Explain what the manager wrote, offer its deadlines and the answers that fit."""
    assert message.from_user is not None
    text, now = (message.text or message.caption or "")[:READ_CHARS], clock()
    explanation = manager_phrases.explain(text, now, rules.policy.values.am_timezone)
    options = track_options(explanation, now, rules)
    run = await keep_options(state, now, options, explanation, locale)
    translated = await translator.translate(text, locale) if translator else None
    translation = (translated.text[:TRANSLATION_CHARS], translated.service) if translated else None
    user = await users.get(message.from_user.id)
    answers = reply_answers(explanation.replies, templates, user)
    body = explanation_text(
        explanation, options, rules.policy, locale, translation, rules.farthest(now), answers
    )
    *first, last = split_message(body)
    for part in first:
        await message.answer(part)
    await message.answer(last, reply_markup=explanation_keyboard(options, run, answers, locale))


async def deadline_tracked(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: ReplyTrackCb,
    state: FSMContext,
    users: UserRepository,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
    default_zone: ZoneInfo,
) -> None:
    """A follow-up due when the manager said, noted with their sentence and the request
    number; a deadline the seller must meet is reminded ahead, in their waking hours."""
    kept, now = await kept_option(state, callback_data.run, callback_data.option), clock()
    if kept is None:
        await refuse_stale_button(query, callback_answer)
        return
    # «…после получения документов»: the clock starts now, when the seller says they sent them.
    received, deadline = kept.received, kept.deadline
    if kept.period is not None:
        received, deadline = now, rules.reply_deadline(kept.period, now) or deadline
    remind_at = rules.first_reminder(deadline.due, now)
    if kept.task is not None:
        quiet = await users.quiet_hours(query.from_user.id, default_zone, rules.policy.values)
        remind_at = rules.first_task_reminder(deadline.due, now, quiet)
    case = await cases.create(
        query.from_user.id,
        kept.kind,
        received,
        deadline,
        kept.note,
        now,
        remind_at,
        task=kept.task,
        reference=kept.reference,
    )
    await show(query, *saved_view(case, locale, remind_at), new_message=True)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="manager_reply")
    router.message.filter(PRIVATE)
    router.message.register(reply_pasted, StateFilter(None), PastedRussian())
    router.callback_query.register(deadline_tracked, ReplyTrackCb.filter())
    return router
