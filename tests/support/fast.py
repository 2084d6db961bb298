"""Telegram's limits and the request retries as in production, only a hundred times faster:
for in-process bots whose tests should take their real time in milliseconds."""

from __future__ import annotations

from bot.telegram.request_retry import RetryMiddleware
from bot.telegram.send_budget import SendBudget

FAST_RETRY = RetryMiddleware(base_delay=0.005, max_delay=0.05)


def fast_budget() -> SendBudget:
    """The send budget with every interval a hundred times shorter."""
    return SendBudget(per_second=2850, chat_interval=0.0105, group_interval=0.035, window=0.01)
