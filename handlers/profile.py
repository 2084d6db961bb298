"""/profile: view and edit the seller profile, one field at a time."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer

from bot.db.user_repository import UserRepository
from bot.services.policy import Policy
from bot.services.profile import ProfileField
from bot.telegram.filters import NO_TEXT, PLAIN_TEXT, PRIVATE
from bot.telegram.screens import show
from bot.ui.callbacks import MenuAction, MenuCb, ProfileChoiceCb, ProfileEditCb
from bot.ui.profile_views import (
    choice_is_offered,
    profile_card,
    prompt_for,
    saved_card,
    typed_value,
)
from bot.ui.states import ProfileEdit
from bot.ui.wizard_prompts import ask_for_text, invalid_reason, stale_button_text


async def cmd_profile(
    message: Message, users: UserRepository, policy: Policy, default_zone: ZoneInfo
) -> None:
    """Show the profile card."""
    assert message.from_user is not None
    text, markup = profile_card(await users.get(message.from_user.id), policy, default_zone.key)
    await message.answer(text, reply_markup=markup)


async def menu_profile(
    query: CallbackQuery, users: UserRepository, policy: Policy, default_zone: ZoneInfo
) -> None:
    """Show the profile card from the menu."""
    text, markup = profile_card(await users.get(query.from_user.id), policy, default_zone.key)
    await show(query, text, markup)


async def profile_edit_pressed(
    query: CallbackQuery, callback_data: ProfileEditCb, state: FSMContext
) -> None:
    """Ask for the new value of one field (typed, or a choice's label typed or tapped)."""
    await state.set_state(ProfileEdit.value)
    await state.update_data(field=callback_data.field.value)
    text, markup = prompt_for(callback_data.field)
    await show(query, text, markup)


async def profile_choice_pressed(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: ProfileChoiceCb,
    state: FSMContext,
    users: UserRepository,
    policy: Policy,
    default_zone: ZoneInfo,
) -> None:
    """Save a value picked from buttons, after checking it is one we offered."""
    field, value = callback_data.field, callback_data.value
    if not choice_is_offered(field, value):
        callback_answer.text = stale_button_text()
        callback_answer.show_alert = True
        return
    await state.clear()
    stored: object = int(value) if field is ProfileField.QUIET_HOLD else value
    await users.save_field(query.from_user.id, query.from_user.id, field, stored)
    text, markup = saved_card(await users.get(query.from_user.id), policy, default_zone.key)
    await show(query, text, markup)


async def profile_value_typed(
    message: Message,
    state: FSMContext,
    users: UserRepository,
    policy: Policy,
    default_zone: ZoneInfo,
) -> None:
    """Validate a typed value (for a choice: a button's label); save it, or explain and ask
    again."""
    assert message.from_user is not None and message.text is not None
    data = await state.get_data()
    field = ProfileField(data.get("field", ProfileField.SELLER_ID))
    parsed = typed_value(message.text, field)
    if parsed.error is not None:
        text, markup = prompt_for(field)
        await message.answer(invalid_reason(parsed.error) + "\n" + text, reply_markup=markup)
        return
    value = parsed.value
    await state.clear()
    await users.save_field(message.from_user.id, message.chat.id, field, value)
    text, markup = saved_card(await users.get(message.from_user.id), policy, default_zone.key)
    await message.answer(text, reply_markup=markup)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="profile")
    router.message.filter(PRIVATE)
    router.message.register(cmd_profile, Command("profile"))
    router.callback_query.register(menu_profile, MenuCb.filter(F.action == MenuAction.PROFILE))
    router.callback_query.register(profile_edit_pressed, ProfileEditCb.filter())
    router.callback_query.register(profile_choice_pressed, ProfileChoiceCb.filter())
    router.message.register(profile_value_typed, StateFilter(ProfileEdit.value), PLAIN_TEXT)
    router.message.register(ask_for_text, StateFilter(ProfileEdit.value), NO_TEXT)
    return router
