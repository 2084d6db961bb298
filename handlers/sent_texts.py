"""«I have sent it» under a template or the phrasebook: a follow-up recorded in one tap."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery

from bot.db.case_repository import CaseRepository
from bot.services.case_rules import CaseRules
from bot.services.cases import SELLER_SET_KINDS, CaseStatus
from bot.services.clock import WallClock
from bot.telegram.screens import show
from bot.ui.callbacks import TrackAction, TrackCb
from bot.ui.tracking_views import followed_up_view, sent_view

OPEN = (CaseStatus.OPEN,)


async def sent_pressed(
    query: CallbackQuery,
    callback_data: TrackCb,
    cases: CaseRepository,
    rules: CaseRules,
    locale: str,
    clock: WallClock,
) -> None:
    """«I have sent it» under a template: recorded at once with the time now (a new message:
    the text to copy stays where it was). Under a letter that follows up an open case, that
    case waits on the letter's answer instead: one thread, one set of reminders."""
    now, user_id, value = clock(), query.from_user.id, callback_data.value
    deadline = rules.deadline(callback_data.kind, now)
    remind_at = rules.first_reminder(deadline.due, now)
    thread = await cases.get(int(value), user_id, OPEN) if value.isdigit() else None
    if thread is not None:
        await cases.followed_up(thread, callback_data.kind, deadline, remind_at, now)
        thread = await cases.get(thread.id, user_id)
        assert thread is not None
        await show(query, *followed_up_view(thread, locale), new_message=True)
        return
    case = await cases.create(user_id, callback_data.kind, now, deadline, None, now, remind_at)
    await show(query, *sent_view(case, locale), new_message=True)


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="sent_texts")
    sendable = (F.action == TrackAction.SENT) & ~F.kind.in_(SELLER_SET_KINDS)
    router.callback_query.register(sent_pressed, TrackCb.filter(sendable))
    return router
