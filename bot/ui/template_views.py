"""How /templates reads: the phrasebook, the email list, a filled email, and their buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from aiogram import html
from aiogram.types import CopyTextButton, InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.user_repository import User
from bot.services.case_rules import CaseRules
from bot.services.cases import Case, CaseKind
from bot.services.policy import Policy
from bot.services.profile import ProfileField, names_a_company
from bot.services.quick_times import QUICK_DAYS_AGO
from bot.services.template_filling import (
    LETTER_LANGUAGES,
    OPEN_PROBLEM,
    CaseFacts,
    EmailTemplate,
    Recalled,
    Recipient,
    SellerWords,
    TemplateLibrary,
    render_email,
)
from bot.telegram.limits import fits_copy_button
from bot.ui.callbacks import (
    EmailCb,
    MenuAction,
    MenuCb,
    TemplatesCb,
    TemplatesSection,
    TrackAction,
    TrackCb,
)
from bot.ui.formatting import dual_time
from bot.ui.keyboards import cancel_button, menu_button
from bot.ui.labels import PROFILE_FIELD_LABELS
from bot.ui.profile_views import company_only_label, contact_name_question, prompt_for
from bot.ui.template_texts import (
    EMAIL_EXPLANATIONS,
    EMAIL_TITLES,
    PHRASE_MEANINGS,
    PHRASE_TITLES,
)

# How each letter's language is marked, and the order: the China team reads Chinese first.
LETTER_FLAGS = {"zh": "🇨🇳 中文", "ru": "🇷🇺 Русский", "en": "🇬🇧 English"}
# The required fields a template may ask for, in the order asked; then the optional name.
REQUIRED_FIELDS = (ProfileField.SELLER_ID, ProfileField.COMPANY_NAME, ProfileField.SKU_COUNT)


def letter_order(item: tuple[str, str]) -> int:
    """Sort key of (language, body) pairs."""
    return LETTER_LANGUAGES.index(item[0])


@dataclass(frozen=True)
class EmailFill:
    """What fills an email besides the profile: the case it follows (or the day the seller
    says they wrote), the problem type, the seller's own words."""

    case: CaseFacts | None = None
    recalled: Recalled | None = None
    problem: str | None = None
    words: SellerWords | None = None
    thread: int = 0  # the follow-up the letter answers: «I have sent it» updates it
    first_due: datetime | None = None  # that follow-up's reply, still due (the letter is early)


def email_fill(
    case: Case | None,
    rules: CaseRules,
    now: datetime,
    recalled: Recalled | None,
    problem: str | None,
    words: SellerWords | None,
) -> EmailFill:
    """What fills an email: the case it follows (when, how long ago on the calendar, what
    kind of step, the follow-up number Ozon gave; whether its first wait is still running)."""
    if case is None:
        return EmailFill(recalled=recalled, problem=problem, words=words)
    facts = CaseFacts(
        case.happened_at, rules.waited(case, now).calendar, case.kind, case.reference
    )
    first_due = case.due_at if case.due_at > now else None
    return EmailFill(facts, recalled, problem, words, thread=case.id, first_due=first_due)


def recalled_day(day: date | None, today: date) -> Recalled | None:
    """The day the seller gave, and how many days ago it was."""
    return Recalled(day, (today - day).days) if day is not None else None


def seller_values(user: User | None) -> dict[str, str]:
    """The profile fields templates use, as text; missing ones (and a declined contact name)
    left out."""
    if user is None:
        return {}
    values = {
        "seller_id": user.seller_id,
        "company_name": user.company_name,
        "contact_name": user.contact_name or None,
        "sku_count": None if user.sku_count is None else str(user.sku_count),
    }
    return {key: value for key, value in values.items() if value is not None}


def missing_field(template: EmailTemplate, user: User | None) -> ProfileField | None:
    """The first profile field the template needs that the seller has not filled in; then the
    contact name for the signature, once (declining it is remembered)."""
    values = seller_values(user)
    for field in REQUIRED_FIELDS:
        if field.value in template.fields() and field.value not in values:
            return field
    if template.signs() and (user is None or user.contact_name is None):
        return ProfileField.CONTACT_NAME
    return None


def templates_menu() -> tuple[str, InlineKeyboardMarkup]:
    """Phrases or emails."""
    builder = InlineKeyboardBuilder()
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
    builder = InlineKeyboardBuilder()
    for phrase in library.phrases:
        title = str(PHRASE_TITLES[phrase.id])
        if not phrase.fields() <= values.keys():
            lines.append(
                _(
                    "<b>{title}</b>: fill in your seller ID and company name in /profile first."
                ).format(title=title)
            )
            continue
        text = phrase.ru.format(**values)
        lines.append(
            f"<b>{title}</b>\n<code>{html.quote(text)}</code>\n<i>{PHRASE_MEANINGS[phrase.id]}</i>"
        )
        if fits_copy_button(text):  # a very long company name: tap the text to copy it
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
    builder = InlineKeyboardBuilder()
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
    """The problem types (the topic of the letter), named in the seller's language."""
    builder = InlineKeyboardBuilder()
    for key, names in library.problems.items():
        choice = request.model_copy(update={"problem": key})
        builder.button(text=names["zh" if locale == "zh" else "en"], callback_data=choice)
    builder.adjust(1)
    builder.row(cancel_button())
    return _("What is the problem about?"), builder.as_markup()


