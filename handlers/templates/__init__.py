"""Phrases and email templates (/templates): the menus, filling an email step by step, and
what is still to ask, kept in the wizard's state (draft)."""

from __future__ import annotations

from aiogram import Router

from handlers.templates import filling, menu


def create_router() -> Router:
    """The wizard's routers, presses before typed text."""
    router = Router(name="templates")
    router.include_routers(menu.create_router(), filling.create_router())
    return router
