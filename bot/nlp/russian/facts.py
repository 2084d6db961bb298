"""Facts in a manager's Russian sentence: dates, times and their zone, periods, numbers, addresses.

Everything is read from one sentence at a time, with the moment of reading (`now`) passed in:
a date without a year is the one nearest to `now`, a time without a date is on `now`'s date,
a time without a zone is in the zone the caller assumes (the manager's, Moscow) and says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.nlp.russian.cues import CueIndex
from bot.nlp.russian.numbers import NUMBER, parse_number
from bot.nlp.russian.sentences import Clauses, fold
from bot.services.policy import BEIJING

MOSCOW = ZoneInfo("Europe/Moscow")
# How far back a date written without a year may lie (see `_without_year`).
RECENT_PAST = timedelta(days=92)
WORKING_WEEK_DAYS = 5
T = TypeVar("T")


class Role(StrEnum):
    """What a date or time is to the sentence."""

    BY = "by"  # «до 30.11», «не позднее 18:00», «к пятнице»: a deadline
    FROM = "from"  # «с 1 декабря», «от 25.11»: a start, or the date of something
    ON = "on"  # «3 декабря», «в среду в 15:00»: a moment


class ZoneSource(StrEnum):
    """Whether the sentence names the time zone of a time."""

    STATED = "stated"  # «МСК», «по московскому времени», «по пекинскому времени», «UTC»
    ASSUMED = "assumed"  # none named: the caller's assumed zone (the manager's)


class DurationUnit(StrEnum):
    """The unit of a period."""

    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    DAYS = "days"  # calendar days; «сутки» too
    HOURS = "hours"
    WEEKS = "weeks"


class ReferenceKind(StrEnum):
    """What a number refers to."""

    TICKET = "ticket"  # обращение, запрос, заявка, кейс, тикет
    ORDER = "order"  # заказ, отправление, постинг
    OTHER = "other"  # «№ 12345» with nothing saying what it numbers


@dataclass(frozen=True)
class DateFact:
    """A calendar day named in the sentence."""

    text: str
    day: date
    role: Role
    year_stated: bool


@dataclass(frozen=True)
class TimeFact:
    """A clock time (or a range), as a moment in the zone it is given in."""

    text: str
    start: datetime
    end: datetime | None
    role: Role
    zone_source: ZoneSource
    dated: bool  # False: no date in the sentence, so `start` is on the reading day

    @property
    def zone(self) -> tzinfo:
        """The zone the time is given in (stated or assumed)."""
        zone = self.start.tzinfo
        assert zone is not None
        return zone


@dataclass(frozen=True)
class DurationFact:
    """A period: «в течение 3 рабочих дней», «до 5 р.д.», «в течение суток»."""

    text: str
    amount: int  # a range («3–5 рабочих дней») gives its upper end
    unit: DurationUnit
    # «…после получения документов»: counted from when the seller sends them, not from now
    after_documents: bool = False


@dataclass(frozen=True)
class ReferenceFact:
    """A ticket, request or order number."""

    number: str
    kind: ReferenceKind


@dataclass(frozen=True)
class DocumentKind:
    """A term of the Ozon glossary: a document managers ask for, or a thing of Ozon's world
    (SKU, FBS, warehouse, fine…), with how it is written in Russian (content)."""

    id: str
    zh: str
    en: str
    pattern: re.Pattern[str]
    document: bool = True  # False: an object named in passing, never "asked for"

    def name(self, locale: str) -> str:
        """The term's name in the reader's language."""
        return self.zh if locale == "zh" else self.en


@dataclass(frozen=True)
class DocumentFact:
    """A document (or another glossary term) named in a clause that does not negate it."""

    kind: DocumentKind
    text: str
    requested: bool  # the sentence asks for something («пришлите», «нужен», «требуется»)
    scan: bool = False  # «скан лицензии», «копию договора»: a scan or copy of it

    def name(self, locale: str) -> str:
        """The document's name in the reader's language, a scan said as such."""
        name = self.kind.name(locale)
        if not self.scan:
            return name
        return f"{name}扫描件" if locale == "zh" else f"scan of the {name}"


@dataclass(frozen=True)
class ReasonKind:
    """A reason managers give for a refusal («количество SKU меньше 5»), from the glossary."""

    id: str
    zh: str  # may hold {n}, the number the pattern captured
    en: str
    pattern: re.Pattern[str]
    check: bool  # /check tells whether the condition is met


@dataclass(frozen=True)
class ReasonFact:
    """A reason read from a sentence, with its number if it has one."""

    kind: ReasonKind
    number: int | None

    def text(self, locale: str) -> str:
        """The reason in the reader's language."""
        template = self.kind.zh if locale == "zh" else self.kind.en
        return template.format(n=self.number if self.number is not None else "")