def days_ago_label(days: int) -> str:
    """A quick day button: today, yesterday, N days ago."""
    if days == 0:
        return _("Today")
    if days == 1:
        return _("Yesterday")
    return ngettext("{count} day ago", "{count} days ago", days).format(count=days)


def day_picker(request: EmailCb, today: date) -> tuple[str, InlineKeyboardMarkup]:
    """Which day the seller wrote (the letter says it, so the reader can find it): a quick
    button, or a typed date."""
    builder = InlineKeyboardBuilder()
    for days in QUICK_DAYS_AGO:
        day = today - timedelta(days=days)
        choice = request.model_copy(update={"day": day.toordinal()})
        builder.button(text=days_ago_label(days), callback_data=choice)
    builder.adjust(2)
    builder.row(cancel_button())
    text = _(
        "When did you write to them about it? The letter gives the date so they can find your "
        "message. Tap a day, or type a date such as <code>11-20</code> or <code>上周五</code>."
    )
    return text, builder.as_markup()


def field_prompt(field: ProfileField, request: EmailCb) -> tuple[str, InlineKeyboardMarkup]:
    """A template needs a profile field the seller has not filled in; the contact name is
    optional (a button signs with the company only)."""
    builder = InlineKeyboardBuilder()
    if field is ProfileField.CONTACT_NAME:
        skip = request.model_copy(update={"nameless": True})
        builder.button(text=company_only_label(), callback_data=skip)
        builder.row(cancel_button())
        return contact_name_question(), builder.as_markup()
    needed = _("This template needs your {field}.").format(field=PROFILE_FIELD_LABELS[field])
    question, _markup = prompt_for(field)
    builder.row(cancel_button())
    return f"{needed}\n{question}", builder.as_markup()


def description_prompt(request: EmailCb, translating: bool) -> tuple[str, InlineKeyboardMarkup]:
    """The seller's own words about the issue: numbers and dates help in any language;
    Russian or English if they can; Chinese is translated when a translator is configured,
    else marked as Chinese (or skip)."""
    skip = request.model_copy(update={"described": True})
    builder = InlineKeyboardBuilder()
    if request.problem != OPEN_PROBLEM:  # «another question» is said only by the description
        builder.button(text=_("Skip"), callback_data=skip)
    builder.row(cancel_button())
    ask = _(
        "Describe the issue in a sentence or two. Give order, shipment or ticket numbers, "
        "amounts and dates: they read in any language. Write in Russian or English if you can."
    )
    if translating:
        chinese = _(
            "Chinese is fine too: the Russian and English letters then carry a machine "
            "translation, marked as one, with your Chinese below it."
        )
    else:
        chinese = _(
            "Chinese is fine too: it goes into the Russian and English letters as written, "
            "marked as Chinese, so the numbers matter most."
        )
    return f"{ask}\n{chinese}", builder.as_markup()


def early_note(first_due: datetime, locale: str) -> str:
    """A follow-up letter written before the first wait has run out says so."""
    return _(
        "⏳ The first wait has not run out yet: a reply is due by {due}. A follow-up sent "
        "before then may come too early."
    ).format(due=dual_time(first_due, locale))


def email_view(
    template: EmailTemplate,
    library: TemplateLibrary,
    user: User | None,
    filled: EmailFill,
    policy: Policy,
    locale: str,
) -> tuple[str, InlineKeyboardMarkup]:
    """The filled email: recipient, subject, a body per language (Chinese first where the
    China team reads it), the caution, and «I have sent it»."""
    rendered = render_email(
        template,
        library,
        seller_values(user),
        case=filled.case,
        recalled=filled.recalled,
        problem=filled.problem,
        words=filled.words,
    )
    support = policy.values.support_email
    if template.to is Recipient.SUPPORT:
        recipient = _("To: <code>{address}</code>").format(address=support)
    else:
        recipient = _(
            "To: your AM's own address (in the welcome message) · CC: <code>{address}</code>"
        ).format(address=support)
    company = user.company_name if user and user.company_name else ""
    mismatch = template.tracks is CaseKind.INDIVIDUAL_APPLICATION and names_a_company(company)
    parts = [
        f"<b>✉️ {EMAIL_TITLES[template.id]}</b>",
        f"<i>{EMAIL_EXPLANATIONS[template.id]}</i>",
        *(
            [
                _(
                    '⚠️ "{name}" reads as a limited company. This letter is for an individual '
                    "business (个体工商户) only: a company seller gets an AM through KYC and "
                    "compliant SKUs, see /check. Correct the name in /profile if it is wrong."
                ).format(name=html.quote(company))
            ]
            if mismatch
            else []
        ),
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
    if filled.first_due is not None:
        parts.insert(2, early_note(filled.first_due, locale))
    builder = InlineKeyboardBuilder()
    thread = str(filled.thread) if filled.thread else ""
    sent = TrackCb(action=TrackAction.SENT, kind=template.tracks, value=thread)
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
