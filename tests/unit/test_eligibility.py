"""The eligibility rules: each rule at its edges, and properties over every answer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content.policy_loader import load_policy
from bot.services.eligibility import Answers, Outcome, Step, evaluate, next_step
from bot.services.profile import EntityType, KycStatus

POLICY = load_policy().values
MIN = POLICY.min_compliant_skus


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


C, IB, IND = EntityType.COMPANY, EntityType.INDIVIDUAL_BUSINESS, EntityType.INDIVIDUAL
V, P, R, N = KycStatus.VERIFIED, KycStatus.PENDING, KycStatus.REJECTED, KycStatus.NOT_SUBMITTED

# The guide's rules as a table of cases, one row per rule and per edge of it: (registered,
# entity, KYC, listed SKUs, outcome). The SKU edges are read from the policy, so a changed
# threshold moves them with it.
CASES: list[tuple[bool, EntityType, KycStatus, int, Outcome]] = [
    (False, C, V, 1000, Outcome.NOT_REGISTERED),
    (False, IND, N, 0, Outcome.NOT_REGISTERED),
    (True, IND, V, 1000, Outcome.INDIVIDUAL),
    (True, IND, P, 0, Outcome.INDIVIDUAL),
    (True, C, P, 1000, Outcome.KYC_PENDING),
    (True, IB, P, 1000, Outcome.KYC_PENDING),
    (True, C, R, 1000, Outcome.KYC_MISSING),
    (True, C, N, 1000, Outcome.KYC_MISSING),
    (True, IB, R, 0, Outcome.KYC_MISSING),
    (True, IB, V, 1000, Outcome.INDIVIDUAL_BUSINESS),
    (True, IB, V, 0, Outcome.INDIVIDUAL_BUSINESS),
    (True, C, V, 0, Outcome.NEED_MORE_SKUS),
    (True, C, V, MIN - 1, Outcome.NEED_MORE_SKUS),
    (True, C, V, MIN, Outcome.ELIGIBLE),
    (True, C, V, MIN + 1, Outcome.ELIGIBLE),
]


def test_each_rule_and_its_edges() -> None:
    wrong = []
    for registered, entity, kyc, skus, outcome in CASES:
        verdict = evaluate(walk(registered, entity, kyc, skus), POLICY)
        if verdict.outcome is not outcome:
            wrong.append((registered, entity, kyc, skus, outcome, verdict.outcome))
        assert verdict.policy_keys
    assert wrong == []


@given(skus=st.integers(min_value=0, max_value=100_000))
def test_a_verified_company_needs_exactly_the_missing_skus(skus: int) -> None:
    verdict = evaluate(walk(True, C, V, skus), POLICY)
    if skus >= MIN:
        assert verdict.outcome is Outcome.ELIGIBLE and verdict.missing_skus == 0
    else:
        assert verdict.outcome is Outcome.NEED_MORE_SKUS
        assert verdict.missing_skus == MIN - skus


@given(
    registered=st.booleans(),
    entity=st.sampled_from(EntityType),
    kyc=st.sampled_from(KycStatus),
    skus=st.integers(min_value=0, max_value=100_000),
)
def test_only_a_registered_verified_company_with_enough_skus_is_eligible(
    registered: bool, entity: EntityType, kyc: KycStatus, skus: int
) -> None:
    outcome = evaluate(walk(registered, entity, kyc, skus), POLICY).outcome
    eligible = registered and entity is C and kyc is V and skus >= MIN
    assert (outcome is Outcome.ELIGIBLE) == eligible


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
