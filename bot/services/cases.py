"""The kinds of case a seller can track."""

from __future__ import annotations

from enum import StrEnum


class CaseKind(StrEnum):
    """What the seller did and is now waiting on."""

    AM_ASSIGNMENT = "assign"
    AM_MESSAGE = "am_msg"
    SUPPORT_EMAIL = "email"
    MISSING_AM = "missing"
    ESCALATION = "escal"
    INDIVIDUAL_APPLICATION = "indiv"
    CUSTOM = "custom"
