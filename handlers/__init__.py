"""Feature routers, in the order the dispatcher tries them."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    cancel,
    cases,
    eligibility,
    fallback,
    faq,
    groups,
    language,
    membership,
    privacy,
    profile,
    start,
    stats,
    templates,
    tracking,
)


def get_routers() -> list[Router]:
    """Cancel first (it works from any state), group chats next, the fallback last.

    Most messages are questions, so the FAQ comes early: it takes plain text only outside any
    wizard (default state), and every wizard's text handler requires its own state, so the two
    never compete for a message. Membership changes (block, unblock) are their own update
    type, so their router's place does not matter.
    """
    return [
        membership.create_router(),
        cancel.create_router(),
        groups.create_router(),
        faq.create_router(),
        start.create_router(),
        language.create_router(),
        profile.create_router(),
        eligibility.create_router(),
        templates.create_router(),
        tracking.create_router(),
        cases.create_router(),
        stats.create_router(),
        privacy.create_router(),
        fallback.create_router(),
    ]
