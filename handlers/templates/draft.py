"""The email being filled: what is still to ask (a profile field, the topic, the day the seller
wrote, their description), kept in the wizard's state until the email can be shown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardMarkup

from bot.db.user_repository import User
from bot.nlp.typed.times import parse_past_time
from bot.services.cases import Case
from bot.services.profile import TYPED_PARSERS, InvalidValue, ProfileField
from bot.services.template_filling import SellerWords, TemplateLibrary, has_chinese
from bot.ui.callbacks import EmailCb
from bot.ui.case_views import shorten
from bot.ui.states import TemplateFill
from bot.ui.template_views import (
    day_picker,
    description_prompt,
    field_prompt,
    missing_field,
    problem_picker,
)
from bot.ui.typed_press import skip_press, typed_press
from bot.ui.wizard_prompts import invalid_reason, time_error_reason

# The description goes into a letter: a few sentences, not an essay. Chinese says as much in
# about half the characters, and its machine translations go into two letters besides, so it
# is kept shorter: every letter of one email still fits one Telegram message.
DESCRIPTION_MAX_CHARS = 600
CHINESE_DESCRIPTION_MAX_CHARS = 300
TRANSLATION_MAX_CHARS = 700


async def next_screen(
    state: FSMContext,
    request: EmailCb,
    library: TemplateLibrary,
    user: User | None,
    case: Case | None,
    locale: str,
    today: date,
    translating: bool,
) -> tuple[str, InlineKeyboardMarkup] | None:
    """Set the wizard to the next question and return its screen: a missing profile field
    (then the optional contact name), the topic, the day the seller wrote (a follow-up without
    a case), the description; None when the email can be shown."""
    template = library.email(request.template)
    assert template is not None
    field = missing_field(template, user)
    if field is not None:
        await state.set_state(TemplateFill.value)
        await state.set_data({"request": request.pack(), "field": field.value})
        return field_prompt(field, request)
    if template.needs_topic() and not library.topic(request.problem, case.kind if case else None):
        await state.set_state(TemplateFill.topic)
        await state.set_data({"request": request.pack()})
        return problem_picker(request, library, locale)
    if template.follows_up() and case is None and not request.day:
        await state.set_state(TemplateFill.day)
        await state.set_data({"request": request.pack()})
        return day_picker(request, today)
    if template.asks_description and not request.described:
        await state.set_state(TemplateFill.description)
        await state.set_data({"request": request.pack()})
        return description_prompt(request, translating)
    return None


def kept_description(text: str) -> str:
    """What of the seller's description goes into the letter."""
    limit = CHINESE_DESCRIPTION_MAX_CHARS if has_chinese(text) else DESCRIPTION_MAX_CHARS
    return text.strip()[:limit]


def seller_words(text: str | None, translations: dict[str, str]) -> SellerWords | None:
    """The description with its machine translations, each cut to what a letter holds."""
    if not text:
        return None
    kept = {
        language: shorten(found, TRANSLATION_MAX_CHARS) for language, found in translations.items()
    }
    return SellerWords(text, kept)


@dataclass(frozen=True)
class Typed:
    """What a typed answer at a step of an email does: go on with `request` (after storing a
    profile `field` value or the `description`), or show `refusal` and ask again."""

    request: EmailCb
    field: tuple[ProfileField, Any] | None = None
    description: str | None = None
    refusal: tuple[str, InlineKeyboardMarkup] | None = None


def read_typed(
    raw_state: str | None,
    text: str,
    stored: dict[str, Any],
    now: datetime,
    zone: ZoneInfo,
    library: TemplateLibrary,
    locale: str,
) -> Typed:
    """Read what the seller typed at the step the email is at: a profile field (by its
    parser; "跳过"/"skip" at the optional contact name skips it), the topic (a problem type's
    name), the day they wrote (a date the way sellers write it, or a quick button's label; a
    time with it is fine, the letter keeps the day), or their description ("跳过" skips it)."""
    request = EmailCb.unpack(stored["request"])
    if raw_state == TemplateFill.topic.state:
        question, markup = problem_picker(request, library, locale)
        pressed = typed_press(text, markup)
        if pressed is None:
            return Typed(
                request,
                refusal=(f"{invalid_reason(InvalidValue.NOT_A_CHOICE)}\n\n{question}", markup),
            )
        return Typed(EmailCb.unpack(pressed))
    if raw_state == TemplateFill.description.state:
        skipped = skip_press(text, description_prompt(request, translating=False)[1])
        if skipped is not None:
            return Typed(EmailCb.unpack(skipped))
        return Typed(
            request.model_copy(update={"described": True}), description=kept_description(text)
        )
    if raw_state == TemplateFill.day.state:
        question, markup = day_picker(request, now.astimezone(zone).date())
        pressed = typed_press(text, markup)
        if pressed is not None:
            return Typed(EmailCb.unpack(pressed))
        parsed = parse_past_time(text[:80], now, zone)
        day = parsed.day or (parsed.moment.astimezone(zone).date() if parsed.moment else None)
        if day is None:
            assert parsed.error is not None
            reason = time_error_reason(parsed.error)
            return Typed(request, refusal=(f"{reason}\n\n{question}", markup))
        return Typed(request.model_copy(update={"day": day.toordinal()}))
    field = ProfileField(stored["field"])
    skipped = skip_press(text, field_prompt(field, request)[1])
    if skipped is not None:
        return Typed(EmailCb.unpack(skipped))
    parsed_value = TYPED_PARSERS[field](text)
    if parsed_value.error is not None:
        question, markup = field_prompt(field, request)
        reason = invalid_reason(parsed_value.error)
        return Typed(request, refusal=(f"{reason}\n{question}", markup))
    return Typed(request, field=(field, parsed_value.value))
