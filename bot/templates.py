"""Phrasebook and email templates: Russian/English texts from `content/templates.toml`,
titles and explanations from the gettext catalogues; checked at start-up."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiogram.utils.i18n import lazy_gettext as __

from bot.policy import ContentError
from bot.services.templates import (
    SELLER_FIELDS,
    EmailTemplate,
    Phrase,
    Recipient,
    placeholders,
)

TEMPLATES_PATH = Path(__file__).resolve().parent / "content" / "templates.toml"
MAX_COPY_TEXT = 256

PHRASE_TITLES = {
    "greeting": __("Greeting"),
    "follow_up": __("Follow up"),
    "category_status": __("Category review status"),
    "fine_basis": __("Basis of a fine"),
    "fbs_review": __("Speed up FBS review"),
    "documents_uploaded": __("Documents uploaded"),
    "call_request": __("Ask for a call"),
    "thanks": __("Thanks"),
    "whom_to_contact": __("Whom to contact"),
    "reply_in_english": __("Reply in English, please"),
    "noted": __("Got it"),
    "seller_id": __("My seller ID"),
}
# What each Russian phrase says, for sellers who do not read Russian.
PHRASE_MEANINGS = {
    "greeting": __("Hello! We are ready to cooperate."),
    "follow_up": __(
        "Hello! Could you tell me whether you have had a chance to look at my previous message?"
    ),
    "category_status": __(
        "Could you tell me at what stage the review of our category documents is?"
    ),
    "fine_basis": __("Could you explain on what grounds this fine was charged?"),
    "fbs_review": __(
        "Can the review of our FBS warehouse be sped up? All documents are already uploaded."
    ),
    "documents_uploaded": __(
        "The requested documents are uploaded to the personal account. Please check them."
    ),
    "call_request": __("Could we have a call? 10:00–13:00 Moscow time suits us."),
    "thanks": __("Thank you very much for your help!"),
    "whom_to_contact": __("Could you tell me whom we should contact about this?"),
    "reply_in_english": __("If possible, please reply in English. Thank you!"),
    "noted": __("Thank you, we have received the information. We will do everything shortly."),
    "seller_id": __("Our seller ID is … (from your profile)."),
}
EMAIL_TITLES = {
    "missing_am": __("Missing AM: no manager assigned"),
    "escalation": __("Escalation Request to a senior AM"),
    "individual_application": __("Individual business: apply for an AM"),
    "support_request": __("General support request"),
    "follow_up": __("Follow-up on an unanswered email"),
}
EMAIL_EXPLANATIONS = {
    "missing_am": __(
        "It says: we passed KYC (Verified) but no AM is assigned and no welcome message "
        "arrived; it gives your seller ID, company and SKU count, mentions the attached "
        "screenshots and asks to assign an AM or say what is missing. Attach the screenshots."
    ),
    "escalation": __(
        "It says: we wrote to our AM (when, and how long we have waited) and got no reply; it "
        "gives your seller ID and company and asks for a senior AM to take over."
    ),
    "individual_application": __(
        "It says: we are an individual business from China that passed KYC; it gives your "
        "seller ID, name and SKU count and asks to consider assigning an AM."
    ),
    "support_request": __(
        "It gives your seller ID, company, SKU count and the problem type. Write the details "
        "of your problem under «Суть вопроса / Details» before sending."
    ),
    "follow_up": __(
        "It says: we emailed earlier (when, and how long we have waited) and have had no "
        "reply; it asks whether there is news and gives your seller ID and company."
    ),
}
PROBLEM_LABELS = {
    "logistics": __("Logistics problem"),
    "category": __("Category documents rejected"),
    "fine": __("A fine"),
    "fbs": __("FBS warehouse review"),
    "other": __("Other question"),
}
_ALLOWED = SELLER_FIELDS | {"problem_ru", "problem_en", "case_line"}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per process
class TemplateLibrary:
    """Every phrase and email, in file order, and the problem types (Russian, English)."""

    phrases: tuple[Phrase, ...]
    emails: tuple[EmailTemplate, ...]
    problems: dict[str, tuple[str, str]]

    def email_index(self, template_id: str) -> int:
        """Position of an email template (callback data carries integers)."""
        return [email.id for email in self.emails].index(template_id)

    def actions(self) -> frozenset[str]:
        """The actions other content may link to: the phrasebook and each email."""
        return frozenset({"phrases", *(f"template:{email.id}" for email in self.emails)})


def _check(path: Path, entry: str, texts: list[str], allowed: frozenset[str] | set[str]) -> None:
    for text in texts:
        try:
            unknown = placeholders(text) - allowed
        except ValueError as error:
            raise ContentError(path, entry, f"broken placeholder: {error}") from error
        if unknown:
            raise ContentError(path, entry, f"unknown placeholders {sorted(unknown)}")


def _email(path: Path, raw: dict[str, Any]) -> EmailTemplate:
    entry = str(raw.get("id", "email"))
    try:
        template = EmailTemplate(
            id=str(raw["id"]),
            to=Recipient(raw["to"]),
            subject=str(raw["subject"]),
            ru=str(raw["ru"]),
            en=str(raw["en"]),
            case_line_ru=str(raw.get("case_line_ru", "")),
            no_case_line_ru=str(raw.get("no_case_line_ru", "")),
            case_line_en=str(raw.get("case_line_en", "")),
            no_case_line_en=str(raw.get("no_case_line_en", "")),
        )
    except (KeyError, ValueError) as error:
        raise ContentError(path, entry, f"missing or invalid field: {error}") from error
    _check(path, entry, [template.subject, template.ru, template.en], _ALLOWED)
    case_lines = [template.case_line_ru, template.case_line_en]
    _check(path, entry, case_lines, {"sent_at", "elapsed"})
    _check(path, entry, [template.no_case_line_ru, template.no_case_line_en], set())
    uses_case_line = "case_line" in placeholders(template.ru)
    if uses_case_line != bool(template.case_line_ru and template.no_case_line_ru):
        raise ContentError(path, entry, "{case_line} needs case_line_* and no_case_line_* texts")
    return template


def load_templates(path: Path = TEMPLATES_PATH) -> TemplateLibrary:
    """Read and check the template file against the catalogue's titles and explanations."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError(path, "file", str(error)) from error
    phrases = []
    for entry in raw.get("phrase", []):
        phrase = Phrase(id=str(entry.get("id")), ru=str(entry.get("ru", "")))
        _check(path, phrase.id, [phrase.ru], SELLER_FIELDS)
        if not phrase.ru or len(phrase.ru) > MAX_COPY_TEXT - 40:
            raise ContentError(path, phrase.id, "phrase empty or too long for a copy button")
        phrases.append(phrase)
    emails = [_email(path, entry) for entry in raw.get("email", [])]
    problems = {
        key: (str(value["ru"]), str(value["en"])) for key, value in raw.get("problems", {}).items()
    }
    for kind, found, expected in (
        ("phrase", [p.id for p in phrases], PHRASE_TITLES),
        ("email", [e.id for e in emails], EMAIL_TITLES),
        ("problem", list(problems), PROBLEM_LABELS),
    ):
        if sorted(found) != sorted(expected):
            difference = sorted(set(found) ^ set(expected))
            raise ContentError(path, kind, f"ids differ from the catalogue texts: {difference}")
    return TemplateLibrary(tuple(phrases), tuple(emails), problems)