@dataclass(frozen=True)
class Facts:
    """Every fact of a sentence or of a whole message, in the order written."""

    dates: tuple[DateFact, ...] = ()
    times: tuple[TimeFact, ...] = ()
    durations: tuple[DurationFact, ...] = ()
    references: tuple[ReferenceFact, ...] = ()
    emails: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    documents: tuple[DocumentFact, ...] = ()
    terms: tuple[DocumentFact, ...] = ()  # glossary terms that are no documents
    reasons: tuple[ReasonFact, ...] = ()

    def __bool__(self) -> bool:
        return any(
            (
                self.dates,
                self.times,
                self.durations,
                self.references,
                self.emails,
                self.links,
                self.documents,
                self.terms,
                self.reasons,
            )
        )

    @classmethod
    def merge(cls, parts: Iterable[Facts]) -> Facts:
        """All facts of the parts, each once (a document once per kind, requested if ever)."""
        parts = list(parts)
        documents: dict[str, DocumentFact] = {}
        for part in parts:
            for document in part.documents:
                known = documents.get(document.kind.id)
                if known is None or (document.requested and not known.requested):
                    documents[document.kind.id] = document
        return cls(
            dates=_unique(fact for part in parts for fact in part.dates),
            times=_unique(fact for part in parts for fact in part.times),
            durations=_unique(fact for part in parts for fact in part.durations),
            references=_unique(fact for part in parts for fact in part.references),
            emails=_unique(email for part in parts for email in part.emails),
            links=_unique(link for part in parts for link in part.links),
            documents=tuple(documents.values()),
            terms=_unique({term.kind.id: term for part in parts for term in part.terms}.values()),
            reasons=_unique(reason for part in parts for reason in part.reasons),
        )


