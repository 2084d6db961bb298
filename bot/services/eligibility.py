"""Who can get a dedicated account manager, and what applies to everyone else."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.services.policy import PolicyValues
from bot.services.profile import EntityType, KycStatus


class Outcome(StrEnum):
    """The eligibility check's verdicts."""

    ELIGIBLE = "eligible"
    NEED_MORE_SKUS = "more_skus"
    KYC_PENDING = "kyc_pending"
    KYC_MISSING = "kyc_missing"
    INDIVIDUAL_BUSINESS = "indiv_business"
    INDIVIDUAL = "individual"
    NOT_REGISTERED = "not_registered"


class Step(StrEnum):
    """The wizard's questions, in order; later ones are asked only when they matter."""

    REGISTERED = "reg"
    ENTITY = "ent"
    KYC = "kyc"
    SKUS = "sku"


@dataclass(frozen=True)
class Answers:
    """What the seller has answered so far (None: not asked yet)."""

    registered: bool | None = None
    entity: EntityType | None = None
    kyc: KycStatus | None = None
    skus: int | None = None


@dataclass(frozen=True)
class Verdict:
    """The outcome, how many SKUs are missing, and the policy values the rule rests on."""

    outcome: Outcome
    missing_skus: int = 0
    policy_keys: tuple[str, ...] = ("am_assignment_hours", "min_compliant_skus")


def next_step(answers: Answers) -> Step | None:
    """The next question to ask, or None when the answers are enough for a verdict."""
    if answers.registered is None:
        return Step.REGISTERED
    if not answers.registered:
        return None
    if answers.entity is None:
        return Step.ENTITY
    if answers.entity is EntityType.INDIVIDUAL:
        return None
    if answers.kyc is None:
        return Step.KYC
    if answers.kyc is not KycStatus.VERIFIED or answers.entity is EntityType.INDIVIDUAL_BUSINESS:
        return None
    if answers.skus is None:
        return Step.SKUS
    return None


def evaluate(answers: Answers, policy: PolicyValues) -> Verdict:
    """The verdict for complete answers (`next_step(answers)` is None)."""
    if next_step(answers) is not None:
        msg = f"answers incomplete: {answers}"
        raise ValueError(msg)
    if not answers.registered:
        return Verdict(Outcome.NOT_REGISTERED, policy_keys=("credit_code_length",))
    if answers.entity is EntityType.INDIVIDUAL:
        return Verdict(Outcome.INDIVIDUAL)
    if answers.kyc is KycStatus.PENDING:
        return Verdict(Outcome.KYC_PENDING)
    if answers.kyc in {KycStatus.REJECTED, KycStatus.NOT_SUBMITTED}:
        return Verdict(Outcome.KYC_MISSING)
    if answers.entity is EntityType.INDIVIDUAL_BUSINESS:
        return Verdict(
            Outcome.INDIVIDUAL_BUSINESS, policy_keys=("individual_review_working_days",)
        )
    assert answers.skus is not None
    missing = policy.min_compliant_skus - answers.skus
    if missing > 0:
        return Verdict(Outcome.NEED_MORE_SKUS, missing_skus=missing)
    return Verdict(Outcome.ELIGIBLE)
