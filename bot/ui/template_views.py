"""How /templates reads: the phrasebook, the email list, a filled email, and their buttons."""

from __future__ import annotations

from aiogram import html
from aiogram.types import CopyTextButton, InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.db.user_repository import User
from bot.services.policy import Policy
from bot.services.profile import ProfileField
from bot.services.template_filling import (
    CaseFacts,
    EmailTemplate,
    Recipient,
    TemplateLibrary,
    render_email,
)
from bot.telegram.keyboard import Keyboard, single_column
from bot.ui.callbacks import EmailCb, MenuAction, MenuCb, TemplatesCb, TemplatesSection
from bot.ui.keyboards import cancel_button, menu_button
from bot.ui.labels import PROFILE_FIELD_LABELS
from bot.ui.template_texts import (
    EMAIL_EXPLANATIONS,
    EMAIL_TITLES,
    PHRASE_MEANINGS,
    PHRASE_TITLES,
    PROBLEM_LABELS,
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
    text = _("<b>✉️ Email templates</b>\nPick one; I fill it in from your profile.")
    return text, builder.as_markup()


def problem_picker(request: EmailCb) -> tuple[str, InlineKeyboardMarkup]:
    """The problem types of the general request."""
    builder = Keyboard()
    for key, label in PROBLEM_LABELS.items():
        choice = EmailCb(template=request.template, case=request.case, problem=key)
        builder.button(text=str(label), callback_data=choice)
    builder.adjust(1)
    builder.row(cancel_button())
    return _("What is the problem about?"), builder.as_markup()


def field_prompt(field: ProfileField) -> tuple[str, InlineKeyboardMarkup]:
    """A template needs a profile field the seller has not filled in."""
    text = _("This template needs your {field}. Please send it:").format(
        field=PROFILE_FIELD_LABELS[field]
    )
    return text, single_column(cancel_button())


def email_view(
    template: EmailTemplate,
    user: User | None,
    case: CaseFacts | None,
    problem: tuple[str, str] | None,
    policy: Policy,
) -> tuple[str, InlineKeyboardMarkup]:
    """The filled email: recipient, subject, Russian and English bodies, the caution."""
    rendered = render_email(template, seller_values(user), case, problem)
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
        f"🇷🇺\n<pre>{html.quote(rendered.ru)}</pre>",
        f"🇬🇧\n<pre>{html.quote(rendered.en)}</pre>",
        _(
            "⚠️ The address comes from a third-party guide: check it in Seller Center first. "
            "Documents and verification codes go only through the official personal account."
        ),
    ]
    builder = Keyboard()
    builder.button(text=_("📋 Copy subject"), copy_text=CopyTextButton(text=rendered.subject))
    builder.button(text=_("📋 Copy address"), copy_text=CopyTextButton(text=support))
    builder.adjust(2)
    builder.row(
        InlineKeyboardButton(
            text=_("⬅️ Email templates"),
            callback_data=TemplatesCb(section=TemplatesSection.EMAILS).pack(),
        ),
        menu_button(),
    )
    return "\n\n".join(parts), builder.as_markup()