def _unique(items: Iterable[T]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per process
class DocumentCatalogue:
    """The Ozon glossary (`ozon_glossary.toml`): its terms, with an index of the words their
    names start with, and the reasons of refusals."""

    kinds: tuple[DocumentKind, ...] = ()
    reasons: tuple[ReasonKind, ...] = ()
    _cues: CueIndex = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_cues", CueIndex(kind.pattern for kind in self.kinds))

    def named_in(self, folded: str) -> list[tuple[int, int, DocumentKind]]:
        """Where each kind is named in a folded sentence (overlaps included)."""
        live = self._cues.candidates(folded)
        return [
            (match.start(), match.end(), kind)
            for kind in self.kinds
            if id(kind.pattern) in live
            for match in kind.pattern.finditer(folded)
        ]


@dataclass(frozen=True)
class Reading:
    """What a sentence is read against: the moment, the assumed zone, the document kinds."""

    now: datetime
    assumed_zone: ZoneInfo = MOSCOW
    documents: DocumentCatalogue = field(default_factory=DocumentCatalogue)

    def today(self) -> date:
        """The reading day where the manager is."""
        return self.now.astimezone(self.assumed_zone).date()


# --- dates -----------------------------------------------------------------------------------

_MONTH_NAMES = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), start=1)}
# Weekday forms after «в/во» (accusative), «до» (genitive), «к» (dative).
_WEEKDAYS = {
    form: index
    for index, forms in enumerate(
        (
            "понедельник понедельника понедельнику",
            "вторник вторника вторнику",
            "среду среды среде",
            "четверг четверга четвергу",
            "пятницу пятницы пятнице",
            "субботу субботы субботе",
            "воскресенье воскресенья воскресенью",
        )
    )
    for form in forms.split()
}
_WEEKDAY_GENITIVE = "понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья"
_RELATIVE_DAYS = {"сегодня": 0, "завтра": 1, "послезавтра": 2}
_PRE = r"(?:\b(?P<pre>до|не позднее|не позже|к|от|с|со|начиная с|на|в|во|по)\s+)?"
_NUMERIC_DATE = re.compile(
    rf"{_PRE}(?<![\d.:/-])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})(?:\.(?P<y>\d{{4}}|\d{{2}}))?"
    r"(?!\d|\.\d|:\d)"
)
_WORD_DATE = re.compile(
    rf"{_PRE}(?<![\d.:/-])(?P<d>\d{{1,2}})(?:-?го)?\s+(?P<mon>{'|'.join(_MONTHS)})"
    r"(?:\s+(?P<y>\d{4})(?:\s*(?:года|году|г\.|г\b))?)?"
)
_ISO_DATE = re.compile(rf"{_PRE}\b(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b")
_WEEKDAY_DATE = re.compile(
    r"\b(?P<pre>в|во|до|к|с|со|на|по)\s+(?P<next>следующ\w+\s+|ближайш\w+\s+|эт[уо]т?\s+)?"
    rf"(?P<wd>{'|'.join(sorted(_WEEKDAYS, key=len, reverse=True))})\b"
)
# «до 18:00 МСК пятницы»: a weekday in the genitive right after a time.
_WEEKDAY_AFTER_TIME = re.compile(
    r"\b(?:(?P<pre>до|не позднее|не позже|к|в|во|с)\s+)?\d{1,2}:\d{2}"
    rf"(?:\s+\S+){{0,3}}?\s+(?P<wd>{_WEEKDAY_GENITIVE})\b"
)
_RELATIVE_DATE = re.compile(rf"{_PRE}\b(?P<rel>{'|'.join(_RELATIVE_DAYS)})\b")
_DAY_WORD = re.compile(r"понедельн|вторник|сред|четверг|пятниц|суббот|воскресен|сегодня|завтра")
_DIGIT = re.compile(r"\d")


def _role(preposition: str | None) -> Role:
    if preposition in {"до", "не позднее", "не позже", "к"}:
        return Role.BY
    if preposition in {"от", "с", "со", "начиная с"}:
        return Role.FROM
    return Role.ON


def _without_year(day: int, month: int, today: date) -> date | None:
    """A date written without a year: at most a quarter back, otherwise ahead.

    Managers date what happened lately («запрос от 25.11») and set deadlines ahead («до
    05.01» read on 28 December is next January).
    """
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today - RECENT_PAST:
            return candidate
    return None


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _day(day: int, month: int, year: str | None, today: date) -> date | None:
    if year is None:
        return _without_year(day, month, today)
    try:
        return date(_full_year(year), month, day)
    except ValueError:
        return None


def _weekday(index: int, today: date, following: bool) -> date:
    """The next such weekday, today included; «следующий» skips to the next week."""
    found = today + timedelta(days=(index - today.weekday()) % 7)
    if following and found.isocalendar()[:2] == today.isocalendar()[:2]:
        found += timedelta(days=7)
    return found


