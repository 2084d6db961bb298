"""The eligibility check (/check): its presses, typed answers and the answers kept in the
wizard's state (draft)."""

from __future__ import annotations

from aiogram import Router

from handlers.eligibility import presses, typed


def create_router() -> Router:
    """The wizard's routers, presses before typed text."""
    router = Router(name="eligibility")
    router.include_routers(presses.create_router(), typed.create_router())
    return router
