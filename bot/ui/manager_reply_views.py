"""How an explained manager's reply reads: each sentence with its meaning (or plainly none),
the facts pulled out, what to do next, a machine translation if configured, and the buttons
to track a deadline or copy a Russian answer."""

from __future__ import annotations

from datetime import datetime

from aiogram import html
from aiogram.types import CopyTextButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.db.user_repository import User
from bot.services.manager_reply import Explanation, TrackOption
from bot.services.policy import Policy
from bot.services.reply_facts import Facts, ZoneSource
from bot.services.template_filling import TemplateLibrary
from bot.telegram.limits import fits_copy_button
from bot.ui.callbacks import ReplyTrackCb
from bot.ui.formatting import BEIJING, clock, dual_time, source_note
from bot.ui.keyboards import menu_button
from bot.ui.template_texts import PHRASE_TITLES
from bot.ui.template_views import seller_values

# A quoted sentence is shown up to this length: enough to recognise it.
QUOTE_CHARS = 90


def explanation_text(
    explanation: Explanation,
    options: tuple[TrackOption, ...],
    policy: Policy,
    locale: str,
    translation: tuple[str, str] | None,
    farthest: datetime,
    answers: list[tuple[str, str]],
) -> str:
    """Sentence by sentence, then the facts, the next steps, and a machine translation;
    a date after `farthest` (the latest deadline a case may have) says it is not tracked."""
    lines = [_("📨 <b>What the reply says</b>")]
    for sentence in explanation.sentences:
        quoted = html.quote(shorten(sentence.text))
        if sentence.meaning is not None:
            lines.append(f"• <i>{quoted}</i>\n  → {sentence.meaning.explanation(locale)}")
        elif sentence in explanation.unexplained():
            reason = _("I cannot explain this one reliably; check it with a translation tool.")
            lines.append(f"• <i>{quoted}</i>\n  → {reason}")
    lines += facts_lines(explanation.facts, options, locale)
    too_far = [fact.text for fact in explanation.facts.dates if fact.day > farthest.date()]
    if too_far:
        lines.append(
            ngettext(
                "⚠️ {dates}: more than {days} day ahead, so not offered for tracking.",
                "⚠️ {dates}: more than {days} days ahead, so not offered for tracking.",
                policy.values.max_deadline_days,
            ).format(dates=html.quote("、".join(too_far)), days=policy.values.max_deadline_days)
        )
    steps = dict.fromkeys(
        s.meaning.next_step(locale) for s in explanation.explained() if s.meaning
    )
    if steps:
        lines += ["", _("<b>Next:</b>")] + [f"• {step}" for step in steps]
    long_answers = long_answer_lines(answers)
    if long_answers:
        lines += ["", *long_answers]
    if translation is not None:
        text, service = translation
        lines += [
            "",
            _("🤖 <b>Machine translation</b> ({service}), unchecked:").format(service=service),
        ]
        lines.append(html.quote(text))
    if any(s.meaning.unconfirmed(policy) for s in explanation.explained() if s.meaning):
        lines += ["", source_note()]
    return "\n".join(lines)


def shorten(text: str) -> str:
    """A long sentence cut with an ellipsis."""
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def facts_lines(facts: Facts, options: tuple[TrackOption, ...], locale: str) -> list[str]:
    """Dates, times (in their zone and in Beijing time), periods, numbers, addresses and the
    documents asked for."""
    lines: list[str] = []
    for time in facts.times:
        zone = (
            _("zone as written")
            if time.zone_source is ZoneSource.STATED
            else _("no zone written: Moscow time assumed")
        )
        beijing = clock(time.start, BEIJING, locale)
        lines.append(
            _("🕒 {text} ({zone}) = Beijing {beijing}").format(
                text=html.quote(time.text), zone=zone, beijing=beijing
            )
        )
    lines += [f"📅 {html.quote(date.text)}" for date in facts.dates]
    lines += [f"⏳ {html.quote(duration.text)}" for duration in facts.durations]
    lines += [
        _("🔢 Number: <code>{number}</code>").format(number=html.quote(ref.number))
        for ref in facts.references
    ]
    lines += [f"✉️ <code>{html.quote(email)}</code>" for email in facts.emails]
    asked = [doc.kind.name(locale) for doc in facts.documents if doc.requested]
    if asked:
        lines.append(
            _("📄 Asked for: {documents}").format(documents="、".join(dict.fromkeys(asked)))
        )
    lines += [
        _("📌 Deadline: {due}").format(due=dual_time(option.deadline.due, locale))
        for option in options
    ]
    return ["", _("<b>Facts</b>"), *lines] if lines else []


def reply_answers(
    replies: tuple[str, ...], library: TemplateLibrary, user: User | None
) -> list[tuple[str, str]]:
    """The Russian answers that fit the reply and can be filled from the seller's profile:
    (title, text) each."""
    values = seller_values(user)
    phrases = {phrase.id: phrase for phrase in library.phrases}
    return [
        (str(PHRASE_TITLES[phrase_id]), phrase.ru.format(**values))
        for phrase_id in replies
        if (phrase := phrases.get(phrase_id)) is not None and phrase.fields() <= values.keys()
    ]


def long_answer_lines(answers: list[tuple[str, str]]) -> list[str]:
    """Answers too long for a copy button (a long company name): shown to tap and copy."""
    return [
        f"📋 <b>{title}</b>\n<code>{html.quote(text)}</code>"
        for title, text in answers
        if not fits_copy_button(text)
    ]


def explanation_keyboard(
    options: tuple[TrackOption, ...],
    run: int,
    answers: list[tuple[str, str]],
    locale: str,
) -> InlineKeyboardMarkup:
    """Track each deadline, copy the Russian answers that fit a button, or go back to the
    menu."""
    builder = InlineKeyboardBuilder()
    for index, option in enumerate(options):
        label = _("📌 Track: due {beijing} Beijing time").format(
            beijing=clock(option.deadline.due, BEIJING, locale)
        )
        builder.button(text=label, callback_data=ReplyTrackCb(run=run, option=index))
    for title, text in answers:
        if fits_copy_button(text):
            builder.button(text=f"📋 {title}", copy_text=CopyTextButton(text=text))
    builder.adjust(1)
    builder.row(menu_button())
    return builder.as_markup()
