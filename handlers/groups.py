"""Group and supergroup chats: the bot works in private chats only."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.telegram.filters import NOT_PRIVATE


async def group_command(message: Message) -> None:
    """Point the user to a private chat; the case data is personal."""
    await message.reply(_("I only work in a private chat: open my profile and press Start."))


async def group_message(message: Message) -> None:
    """Other group traffic is ignored on purpose: the bot must not answer every message."""


def create_router() -> Router:
    """Register this module's handlers on a new router."""
    router = Router(name="groups")
    router.message.filter(NOT_PRIVATE)
    router.message.register(group_command, Command("start", "help"))
    router.message.register(group_message)
    return router