def _dates(
    sentence: str, folded: str, reading: Reading, digits: bool
) -> list[tuple[int, DateFact]]:
    today = reading.today()
    found: list[tuple[int, DateFact]] = []

    def add(match: re.Match[str], day: date | None, role: Role, year_stated: bool) -> None:
        if day is not None:
            text = sentence[match.start() : match.end()].strip()
            found.append((match.start(), DateFact(text, day, role, year_stated)))

    if digits:
        for match in _NUMERIC_DATE.finditer(folded):
            month = match.group("m")
            if len(month) == 1 and match.group("y") is None:
                continue  # «4.7» is a rating or a version, not 4 July
            day = _day(int(match.group("d")), int(month), match.group("y"), today)
            add(match, day, _role(match.group("pre")), match.group("y") is not None)
        for match in _WORD_DATE.finditer(folded):
            month_number = _MONTHS[match.group("mon")]
            day = _day(int(match.group("d")), month_number, match.group("y"), today)
            add(match, day, _role(match.group("pre")), match.group("y") is not None)
        for match in _ISO_DATE.finditer(folded):
            day = _day(int(match.group("d")), int(match.group("m")), match.group("y"), today)
            add(match, day, _role(match.group("pre")), True)
        for match in _WEEKDAY_AFTER_TIME.finditer(folded):
            day = _weekday(_WEEKDAYS[match.group("wd")], today, False)
            text = sentence[match.start("wd") : match.end("wd")]
            fact = DateFact(text, day, _role(match.group("pre")), False)
            found.append((match.start("wd"), fact))
    if _DAY_WORD.search(folded):
        for match in _WEEKDAY_DATE.finditer(folded):
            following = (match.group("next") or "").startswith("следующ")
            day = _weekday(_WEEKDAYS[match.group("wd")], today, following)
            add(match, day, _role(match.group("pre")), False)
        for match in _RELATIVE_DATE.finditer(folded):
            day = today + timedelta(days=_RELATIVE_DAYS[match.group("rel")])
            add(match, day, _role(match.group("pre")), False)
    return found


# --- times -----------------------------------------------------------------------------------

_HOUR = r"(?:[01]?\d|2[0-3])"
_TIME = re.compile(
    r"(?:\b(?P<pre>до|не позднее|не позже|к|с|со|от|в|во|после|около|на)\s+)?"
    rf"(?<![\d:.])(?P<h>{_HOUR}):(?P<m>[0-5]\d)(?!\d)"
    rf"(?:\s*(?:-|–|—|до)\s*(?P<h2>{_HOUR}):(?P<m2>[0-5]\d)(?!\d))?"
)
# «с 10 до 12 по московскому времени»: whole hours, only with a word saying they are hours.
_HOUR_RANGE = re.compile(
    rf"\bс\s+(?P<h>{_HOUR})\s+до\s+(?P<h2>{_HOUR})(?!\d|:)"
    r"(?=\s*(?:ч\b|час|по\s|мск|\(мск|утра|дня|вечера))"
)
_ZONES: tuple[tuple[re.Pattern[str], ZoneInfo], ...] = (
    (re.compile(r"\bмск\b|московск\w*\s+времен\w*|по москве\b|\bmsk\b"), MOSCOW),
    (re.compile(r"пекинск\w*\s+времен\w*|по пекину\b|китайск\w*\s+времен\w*"), BEIJING),
    (re.compile(r"\butc\b|\bgmt\b|по гринвичу"), ZoneInfo("UTC")),
)


def _zone_near(folded: str, start: int, end: int) -> ZoneInfo | None:
    """The zone named nearest to the time [start, end) in the sentence, if any."""
    best: tuple[int, ZoneInfo] | None = None
    for pattern, zone in _ZONES:
        for match in pattern.finditer(folded):
            distance = match.start() - end if match.start() >= end else start - match.end()
            if best is None or abs(distance) < best[0]:
                best = (abs(distance), zone)
    return best[1] if best else None


