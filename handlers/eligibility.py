"""/check: the eligibility wizard — can I get a dedicated AM, and what do I do next?"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.db.user_repository import User, UserRepository
from bot.services.case_rules import CaseRules
from bot.services.cases import CaseKind
from bot.services.eligibility import Answers, Outcome, Step, Verdict, evaluate, next_step
from bot.services.knowledge import KnowledgeBase
from bot.services.policy import Policy
from bot.services.profile import EntityType, KycStatus, ProfileField, parse_sku_count
from bot.services.template_filling import TemplateLibrary
from bot.services.time_input import parse_past_time
from bot.settings import Settings
from bot.telegram.filters import NO_TEXT, PLAIN_TEXT, PRIVATE
from bot.telegram.keyboard import Keyboard
from bot.telegram.screens import show
from bot.ui.callbacks import (
    EligibilityCb,
    EmailCb,
    FaqCb,
    MenuAction,
    MenuCb,
    TrackAction,
    TrackCb,
)
from bot.ui.formatting import dual_time, source_note
from bot.ui.keyboards import cancel_button, menu_button
from bot.ui.labels import ENTITY_TYPE_LABELS, KYC_STATUS_LABELS
from bot.ui.template_texts import EMAIL_TITLES
from bot.ui.wizard_prompts import ask_again, time_error_reason, user_zone
from handlers.profile import invalid_reason
from handlers.tracking import AT

BACK = "back"
NOW = "now"
MET_AT = "met"
SKU_SHORTCUTS = ("0", "1", "3", "5", "10", "50")
ANSWER_FIELDS = {
    Step.REGISTERED: "registered",
    Step.ENTITY: "entity",
    Step.KYC: "kyc",
    Step.SKUS: "skus",
}
PROFILE_FIELDS = {
    Step.ENTITY: ProfileField.ENTITY_TYPE,
    Step.KYC: ProfileField.KYC_STATUS,
    Step.SKUS: ProfileField.SKU_COUNT,
}
# The FAQ topic that explains each outcome further.
OUTCOME_TOPICS = {
    Outcome.ELIGIBLE: "welcome_message",
    Outcome.NEED_MORE_SKUS: "assignment",
    Outcome.KYC_PENDING: "assignment",
    Outcome.KYC_MISSING: "assignment",
    Outcome.INDIVIDUAL_BUSINESS: "individual_business",
    Outcome.INDIVIDUAL: "individual_business",
    Outcome.NOT_REGISTERED: "about_bot",
}


class EligibilityWizard(StatesGroup):
    """Answering the questions; then, for an eligible seller, when the conditions were met."""

    question = State()
    met_at = State()


def load_answers(data: dict[str, Any]) -> Answers:
    """Answers from the wizard's stored data."""
    raw = data.get("answers", {})
    return Answers(
        registered=raw.get("registered"),
        entity=EntityType(raw["entity"]) if raw.get("entity") else None,
        kyc=KycStatus(raw["kyc"]) if raw.get("kyc") else None,
        skus=raw.get("skus"),
    )


def options(step: Step, user: User | None) -> tuple[list[tuple[str, str]], str | None]:
    """The answer buttons of a step (value, label) and the profile's current value."""
    if step is Step.REGISTERED:
        return [("y", _("Yes")), ("n", _("Not yet"))], None
    if step is Step.ENTITY:
        current = user.entity_type.value if user and user.entity_type else None
        return [(value.value, str(label)) for value, label in ENTITY_TYPE_LABELS.items()], current
    if step is Step.KYC:
        current = user.kyc_status.value if user and user.kyc_status else None
        return [(value.value, str(label)) for value, label in KYC_STATUS_LABELS.items()], current
    current = str(user.sku_count) if user and user.sku_count is not None else None
    values = list(SKU_SHORTCUTS)
    if current is not None and current not in values:
        values.insert(0, current)
    return [(value, value) for value in values], current


def question_text(step: Step) -> str:
    """The question asked at a step."""
    questions = {
        Step.REGISTERED: _("Have you registered on Ozon Global (Seller Center)?"),
        Step.ENTITY: _("How is your shop registered?"),
        Step.KYC: _("What does Seller Center show as your KYC status?"),
        Step.SKUS: _("How many compliant SKUs have you listed? Tap or type a number."),
    }
    return questions[step]


