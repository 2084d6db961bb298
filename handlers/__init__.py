"""Feature routers, in the order the dispatcher tries them."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    cancel,
    case_notes,
    case_times,
    cases,
    eligibility,
    fallback,
    faq,
    groups,
    language,
    manager_reply,
    membership,
    privacy,
    profile,
    sent_texts,
    start,
    stats,
    templates,
    tracking,
    wizard_questions,
)


def get_routers() -> list[Router]:
    """Cancel first (it works from any state), then questions asked inside a wizard, group
    chats, the fallback last.

    Most messages are questions, so the FAQ comes early (after pasted Russian, which it would
    otherwise take): both take text only outside any wizard (default state), and every wizard's
    text handler requires its own state, so they never compete for a message. Membership changes
    (block, unblock) are their own update type, so their router's place does not matter.
    """
    return [
        membership.create_router(),
        cancel.create_router(),
        wizard_questions.create_router(),
        groups.create_router(),
        manager_reply.create_router(),
        faq.create_router(),
        start.create_router(),
        language.create_router(),
        profile.create_router(),
        eligibility.create_router(),
        templates.create_router(),
        sent_texts.create_router(),
        tracking.create_router(),
        cases.create_router(),
        case_times.create_router(),
        case_notes.create_router(),
        stats.create_router(),
        privacy.create_router(),
        fallback.create_router(),
    ]