def _times(
    sentence: str, folded: str, reading: Reading, dates: list[DateFact]
) -> list[tuple[int, TimeFact]]:
    days = {fact.day for fact in dates}
    found: list[tuple[int, TimeFact]] = []
    spans: list[tuple[int, int]] = []
    for pattern in (_TIME, _HOUR_RANGE):
        for match in pattern.finditer(folded):
            if any(low <= match.start() < high for low, high in spans):
                continue
            spans.append((match.start(), match.end()))
            stated = _zone_near(folded, match.start(), match.end())
            zone = stated or reading.assumed_zone
            dated = len(days) == 1
            day = next(iter(days)) if dated else reading.now.astimezone(zone).date()
            minutes = match.groupdict().get("m") or "0"
            start = datetime.combine(day, time(int(match.group("h")), int(minutes)), zone)
            end = None
            if match.group("h2") is not None:
                end_minutes = match.groupdict().get("m2") or "0"
                end = datetime.combine(day, time(int(match.group("h2")), int(end_minutes)), zone)
                if end <= start:
                    end += timedelta(days=1)
            role = Role.ON if end is not None else _role(match.groupdict().get("pre"))
            source = ZoneSource.STATED if stated else ZoneSource.ASSUMED
            text = sentence[match.start() : match.end()].strip()
            found.append((match.start(), TimeFact(text, start, end, role, source, dated)))
    return found


# --- durations -------------------------------------------------------------------------------

_UNIT_WORDS = (
    r"(?:рабоч\w*\s+(?:дн(?:я|ей|ям|ях|ями)|день|час(?:а|ов|ам)?|недел\w*)"
    r"|календарн\w*\s+(?:дн(?:я|ей|ям)|день)"
    r"|р\.\s?д\.?|р/д|раб\.\s?(?:дн\w*|д\.?)"
    r"|дн(?:я|ей|ям|ях|ями)|день|сут(?:ок|ки|кам)|час(?:а|ов|ам)?|ч\.?|недел(?:я|и|ь|ю|ям|ями))"
    r"(?![а-я])"
)
_UNIT = rf"(?P<unit>{_UNIT_WORDS})"
_DURATION = re.compile(
    r"(?:\b(?P<pre>в\s+течени[еи]|втечени[еи]|в\s+срок\s+до|в\s+срок|в\s+пределах"
    r"|не\s+более(?:\s+чем)?|не\s+позднее(?:\s+чем)?(?:\s+через)?|не\s+позже(?:\s+чем)?"
    r"(?:\s+через)?|через|до|около|примерно|ориентировочно|составляет|составит|займет|"
    r"занимает|потребуется|от)\s+)?"
    r"(?:(?:до|около|примерно|от)\s+)?"
    rf"(?:(?P<low>{NUMBER})\s*(?:-|–|—|до)\s*)?(?P<num>{NUMBER})?\s*{_UNIT}"
)
_UNIT_HINT = re.compile(r"дн|день|сут|час|недел|р\.|р/д|раб\.|\bч\b")
_ONE_UNIT = re.compile(r"^(?:рабоч\w+\s+)?(?:дня|день|суток|сутки|часа|час|недели|неделю)$")
_WORKING_ABBREVIATION = re.compile(r"^(?:р\.|р/д|раб\.)")


def _unit(text: str) -> DurationUnit:
    working = text.startswith("рабоч") or bool(_WORKING_ABBREVIATION.match(text))
    if "час" in text or text.startswith("ч"):
        return DurationUnit.WORKING_HOURS if working else DurationUnit.HOURS
    if "недел" in text:
        return DurationUnit.WEEKS
    return DurationUnit.WORKING_DAYS if working else DurationUnit.DAYS


# What a period counts from when it is not the reply: the seller's documents arriving.
_AFTER_DOCUMENTS = re.compile(
    r"\b(?:после|с\s+момента|со\s+дня|с\s+даты)\s+(?:их\s+)?(?:получени|предоставлени|загрузк|"
    r"поступлени|отправк)\w*\s+(?:(?:всех|необходим\w+|недостающ\w+|ваш\w*)\s+)?"
    r"(?:документ|доков|файл|материал|сертификат|декларац|бумаг|скан|информаци|данн)"
)


