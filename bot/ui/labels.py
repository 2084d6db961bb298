"""Display names of enum values, as translatable strings."""

from __future__ import annotations

from aiogram.utils.i18n import lazy_gettext as __

from bot.services.profile import EntityType, KycStatus, ProfileField

PROFILE_FIELD_LABELS = {
    ProfileField.SELLER_ID: __("Seller ID"),
    ProfileField.COMPANY_NAME: __("Company name"),
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
    EntityType.COMPANY: __("Company (enterprise)"),
    EntityType.INDIVIDUAL_BUSINESS: __("Individual business (个体工商户)"),
    EntityType.INDIVIDUAL: __("Individual person"),
}

KYC_STATUS_LABELS = {
    KycStatus.VERIFIED: __("Verified"),
    KycStatus.PENDING: __("Pending"),
    KycStatus.REJECTED: __("Rejected"),
    KycStatus.NOT_SUBMITTED: __("Not submitted"),
}

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
