"""Feature routers, in the order the dispatcher tries them."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    cancel,
    eligibility,
    fallback,
    faq,
    groups,
    language,
    privacy,
    profile,
    start,
    templates,
)


def get_routers() -> list[Router]:
    """Cancel first (it works from any state), group chats next, the fallback last."""
    return [
        cancel.create_router(),
        groups.create_router(),
        start.create_router(),
        language.create_router(),
        profile.create_router(),
        eligibility.create_router(),
        templates.create_router(),
        privacy.create_router(),
        # Free text is a question only once no wizard above has claimed it.
        faq.create_router(),
        fallback.create_router(),
    ]
