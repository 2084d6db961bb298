"""How the seller profile reads, and the prompts for editing one field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram import html
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.user_repository import User
from bot.services.policy import Policy
from bot.services.profile import (
    TYPED_PARSERS,
    EntityType,
    InvalidValue,
    KycStatus,
    Parsed,
    ProfileField,
)
from bot.ui.callbacks import ProfileChoiceCb, ProfileEditCb
from bot.ui.formatting import labelled
from bot.ui.keyboards import cancel_button, menu_button
from bot.ui.labels import (
    ENTITY_TYPE_LABELS,
    KYC_STATUS_LABELS,
    PROFILE_FIELD_LABELS,
    QUIET_HOLD_LABELS,
    ZONE_NAMES,
)
from bot.ui.typed_press import typed_press

CHOICES: dict[ProfileField, Mapping[Any, Any]] = {
    ProfileField.ENTITY_TYPE: ENTITY_TYPE_LABELS,
    ProfileField.KYC_STATUS: KYC_STATUS_LABELS,
    ProfileField.QUIET_HOLD: QUIET_HOLD_LABELS,
}
# The zones most sellers are in; any other is typed.
TIMEZONE_SHORTCUTS = ("Asia/Shanghai", "Europe/Moscow")


def zone_name(zone: str) -> str:
    """A time zone by the name sellers use (北京时间, 莫斯科时间), else its IANA name."""
    label = ZONE_NAMES.get(zone)
    return str(label) if label is not None else html.quote(zone)


def display_value(
    user: User | None, field: ProfileField, policy: Policy, default_zone: str
) -> str:
    """The stored value, escaped for HTML, or a dash (quiet settings show their default)."""
    value = getattr(user, field.value) if user else None
    if field is ProfileField.QUIET_HOLD:
        return str(QUIET_HOLD_LABELS[str(int(bool(value)))])
    if field is ProfileField.QUIET_HOURS and value is None:
        values = policy.values
        default = f"{values.quiet_hours_start:%H:%M}-{values.quiet_hours_end:%H:%M}"
        return _("{hours} (default)").format(hours=default)
    if field is ProfileField.TIMEZONE:
        if value is None:
            return _("{zone} (default)").format(zone=zone_name(default_zone))
        return zone_name(str(value))
    if value is None or value == "":
        return "—"
    if field is ProfileField.ENTITY_TYPE:
        return str(ENTITY_TYPE_LABELS[EntityType(value)])
    if field is ProfileField.KYC_STATUS:
        return str(KYC_STATUS_LABELS[KycStatus(value)])
    return html.quote(str(value))


def profile_card(
    user: User | None, policy: Policy, default_zone: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The profile as text, with an edit button per field."""
    lines = [_("<b>Your seller profile</b>")]
    lines += [
        labelled(
            str(PROFILE_FIELD_LABELS[field]), display_value(user, field, policy, default_zone)
        )
        for field in ProfileField
    ]
    lines.append(_("Tap a field to change it."))
    builder = InlineKeyboardBuilder()
    for field in ProfileField:
        builder.button(
            text=f"✏️ {PROFILE_FIELD_LABELS[field]}", callback_data=ProfileEditCb(field=field)
        )
    builder.adjust(2)
    builder.row(menu_button())
    return "\n".join(lines), builder.as_markup()


def saved_card(
    user: User | None, policy: Policy, default_zone: str
) -> tuple[str, InlineKeyboardMarkup]:
    """The profile card after a change."""
    text, markup = profile_card(user, policy, default_zone)
    return _("Saved.") + "\n\n" + text, markup


def prompt_for(field: ProfileField) -> tuple[str, InlineKeyboardMarkup]:
    """The question and buttons for editing one field."""
    label = PROFILE_FIELD_LABELS[field]
    builder = InlineKeyboardBuilder()
    if field in CHOICES:
        for value, text in CHOICES[field].items():
            builder.button(text=str(text), callback_data=ProfileChoiceCb(field=field, value=value))
        builder.adjust(1)
        builder.row(cancel_button())
        return _("Choose your {field}:").format(field=label), builder.as_markup()
    if field is ProfileField.TIMEZONE:
        for name in TIMEZONE_SHORTCUTS:
            choice = ProfileChoiceCb(field=field, value=name)
            builder.button(text=zone_name(name), callback_data=choice)
        builder.adjust(1)
        builder.row(cancel_button())
        text = _("Choose your time zone, or type another one (for example Asia/Urumqi):")
        return text, builder.as_markup()
    if field is ProfileField.CONTACT_NAME:
        builder.button(
            text=company_only_label(), callback_data=ProfileChoiceCb(field=field, value="")
        )
        builder.adjust(1)
        builder.row(cancel_button())
        return contact_name_question(), builder.as_markup()
    builder.row(cancel_button())
    if field is ProfileField.COMPANY_NAME:
        text = _(
            "Send your company name in Latin letters, exactly as registered on Ozon "
            "(for example Shenzhen Hongda Trading Co., Ltd.):"
        )
        return text, builder.as_markup()
    return _("Send your {field}:").format(field=label), builder.as_markup()


def contact_name_question() -> str:
    """Asked for the optional contact name."""
    return _(
        "Send the name of the person who signs your letters, in Latin letters (for example "
        "Li Wei). Optional: without it, letters are signed with the company name only."
    )


def company_only_label() -> str:
    """The button that declines a contact name."""
    return _("Skip: sign with the company name only")


def choice_is_offered(field: ProfileField, value: str) -> bool:
    """Button values are user input too: accept only what the keyboards offer."""
    if field in CHOICES:
        return value in CHOICES[field]
    if field is ProfileField.CONTACT_NAME:
        return value == ""
    return field is ProfileField.TIMEZONE and value in TIMEZONE_SHORTCUTS


def typed_value(text: str, field: ProfileField) -> Parsed[Any]:
    """A typed answer for a field: a button's label typed counts as the press (a choice, a
    time zone by name); otherwise the field's own parser reads it."""
    pressed = typed_press(text, prompt_for(field)[1])
    if pressed is not None:
        value = ProfileChoiceCb.unpack(pressed).value
        return Parsed(value=int(value) if field is ProfileField.QUIET_HOLD else value)
    if field in CHOICES:
        return Parsed(error=InvalidValue.NOT_A_CHOICE)
    return TYPED_PARSERS[field](text)
