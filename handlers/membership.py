"""A seller blocks or unblocks the bot (my_chat_member): reminders stop, and come back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.filters import IS_MEMBER, IS_NOT_MEMBER, ChatMemberUpdatedFilter, Filter
from aiogram.types import ChatMemberUpdated

from bot.db.case_repository import CaseRepository
from bot.db.user_repository import UserRepository
from bot.services.case_rules import CaseRules
from bot.services.cases import CaseStatus


class PrivateChat(Filter):
    """Only the seller's own chat with the bot (groups have their own membership)."""

    async def __call__(self, event: ChatMemberUpdated) -> bool:
        """Match private chats."""
        return event.chat.type == ChatType.PRIVATE


async def blocked(event: ChatMemberUpdated, users: UserRepository, cases: CaseRepository) -> None:
    """Blocked: nothing more is pushed until they come back."""
    await users.set_active(event.from_user.id, active=False)
    await cases.stop_for_user(event.from_user.id)


async def unblocked(
    event: ChatMemberUpdated,
    users: UserRepository,
    cases: CaseRepository,
    rules: CaseRules,
    clock: Callable[[], datetime],
    default_zone: ZoneInfo,
) -> None:
    """Back: active again, and every open case gets its reminder again (the times come from
    the case rules; the repository wakes the scheduler)."""
    seller = event.from_user.id
    await users.ensure(seller, event.chat.id)  # marks a known seller active again
    now = clock()
    quiet = await users.quiet_hours(seller, default_zone, rules.policy.values)
    plan = [
        (case, at)
        for case in await cases.for_user(seller, (CaseStatus.OPEN,))
        if (at := rules.resumed_reminder(case, now, quiet)) is not None
    ]
    await cases.resume(plan)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="membership")
    router.my_chat_member.filter(PrivateChat())
    router.my_chat_member.register(blocked, ChatMemberUpdatedFilter(IS_MEMBER >> IS_NOT_MEMBER))
    router.my_chat_member.register(unblocked, ChatMemberUpdatedFilter(IS_NOT_MEMBER >> IS_MEMBER))
    return router
