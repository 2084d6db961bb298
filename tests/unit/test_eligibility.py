"""The eligibility rules for every combination of answers."""

from __future__ import annotations

import itertools

import pytest

from bot.content.policy_loader import load_policy
from bot.services.eligibility import Answers, Outcome, Step, evaluate, next_step
from bot.services.profile import EntityType, KycStatus

POLICY = load_policy().values
MIN = POLICY.min_compliant_skus


def expected(registered: bool, entity: EntityType, kyc: KycStatus, skus: int) -> Outcome:
    """The rules written out plainly, independently of the implementation's order."""
    if not registered:
        return Outcome.NOT_REGISTERED
    if entity is EntityType.INDIVIDUAL:
        return Outcome.INDIVIDUAL
    if kyc is KycStatus.PENDING:
        return Outcome.KYC_PENDING
    if kyc is not KycStatus.VERIFIED:
        return Outcome.KYC_MISSING
    if entity is EntityType.INDIVIDUAL_BUSINESS:
        return Outcome.INDIVIDUAL_BUSINESS
    return Outcome.ELIGIBLE if skus >= MIN else Outcome.NEED_MORE_SKUS


def walk(registered: bool, entity: EntityType, kyc: KycStatus, skus: int) -> Answers:
    """Answer only what the wizard asks, in its order."""
    answers = Answers()
    given = {Step.REGISTERED: registered, Step.ENTITY: entity, Step.KYC: kyc, Step.SKUS: skus}
    field = {
        Step.REGISTERED: "registered",
        Step.ENTITY: "entity",
        Step.KYC: "kyc",
        Step.SKUS: "skus",
    }
    while (step := next_step(answers)) is not None:
        answers = Answers(**{**answers.__dict__, field[step]: given[step]})
    return answers


@pytest.mark.parametrize(
    ("registered", "entity", "kyc", "skus"),
    list(itertools.product([True, False], EntityType, KycStatus, [0, 1, MIN - 1, MIN, 1000])),
)
def test_every_combination(
    registered: bool, entity: EntityType, kyc: KycStatus, skus: int
) -> None:
    verdict = evaluate(walk(registered, entity, kyc, skus), POLICY)
    assert verdict.outcome is expected(registered, entity, kyc, skus)
    if verdict.outcome is Outcome.NEED_MORE_SKUS:
        assert verdict.missing_skus == MIN - skus
    assert verdict.policy_keys


def test_questions_stop_as_soon_as_the_outcome_is_known() -> None:
    assert next_step(Answers(registered=False)) is None
    assert next_step(Answers(registered=True, entity=EntityType.INDIVIDUAL)) is None
    assert (
        next_step(Answers(registered=True, entity=EntityType.COMPANY, kyc=KycStatus.PENDING))
        is None
    )
    assert (
        next_step(Answers(registered=True, entity=EntityType.COMPANY, kyc=KycStatus.VERIFIED))
        is Step.SKUS
    )


def test_incomplete_answers_are_refused() -> None:
    with pytest.raises(ValueError, match="incomplete"):
        evaluate(Answers(registered=True), POLICY)
