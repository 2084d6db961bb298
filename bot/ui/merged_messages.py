"""What the seller is told when several messages were handled as one."""

from __future__ import annotations

from aiogram.utils.i18n import gettext as _


def merged_notice() -> str:
    """Once per burst of messages sent while the bot was still answering."""
    return _("I got several messages at once and read them together as one.")
