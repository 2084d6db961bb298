"""The eligibility check in progress, kept in the wizard's state: answers so far, the run a
button belongs to, and the screen that comes next."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup

from bot.db.user_repository import User
from bot.services.case_rules import CaseRules
from bot.services.cases import CaseKind
from bot.services.eligibility import Answers, Outcome, Step, Verdict, evaluate, next_step
from bot.services.knowledge import KnowledgeBase
from bot.services.profile import (
    EntityType,
    InvalidValue,
    KycStatus,
    ProfileField,
    parse_sku_count,
)
from bot.ui.callbacks import CheckStep, EligibilityCb
from bot.ui.eligibility_views import (
    BACK,
    Waiting,
    met_at_view,
    outcome_keyboard,
    outcome_text,
    step_view,
)
from bot.ui.states import EligibilityWizard
from bot.ui.typed_press import typed_press

ANSWER_FIELDS = {
    Step.REGISTERED: "registered",
    Step.ENTITY: "entity",
    Step.KYC: "kyc",
    Step.SKUS: "skus",
}
# Answers that are also profile fields, saved back to the profile.
PROFILE_FIELDS = {
    Step.ENTITY: ProfileField.ENTITY_TYPE,
    Step.KYC: ProfileField.KYC_STATUS,
    Step.SKUS: ProfileField.SKU_COUNT,
}
Screen = tuple[str, InlineKeyboardMarkup]


def load_answers(data: dict[str, Any]) -> Answers:
    """Answers from the wizard's stored data."""
    raw = data.get("answers", {})
    return Answers(
        registered=raw.get("registered"),
        entity=EntityType(raw["entity"]) if raw.get("entity") else None,
        kyc=KycStatus(raw["kyc"]) if raw.get("kyc") else None,
        skus=raw.get("skus"),
    )


def parse_choice(step: Step, value: str) -> Any:
    """A button value as the answer it stands for, or None if the button was never offered."""
    if step is Step.REGISTERED:
        return {"y": True, "n": False}.get(value)
    if step is Step.ENTITY:
        return value if value in set(EntityType) else None
    if step is Step.KYC:
        return value if value in set(KycStatus) else None
    return parse_sku_count(value).value


async def start(state: FSMContext, user: User | None) -> Screen:
    """A fresh run with its own id (so buttons of older check messages are recognised): the
    first question."""
    run = secrets.randbelow(1_000_000)
    await state.set_state(EligibilityWizard.question)
    await state.set_data({"run": run, "answers": {}})
    return step_view(Step.REGISTERED, run, user)


async def expected_press(state: FSMContext) -> tuple[int, CheckStep] | None:
    """(run, step) the next press must carry, or None when no check is open."""
    step_name, data = await state.get_state(), await state.get_data()
    if step_name == EligibilityWizard.met_at.state:
        return int(data["run"]), CheckStep.MET_AT
    step = next_step(load_answers(data)) if step_name == EligibilityWizard.question.state else None
    return (int(data["run"]), CheckStep(step.value)) if step else None


async def current_screen(state: FSMContext, user: User | None) -> Screen:
    """The screen of the step the seller is at."""
    data = await state.get_data()
    run = int(data.get("run", 0))
    if await state.get_state() == EligibilityWizard.met_at.state:
        return met_at_view(run)
    return step_view(next_step(load_answers(data)) or Step.REGISTERED, run, user)


async def record(state: FSMContext, step: Step, value: Any) -> ProfileField | None:
    """Keep one answer; return the profile field it fills too (saved there by the caller)."""
    data = await state.get_data()
    data["answers"][ANSWER_FIELDS[step]] = value
    await state.set_data(data)
    return PROFILE_FIELDS.get(step)


async def forget_last(state: FSMContext) -> None:
    """Forget the last answer, to ask it again."""
    data = await state.get_data()
    answered = [name for name in ANSWER_FIELDS.values() if data["answers"].get(name) is not None]
    if answered:
        data["answers"].pop(answered[-1])
    await state.set_data(data)


@dataclass(frozen=True)
class Outcomes:
    """What the last screens of the check need: the rules (deadline, policy), the knowledge
    base (the «read more» topic) and the seller's language."""

    rules: CaseRules
    knowledge: KnowledgeBase
    locale: str

    async def advance(self, state: FSMContext, user: User | None) -> Screen:
        """The next question, the "when were the conditions met" step, or the outcome."""
        data = await state.get_data()
        answers = load_answers(data)
        step = next_step(answers)
        if step is not None:
            return step_view(step, int(data["run"]), user)
        verdict = evaluate(answers, self.rules.policy.values)
        if verdict.outcome is Outcome.ELIGIBLE:
            await state.set_state(EligibilityWizard.met_at)
            return met_at_view(int(data["run"]))
        await state.clear()
        return self.outcome(verdict)

    def outcome(self, verdict: Verdict, waiting: Waiting | None = None) -> Screen:
        """The verdict; for an eligible seller with how long they have waited."""
        return (
            outcome_text(verdict, self.rules.policy, waiting, self.locale),
            outcome_keyboard(verdict, self.knowledge, self.locale, waiting),
        )

    def eligible_since(self, met_at: datetime, now: datetime) -> Screen:
        """Both conditions are met since `met_at`: the AM is expected, or overdue."""
        due = self.rules.deadline(CaseKind.AM_ASSIGNMENT, met_at).due
        return self.outcome(Verdict(Outcome.ELIGIBLE), Waiting(met_at, due, now))


@dataclass(frozen=True)
class TypedAnswer:
    """What a typed message means at the step being asked: an answer, «Back», or a number
    refused (and why)."""

    step: Step | None = None
    value: Any = None
    back: bool = False
    error: InvalidValue | None = None


async def typed_answer(text: str, state: FSMContext, user: User | None) -> TypedAnswer | None:
    """At the SKU step a number (五十个, 12个; a sign counts: -5 is refused); a button's label
    typed (是, 个体户, 已认证, 上一步…); None when the text is neither."""
    expected = await expected_press(state)
    at_skus = expected is not None and expected[1] is CheckStep.SKUS
    parsed = parse_sku_count(text[:40])
    if at_skus and parsed.error is not InvalidValue.NOT_A_NUMBER:
        return TypedAnswer(Step.SKUS, parsed.value, error=parsed.error)
    _text, markup = await current_screen(state, user)
    pressed = typed_press(text, markup)
    if pressed is not None:
        choice = EligibilityCb.unpack(pressed)
        if choice.value == BACK:
            return TypedAnswer(back=True)
        step = Step(choice.step.value)
        return TypedAnswer(step, parse_choice(step, choice.value))
    return TypedAnswer(Step.SKUS, error=parsed.error) if at_skus else None
