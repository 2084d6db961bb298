"""The deadlines read from the last pasted reply, kept in the state until one is tracked."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from aiogram.fsm.context import FSMContext

from bot.nlp.russian.explain import Explanation, TrackOption
from bot.nlp.russian.facts import DurationFact, DurationUnit
from bot.services.cases import CaseKind, Clock, Deadline
from bot.services.clock import from_epoch, to_epoch
from bot.ui.task_views import request_number, task_of
from bot.ui.tracking_views import NOTE_MAX_CHARS


@dataclass(frozen=True)
class KeptDeadline:
    """A deadline to track: when the reply came, the deadline, the manager's sentence."""

    received: datetime
    deadline: Deadline
    note: str
    task: str | None  # what the seller must do by the deadline (None: a wait for a reply)
    reference: str | None  # the request number the reply gives
    kind: CaseKind  # the seller's own task, or a wait for a reply
    period: DurationFact | None  # counted from when the seller sends the documents


async def keep_options(
    state: FSMContext,
    received: datetime,
    options: tuple[TrackOption, ...],
    explanation: Explanation,
    locale: str,
) -> int:
    """Keep the deadlines of a reply (with what the seller must do by each, and the reply's
    request number); return the run id its buttons carry."""
    run = secrets.randbelow(1_000_000)
    kept = [
        {
            "due": to_epoch(option.deadline.due),
            "clock": option.deadline.clock.value,
            "estimate": option.deadline.estimate,
            "keys": list(option.deadline.policy_keys),
            "note": option.sentence[:NOTE_MAX_CHARS],
            "task": task_of(option, explanation, locale),
            "kind": (CaseKind.OWN_TASK if option.own_task else CaseKind.CUSTOM).value,
            "period": (
                [option.fact.text, option.fact.amount, option.fact.unit.value]
                if isinstance(option.fact, DurationFact) and option.after_documents
                else None
            ),
        }
        for option in options
    ]
    reply = {
        "run": run,
        "at": to_epoch(received),
        "options": kept,
        "reference": request_number(explanation),
    }
    await state.update_data(reply=reply)
    return run


async def kept_option(state: FSMContext, run: int, index: int) -> KeptDeadline | None:
    """The deadline a button stands for, if it belongs to the last reply explained."""
    reply = (await state.get_data()).get("reply", {})
    options = reply.get("options", [])
    if reply.get("run") != run or not 0 <= index < len(options):
        return None
    kept = options[index]
    due, clock = from_epoch(kept["due"]), Clock(kept["clock"])
    deadline = Deadline(due, clock, kept["estimate"], tuple(kept["keys"]))
    period = kept.get("period")
    fact = (
        DurationFact(period[0], period[1], DurationUnit(period[2]), after_documents=True)
        if period
        else None
    )
    kind = CaseKind(kept.get("kind", CaseKind.CUSTOM.value))
    return KeptDeadline(
        from_epoch(reply["at"]),
        deadline,
        kept["note"],
        kept.get("task"),
        reply.get("reference"),
        kind,
        fact,
    )
