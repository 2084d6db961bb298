"""How /templates reads: the phrasebook, the email list, a filled email, and their buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from aiogram import html
from aiogram.types import CopyTextButton, InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.db.user_repository import User
from bot.services.case_rules import CaseRules
from bot.services.cases import Case, CaseKind
from bot.services.policy import Policy
from bot.services.profile import ProfileField
from bot.services.template_filling import (
    LETTER_LANGUAGES,
    CaseFacts,
    EmailTemplate,
    Recipient,
    TemplateLibrary,
    render_email,
)
from bot.telegram.keyboard import Keyboard, single_column
from bot.ui.callbacks import (
    EmailCb,
    MenuAction,
    MenuCb,
    TemplatesCb,
    TemplatesSection,
    TrackAction,
    TrackCb,
)
from bot.ui.keyboards import cancel_button, menu_button
from bot.ui.labels import PROFILE_FIELD_LABELS
from bot.ui.profile_views import prompt_for
from bot.ui.template_texts import (
    EMAIL_EXPLANATIONS,
    EMAIL_TITLES,
    PHRASE_MEANINGS,
    PHRASE_TITLES,
)

# How each letter's language is marked, and the order: the China team reads Chinese first.
LETTER_FLAGS = {"zh": "🇨🇳 中文", "ru": "🇷🇺 Русский", "en": "🇬🇧 English"}


def letter_order(item: tuple[str, str]) -> int:
    """Sort key of (language, body) pairs."""
    return LETTER_LANGUAGES.index(item[0])


@dataclass(frozen=True)
class EmailFill:
    """What fills an email besides the profile: the case it follows, the problem type, the
    seller's own description."""

    case: CaseFacts | None = None
    problem: str | None = None
    description: str | None = None


def case_facts(case: Case, rules: CaseRules, now: datetime) -> CaseFacts:
    """What an email says of the case it follows: when, how long (on its clock and on the
    calendar), what about."""
    waited = rules.waited(case, now)
    return CaseFacts(
        case.happened_at, waited.amount, waited.working_time, waited.calendar, case.kind
    )


def seller_values(user: User | None) -> dict[str, str]:
    """The profile fields templates use, as text; missing ones left out."""
    if user is None:
        return {}
    values = {
        "seller_id": user.seller_id,
        "company_name": user.company_name,
        "sku_count": None if user.sku_count is None else str(user.sku_count),
    }
    return {key: value for key, value in values.items() if value is not None}


def missing_field(template: EmailTemplate, user: User | None) -> ProfileField | None:
    """The first profile field the template needs that the seller has not filled in."""
    values = seller_values(user)
    for field in (ProfileField.SELLER_ID, ProfileField.COMPANY_NAME, ProfileField.SKU_COUNT):
        if field.value in template.fields() and field.value not in values:
            return field
    return None


def templates_menu() -> tuple[str, InlineKeyboardMarkup]:
    """Phrases or emails."""
    builder = Keyboard()
    builder.button(
        text=_("💬 Russian phrases for the AM chat"),
        callback_data=TemplatesCb(section=TemplatesSection.PHRASES),
    )
    builder.button(
        text=_("✉️ Email templates"), callback_data=TemplatesCb(section=TemplatesSection.EMAILS)
    )
    builder.adjust(1)
    builder.row(menu_button())
    return _("Ready-to-send Russian texts. What do you need?"), builder.as_markup()


def back_to_templates() -> InlineKeyboardButton:
    """Back to /templates."""
    return InlineKeyboardButton(
        text=_("⬅️ Templates"), callback_data=MenuCb(action=MenuAction.TEMPLATES).pack()
    )


def phrasebook(library: TemplateLibrary, user: User | None) -> tuple[str, InlineKeyboardMarkup]:
    """Every phrase with its meaning; a copy button each (the seller-ID one once it is known)."""
    values = seller_values(user)
    lines = [_("<b>💬 Russian phrases</b> — tap a button below to copy.")]
    builder = Keyboard()
    for phrase in library.phrases:
        title = str(PHRASE_TITLES[phrase.id])
        if not phrase.fields() <= values.keys():
            lines.append(
                _("<b>{title}</b>: fill in your seller ID in /profile first.").format(title=title)
            )
            continue
        text = phrase.ru.format(**values)
        lines.append(
            f"<b>{title}</b>\n<code>{html.quote(text)}</code>\n<i>{PHRASE_MEANINGS[phrase.id]}</i>"
        )
        builder.button(text=f"📋 {title}", copy_text=CopyTextButton(text=text))
    builder.adjust(2)
    sent = TrackCb(action=TrackAction.SENT, kind=CaseKind.AM_MESSAGE)
    builder.row(
        InlineKeyboardButton(
            text=_("📨 I sent one to my AM: track the reply"), callback_data=sent.pack()
        )
    )
    builder.row(back_to_templates(), menu_button())
    return "\n\n".join(lines), builder.as_markup()


