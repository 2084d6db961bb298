"""A manager's pasted Russian reply: its explanation and the deadlines it offers, kept in the
state until one is tracked (draft)."""

from __future__ import annotations

from aiogram import Router

from handlers.manager_reply import replies


def create_router() -> Router:
    """The wizard's routers, presses before typed text."""
    router = Router(name="manager_reply")
    router.include_routers(replies.create_router())
    return router
