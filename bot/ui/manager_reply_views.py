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
from bot.nlp.russian.explain import Actor, Explanation, TrackOption
from bot.nlp.russian.facts import Facts, ZoneSource
from bot.services.policy import Policy
from bot.services.template_filling import TemplateLibrary
from bot.telegram.limits import fits_copy_button
from bot.ui.callbacks import ReplyTrackCb
from bot.ui.formatting import BEIJING, clock, dual_time, source_note
from bot.ui.keyboards import menu_button
from bot.ui.reply_fact_texts import date_text, detail_parts, listed, period_text, term_lines
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
    unexplained = explanation.unexplained()
    for sentence in explanation.sentences:
        if sentence.meaning is None and sentence not in unexplained:
            continue
        quoted = html.quote(shorten(sentence.text))
        if sentence.meaning is not None:
            said = sentence.meaning.explanation(locale)
        else:
            said = _("I cannot explain this one reliably; check it with a translation tool.")
        details = detail_parts(sentence.facts, locale)
        lines.append(f"• <i>{quoted}</i>\n  → {said}")
        if details:
            lines.append("  " + ("；" if locale == "zh" else "; ").join(details))
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
    lines += next_step_lines(explanation, locale)
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


def next_step_lines(explanation: Explanation, locale: str) -> list[str]:
    """What to do next, the seller's own steps first, then what they wait for.

    "Nothing to do" is said only when nothing else is: never beside a demand or a refusal,
    nor when a sentence could not be explained.
    """
    explained = explanation.explained()
    # Greetings and closings have nothing to do: their step counts only when it stands alone.
    meanings = [s.meaning for s in explained if s.meaning is not None]
    meanings = [meaning for meaning in meanings if not meaning.weak] or meanings
    steps: dict[Actor, dict[str, None]] = {actor: {} for actor in Actor}
    for meaning in meanings:
        steps[meaning.actor][meaning.next_step(locale)] = None
    if any(reason.kind.check for reason in explanation.facts.reasons):
        steps[Actor.SELLER][_("Use /check to see whether you meet the conditions now.")] = None
    lines: list[str] = []
    for actor, title in (
        (Actor.SELLER, _("<b>Your next step:</b>")),
        (Actor.OZON, _("<b>Waiting for Ozon:</b>")),
    ):
        if steps[actor]:
            lines += ["", title, *(f"• {step}" for step in steps[actor])]
    if lines or not explained:
        return lines
    if explanation.unexplained():
        return [
            "",
            _("<b>Next:</b>"),
            "• "
            + _(
                "Some sentences could not be explained: check them before you decide there is"
                " nothing to do."
            ),
        ]
    return ["", _("<b>Next:</b>"), *(f"• {step}" for step in steps[Actor.NONE])]


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
    lines += [f"📅 {html.quote(date.text)} = {date_text(date, locale)}" for date in facts.dates]
    lines += [f"⏳ {html.quote(fact.text)} = {period_text(fact)}" for fact in facts.durations]
    lines += [
        _("🔢 Number: <code>{number}</code>").format(number=html.quote(ref.number))
        for ref in facts.references
    ]
    lines += [f"✉️ <code>{html.quote(email)}</code>" for email in facts.emails]
    asked = [doc.name(locale) for doc in facts.documents if doc.requested]
    if asked:
        lines.append(_("📄 Asked for: {documents}").format(documents=listed(asked, locale)))
    lines += [
        _("❓ Reason given: {reason}").format(reason=reason.text(locale))
        for reason in facts.reasons
    ]
    lines += term_lines(facts, locale)
    lines += [deadline_line(option, locale) for option in options]
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


def deadline_line(option: TrackOption, locale: str) -> str:
    """A deadline of the reply: when it falls, whose it is, or when its clock starts."""
    if option.after_documents:
        return _(
            '📌 Counted from when your documents arrive: press "I have sent the documents" when'
            " you send them and I will track it from then."
        )
    due = dual_time(option.deadline.due, locale)
    if option.own_task:
        return _("📌 Your own deadline: {due}").format(due=due)
    return _("📌 Deadline: {due}").format(due=due)


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
        beijing = clock(option.deadline.due, BEIJING, locale)
        if option.after_documents:
            label = _("📤 I have sent the documents: start the clock")
        elif option.own_task:
            label = _("📌 Track my task: due {beijing} Beijing time").format(beijing=beijing)
        else:
            label = _("📌 Track: due {beijing} Beijing time").format(beijing=beijing)
        builder.button(text=label, callback_data=ReplyTrackCb(run=run, option=index))
    for title, text in answers:
        if fits_copy_button(text):
            builder.button(text=f"📋 {title}", copy_text=CopyTextButton(text=text))
    builder.adjust(1)
    builder.row(menu_button())
    return builder.as_markup()