def email_list(library: TemplateLibrary) -> tuple[str, InlineKeyboardMarkup]:
    """One button per email template."""
    builder = Keyboard()
    for template in library.emails:
        builder.button(
            text=str(EMAIL_TITLES[template.id]), callback_data=EmailCb(template=template.id)
        )
    builder.adjust(1)
    builder.row(back_to_templates(), menu_button())
    text = _("<b>✉️ Email templates</b>\nPick one; I will fill it in from your profile.")
    return text, builder.as_markup()


def problem_picker(
    request: EmailCb, library: TemplateLibrary, locale: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The problem types of the general request, named in the seller's language."""
    builder = Keyboard()
    for key, names in library.problems.items():
        choice = EmailCb(template=request.template, case=request.case, problem=key)
        builder.button(text=names["zh" if locale == "zh" else "en"], callback_data=choice)
    builder.adjust(1)
    builder.row(cancel_button())
    return _("What is the problem about?"), builder.as_markup()


def field_prompt(field: ProfileField) -> tuple[str, InlineKeyboardMarkup]:
    """A template needs a profile field the seller has not filled in."""
    needed = _("This template needs your {field}.").format(field=PROFILE_FIELD_LABELS[field])
    question, _markup = prompt_for(field)
    return f"{needed}\n{question}", single_column(cancel_button())


def description_prompt(request: EmailCb) -> tuple[str, InlineKeyboardMarkup]:
    """The seller's own words about the issue, in Chinese if they like (or skip)."""
    skip = EmailCb(
        template=request.template, case=request.case, problem=request.problem, described=True
    )
    builder = Keyboard()
    builder.button(text=_("Skip"), callback_data=skip)
    builder.row(cancel_button())
    text = _(
        "Describe the issue in a sentence or two, in Chinese if you like: it goes into the "
        "Chinese letter as it is, and into the Russian and English ones marked as Chinese."
    )
    return text, builder.as_markup()


def email_view(
    template: EmailTemplate,
    library: TemplateLibrary,
    user: User | None,
    filled: EmailFill,
    policy: Policy,
) -> tuple[str, InlineKeyboardMarkup]:
    """The filled email: recipient, subject, a body per language (Chinese first where the
    China team reads it), the caution, and «I have sent it»."""
    rendered = render_email(
        template,
        library,
        seller_values(user),
        case=filled.case,
        problem=filled.problem,
        description=filled.description,
    )
    support = policy.values.support_email
    if template.to is Recipient.SUPPORT:
        recipient = _("To: <code>{address}</code>").format(address=support)
    else:
        recipient = _(
            "To: your AM's own address (in the welcome message) · CC: <code>{address}</code>"
        ).format(address=support)
    parts = [
        f"<b>✉️ {EMAIL_TITLES[template.id]}</b>",
        f"<i>{EMAIL_EXPLANATIONS[template.id]}</i>",
        recipient,
        _("Subject: <code>{subject}</code>").format(subject=html.quote(rendered.subject)),
        *(
            f"{LETTER_FLAGS[language]}\n<pre>{html.quote(body)}</pre>"
            for language, body in sorted(rendered.bodies.items(), key=letter_order)
        ),
        _(
            "⚠️ The address comes from a third-party guide: check it in Seller Center first. "
            "Send documents and verification codes only through Seller Center."
        ),
    ]
    builder = Keyboard()
    sent = TrackCb(action=TrackAction.SENT, kind=template.tracks)
    builder.button(text=_("📨 I have sent it: track the reply"), callback_data=sent)
    builder.button(text=_("📋 Copy subject"), copy_text=CopyTextButton(text=rendered.subject))
    builder.button(text=_("📋 Copy address"), copy_text=CopyTextButton(text=support))
    builder.adjust(1, 2)
    builder.row(
        InlineKeyboardButton(
            text=_("⬅️ Email templates"),
            callback_data=TemplatesCb(section=TemplatesSection.EMAILS).pack(),
        ),
        menu_button(),
    )
    return "\n\n".join(parts), builder.as_markup()
