"""Callback data: short versioned prefixes, enum actions and steps, stable ids.

Buttons stay in old messages for months, so what a button carries must keep meaning the same
thing: topics and templates by their id (never by list position), steps and quick times by enum
value. Changing the shape of a class means a new prefix; `LEGACY_PREFIXES` keeps the previous
versions answered (they open the screen they belonged to).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

from bot.services.cases import CaseKind
from bot.services.profile import ProfileField

# A number a button carries, bounded to what SQLite stores (a signed 64-bit integer): buttons
# are user input, and a forged 2**63 would overflow the query instead of being a stale button
# (a value out of bounds does not unpack, so the press gets the one stale-button answer).
ButtonNumber = Annotated[int, Field(ge=-(2**63), le=2**63 - 1)]


class MenuAction(StrEnum):
    """Entries of the main menu."""

    MAIN = "main"
    FAQ = "faq"
    CHECK = "check"
    TEMPLATES = "tpl"
    TRACK = "track"
    CASES = "cases"
    STATS = "stats"
    PROFILE = "prof"
    HELP = "help"
    LANGUAGE = "lang"


class MenuCb(CallbackData, prefix="m1"):
    """Open a section from the main menu."""

    action: MenuAction


class LanguageCb(CallbackData, prefix="l1"):
    """Switch the interface language."""

    locale: str


class ProfileEditCb(CallbackData, prefix="pe1"):
    """Start editing one profile field."""

    field: ProfileField


class ProfileChoiceCb(CallbackData, prefix="pc1"):
    """Pick a value for a profile field from buttons."""

    field: ProfileField
    value: str


class DeleteCb(CallbackData, prefix="d1"):
    """Confirm or cancel erasing all of the user's data."""

    confirm: bool


class CancelCb(CallbackData, prefix="x1"):
    """Leave whatever wizard is open."""


class FaqCb(CallbackData, prefix="f2"):
    """Open a knowledge-base topic by its id."""

    topic: str


class CheckStep(StrEnum):
    """Steps of the eligibility check as buttons carry them."""

    REGISTERED = "reg"
    ENTITY = "ent"
    KYC = "kyc"
    SKUS = "sku"
    MET_AT = "met"


class EligibilityCb(CallbackData, prefix="e1"):
    """An answer in the eligibility check; `run` ties it to one wizard message."""

    run: ButtonNumber
    step: CheckStep
    value: str


class TemplatesSection(StrEnum):
    """The two halves of /templates."""

    PHRASES = "ph"
    EMAILS = "em"


class TemplatesCb(CallbackData, prefix="t1"):
    """Open the phrasebook or the email list."""

    section: TemplatesSection


class EmailCb(CallbackData, prefix="tm2"):
    """Open an email template by id; `case` (0: none) fills it from a case, `problem` is the
    picked problem type (the topic), `described` says the description step is done, `day`
    (a date's ordinal, 0: none) is the day the seller says they wrote when the letter follows
    up without a case, `nameless` declines a contact name for the signature."""

    template: str
    case: ButtonNumber = 0
    problem: str = ""
    described: bool = False
    day: int = 0
    nameless: bool = False


class TrackAction(StrEnum):
    """Steps of recording a case."""

    KIND = "k"
    WHEN = "w"
    AT = "at"
    SENT = "sent"  # «I have sent it» under a template: recorded at once, time now
    DUE = "d"
    NOTE = "n"
    SAVE = "s"


class TrackCb(CallbackData, prefix="k1"):
    """Recording a case: the kind, a quick time, a moment already known (`at`, UTC epoch
    minutes, from an outcome that knows it), the seller's own wait, note, save."""

    action: TrackAction
    kind: CaseKind
    value: str = ""
    at: int = 0


class ReplyTrackCb(CallbackData, prefix="rt1"):
    """Track a deadline read from a pasted manager's reply; `run` ties it to that reply."""

    run: ButtonNumber
    option: ButtonNumber


class CaseAction(StrEnum):
    """What a seller can do with one case."""

    VIEW = "v"
    ANSWERED = "a"  # asks when the reply came
    EDIT = "ed"  # the corrections menu
    EDIT_NOTE = "n"
    EMAIL = "e"  # buttons of pushes sent before emails were opened with EmailCb directly
    SNOOZE_HOUR = "h"
    SNOOZE_PERIOD = "p"
    CLOSE = "c"
    REOPEN = "r"
    DELETE = "x"
    LIST_CLOSED = "l"


class CaseCb(CallbackData, prefix="c1"):
    """An action on a case; the case id is always checked against the pressing user."""

    action: CaseAction
    case: ButtonNumber = 0


class CaseMoment(StrEnum):
    """Which time of a case a quick button or a typed time sets."""

    HAPPENED = "h"  # when the message went out (the deadline follows)
    ANSWERED = "a"  # when the reply came (the case is then answered)
    DUE = "d"  # the deadline itself, counted from now


class CaseTimeCb(CallbackData, prefix="ct1"):
    """A quick time for one of a case's moments: a `QuickTime` for the past, an `OwnWait`
    from now for the deadline."""

    case: ButtonNumber
    moment: CaseMoment
    value: str


# Prefixes of earlier versions of the classes above, and the section each belonged to.
LEGACY_PREFIXES: dict[str, MenuAction] = {"f1": MenuAction.FAQ, "tm1": MenuAction.TEMPLATES}
