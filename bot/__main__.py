"""Command line: `python -m bot [polling|webhook|chat|health]`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from pydantic import ValidationError

from bot.content.errors import ContentError
from bot.db.connection import DatabaseError, check_integrity, database_owned
from bot.settings import SettingError, Settings

EXIT_CONFIG = 2
logger = logging.getLogger("bot")


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    name = str(first["loc"][0]).upper() if first["loc"] else "settings"
    return f"{name}: {first['msg'].removeprefix('Value error, ')}"


def _default_mode(token: str) -> str:
    """Polling with a token; without one, the console chat, but only for a person at a
    terminal: a service with no token (a container, a unit file) must fail, not chat with an
    empty input and exit 0."""
    if token:
        return "polling"
    if sys.stdin is not None and sys.stdin.isatty():
        return "chat"
    raise SettingError(
        "BOT_TOKEN",
        "not set and no terminal for the console chat; "
        "set BOT_TOKEN to run the bot, or run `python -m bot chat`",
    )


def _run(mode: str, settings: Settings, token: str) -> int:
    if mode == "health":
        # Answered before aiogram is imported: the container asks every 30 s. A damaged file
        # is unhealthy even while a bot owns it: one line, and 1 (Docker's "unhealthy").
        if not database_owned(settings.database_path):
            return 1
        try:
            check_integrity(settings.database_path)
        except DatabaseError as error:
            print(f"Unhealthy: {error}", file=sys.stderr)
            return 1
        return 0
    if mode in {"polling", "webhook"}:
        settings.token()  # a missing token is reported alone, before any import or log line
    # Imported here, after the settings are known to be good, so a bad setting is reported at
    # once; aiogram's Telegram types are then built on first use (bot/telegram/speedups).
    from bot.telegram.speedups import import_aiogram

    speedups_off = import_aiogram(enabled=settings.speedups)
    from bot.app import run_polling, run_webhook
    from bot.logging_setup import setup_logging
    from bot.offline.console import run_console

    # The console chat shares the terminal with the conversation: only problems are logged.
    quiet = mode == "chat" and settings.log_level in {"DEBUG", "INFO"}
    webhook_secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    translation_key = (
        settings.translation_key.get_secret_value() if settings.translation_key else ""
    )
    secrets = [token, webhook_secret, translation_key]
    setup_logging("WARNING" if quiet else settings.log_level, secrets)
    if speedups_off is not None:
        # Switched off by the operator: for information; untested versions: worth a warning.
        level = logging.WARNING if settings.speedups else logging.INFO
        logger.log(level, "aiogram speed-ups off, aiogram imported plainly: %s", speedups_off)
    if mode == "chat":
        asyncio.run(run_console(settings, sys.stdin, sys.stdout))
    elif mode == "webhook":
        run_webhook(settings)
    else:
        asyncio.run(run_polling(settings))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the mode, load settings, run; bad settings give one line and status 2."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument(
        "mode",
        nargs="?",
        choices=["polling", "webhook", "chat", "health"],
        help="default: polling when BOT_TOKEN is set, otherwise the offline console chat at a "
        "terminal (and an error anywhere else)",
    )
    args = parser.parse_args(argv)
    try:
        settings = Settings()
        token = settings.bot_token.get_secret_value().strip() if settings.bot_token else ""
        return _run(args.mode or _default_mode(token), settings, token)
    except ValidationError as error:
        print(f"Invalid setting {_describe(error)}", file=sys.stderr)
    except (SettingError, DatabaseError, ContentError) as error:
        print(f"Cannot start: {error}", file=sys.stderr)
    except KeyboardInterrupt:
        return 0
    return EXIT_CONFIG


if __name__ == "__main__":
    sys.exit(main())