def _durations(sentence: str, folded: str) -> list[tuple[int, DurationFact]]:
    found = []
    after_documents = _AFTER_DOCUMENTS.search(folded) is not None
    for match in _DURATION.finditer(folded):
        unit_text = match.group("unit")
        unit = _unit(unit_text)
        pre = match.group("pre")
        number = match.group("num")
        if number is None:
            # «в течение суток», «в течение рабочего дня»: one, and only after a preposition.
            if pre is None or pre == "через" or not _ONE_UNIT.match(unit_text):
                continue
            amount: int | None = 1
        else:
            amount = parse_number(number)
        working = unit_text.startswith("рабоч") or unit in {
            DurationUnit.WORKING_DAYS,
            DurationUnit.WORKING_HOURS,
        }
        if amount is None or amount == 0 or (pre is None and not working):
            continue  # «14 дней» alone is a fact about delivery, not a period to wait
        if unit is DurationUnit.WEEKS and working:
            unit, amount = DurationUnit.WORKING_DAYS, amount * WORKING_WEEK_DAYS
        text = sentence[match.start() : match.end()].strip()
        found.append((match.start(), DurationFact(text, amount, unit, after_documents)))
    return found


# --- numbers, addresses, documents -----------------------------------------------------------

_TICKET_WORDS = r"обращени\w*|запрос\w*|заявк\w*|кейс\w*|тикет\w*|ticket|case|жалоб\w*|апелляци\w*"
_ORDER_WORDS = r"заказ\w*|отправлени\w*|постинг\w*|posting|order"
_REFERENCE = re.compile(
    rf"\b(?:(?P<ticket>{_TICKET_WORDS})|(?P<order>{_ORDER_WORDS}))"
    r"(?:\s*(?:под\s+номером|номер|№|#|no\.?|n|:|—|–|-))*\s*"
    r"(?P<num>\d[\d-]{2,}\d)(?!\d|[.:,]\d)"
)
_BARE_NUMBER = re.compile(r"(?:№|#)\s*(?P<num>\d[\d-]{2,}\d)(?!\d|[.:,]\d)")
_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
_LINK = re.compile(r"https?://[^\s<>«»\"“”]+")
_REQUEST_VERB = re.compile(
    r"\b(?:пришлите|прислать|предоставьте|предоставить|представьте|представить|загрузите|"
    r"загрузить|подгрузите|подгрузить|приложите|приложить|прикрепите|прикрепить|направьте|"
    r"направить|отправьте|отправить|вышлите|выслать|нужн\w*|нужен|необходим\w*|требуется|"
    r"требуются|потребуется|потребуются|понадобится|понадобятся|запрашиваем|просим|прошу|"
    r"обязател\w*)\b"
)


def _references(folded: str) -> list[tuple[int, ReferenceFact]]:
    found = []
    taken: set[str] = set()
    for match in _REFERENCE.finditer(folded):
        number = match.group("num")
        if sum(char.isdigit() for char in number) < 4:
            continue
        kind = ReferenceKind.TICKET if match.group("ticket") else ReferenceKind.ORDER
        taken.add(number)
        found.append((match.start(), ReferenceFact(number, kind)))
    for match in _BARE_NUMBER.finditer(folded):
        number = match.group("num")
        if number not in taken and sum(char.isdigit() for char in number) >= 4:
            found.append((match.start(), ReferenceFact(number, ReferenceKind.OTHER)))
    return found


# «скан лицензии», «копию накладной»: what follows is wanted as a scan or a copy.
_SCAN_BEFORE = re.compile(r"(?:скан\w*|скан-копи\w*|копи[юяиейм]\w*)\s+$")
_SCAN_WINDOW = 16


