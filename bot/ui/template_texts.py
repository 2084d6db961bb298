"""Titles of the phrases and emails, and what each Russian text says, as translatable strings.

The Russian and English texts themselves are content (`bot/content/templates.toml`); what a
seller reads about them is in the gettext catalogues, so it is translated like everything else.
"""

from __future__ import annotations

from aiogram.utils.i18n import lazy_gettext as __

from bot.services.template_filling import TemplateLibrary

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
    "clarify_request": __("Ask what exactly is needed"),
    "reason_request": __("Ask the reason and what to fix"),
    "will_wait": __("We will wait"),
    "reapply_when": __("Accept and ask when to reapply"),
    "reuploaded": __("File uploaded again"),
}
# What each Russian phrase says, for sellers who do not read Russian.
PHRASE_MEANINGS = {
    "greeting": __(
        "Hello! Nice to meet you. We are … (your company), seller ID … . We would be grateful "
        "for your help with selling on Ozon."
    ),
    "follow_up": __(
        "Hello! Could you tell me whether you have had a chance to look at our previous message?"
    ),
    "category_status": __(
        "Could you tell me what stage the review of our category documents is at?"
    ),
    "fine_basis": __(
        "Could you explain on what grounds the fine for shipment No. … was charged? (Put the "
        "shipment number in place of … before sending.)"
    ),
    "fbs_review": __(
        "Can the review of our FBS warehouse be sped up? All documents are already uploaded."
    ),
    "documents_uploaded": __(
        "We have uploaded the requested documents to Seller Center. Could you tell us when to "
        "expect the result of the review?"
    ),
    "call_request": __(
        "Could we arrange a call? Weekdays 10:00–13:00 Moscow time suit us. We can talk in "
        "English or through an interpreter."
    ),
    "thanks": __("Thank you very much for your help!"),
    "whom_to_contact": __("Could you tell me whom we should contact about this?"),
    "reply_in_english": __("If possible, please reply in English. Thank you!"),
    "noted": __(
        "Thank you, we have received the information. We will try to get everything done shortly."
    ),
    "seller_id": __("Our seller ID is … (from your profile)."),
    "clarify_request": __("Please clarify what exactly is required of us."),
    "reason_request": __("Could you tell us what the reason is and what we need to correct?"),
    "will_wait": __("Thank you, we will wait for your answer."),
    "reapply_when": __(
        "Thank you, we understand the reason. When and on what conditions can we apply again?"
    ),
    "reuploaded": __("We have uploaded the file again. Could you check that it opens now?"),
}
EMAIL_TITLES = {
    "missing_am": __("Missing AM: no account manager assigned"),
    "escalation": __("Escalation Request to a senior AM"),
    "individual_application": __("Individual business: apply for an AM"),
    "support_request": __("General support request"),
    "follow_up": __("Follow-up on an unanswered email"),
}
EMAIL_EXPLANATIONS = {
    "missing_am": __(
        "It says: we passed KYC (Verified) but no AM is assigned and no welcome message "
        "arrived; it gives your seller ID, company and SKU count and asks to assign an AM or "
        "say what is missing. Screenshots are offered through Seller Center: documents never "
        "go to an email address."
    ),
    "escalation": __(
        "It says when you wrote to your AM and about what (from the follow-up, or the topic "
        "and day you pick) and that no reply came; it gives your seller ID and company and "
        "asks the AM to reply or, if needed, to involve a senior AM."
    ),
    "individual_application": __(
        "It says: we are an individual business from China that passed KYC; it gives your "
        "seller ID, name and SKU count and asks to consider assigning an AM."
    ),
    "support_request": __(
        "It gives your seller ID, company, SKU count, the problem type and your own "
        "description of the issue, and asks for help."
    ),
    "follow_up": __(
        "It says when you emailed and about what (from the follow-up, or the topic and day "
        "you pick) and that no reply came; it asks for an update and gives your seller ID and "
        "company. Send it as a reply to your first email, so its thread and any ticket number "
        "travel with it."
    ),
}


def missing_template_texts(library: TemplateLibrary) -> dict[str, list[str]]:
    """Ids of phrases and emails that the file and these texts do not share."""
    gaps = {}
    for kind, found, expected in (
        ("phrase", [p.id for p in library.phrases], PHRASE_TITLES),
        ("email", [e.id for e in library.emails], EMAIL_TITLES),
    ):
        if sorted(found) != sorted(expected):
            gaps[kind] = sorted(set(found) ^ set(expected))
    return gaps
