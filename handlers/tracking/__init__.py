"""Recording a follow-up (/track): its presses, typed answers and the case kept in the
wizard's state until it is saved (draft)."""

from __future__ import annotations

from aiogram import Router

from handlers.tracking import presses, typed


def create_router() -> Router:
    """The wizard's routers, presses before typed text."""
    router = Router(name="tracking")
    router.include_routers(presses.create_router(), typed.create_router())
    return router