def step_view(step: Step, run: int, user: User | None) -> tuple[str, InlineKeyboardMarkup]:
    """Progress, the question, its buttons (the profile's value ticked), Back and Cancel."""
    header = _("🧭 Eligibility check · step {number}/{total}").format(
        number=list(Step).index(step) + 1, total=len(Step)
    )
    choices, current = options(step, user)
    builder = Keyboard()
    for value, label in choices:
        builder.button(
            text=("✅ " if value == current else "") + label,
            callback_data=EligibilityCb(run=run, step=step.value, value=value),
        )
    builder.adjust(3 if step is Step.SKUS else 1)
    navigation = [cancel_button()]
    if step is not Step.REGISTERED:
        back = EligibilityCb(run=run, step=step.value, value=BACK).pack()
        navigation.insert(0, InlineKeyboardButton(text=_("⬅️ Back"), callback_data=back))
    builder.row(*navigation)
    return f"{header}\n\n{question_text(step)}", builder.as_markup()


def met_at_view(run: int) -> tuple[str, InlineKeyboardMarkup]:
    """Ask when KYC Verified and enough SKUs were both true."""
    builder = Keyboard()
    builder.button(
        text=_("Just now"), callback_data=EligibilityCb(run=run, step=MET_AT, value=NOW)
    )
    builder.row(cancel_button())
    text = _(
        "🧭 Last step\n\nWhen were both conditions met (KYC Verified and enough SKUs)? "
        "Tap «Just now» or type a time such as <code>昨天 15:30</code> or "
        "<code>2026-11-26 10:00</code>."
    )
    return text, builder.as_markup()


def outcome_text(verdict: Verdict, policy: Policy, due: datetime | None, locale: str) -> str:
    """The verdict in a few lines with what to do next, and the source line."""
    texts = {
        Outcome.ELIGIBLE: _(
            "✅ <b>You meet the conditions.</b>\nAccording to the guide an AM is assigned within "
            "about {hours} h; the welcome message appears on the Support tab of Seller Center "
            "messages.\nExpected by: {due}."
        ),
        Outcome.NEED_MORE_SKUS: _(
            "⏳ <b>Almost there:</b> list {missing} more compliant SKU(s) (the guide asks for at "
            "least {minimum}).\nCheck again once they are live."
        ),
        Outcome.KYC_PENDING: _(
            "⏳ <b>KYC is still being reviewed.</b>\nWait until Seller Center shows Verified; "
            "the guide gives no review time, so go by what Seller Center says. After that, "
            "with at least {minimum} compliant SKUs, an AM is assigned within about {hours} h."
        ),
        Outcome.KYC_MISSING: _(
            "📄 <b>KYC comes first.</b>\nSubmit or fix it in Seller Center with:\n"
            "• business licence\n• legal representative's ID\n• bank account proof\n"
            "Then check again."
        ),
        Outcome.INDIVIDUAL_BUSINESS: _(
            "ℹ️ <b>No automatic AM for individual businesses.</b>\nAccording to the guide you "
            "apply by email and the review takes about {days} working days."
        ),
        Outcome.INDIVIDUAL: _(
            "❌ <b>Individual sellers get no dedicated AM.</b>\nUse Support in Seller Center; "
            "to get an AM later you would register a company."
        ),
        Outcome.NOT_REGISTERED: _(
            "📝 <b>Register first.</b>\nChinese companies register on Ozon Global with the "
            "18-character unified social credit code (统一社会信用代码), the company name in "
            "Latin letters and a contact email. Follow Ozon's official registration pages."
        ),
    }
    values = policy.values
    text = texts[verdict.outcome].format(
        hours=values.am_assignment_hours,
        minimum=values.min_compliant_skus,
        missing=verdict.missing_skus,
        days=values.individual_review_working_days,
        due=dual_time(due, locale) if due else "",
    )
    if policy.unconfirmed(verdict.policy_keys):
        text += "\n\n" + source_note()
    return text


def outcome_keyboard(
    verdict: Verdict,
    knowledge: KnowledgeBase,
    templates: TemplateLibrary,
    locale: str,
    met_at: datetime | None,
) -> InlineKeyboardMarkup:
    """What to do next: start tracking, the email, check again, read more, or the menu."""
    builder = Keyboard()
    if verdict.outcome is Outcome.ELIGIBLE and met_at is not None:
        builder.button(
            text=_("📌 Track «AM assignment» from then"),
            callback_data=TrackCb(
                action=TrackAction.WHEN,
                kind=CaseKind.AM_ASSIGNMENT,
                value=AT,
                at=int(met_at.timestamp()) // 60,
            ),
        )
    if verdict.outcome is Outcome.INDIVIDUAL_BUSINESS:
        builder.button(
            text=f"✉️ {EMAIL_TITLES['individual_application']}",
            callback_data=EmailCb(template=templates.email_index("individual_application")),
        )
        builder.button(
            text=_("📌 Track the review"),
            callback_data=TrackCb(action=TrackAction.KIND, kind=CaseKind.INDIVIDUAL_APPLICATION),
        )
    if verdict.outcome in {Outcome.NEED_MORE_SKUS, Outcome.KYC_PENDING, Outcome.KYC_MISSING}:
        builder.button(text=_("🔁 Check again"), callback_data=MenuCb(action=MenuAction.CHECK))
    topic_id = OUTCOME_TOPICS[verdict.outcome]
    topic = knowledge.topic(locale, topic_id)
    assert topic is not None
    builder.button(
        text=f"📚 {topic.title}", callback_data=FaqCb(topic=knowledge.topic_ids().index(topic_id))
    )
    builder.adjust(1)
    builder.row(menu_button())
    return builder.as_markup()


