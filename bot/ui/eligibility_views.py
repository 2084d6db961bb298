"""How the eligibility check reads: each question with its buttons, and each outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import lazy_gettext as __
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.user_repository import User
from bot.services.cases import CaseKind
from bot.services.eligibility import Outcome, Step, Verdict
from bot.services.knowledge import KnowledgeBase
from bot.services.policy import Policy
from bot.services.quick_times import epoch_minutes
from bot.ui.callbacks import (
    CheckStep,
    EligibilityCb,
    EmailCb,
    FaqCb,
    MenuAction,
    MenuCb,
    TrackAction,
    TrackCb,
)
from bot.ui.formatting import dual_time, largest_unit
from bot.ui.keyboards import cancel_button, menu_button
from bot.ui.labels import ENTITY_TYPE_LABELS, KYC_STATUS_LABELS
from bot.ui.source_lines import source_lines, sourced
from bot.ui.template_texts import EMAIL_TITLES

BACK = "back"
SKU_SHORTCUTS = ("0", "1", "3", "5", "10", "50")
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
        Step.REGISTERED: _("Have you registered as a seller on Ozon Global?"),
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
    builder = InlineKeyboardBuilder()
    for value, label in choices:
        builder.button(
            text=("✅ " if value == current else "") + label,
            callback_data=EligibilityCb(run=run, step=CheckStep(step.value), value=value),
        )
    builder.adjust(3 if step is Step.SKUS else 1)
    navigation = [cancel_button()]
    if step is not Step.REGISTERED:
        back = EligibilityCb(run=run, step=CheckStep(step.value), value=BACK).pack()
        navigation.insert(0, InlineKeyboardButton(text=_("⬅️ Back"), callback_data=back))
    builder.row(*navigation)
    return f"{header}\n\n{question_text(step)}", builder.as_markup()


# Quick answers to "since when": days ago.
MET_DAYS_AGO = {
    "0": __("Just now"),
    "1": __("Yesterday"),
    "3": __("3 days ago"),
    "7": __("A week ago"),
    "14": __("Two weeks ago"),
    "30": __("A month ago"),
}


def met_at_view(run: int) -> tuple[str, InlineKeyboardMarkup]:
    """Ask when KYC Verified and enough SKUs were both true."""
    builder = InlineKeyboardBuilder()
    for value, label in MET_DAYS_AGO.items():
        choice = EligibilityCb(run=run, step=CheckStep.MET_AT, value=value)
        builder.button(text=str(label), callback_data=choice)
    builder.adjust(3)
    builder.row(cancel_button())
    text = _(
        "🧭 Last step\n\nSince when are both conditions met (KYC Verified and enough SKUs)? "
        "Tap, or type a day or time such as <code>上周五</code>, <code>11月20号</code> or "
        "<code>昨天 15:30</code>."
    )
    return text, builder.as_markup()


@dataclass(frozen=True)
class Waiting:
    """For an eligible seller: since when the conditions are met, when the AM is due, now."""

    met_at: datetime
    due: datetime
    now: datetime

    @property
    def overdue(self) -> bool:
        """Has the assignment window passed?"""
        return self.due <= self.now


def eligible_text(waiting: Waiting, policy: Policy, locale: str) -> str:
    """An eligible seller: when to expect the AM, or that the AM is overdue and what to do."""
    values = {
        "hours": policy.values.am_assignment_hours,
        "met": dual_time(waiting.met_at, locale),
        "due": dual_time(waiting.due, locale),
        "waited": largest_unit(waiting.now - waiting.met_at, locale),
    }
    if waiting.overdue:
        return _(
            "⏰ <b>Your AM assignment is overdue.</b>\nYou have met the conditions for {waited} "
            "(since {met}); the guide says an AM is assigned within about {hours} h.\nNext: "
            "check that Messages (the Support tab) is not muted or archived, that KYC shows "
            "Verified and that Settings → My notifications has a working email; then send the "
            '"Missing AM" email below.'
        ).format(**values)
    return _(
        "✅ <b>You meet the conditions.</b>\nThe guide says an AM is assigned within about "
        "{hours} h; the welcome message appears on the Support tab of Messages in Seller "
        "Center.\nMet since: {met}\nExpected by: {due}"
    ).format(**values)


def outcome_text(verdict: Verdict, policy: Policy, waiting: Waiting | None, locale: str) -> str:
    """The verdict in a few lines with what to do next, and the source line."""
    values = policy.values
    texts = {
        Outcome.NEED_MORE_SKUS: ngettext(
            "⏳ <b>Almost there:</b> list {missing} more compliant SKU (the guide asks for at "
            "least {minimum}).\nCheck again once it is live.",
            "⏳ <b>Almost there:</b> list {missing} more compliant SKUs (the guide asks for at "
            "least {minimum}).\nCheck again once they are live.",
            verdict.missing_skus,
        ),
        Outcome.KYC_PENDING: ngettext(
            "⏳ <b>KYC is still being reviewed.</b>\nWait until Seller Center shows Verified; "
            "the guide gives no review time, so go by what Seller Center says. After that, "
            "with at least {minimum} compliant SKU, an AM is assigned within about {hours} h.",
            "⏳ <b>KYC is still being reviewed.</b>\nWait until Seller Center shows Verified; "
            "the guide gives no review time, so go by what Seller Center says. After that, "
            "with at least {minimum} compliant SKUs, an AM is assigned within about {hours} h.",
            values.min_compliant_skus,
        ),
        Outcome.KYC_MISSING: _(
            "📄 <b>KYC comes first.</b>\nSubmit or fix it in Seller Center with:\n"
            "• business licence\n• legal representative's ID\n• bank account proof\n"
            "Then check again."
        ),
        Outcome.INDIVIDUAL_BUSINESS: ngettext(
            "ℹ️ <b>No automatic AM for individual businesses.</b>\nAccording to the guide you "
            "apply by email and the review takes about {days} working day.",
            "ℹ️ <b>No automatic AM for individual businesses.</b>\nAccording to the guide you "
            "apply by email and the review takes about {days} working days.",
            values.individual_review_working_days,
        ),
        Outcome.INDIVIDUAL: _(
            "❌ <b>Individual sellers get no dedicated AM.</b>\nFor questions, open a support "
            "ticket in Seller Center; to get an AM later, you would need to register as a "
            "company."
        ),
        Outcome.NOT_REGISTERED: _(
            "📝 <b>Register first.</b>\nA Chinese company registers on Ozon Global with its "
            "{code_length}-character unified social credit code, its legal name in Latin "
            "letters and a contact email. Then check again."
        ),
    }
    if verdict.outcome is Outcome.ELIGIBLE:
        assert waiting is not None
        text = eligible_text(waiting, policy, locale)
    else:
        text = texts[verdict.outcome].format(
            hours=values.am_assignment_hours,
            minimum=values.min_compliant_skus,
            missing=verdict.missing_skus,
            days=values.individual_review_working_days,
            code_length=values.credit_code_length,
        )
    return sourced(text, source_lines(policy, verdict.policy_keys, locale))


def outcome_keyboard(
    verdict: Verdict,
    knowledge: KnowledgeBase,
    locale: str,
    waiting: Waiting | None,
) -> InlineKeyboardMarkup:
    """What to do next: start tracking, the email, check again, read more, or the menu."""
    builder = InlineKeyboardBuilder()
    topic_id = OUTCOME_TOPICS[verdict.outcome]
    if waiting is not None and waiting.overdue:
        builder.button(
            text=f"✉️ {EMAIL_TITLES['missing_am']}", callback_data=EmailCb(template="missing_am")
        )
        topic_id = "missing_am"
    elif waiting is not None:
        at = epoch_minutes(waiting.met_at)
        track = TrackCb(action=TrackAction.AT, kind=CaseKind.AM_ASSIGNMENT, at=at)
        builder.button(text=_("📌 Track the AM assignment from then"), callback_data=track)
    if verdict.outcome is Outcome.INDIVIDUAL_BUSINESS:
        builder.button(
            text=f"✉️ {EMAIL_TITLES['individual_application']}",
            callback_data=EmailCb(template="individual_application"),
        )
        builder.button(
            text=_("📌 Track the review"),
            callback_data=TrackCb(action=TrackAction.KIND, kind=CaseKind.INDIVIDUAL_APPLICATION),
        )
    if verdict.outcome in {Outcome.NEED_MORE_SKUS, Outcome.KYC_PENDING, Outcome.KYC_MISSING}:
        builder.button(text=_("🔁 Check again"), callback_data=MenuCb(action=MenuAction.CHECK))
    topic = knowledge.topic(locale, topic_id)
    assert topic is not None
    builder.button(text=f"📚 {topic.title}", callback_data=FaqCb(topic=topic_id))
    builder.adjust(1)
    builder.row(menu_button())
    return builder.as_markup()
