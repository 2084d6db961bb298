"""/profile: view and edit the seller profile, one field at a time."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from aiogram import F, Router, html
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _

from bot.db.user_repository import User, UserRepository
from bot.services.policy import Policy
from bot.services.profile import (
    EntityType,
    InvalidValue,
    KycStatus,
    Parsed,
    ProfileField,
    parse_company_name,
    parse_quiet_hours,
    parse_seller_id,
    parse_sku_count,
    parse_timezone,
)
from bot.telegram.filters import NO_TEXT, PLAIN_TEXT, PRIVATE
from bot.telegram.keyboard import Keyboard, single_column
from bot.telegram.screens import show
from bot.ui.callbacks import MenuAction, MenuCb, ProfileChoiceCb, ProfileEditCb
from bot.ui.keyboards import cancel_button, menu_button
from bot.ui.labels import (
    ENTITY_TYPE_LABELS,
    KYC_STATUS_LABELS,
    PROFILE_FIELD_LABELS,
    QUIET_HOLD_LABELS,
)

TYPED_PARSERS: dict[ProfileField, Callable[[str], Parsed[Any]]] = {
    ProfileField.SELLER_ID: parse_seller_id,
    ProfileField.COMPANY_NAME: parse_company_name,
    ProfileField.SKU_COUNT: parse_sku_count,
    ProfileField.TIMEZONE: parse_timezone,
    ProfileField.QUIET_HOURS: parse_quiet_hours,
}
CHOICES: dict[ProfileField, Mapping[Any, Any]] = {
    ProfileField.ENTITY_TYPE: ENTITY_TYPE_LABELS,
    ProfileField.KYC_STATUS: KYC_STATUS_LABELS,
    ProfileField.QUIET_HOLD: QUIET_HOLD_LABELS,
}
TIMEZONE_SHORTCUTS = ("Asia/Shanghai", "Europe/Moscow", "Asia/Hong_Kong")


class ProfileEdit(StatesGroup):
    """Waiting for a typed value; the field being edited is in the state data."""

    value = State()


def invalid_reason(error: InvalidValue) -> str:
    """A friendly sentence for each refusal."""
    reasons = {
        InvalidValue.EMPTY: _("The value is empty."),
        InvalidValue.NOT_DIGITS: _("The seller ID has digits only, e.g. 123456."),
        InvalidValue.TOO_LONG: _("That is too long."),
        InvalidValue.CONTROL_CHARS: _("Please use printable characters only."),
        InvalidValue.NOT_A_NUMBER: _("Please send a whole number, e.g. 12."),
        InvalidValue.NEGATIVE: _("The number cannot be negative."),
        InvalidValue.TOO_LARGE: _("That number is too large."),
        InvalidValue.UNKNOWN_TIMEZONE: _(
            "Unknown time zone. Use a name like Asia/Shanghai or Europe/Moscow."
        ),
        InvalidValue.NOT_A_TIME_RANGE: _(
            "Please send a time range such as <code>23:00-08:00</code>."
        ),
    }
    return reasons[error]


def display_value(user: User | None, field: ProfileField, policy: Policy) -> str:
    """The stored value, escaped for HTML, or a dash (quiet settings show their default)."""
    value = getattr(user, field.value) if user else None
    if field is ProfileField.QUIET_HOLD:
        return str(QUIET_HOLD_LABELS[str(int(bool(value)))])
    if field is ProfileField.QUIET_HOURS and value is None:
        values = policy.values
        default = f"{values.quiet_hours_start:%H:%M}-{values.quiet_hours_end:%H:%M}"
        return _("{hours} (default)").format(hours=default)
    if value is None:
        return "—"
    if field is ProfileField.ENTITY_TYPE:
        return str(ENTITY_TYPE_LABELS[EntityType(value)])
    if field is ProfileField.KYC_STATUS:
        return str(KYC_STATUS_LABELS[KycStatus(value)])
    return html.quote(str(value))


def profile_card(user: User | None, policy: Policy) -> tuple[str, InlineKeyboardMarkup]:
    """The profile as text, with an edit button per field."""
    lines = [_("<b>Your seller profile</b>")]
    lines += [
        f"{PROFILE_FIELD_LABELS[field]}: {display_value(user, field, policy)}"
        for field in ProfileField
    ]
    lines.append(_("Tap a field to change it."))
    builder = Keyboard()
    for field in ProfileField:
        builder.button(
            text=f"✏️ {PROFILE_FIELD_LABELS[field]}", callback_data=ProfileEditCb(field=field)
        )
    builder.adjust(2)
    builder.row(menu_button())
    return "\n".join(lines), builder.as_markup()


def prompt_for(field: ProfileField) -> tuple[str, InlineKeyboardMarkup]:
    """The question and buttons for editing one field."""
    label = PROFILE_FIELD_LABELS[field]
    builder = Keyboard()
    if field in CHOICES:
        for value, text in CHOICES[field].items():
            builder.button(text=str(text), callback_data=ProfileChoiceCb(field=field, value=value))
        builder.adjust(1)
        builder.row(cancel_button())
        return _("Choose your {field}:").format(field=label), builder.as_markup()
    if field is ProfileField.TIMEZONE:
        for name in TIMEZONE_SHORTCUTS:
            builder.button(text=name, callback_data=ProfileChoiceCb(field=field, value=name))
        builder.adjust(1)
    builder.row(cancel_button())
    return _("Send your {field}:").format(field=label), builder.as_markup()


def choice_is_offered(field: ProfileField, value: str) -> bool:
    """Button values are user input too: accept only what the keyboards offer."""
    if field in CHOICES:
        return value in CHOICES[field]
    return field is ProfileField.TIMEZONE and value in TIMEZONE_SHORTCUTS


async def cmd_profile(message: Message, users: UserRepository, policy: Policy) -> None:
    """Show the profile card."""
    assert message.from_user is not None
    text, markup = profile_card(await users.get(message.from_user.id), policy)
    await message.answer(text, reply_markup=markup)


async def menu_profile(query: CallbackQuery, users: UserRepository, policy: Policy) -> None:
    """Show the profile card from the menu."""
    text, markup = profile_card(await users.get(query.from_user.id), policy)
    await show(query, text, markup)


async def profile_edit_pressed(
    query: CallbackQuery, callback_data: ProfileEditCb, state: FSMContext
) -> None:
    """Ask for the new value of one field."""
    if callback_data.field not in CHOICES:
        await state.set_state(ProfileEdit.value)
        await state.update_data(field=callback_data.field.value)
    text, markup = prompt_for(callback_data.field)
    await show(query, text, markup)


async def profile_choice_pressed(
    query: CallbackQuery,
    callback_data: ProfileChoiceCb,
    state: FSMContext,
    users: UserRepository,
    policy: Policy,
) -> None:
    """Save a value picked from buttons, after checking it is one we offered."""
    field, value = callback_data.field, callback_data.value
    if not choice_is_offered(field, value):
        await query.answer(_("This button is no longer valid."), show_alert=True)
        return
    await state.clear()
    stored: object = int(value) if field is ProfileField.QUIET_HOLD else value
    await save_field(query.from_user.id, query.from_user.id, field, stored, users)
    text, markup = profile_card(await users.get(query.from_user.id), policy)
    await show(query, _("Saved.") + "\n\n" + text, markup)


async def profile_value_typed(
    message: Message, state: FSMContext, users: UserRepository, policy: Policy
) -> None:
    """Validate a typed value; save it, or explain and ask again."""
    assert message.from_user is not None and message.text is not None
    data = await state.get_data()
    field = ProfileField(data.get("field", ProfileField.SELLER_ID))
    parsed = TYPED_PARSERS[field](message.text)
    if parsed.error is not None:
        text, markup = prompt_for(field)
        await message.answer(invalid_reason(parsed.error) + "\n" + text, reply_markup=markup)
        return
    await state.clear()
    await save_field(message.from_user.id, message.chat.id, field, parsed.value, users)
    text, markup = profile_card(await users.get(message.from_user.id), policy)
    await message.answer(_("Saved.") + "\n\n" + text, reply_markup=markup)


async def profile_value_not_text(message: Message) -> None:
    """Stickers, photos and the like while a value is expected."""
    await message.answer(
        _("Please send the value as text, or press Cancel."),
        reply_markup=single_column(cancel_button()),
    )


async def save_field(
    user_id: int, chat_id: int, field: ProfileField, value: object, users: UserRepository
) -> None:
    """Create the user if needed and store one field."""
    await users.ensure(user_id, chat_id)
    await users.set_field(user_id, field, value)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="profile")
    router.message.filter(PRIVATE)
    router.message.register(cmd_profile, Command("profile"))
    router.callback_query.register(menu_profile, MenuCb.filter(F.action == MenuAction.PROFILE))
    router.callback_query.register(profile_edit_pressed, ProfileEditCb.filter())
    router.callback_query.register(profile_choice_pressed, ProfileChoiceCb.filter())
    router.message.register(profile_value_typed, StateFilter(ProfileEdit.value), PLAIN_TEXT)
    router.message.register(profile_value_not_text, StateFilter(ProfileEdit.value), NO_TEXT)
    return router