class Wizard:
    """One seller's wizard: reads and advances the state, renders each screen."""

    def __init__(
        self,
        state: FSMContext,
        users: UserRepository,
        policy: Policy,
        knowledge: KnowledgeBase,
        templates: TemplateLibrary,
        rules: CaseRules,
        locale: str,
    ) -> None:
        self.templates = templates
        self.state = state
        self.users = users
        self.policy = policy
        self.knowledge = knowledge
        self.rules = rules
        self.locale = locale

    async def start(self, user_id: int) -> tuple[str, InlineKeyboardMarkup]:
        """A fresh run: its own id, so buttons of older wizard messages are recognised."""
        run = secrets.randbelow(1_000_000)
        await self.state.set_state(EligibilityWizard.question)
        await self.state.set_data({"run": run, "answers": {}})
        return step_view(Step.REGISTERED, run, await self.users.get(user_id))

    async def current(self, user_id: int) -> tuple[str, InlineKeyboardMarkup]:
        """The screen of the step the seller is at."""
        data = await self.state.get_data()
        run = int(data.get("run", 0))
        if await self.state.get_state() == EligibilityWizard.met_at.state:
            return met_at_view(run)
        step = next_step(load_answers(data)) or Step.REGISTERED
        return step_view(step, run, await self.users.get(user_id))

    async def expected_step(self) -> tuple[int, str] | None:
        """(run, step) the next press must carry, or None when no wizard is open."""
        state = await self.state.get_state()
        data = await self.state.get_data()
        if state == EligibilityWizard.met_at.state:
            return int(data["run"]), MET_AT
        if state == EligibilityWizard.question.state:
            step = next_step(load_answers(data))
            return (int(data["run"]), step.value) if step else None
        return None

    async def answer(
        self, user_id: int, chat_id: int, step: Step, value: Any
    ) -> tuple[str, InlineKeyboardMarkup]:
        """Record one answer (also in the profile) and move on."""
        data = await self.state.get_data()
        data["answers"][ANSWER_FIELDS[step]] = value
        await self.state.set_data(data)
        if step in PROFILE_FIELDS:
            await self.users.ensure(user_id, chat_id)
            await self.users.set_field(user_id, PROFILE_FIELDS[step], value)
        return await self._advance(user_id, data)

    async def back(self, user_id: int) -> tuple[str, InlineKeyboardMarkup]:
        """Forget the last answer and ask it again."""
        data = await self.state.get_data()
        answered = [f for f in ANSWER_FIELDS.values() if data["answers"].get(f) is not None]
        if answered:
            data["answers"].pop(answered[-1])
        await self.state.set_data(data)
        return await self.current(user_id)

    async def _advance(
        self, user_id: int, data: dict[str, Any]
    ) -> tuple[str, InlineKeyboardMarkup]:
        answers = load_answers(data)
        step = next_step(answers)
        if step is not None:
            return step_view(step, int(data["run"]), await self.users.get(user_id))
        verdict = evaluate(answers, self.policy.values)
        if verdict.outcome is Outcome.ELIGIBLE:
            await self.state.set_state(EligibilityWizard.met_at)
            return met_at_view(int(data["run"]))
        await self.state.clear()
        return self._outcome(verdict, None)

    async def conditions_met(self, moment: datetime) -> tuple[str, InlineKeyboardMarkup]:
        """The eligible outcome, with the assignment deadline from the moment given."""
        await self.state.clear()
        verdict = Verdict(Outcome.ELIGIBLE)
        return self._outcome(verdict, moment)

    def _outcome(
        self, verdict: Verdict, met_at: datetime | None
    ) -> tuple[str, InlineKeyboardMarkup]:
        due = None
        if met_at is not None:
            due = self.rules.deadline(CaseKind.AM_ASSIGNMENT, met_at).due
        return (
            outcome_text(verdict, self.policy, due, self.locale),
            outcome_keyboard(verdict, self.knowledge, self.templates, self.locale, met_at),
        )


def wizard(state: FSMContext, data: dict[str, Any]) -> Wizard:
    """The wizard with its dependencies from the dispatcher's data."""
    return Wizard(
        state,
        data["users"],
        data["policy"],
        data["knowledge"],
        data["templates"],
        data["rules"],
        data["locale"],
    )


