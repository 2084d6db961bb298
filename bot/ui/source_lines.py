"""Where a text's facts come from, said under it: Ozon's own pages with the date they were
read, the bot's readings of its sources, and the line for the unconfirmed guide."""

from __future__ import annotations

from aiogram import html
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import lazy_gettext as __
from babel.dates import format_date

from bot.services.policy import Policy, Source
from bot.ui.formatting import date_locale, source_note

# What the bot reads into a value marked `reading = true` in policy.toml, one per such value.
READINGS = {
    "support_cutoff": __(
        "🤖 The guide only covers emails sent before {support_cutoff} on a working day; "
        "counting a later email from the next working morning is this bot's reading."
    ),
    "missing_am_reply_hours": __(
        "🤖 The guide gives about {missing_am_reply_average_hours} h on average for this "
        "reply; a deadline of {missing_am_reply_hours} working h is this bot's reading."
    ),
}


def ozon_page_line(source: Source, locale: str) -> str:
    """One of Ozon's pages as a link, with the date it was read."""
    assert source.checked is not None
    link = f'<a href="{source.link(locale)}">{html.quote(source.title(locale))}</a>'
    read = format_date(source.checked, format="medium", locale=date_locale(locale))
    return "📄 " + _("Ozon's documentation: {link} (read {date})").format(link=link, date=read)


def source_lines(
    policy: Policy,
    keys: tuple[str, ...],
    locale: str,
    pages: tuple[str, ...] = (),
    *,
    guide: bool = False,
) -> list[str]:
    """The lines under a text resting on the values `keys`, Ozon's pages named in `pages`,
    and (`guide`) claims of the guide that no value carries."""
    shown = policy.placeholders(locale)
    lines = [str(READINGS[key]).format(**shown) for key in policy.readings(keys)]
    cited = [*policy.ozon_pages(keys), *(policy.sources[name] for name in pages)]
    lines += [ozon_page_line(source, locale) for source in dict.fromkeys(cited)]
    if guide or policy.unconfirmed(keys):
        lines.append(source_note())
    return lines


def sourced(text: str, lines: list[str]) -> str:
    """A text with its source lines under it, a blank line between."""
    return "\n\n".join([text, "\n".join(lines)]) if lines else text
