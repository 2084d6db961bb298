"""/templates: Russian phrases and email templates, filled from the profile, one tap to copy."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from aiogram import F, Router, html
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    CopyTextButton,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram.utils.i18n import gettext as _

from bot.db.user_repository import User, UserRepository
from bot.services.case_rules import CaseRules
from bot.services.policy import Policy
from bot.services.profile import ProfileField
from bot.services.template_filling import (
    CaseFacts,
    EmailTemplate,
    Recipient,
    TemplateLibrary,
    render_email,
)
from bot.telegram.filters import NO_TEXT, PLAIN_TEXT, PRIVATE
from bot.telegram.keyboard import Keyboard, single_column
from bot.telegram.screens import show
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
from handlers.profile import (
    TYPED_PARSERS,
    invalid_reason,
    profile_value_not_text,
    prompt_for,
    save_field,
)


class TemplateFill(StatesGroup):
    """A template needs a profile field the seller has not filled in yet."""

    value = State()


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
    for index, template in enumerate(library.emails):
        builder.button(text=str(EMAIL_TITLES[template.id]), callback_data=EmailCb(template=index))
    builder.adjust(1)
    builder.row(back_to_templates(), menu_button())
    return _("<b>✉️ Email templates</b>\nPick one; I fill it in from your profile."), (
        builder.as_markup()
    )


def problem_picker(index: int, case: int) -> tuple[str, InlineKeyboardMarkup]:
    """The problem types of the general request."""
    builder = Keyboard()
    for key, label in PROBLEM_LABELS.items():
        builder.button(
            text=str(label), callback_data=EmailCb(template=index, case=case, problem=key)
        )
    builder.adjust(1)
    builder.row(cancel_button())
    return _("What is the problem about?"), builder.as_markup()


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


def missing_field(template: EmailTemplate, user: User | None) -> ProfileField | None:
    """The first profile field the template needs that the seller has not filled in."""
    values = seller_values(user)
    for field in (ProfileField.SELLER_ID, ProfileField.COMPANY_NAME, ProfileField.SKU_COUNT):
        if field.value in template.fields() and field.value not in values:
            return field
    return None


async def open_email(
    user_id: int,
    request: EmailCb,
    state: FSMContext,
    data: dict[str, Any],
) -> tuple[str, InlineKeyboardMarkup]:
    """The next screen of an email: a missing field to ask, the problem type, or the email."""
    library: TemplateLibrary = data["templates"]
    template = library.emails[request.template]
    user = await data["users"].get(user_id)
    field = missing_field(template, user)
    if field is not None:
        await state.set_state(TemplateFill.value)
        await state.set_data({"request": request.pack(), "field": field.value})
        label = PROFILE_FIELD_LABELS[field]
        markup = single_column(cancel_button())
        return _("This template needs your {field}. Please send it:").format(field=label), markup
    await state.clear()
    if template.needs_problem() and request.problem not in library.problems:
        return problem_picker(request.template, request.case)
    problem = library.problems.get(request.problem)
    facts = await case_facts(user_id, request.case, data) if request.case else None
    return email_view(template, user, facts, problem, data["policy"])


async def case_facts(user_id: int, case_id: int, data: dict[str, Any]) -> CaseFacts | None:
    """When the case started and how long the seller has waited, on the case's clock."""
    case = await data["cases"].get(case_id, user_id)
    if case is None:
        return None
    rules: CaseRules = data["rules"]
    waited = rules.waited(case, datetime.now(UTC))
    return CaseFacts(
        sent_at=case.happened_at, waited=waited.amount, working_time=waited.working_time
    )


async def cmd_templates(message: Message) -> None:
    """Phrases or emails."""
    text, markup = templates_menu()
    await message.answer(text, reply_markup=markup)


async def menu_templates(query: CallbackQuery) -> None:
    """Phrases or emails, from the menu."""
    text, markup = templates_menu()
    await show(query, text, markup)


async def section_pressed(
    query: CallbackQuery,
    callback_data: TemplatesCb,
    users: UserRepository,
    templates: TemplateLibrary,
) -> None:
    """The phrasebook or the email list."""
    if callback_data.section is TemplatesSection.PHRASES:
        text, markup = phrasebook(templates, await users.get(query.from_user.id))
    else:
        text, markup = email_list(templates)
    await show(query, text, markup)


async def email_pressed(
    query: CallbackQuery, callback_data: EmailCb, state: FSMContext, **data: Any
) -> None:
    """Open one email template (checked against the library: buttons are user input)."""
    library: TemplateLibrary = data["templates"]
    foreign_case = callback_data.case and (
        await data["cases"].get(callback_data.case, query.from_user.id) is None
    )
    if not 0 <= callback_data.template < len(library.emails) or foreign_case:
        await query.answer(_("This button is no longer valid."), show_alert=True)
        return
    text, markup = await open_email(query.from_user.id, callback_data, state, data)
    await show(query, text, markup, new_message=True)


async def field_typed(message: Message, state: FSMContext, **data: Any) -> None:
    """Save the missing profile field, then go on with the template."""
    assert message.from_user is not None and message.text is not None
    stored = await state.get_data()
    field = ProfileField(stored["field"])
    parsed = TYPED_PARSERS[field](message.text)
    if parsed.error is not None:
        text, markup = prompt_for(field)
        await message.answer(invalid_reason(parsed.error) + "\n" + text, reply_markup=markup)
        return
    await save_field(message.from_user.id, message.chat.id, field, parsed.value, data["users"])
    request = EmailCb.unpack(stored["request"])
    text, markup = await open_email(message.from_user.id, request, state, data)
    await message.answer(text, reply_markup=markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="templates")
    router.message.filter(PRIVATE)
    router.message.register(cmd_templates, Command("templates"))
    router.callback_query.register(menu_templates, MenuCb.filter(F.action == MenuAction.TEMPLATES))
    router.callback_query.register(section_pressed, TemplatesCb.filter())
    router.callback_query.register(email_pressed, EmailCb.filter())
    router.message.register(field_typed, StateFilter(TemplateFill.value), PLAIN_TEXT)
    router.message.register(profile_value_not_text, StateFilter(TemplateFill.value), NO_TEXT)
    return router
