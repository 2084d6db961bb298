"""A question typed in the middle of a wizard: answered, then the wizard's step shown again."""

from __future__ import annotations

from typing import Any

from aiogram import Router
from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.db.user_repository import UserRepository
from bot.nlp.faq.matcher import Match, Verdict
from bot.nlp.typed.choices import looks_like_question
from bot.services.case_rules import CaseRules
from bot.services.knowledge import KnowledgeBase
from bot.services.policy import Policy
from bot.services.profile import ProfileField
from bot.services.template_filling import TemplateLibrary
from bot.telegram.filters import PLAIN_TEXT, PRIVATE
from bot.ui.callbacks import EmailCb
from bot.ui.faq_views import answer_screen
from bot.ui.profile_views import prompt_for
from bot.ui.states import EligibilityWizard, ProfileEdit, TemplateFill, TrackWizard
from bot.ui.template_views import field_prompt, problem_picker
from handlers.eligibility import draft as eligibility_draft
from handlers.tracking import draft as tracking_draft

# Steps that take a choice, a number or a time; free-text steps (a note, a description) are
# answers whatever they say.
STEPS = {
    EligibilityWizard.question.state,
    EligibilityWizard.met_at.state,
    TrackWizard.kind.state,
    TrackWizard.when.state,
    TrackWizard.due.state,
    TrackWizard.confirm.state,
    ProfileEdit.value.state,
    TemplateFill.value.state,
    TemplateFill.topic.state,
}


class QuestionInWizard(Filter):
    """A question the knowledge base answers with confidence, asked at a step of a wizard."""

    async def __call__(
        self, message: Message, raw_state: str | None, knowledge: KnowledgeBase
    ) -> bool | dict[str, Any]:
        """Hand the match to the handler."""
        text = message.text or ""
        if raw_state not in STEPS or not looks_like_question(text):
            return False
        match = knowledge.matcher.match(text)
        return {"match": match} if match.verdict is Verdict.CONFIDENT and match.best else False


async def step_screen(
    state: FSMContext,
    raw_state: str,
    user_id: int,
    users: UserRepository,
    rules: CaseRules,
    templates: TemplateLibrary,
    locale: str,
) -> tuple[str, InlineKeyboardMarkup]:
    """The screen of the step the seller is at."""
    if raw_state.startswith(EligibilityWizard.__name__):
        return await eligibility_draft.current_screen(state, await users.get(user_id))
    if raw_state.startswith(TrackWizard.__name__):
        return await tracking_draft.current_screen(state, rules, locale)
    data = await state.get_data()
    if raw_state == TemplateFill.topic.state:
        return problem_picker(EmailCb.unpack(data["request"]), templates, locale)
    field = ProfileField(data["field"])
    if raw_state == ProfileEdit.value.state:
        return prompt_for(field)
    return field_prompt(field, EmailCb.unpack(data["request"]))


async def question_in_wizard(
    message: Message,
    match: Match,
    state: FSMContext,
    raw_state: str,
    users: UserRepository,
    knowledge: KnowledgeBase,
    templates: TemplateLibrary,
    policy: Policy,
    rules: CaseRules,
    locale: str,
) -> None:
    """The answer first, then the step again: the wizard goes on where it was."""
    assert message.from_user is not None
    topic = knowledge.topic(locale, match.best or "")
    assert topic is not None
    text, markup = answer_screen(match, topic, knowledge, templates, policy, locale)
    await message.answer(text, reply_markup=markup)
    step, step_markup = await step_screen(
        state, raw_state, message.from_user.id, users, rules, templates, locale
    )
    await message.answer(_("Back to where you were:") + "\n\n" + step, reply_markup=step_markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="wizard_questions")
    router.message.filter(PRIVATE)
    router.message.register(question_in_wizard, PLAIN_TEXT, QuestionInWizard())
    return router
