"""The facts of a manager's sentence said in the seller's language: periods («в течение 3
рабочих дней» → 3 个工作日内), dates as deadlines, documents, glossary terms and the reason of
a refusal."""

from __future__ import annotations

from aiogram import html
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from babel.dates import format_skeleton

from bot.nlp.russian.facts import DateFact, DurationFact, DurationUnit, Facts, Role
from bot.ui.formatting import date_locale


def period_text(fact: DurationFact) -> str:
    """A period as the seller reads it, counted from the documents when the manager says so."""
    n = fact.amount
    within = {
        DurationUnit.WORKING_DAYS: ngettext(
            "within {n} working day", "within {n} working days", n
        ),
        DurationUnit.DAYS: ngettext("within {n} calendar day", "within {n} calendar days", n),
        DurationUnit.WORKING_HOURS: ngettext(
            "within {n} working hour", "within {n} working hours", n
        ),
        DurationUnit.HOURS: ngettext("within {n} hour", "within {n} hours", n),
        DurationUnit.WEEKS: ngettext("within {n} week", "within {n} weeks", n),
    }[fact.unit].format(n=n)
    if fact.after_documents:
        return _("{period}, counted from when your documents arrive").format(period=within)
    return within


def date_text(fact: DateFact, locale: str) -> str:
    """A date, said as a deadline when it is one («до 10.12» → 12月10日前)."""
    day = format_skeleton("MMMd", fact.day, locale=date_locale(locale))
    return _("by {day}").format(day=day) if fact.role is Role.BY else day


def detail_parts(facts: Facts, locale: str) -> list[str]:
    """The facts of one sentence, translated, for the line under its explanation."""
    parts = [f"⏳ {period_text(fact)}" for fact in facts.durations]
    parts += [f"📅 {date_text(fact, locale)}" for fact in facts.dates if fact.role is Role.BY]
    names = listed([document.name(locale) for document in facts.documents], locale)
    if names:
        parts.append(f"📄 {names}")
    parts += [_("Reason: {reason}").format(reason=reason.text(locale)) for reason in facts.reasons]
    return parts


def listed(names: list[str], locale: str) -> str:
    """Names in a list, each once: 营业执照扫描件、运单; "invoice, waybill"."""
    return ("、" if locale == "zh" else ", ").join(dict.fromkeys(names))


def term_lines(facts: Facts, locale: str) -> list[str]:
    """The glossary terms of the reply: the Russian word as written and what it is."""
    return [
        f"📖 {html.quote(term.text)} = {term.name(locale)}"
        for term in facts.terms
        if term.text.casefold() != term.name(locale).casefold()  # «SKU = SKU» says nothing
    ]