def _documents(sentence: str, folded: str, reading: Reading) -> list[tuple[int, DocumentFact]]:
    spans = reading.documents.named_in(folded)
    # The longest name wins where two overlap: «сертификат на товарный знак» over «сертификат».
    spans.sort(key=lambda span: span[0] - span[1])
    kept: list[tuple[int, int, DocumentKind]] = []
    for start, end, kind in spans:
        if all(end <= low or start >= high for low, high, _ in kept):
            kept.append((start, end, kind))
    if not kept:
        return []
    clauses = Clauses(folded)
    requested = _REQUEST_VERB.search(folded) is not None
    return [
        (start, DocumentFact(kind, sentence[start:end], requested, _scanned(folded, start)))
        for start, end, kind in sorted(kept, key=lambda span: span[0])
        if not clauses.negated(start, end)
    ]


def _scanned(folded: str, start: int) -> bool:
    return _SCAN_BEFORE.search(folded[max(0, start - _SCAN_WINDOW) : start]) is not None


def _reasons(folded: str, reading: Reading) -> list[tuple[int, ReasonFact]]:
    found = []
    for kind in reading.documents.reasons:
        match = kind.pattern.search(folded)
        if match is not None:
            number = next((group for group in match.groups() if group is not None), None)
            found.append((match.start(), ReasonFact(kind, int(number) if number else None)))
    return found


def _ordered(found: list[tuple[int, T]]) -> tuple[T, ...]:
    return _unique(fact for _, fact in sorted(found, key=lambda pair: pair[0]))


def extract_facts(sentence: str, reading: Reading) -> Facts:
    """Every fact the sentence states."""
    folded = fold(sentence)
    # Most sentences have no digit, address or unit: those readers are skipped (speed).
    digits = _DIGIT.search(folded) is not None
    dates = _ordered(_dates(sentence, folded, reading, digits))
    links = (
        [link.rstrip(".,;:!?)") for link in _LINK.findall(sentence)] if "://" in sentence else []
    )
    unit = _UNIT_HINT.search(folded) is not None
    named = _ordered(_documents(sentence, folded, reading))
    return Facts(
        dates=dates,
        times=_ordered(_times(sentence, folded, reading, list(dates))) if digits else (),
        durations=_ordered(_durations(sentence, folded)) if unit else (),
        references=_ordered(_references(folded)) if digits else (),
        emails=_unique(email.lower() for email in _EMAIL.findall(sentence))
        if "@" in sentence
        else (),
        links=_unique(links),
        documents=tuple(fact for fact in named if fact.kind.document),
        terms=tuple(fact for fact in named if not fact.kind.document),
        reasons=_ordered(_reasons(folded, reading)),
    )


# Pieces of the fact patterns that content patterns may use ({duration}, {date}, {time}),
# without capturing groups so that a pattern can use one twice. A period's amount is any
# number or word here («нескольких рабочих дней» is a period too): recognising a sentence
# needs no value, and the exact number words made the patterns slow to compile.
_ANY_AMOUNT = r"(?:\d{1,3}(?:-?[а-я]{1,3})?|[а-я]+(?:\s+[а-я]+)?)"
PATTERN_FRAGMENTS = {
    "duration": rf"(?:{_ANY_AMOUNT}(?:\s*(?:-|–|—|до)\s*{_ANY_AMOUNT})?\s*)?{_UNIT_WORDS}",
    "date": (
        r"(?:\d{1,2}\.\d{1,2}(?:\.\d{2,4})?(?!\d)"
        rf"|\d{{1,2}}(?:-?го)?\s+(?:{'|'.join(_MONTHS)})"
        rf"|(?:{'|'.join(sorted(_WEEKDAYS, key=len, reverse=True))})\b"
        rf"|(?:{'|'.join(_RELATIVE_DAYS)})\b)"
    ),
    "time": rf"{_HOUR}:[0-5]\d(?!\d)",
}
