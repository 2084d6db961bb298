"""Display names of enum values, as translatable strings."""

from __future__ import annotations

from aiogram.utils.i18n import lazy_gettext as __

from bot.services.cases import CaseEvent, CaseKind
from bot.services.profile import EntityType, KycStatus, ProfileField
from bot.services.quick_times import OwnWait, QuickTime

PROFILE_FIELD_LABELS = {
    ProfileField.SELLER_ID: __("Seller ID"),
    ProfileField.COMPANY_NAME: __("Company name"),
    ProfileField.CONTACT_NAME: __("Contact name for letters"),
    ProfileField.ENTITY_TYPE: __("Entity type"),
    ProfileField.SKU_COUNT: __("Listed SKUs"),
    ProfileField.KYC_STATUS: __("KYC status"),
    ProfileField.TIMEZONE: __("Time zone"),
    ProfileField.QUIET_HOURS: __("Quiet hours"),
    ProfileField.QUIET_HOLD: __("Reminders in quiet hours"),
}

QUIET_HOLD_LABELS = {
    "0": __("Deliver silently"),
    "1": __("Hold until quiet hours end"),
}

ENTITY_TYPE_LABELS = {
    EntityType.COMPANY: __("Company"),
    EntityType.INDIVIDUAL_BUSINESS: __("Individual business (个体工商户)"),
    EntityType.INDIVIDUAL: __("Individual seller"),
}

KYC_STATUS_LABELS = {
    KycStatus.VERIFIED: __("Verified"),
    KycStatus.PENDING: __("Pending"),
    KycStatus.REJECTED: __("Rejected"),
    KycStatus.NOT_SUBMITTED: __("Not submitted"),
}

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}

ZONE_NAMES = {
    "Asia/Shanghai": __("Beijing time"),
    "Europe/Moscow": __("Moscow time"),
}

KIND_LABELS = {
    CaseKind.AM_ASSIGNMENT: __("Waiting for an AM (KYC and SKUs done)"),
    CaseKind.AM_MESSAGE: __("Message to my AM"),
    CaseKind.SUPPORT_EMAIL: __("Email to the China support mailbox"),
    CaseKind.COMPLEX_HANDOVER: __("Complex issue handed to the AM"),
    CaseKind.MISSING_AM: __('"Missing AM" email'),
    CaseKind.ESCALATION: __("Escalation to a senior AM"),
    CaseKind.INDIVIDUAL_APPLICATION: __("Individual-business application for an AM"),
    CaseKind.CUSTOM: __("Something else (my own deadline)"),
    CaseKind.OWN_TASK: __("My own task (a deadline I must meet)"),
}

EVENT_LABELS = {
    CaseEvent.RECORDED: __("recorded"),
    CaseEvent.REMINDED: __("reminded"),
    CaseEvent.SNOOZED: __("snoozed"),
    CaseEvent.EMAIL: __("follow-up email prepared"),
    CaseEvent.FOLLOWED_UP: __("follow-up email sent"),
    CaseEvent.ANSWERED: __("answered"),
    CaseEvent.CLOSED: __("closed"),
    CaseEvent.REOPENED: __("reopened"),
    CaseEvent.EDITED: __("corrected"),
}

QUICK_TIME_LABELS = {
    QuickTime.NOW: __("Just now"),
    QuickTime.HALF_HOUR_AGO: __("30 min ago"),
    QuickTime.HOUR_AGO: __("1 hour ago"),
    QuickTime.THREE_HOURS_AGO: __("3 hours ago"),
    QuickTime.THIS_MORNING: __("This morning 10:00"),
    QuickTime.YESTERDAY: __("Yesterday, same time"),
}

OWN_WAIT_LABELS = {
    OwnWait.TWO_HOURS: __("2 hours"),
    OwnWait.ONE_DAY: __("1 day"),
    OwnWait.THREE_DAYS: __("3 days"),
    OwnWait.ONE_WEEK: __("7 days"),
}

DUE_FROM_NOW_LABELS = {
    OwnWait.TWO_HOURS: __("In 2 hours"),
    OwnWait.ONE_DAY: __("In 1 day"),
    OwnWait.THREE_DAYS: __("In 3 days"),
    OwnWait.ONE_WEEK: __("In 7 days"),
}
