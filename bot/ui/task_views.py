"""Deadlines the seller must meet («загрузите документы до 12 декабря»): what is to be done,
and the pushes that come ahead of the deadline and at it."""

from __future__ import annotations

from datetime import datetime

from aiogram import html
from aiogram.utils.i18n import gettext as _

from bot.nlp.russian.explain import Explanation, TrackOption
from bot.nlp.russian.facts import ReferenceKind
from bot.services.case_rules import CaseRules
from bot.services.cases import Case
from bot.ui.formatting import dual_time, span_text
from bot.ui.labels import KIND_LABELS


def task_of(option: TrackOption, explanation: Explanation, locale: str) -> str | None:
    """What the seller must do by the option's deadline, in their language (the documents the
    sentence asks for, else what the sentence means); None when the deadline is a wait for the
    other side's reply."""
    if option.meaning is None or not option.own_task:
        return None
    documents = [
        document.kind.name(locale)
        for sentence in explanation.sentences
        if sentence.text == option.sentence
        for document in sentence.facts.documents
    ]
    if documents:
        return _("Provide: {documents}").format(documents=_(", ").join(documents))
    return option.meaning.explanation(locale)


def request_number(explanation: Explanation) -> str | None:
    """The request number the reply gives («Заявка № 12345», «обращение № …»), if any."""
    references = explanation.facts.references
    return next((ref.number for ref in references if ref.kind is ReferenceKind.TICKET), None)


def reference_line(number: str) -> str:
    """The ticket number Ozon gave, as every screen and push of the case shows it."""
    return _("Ticket number: {number}").format(number=html.quote(number))


def task_line(task: str) -> str:
    """What the seller must do, as every screen and push of the case shows it."""
    return _("<b>To do:</b> {task}").format(task=html.quote(task))


def task_reminder_text(case: Case, now: datetime, rules: CaseRules, locale: str) -> str:
    """A push about the seller's own deadline: ahead of it (how long is left), or at it."""
    assert case.task is not None
    if case.due_at > now:
        head = _("📌 <b>Your deadline is coming:</b> #{id} {kind}")
        left = span_text(rules.remaining(case, now), locale)
        when = _("Due {due}; {left} left.").format(due=dual_time(case.due_at, locale), left=left)
    else:
        head = _("⏰ <b>Your deadline has come:</b> #{id} {kind}")
        when = _("It was due {due}.").format(due=dual_time(case.due_at, locale))
    lines = [
        head.format(id=case.id, kind=KIND_LABELS[case.kind]),
        task_line(case.task),
        when,
    ]
    return "\n".join(lines)