def parse_choice(step: Step, value: str) -> Any:
    """A button value as the answer it stands for, or None if the button was never offered."""
    if step is Step.REGISTERED:
        return {"y": True, "n": False}.get(value)
    if step is Step.ENTITY:
        return value if value in EntityType.__members__.values() else None
    if step is Step.KYC:
        return value if value in KycStatus.__members__.values() else None
    return parse_sku_count(value).value


async def cmd_check(message: Message, state: FSMContext, **data: Any) -> None:
    """Start the wizard."""
    assert message.from_user is not None
    text, markup = await wizard(state, data).start(message.from_user.id)
    await message.answer(text, reply_markup=markup)


async def menu_check(query: CallbackQuery, state: FSMContext, **data: Any) -> None:
    """Start the wizard from the menu or an outcome's «Check again»."""
    text, markup = await wizard(state, data).start(query.from_user.id)
    await show(query, text, markup, new_message=True)


async def eligibility_pressed(
    query: CallbackQuery, callback_data: EligibilityCb, state: FSMContext, **data: Any
) -> None:
    """One answer; stale, repeated or forged presses never advance the wizard."""
    flow = wizard(state, data)
    expected = await flow.expected_step()
    if expected is None or expected[0] != callback_data.run:
        await query.answer(_("This button belongs to an older check."), show_alert=True)
        if expected is not None:
            text, markup = await flow.current(query.from_user.id)
            await show(query, text, markup, new_message=True, answered=True)
        return
    if expected[1] != callback_data.step:
        await query.answer(_("Already noted."))  # a double tap on an answered step
        return
    if callback_data.step == MET_AT:
        text, markup = await flow.conditions_met(datetime.now(UTC))
    elif callback_data.value == BACK:
        text, markup = await flow.back(query.from_user.id)
    else:
        step = Step(callback_data.step)
        value = parse_choice(step, callback_data.value)
        if value is None:
            await query.answer(_("This button is no longer valid."), show_alert=True)
            return
        chat_id = query.message.chat.id if query.message else query.from_user.id
        text, markup = await flow.answer(query.from_user.id, chat_id, step, value)
    await show(query, text, markup)


async def answer_typed(message: Message, state: FSMContext, **data: Any) -> None:
    """A typed SKU count is an answer; other typing while buttons are expected is explained."""
    assert message.from_user is not None and message.text is not None
    flow = wizard(state, data)
    expected = await flow.expected_step()
    if expected is not None and expected[1] == Step.SKUS.value:
        parsed = parse_sku_count(message.text[:40])
        if parsed.error is None:
            text, markup = await flow.answer(
                message.from_user.id, message.chat.id, Step.SKUS, parsed.value
            )
            await message.answer(text, reply_markup=markup)
            return
        reason = invalid_reason(parsed.error)
    else:
        reason = _("Please tap one of the buttons.")
    text, markup = await flow.current(message.from_user.id)
    await message.answer(f"{reason}\n\n{text}", reply_markup=markup)


async def met_at_typed(message: Message, state: FSMContext, **data: Any) -> None:
    """When both conditions were met, typed in the seller's own time zone."""
    assert message.from_user is not None and message.text is not None
    flow = wizard(state, data)
    settings: Settings = data["settings"]
    zone = user_zone(await data["users"].get(message.from_user.id), settings)
    parsed = parse_past_time(message.text[:80], datetime.now(UTC), zone)
    if parsed.moment is None:
        assert parsed.error is not None
        text, markup = await flow.current(message.from_user.id)
        await message.answer(f"{time_error_reason(parsed.error)}\n\n{text}", reply_markup=markup)
        return
    text, markup = await flow.conditions_met(parsed.moment)
    await message.answer(text, reply_markup=markup)


async def not_text(message: Message, state: FSMContext, **data: Any) -> None:
    """Stickers, photos and the like during the wizard."""
    assert message.from_user is not None
    text, markup = await wizard(state, data).current(message.from_user.id)
    await ask_again(message, text, markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="eligibility")
    router.message.filter(PRIVATE)
    router.message.register(cmd_check, Command("check"))
    router.callback_query.register(menu_check, MenuCb.filter(F.action == MenuAction.CHECK))
    router.callback_query.register(eligibility_pressed, EligibilityCb.filter())
    router.message.register(answer_typed, StateFilter(EligibilityWizard.question), PLAIN_TEXT)
    router.message.register(met_at_typed, StateFilter(EligibilityWizard.met_at), PLAIN_TEXT)
    router.message.register(not_text, StateFilter(EligibilityWizard), NO_TEXT)
    return router
