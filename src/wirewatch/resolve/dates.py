"""Resolve time expressions in news text to date ranges.

A report says "early Friday", "last month", "in late February", "Thursday (February 8)" or
"since mid-October last year"; an event record needs a range of days and how finely it is
known. :func:`resolve_time` turns one expression into a :class:`~wirewatch.schema.DateRange`
relative to a reference date (the article's publication date, or the dateline that governs
the paragraph); :func:`find_time_expressions` finds such expressions in a sentence;
:func:`report_date_range` is the date of an event whose report gives no time expression.

The rules are regular expressions over a vocabulary of words (month and weekday names,
"early/mid/late", "last/this/next", "the following day", …) that lives in
``wirewatch/data/time_expressions.toml`` and is loaded once, plus calendar arithmetic.
Everything here is pure: no spaCy, no clock except the default ``crawl_date``.

How expressions resolve (``ref`` is the reference day; weeks run Monday to Sunday, ISO 8601):

=================================  ===========================================  =========
expression                         range                                        precision
=================================  ===========================================  =========
"Friday", "early Friday",          the latest Friday on or before ref; in       day
"Friday's", "Friday night"         planned/threatened/hypothetical mode the
                                   first one after ref
"last Friday" / "next Friday"      the latest Friday strictly before / the      day
                                   first strictly after ref
"today", "tonight", "yesterday"    ref, ref, ref − 1                            day
"last night", "overnight"          [ref − 1, ref] (a night spans midnight)      day
"July 16", "16 July",              the latest such day on or before ref (or     day
"Thursday (February 8)"            the first on or after, in the future modes)
"Sept 28, 2020", "2024-02-03"      that day                                     day
"last week", "this week",          the previous / current / next ISO week       week
"next week", "the weekend"         (Saturday and Sunday for a weekend)
"the past week", "the past three   a window ending on ref: [ref − N units, ref] by length
days", "the past 24 hours"
"N days/weeks/months ago"          ref − N days / the week, month, year that    its unit
                                   contains ref − N units
"in January", "last month",        the whole month; a month without a year is   month
"June 2020"                        the latest one not after ref
"late February", "mid-October",    days 20–end, 11–20, 1–10, 21–end of it        month
"early March", "the end of
January"
"in 2011", "last year"             the whole year                               year
"early/mid/late 2020",             Jan–Apr, May–Aug, Sep–Dec, Nov–Dec           year
"the end of last year"
"earlier this year/month/week"     from the start of the unit to ref            its unit
"later this year/month/week"       from ref + 1 to the end of the unit          its unit
"in recent days/weeks/months/      [ref − 7 days / 6 weeks / 6 months /         week / month
years"                             5 years, ref]                                / year / year
"since April"                      [start of April, ref]                        of "April"
"between October and July"         [start of October, end of July], October     the coarser
                                   being the latest one before that July
"the following day", "the next     relative to ``anchor``, the date of the      its unit
week", "two days later",           event narrated just before; None without
"that day"                         an anchor
"until Friday", "by March",        None: a bound, not the event's day           -
"before May"
=================================  ===========================================  =========

Dates after the reference day. For the asserted, claimed, denied and historical modes the
event has already happened: a range that starts after ``ref`` is rejected (``None``: the text
and the mode disagree, and no date beats a wrong one), and a range that runs past ``ref``
("this week", "since April") is clipped to end on ``ref``. In the planned, threatened and
hypothetical modes, bare weekdays and months look forward, future dates are kept, and a
range that straddles ``ref`` is clipped to start on it.

Without a reference, only expressions that name their year resolve, with two exceptions: a
weekday with a date ("Thursday (February 8)") takes the latest year, not after
``crawl_date``, in which that date fell on that weekday; a month and day alone keep the year
unknown (``precision=year_unknown``, ``partial="--02-08"``). Anything else relative to the
report ("Friday", "last month") is ``None``.

A weekday with a date and a reference resolves from the date; the weekday is not checked.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from wirewatch.errors import DataFileError
from wirewatch.schema import IRREALIS_MODES, DatePrecision, DateRange, Mode, Section, Span

__all__ = [
    "FUTURE_MODES",
    "TIME_EXPRESSIONS_FORMAT",
    "find_time_expressions",
    "reference_for",
    "report_date_range",
    "resolve_time",
]

#: The ``format`` the vocabulary file declares.
TIME_EXPRESSIONS_FORMAT = "time-expressions/1"
_PACKAGE_FILE = ("data", "time_expressions.toml")

#: Modes in which the event is (or may be) still to come: bare weekdays and months look
#: forward and dates after the reference are kept. Every other mode reports something that
#: has happened (or is said to have happened, or is denied to have happened).
FUTURE_MODES = IRREALIS_MODES

# --------------------------------------------------------------------------------------------
# Rules expressed as numbers. Each says how it was chosen.
# --------------------------------------------------------------------------------------------

#: Days of the month each part of a month covers (clipped to the month's length): thirds of
#: the month, "early" 1-10, "mid" 11-20, "late" from the 20th to the end (the 20th is both
#: mid and late: writers round either way), and "the end of" the last ten or eleven days,
#: 21 to the end. These are the project's agreed readings; change them here, not in callers.
MONTH_PART_DAYS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {"early": (1, 10), "mid": (11, 20), "late": (20, 31), "end": (21, 31)}
)
#: Months each part of a year covers: thirds of the year for early/mid/late; "the end of
#: 2019" is narrower, November-December, as "the end of January" is narrower than "late".
YEAR_PART_MONTHS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "end": (11, 12)}
)
#: An event reported without a time expression happened within the week before the report:
#: news reports events of the last few days, and ACLED codes such events at week precision.
#: Seven days ending on the reference day.
REPORT_WINDOW_DAYS = 7
#: The longest span of days still called a month when an event is dated only as "after X, before
#: the report": the longest calendar month.
MAX_MONTH_DAYS = 31
#: "in recent days": a week; "in recent weeks": six weeks; "in recent months": six months;
#: "in recent years": five years. Each is the longest stretch a reader still calls recent in
#: that unit (a month ago is no longer "recent days"), so the true period lies inside.
RECENT_DAYS_WINDOW = dt.timedelta(days=7)
RECENT_WEEKS_WINDOW = dt.timedelta(weeks=6)
RECENT_MONTHS_WINDOW = 6
RECENT_YEARS_WINDOW = 5
#: Precision of a rolling window ("the past N units") by its length in days: one day ("the
#: past 24 hours": yesterday and today) is a day; up to a week plus its first day ("the past
#: week" spans 8 calendar days) a week; up to a month plus a day a month; longer a year.
ROLLING_DAY_MAX_DAYS = 1
ROLLING_WEEK_MAX_DAYS = 8
ROLLING_MONTH_MAX_DAYS = 32
#: Years the Gregorian calendar needs to repeat its weekday for a date: 28 between 1901 and
#: 2099. Searching twice that far back crosses a skipped leap year (1900, 2100) safely.
CALENDAR_CYCLE_YEARS = 28
WEEKDAY_YEAR_SEARCH = 2 * CALENDAR_CYCLE_YEARS
#: February 29 recurs at most eight years apart (across 1900 or 2100): how far to look for
#: the nearest year in which a day exists.
LEAP_SEARCH_YEARS = 8
#: Years a bare four-digit number may name. Reports about armed conflict seldom date events
#: before 1800; the upper bound keeps "2150 troops" from being a year.
MIN_YEAR = 1800
MAX_YEAR = 2099
#: Days either side of a date given as approximate ("around 8 September"): a week centred
#: on the day, which is how ACLED codes a date reported as "around D (week of)".
APPROXIMATE_DAY_SLACK = 3
#: Longest count in "the past N days" / "N weeks ago": three digits is "the past 100 days".
_COUNT = r"[0-9]{1,3}"

_PRECISION_ORDER = (DatePrecision.DAY, DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR)

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

# Which tables the file may hold, and what each maps to.
_INT_TABLES: Mapping[str, tuple[int, int]] = MappingProxyType(
    {
        "months": (1, 12),
        "month_abbreviations": (1, 12),
        "weekdays": (0, 6),
        "weekday_abbreviations": (0, 6),
        "relative": (-1, 1),
        "anaphora": (-1, 1),
        "anaphora_after": (-1, 1),
        "numbers": (1, 999),
    }
)
_STR_TABLES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "parts": frozenset(MONTH_PART_DAYS),
        "within": frozenset({"before", "after"}),
        "units": frozenset({"hour", "day", "week", "weekend", "month", "year"}),
        "anaphoric_units": frozenset({"day", "week", "month", "year"}),
    }
)
_PAIR_TABLES = frozenset({"day_words"})
_WORD_LISTS = frozenset(
    {
        "day_modifiers",
        "times_of_day",
        "rolling",
        "recent",
        "vague_numbers",
        "ago",
        "since",
        "range_open",
        "range_join",
        "bounds",
        "prepositions",
        "cues",
        "approximate",
    }
)


def _key(text: str) -> str:
    """The lookup form of a word or phrase: case-folded, whitespace collapsed, no final dot."""
    return " ".join(text.casefold().split()).rstrip(".")


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """The words of ``time_expressions.toml``, keyed by :func:`_key`."""

    ints: Mapping[str, Mapping[str, int]]
    strs: Mapping[str, Mapping[str, str]]
    pairs: Mapping[str, tuple[int, int]]
    words: Mapping[str, tuple[str, ...]]

    def month(self, text: str) -> int | None:
        key = _key(text)
        return self.ints["months"].get(key) or self.ints["month_abbreviations"].get(key)

    def weekday(self, text: str) -> int | None:
        key = _key(text)
        found = self.ints["weekdays"].get(key)
        return found if found is not None else self.ints["weekday_abbreviations"].get(key)

    def count(self, text: str) -> int | None:
        """A count written in digits or words; None for a vague count ("a few")."""
        if text.isascii() and text.isdigit():
            return int(text)
        return self.ints["numbers"].get(_key(text))


def _parse_vocabulary(text: str, source: str) -> _Vocabulary:
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(f"{source} is not valid TOML: {error}", "fix the TOML syntax") from error
    if data.get("format") != TIME_EXPRESSIONS_FORMAT:
        raise DataFileError(
            f"{source} declares format {data.get('format')!r}",
            f'start the file with format = "{TIME_EXPRESSIONS_FORMAT}"',
        )
    known = {"format", *_INT_TABLES, *_STR_TABLES, *_PAIR_TABLES, "words"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise DataFileError(f"{source}: unknown table(s) {unknown}", f"known tables: {sorted(known)}")

    def table(name: str) -> dict[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise DataFileError(f"{source}: {name} must be a table", f"write [{name}]")
        return value

    ints: dict[str, Mapping[str, int]] = {}
    for name, (low, high) in _INT_TABLES.items():
        entries = table(name)
        for key, value in entries.items():
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise DataFileError(f"{source}: [{name}] {key} = {value!r}", f"use a number {low}..{high}")
        ints[name] = MappingProxyType({_key(k): v for k, v in entries.items()})
    strs: dict[str, Mapping[str, str]] = {}
    for name, allowed in _STR_TABLES.items():
        entries = table(name)
        for key, value in entries.items():
            if value not in allowed:
                raise DataFileError(f"{source}: [{name}] {key} = {value!r}", f"use one of {sorted(allowed)}")
        strs[name] = MappingProxyType({_key(k): v for k, v in entries.items()})
    pairs: dict[str, tuple[int, int]] = {}
    for key, value in table("day_words").items():
        valid = (
            isinstance(value, list)
            and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            and value[0] <= value[1]
        )
        if not valid:
            raise DataFileError(f"{source}: [day_words] {key} = {value!r}", "write [first, last] offsets")
        pairs[_key(key)] = (value[0], value[1])
    words: dict[str, tuple[str, ...]] = {}
    lists = table("words")
    for name, value in lists.items():
        if name not in _WORD_LISTS:
            raise DataFileError(f"{source}: unknown list [words] {name}", f"known: {sorted(_WORD_LISTS)}")
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise DataFileError(f"{source}: [words] {name} must list words", f'write {name} = ["...", "..."]')
    for name in _WORD_LISTS:
        words[name] = tuple(_key(w) for w in lists.get(name, []))
    if not ints["months"] or not ints["weekdays"]:
        raise DataFileError(f"{source}: [months] and [weekdays] may not be empty", "list the names")
    return _Vocabulary(
        ints=MappingProxyType(ints),
        strs=MappingProxyType(strs),
        pairs=MappingProxyType(pairs),
        words=MappingProxyType(words),
    )


@functools.cache
def _vocabulary() -> _Vocabulary:
    package = resources.files("wirewatch").joinpath(*_PACKAGE_FILE)
    try:
        text = package.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(
            "the package's time_expressions.toml is missing", "reinstall wirewatch (pip install -e .)"
        ) from error
    return _parse_vocabulary(text, "wirewatch/data/time_expressions.toml")


# --------------------------------------------------------------------------------------------
# Grammar: one regular expression per form, built from the vocabulary
# --------------------------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """An alternation that tries longer phrases first; spaces match any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


def _names(words: Iterable[str], running_text: bool) -> str:
    """Month or weekday names; in running text only Capitalised or UPPER CASE ("May", not "may")."""
    if not running_text:
        return _alt(words)
    variants = {variant for w in words for variant in (w.capitalize(), w.upper())}
    return f"(?-i:{_alt(variants)})"


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]


# Rule names: each has a handler in _HANDLERS.
_ISO = "iso"
_WEEKDAY_MONTH_DAY = "weekday_month_day"
_WEEKDAY_DAY_MONTH = "weekday_day_month"
_MONTH_DAY = "month_day"
_DAY_MONTH = "day_month"
_MONTH = "month"
_PART_YEAR = "part_year"
_YEAR = "year"
_WEEKDAY = "weekday"
_DAY_WORD = "day_word"
_RELATIVE_UNIT = "relative_unit"
_WITHIN_THE = "within_the"
_THE_WEEKEND = "the_weekend"
_ROLLING = "rolling"
_RECENT = "recent"
_AGO = "ago"
_ANAPHORA = "anaphora"
_ANAPHORA_AFTER = "anaphora_after"


@functools.cache
def _grammar(running_text: bool) -> tuple[_Rule, ...]:
    """The rules, for whole expressions (``running_text=False``) or for finding them in text."""
    v = _vocabulary()
    months = _names([*v.ints["months"], *v.ints["month_abbreviations"]], running_text)
    weekdays = _names(v.ints["weekdays"], running_text)
    weekdays_abbr = _names([*v.ints["weekdays"], *v.ints["weekday_abbreviations"]], running_text)
    part = f"(?P<part>{_alt(v.strs['parts'])})"
    rel = _alt(v.ints["relative"])
    mod = f"(?P<mod>{_alt(v.words['day_modifiers'])})"
    tod = f"(?P<tod>{_alt(v.words['times_of_day'])})"
    units = v.strs["units"]
    unit_all = f"(?P<unit>{_alt(units)})"
    unit_calendar = _alt(k for k, u in units.items() if u in {"week", "month", "year", "weekend"})
    unit_weekend = _alt(k for k, u in units.items() if u == "weekend")
    num = f"(?P<num>{_alt([*v.ints['numbers'], *v.words['vague_numbers']])}|{_COUNT})"

    mon = rf"(?P<month>{months})\.?"
    day = r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9\w])(?!,[0-9])"
    year = r"(?P<year>1[89][0-9]{2}|20[0-9]{2})(?![0-9\w])"
    year_tail = rf"(?:\s*,?\s*{year})?"
    year_qualifier = rf"(?:\s*,?\s*(?:of\s+)?{year}|\s+(?:of\s+)?(?P<yrel>{rel})\s+year)?"
    # "Thursday (February 8)", "Thursday, Feb. 8", "Thu 8 February 2024"
    weekday_sep = r"\.?(?:(?P<open>\s*\(\s*)|\s*,\s*|\s+)"
    weekday_close = r"(?(open)\s*\))"

    forms: list[tuple[str, str]] = [
        (_ISO, r"(?P<iy>[0-9]{4})(?P<sep>[-/])(?P<im>[0-9]{1,2})(?P=sep)(?P<id>[0-9]{1,2})(?![0-9])"),
        (
            _WEEKDAY_MONTH_DAY,
            rf"(?P<weekday>{weekdays_abbr}){weekday_sep}(?:the\s+)?{mon}\s+{day}{year_tail}{weekday_close}",
        ),
        (
            _WEEKDAY_DAY_MONTH,
            rf"(?P<weekday>{weekdays_abbr}){weekday_sep}(?:the\s+)?{day}(?:\s+of)?\s+{mon}{year_tail}"
            rf"{weekday_close}",
        ),
        (_MONTH_DAY, rf"{mon}\s+{day}{year_tail}"),
        (_DAY_MONTH, rf"(?:the\s+)?{day}(?:\s+of)?\s+{mon}{year_tail}"),
        (_MONTH, rf"(?:{part}\s*-?\s*)?(?:(?P<rel>{rel})\s+)?{mon}(?![\w-]){year_qualifier}"),
        (_PART_YEAR, rf"{part}\s*-?\s*(?:{year}|(?P<yrel>{rel})\s+year|the\s+year)"),
        (_YEAR, year),
        (_WEEKDAY, rf"(?:(?P<rel>{rel})\s+)?(?:{mod}\s+)?(?P<weekday>{weekdays})(?:\s+{tod})?"),
        (_DAY_WORD, rf"(?:{mod}\s+)?(?P<dayword>{_alt(v.pairs)})(?:\s+{tod})?"),
        (
            _RELATIVE_UNIT,
            rf"(?:(?P<within>{_alt(v.strs['within'])})\s+)?(?P<rel>{rel})\s+(?P<unit>{unit_calendar})",
        ),
        (_WITHIN_THE, rf"(?P<within>{_alt(v.strs['within'])})\s+in\s+the\s+(?P<unit>{unit_calendar})"),
        (_THE_WEEKEND, rf"the\s+(?P<unit>{unit_weekend})"),
        (_ROLLING, rf"the\s+(?:{_alt(v.words['rolling'])})\s+(?:{num}\s+)?{unit_all}"),
        (_RECENT, rf"(?:the\s+)?(?:{_alt(v.words['recent'])})\s+{unit_all}"),
        (_AGO, rf"{num}\s+{unit_all}\s+(?:{_alt(v.words['ago'])})"),
        (_ANAPHORA, rf"(?P<ana>{_alt(v.ints['anaphora'])})\s+(?P<aunit>{_alt(v.strs['anaphoric_units'])})"),
        (
            _ANAPHORA_AFTER,
            rf"(?:the\s+(?P<aunit>{_alt(v.strs['anaphoric_units'])})|{num}\s+{unit_all})"
            rf"\s+(?P<after>{_alt(v.ints['anaphora_after'])})",
        ),
    ]
    flags = re.IGNORECASE
    if running_text:
        cues = _alt([*v.words["cues"], *v.words["range_join"]])
        # A word boundary that also keeps "mid-" and "2024-02-03" whole; the optional cue word
        # before the expression is what admits a bare month or year (see _admitted).
        return tuple(
            _Rule(name, re.compile(rf"(?<![\w-])(?:(?P<cue>{cues})\s+)?(?P<body>{core})(?![\w])", flags))
            for name, core in forms
        )
    return tuple(_Rule(name, re.compile(core, flags)) for name, core in forms)


# --------------------------------------------------------------------------------------------
# Calendar arithmetic
# --------------------------------------------------------------------------------------------

_Days = tuple[dt.date, dt.date]


def _month_days(year: int, month: int) -> _Days:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` later (or earlier), clipped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _unit_days(unit: str, day: dt.date) -> _Days:
    """The calendar week (Monday-Sunday), month or year that contains ``day``."""
    if unit == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        return _month_days(day.year, day.month)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def _shift(unit: str, day: dt.date, count: int) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=count)
    if unit == "week":
        return day + dt.timedelta(weeks=count)
    if unit == "month":
        return _add_months(day, count)
    return _add_months(day, 12 * count)


_UNIT_PRECISION: Mapping[str, DatePrecision] = MappingProxyType(
    {
        "day": DatePrecision.DAY,
        "week": DatePrecision.WEEK,
        "weekend": DatePrecision.WEEK,
        "month": DatePrecision.MONTH,
        "year": DatePrecision.YEAR,
    }
)


def _part_of_month(year: int, month: int, part: str | None) -> _Days:
    first, last = _month_days(year, month)
    if part is None:
        return first, last
    low, high = MONTH_PART_DAYS[part]
    return first.replace(day=min(low, last.day)), first.replace(day=min(high, last.day))


def _part_of_year(year: int, part: str) -> _Days:
    low, high = YEAR_PART_MONTHS[part]
    return _month_days(year, low)[0], _month_days(year, high)[1]


def _valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _occurrence(ref: dt.date, future: bool, build: Callable[[int], _Days | None]) -> _Days | None:
    """The latest yearly occurrence starting on or before ``ref`` (the earliest ending on or
    after it when ``future``); ``build(year)`` gives the occurrence in a year, or None if that
    year has none (February 29)."""
    years = (
        range(ref.year, ref.year + LEAP_SEARCH_YEARS + 1)
        if future
        else range(ref.year, ref.year - LEAP_SEARCH_YEARS - 1, -1)
    )
    for year in years:
        if not MIN_YEAR <= year <= MAX_YEAR:
            continue
        days = build(year)
        if days is not None and (days[1] >= ref if future else days[0] <= ref):
            return days
    return None


def _weekday_on_or_before(ref: dt.date, weekday: int, *, strictly: bool) -> dt.date:
    back = (ref.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return ref - dt.timedelta(days=back)


def _weekday_on_or_after(ref: dt.date, weekday: int, *, strictly: bool) -> dt.date:
    ahead = (weekday - ref.weekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return ref + dt.timedelta(days=ahead)


_SATURDAY = 5


def _weekend(ref: dt.date, rel: int | None, future: bool) -> _Days:
    """A Saturday-Sunday weekend: the previous (-1), the current-or-latest (0 / None), the next."""
    latest_saturday = _weekday_on_or_before(ref, _SATURDAY, strictly=False)
    if rel == -1:
        saturday = latest_saturday
        if saturday + dt.timedelta(days=1) >= ref:  # it has not ended yet: the one before
            saturday -= dt.timedelta(weeks=1)
    elif rel == 1:
        saturday = _weekday_on_or_after(ref, _SATURDAY, strictly=True)
    elif future and ref.weekday() < _SATURDAY:
        saturday = _weekday_on_or_after(ref, _SATURDAY, strictly=False)
    else:
        saturday = latest_saturday
    return saturday, saturday + dt.timedelta(days=1)


def _coarser(a: DatePrecision, b: DatePrecision) -> DatePrecision:
    return max(a, b, key=_PRECISION_ORDER.index)


def _rolling_precision(days: int) -> DatePrecision:
    if days <= ROLLING_DAY_MAX_DAYS:
        return DatePrecision.DAY
    if days <= ROLLING_WEEK_MAX_DAYS:
        return DatePrecision.WEEK
    if days <= ROLLING_MONTH_MAX_DAYS:
        return DatePrecision.MONTH
    return DatePrecision.YEAR


# --------------------------------------------------------------------------------------------
# Handlers: one per rule, from a match to a range (before the mode's clipping)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Resolved:
    start: dt.date | None
    end: dt.date | None
    precision: DatePrecision
    partial: str | None = None


@dataclass(frozen=True, slots=True)
class _Context:
    ref: dt.date | None
    future: bool
    crawl_date: dt.date
    anchor: dt.date | None
    vocab: _Vocabulary


def _days(days: _Days | None, precision: DatePrecision) -> _Resolved | None:
    return None if days is None else _Resolved(days[0], days[1], precision)


def _group(m: re.Match[str], name: str) -> str | None:
    value: str | None = m.group(name)
    return value


def _ints(c: _Context, table: str, text: str | None) -> int | None:
    return None if text is None else c.vocab.ints[table].get(_key(text))


def _year_of(m: re.Match[str], c: _Context) -> int | None:
    """The year an expression names: written ("2020"), relative ("last year") or None."""
    written = _group(m, "year")
    if written is not None:
        return int(written)
    yrel = _ints(c, "relative", _group(m, "yrel")) if "yrel" in m.re.groupindex else None
    if yrel is not None and c.ref is not None:
        return c.ref.year + yrel
    return None


def _names_year(m: re.Match[str]) -> bool:
    return _group(m, "year") is not None or ("yrel" in m.re.groupindex and _group(m, "yrel") is not None)


def _h_iso(m: re.Match[str], c: _Context) -> _Resolved | None:
    found = _valid_day(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if found is None or not MIN_YEAR <= found.year <= MAX_YEAR:
        return None
    return _Resolved(found, found, DatePrecision.DAY)


def _month_and_day(m: re.Match[str], c: _Context) -> _Resolved | None:
    month = c.vocab.month(m.group("month"))
    day = int(m.group("day"))
    if month is None or _valid_day(2000, month, day) is None:  # 2000 was a leap year
        return None
    year = _year_of(m, c)
    if year is not None:
        return _days(_single(_valid_day(year, month, day)), DatePrecision.DAY)
    if c.ref is not None:
        return _days(
            _occurrence(c.ref, c.future, lambda y: _single(_valid_day(y, month, day))), DatePrecision.DAY
        )
    if "weekday" in m.re.groupindex:
        return _infer_year(m, c, month, day)
    return _Resolved(None, None, DatePrecision.YEAR_UNKNOWN, partial=f"--{month:02d}-{day:02d}")


def _single(day: dt.date | None) -> _Days | None:
    return None if day is None else (day, day)


def _infer_year(m: re.Match[str], c: _Context, month: int, day: int) -> _Resolved | None:
    """No reference: the latest year, not after the crawl date, in which the date fell on
    the weekday the text gives."""
    weekday = c.vocab.weekday(m.group("weekday"))
    if weekday is None:
        return None
    for year in range(c.crawl_date.year, c.crawl_date.year - WEEKDAY_YEAR_SEARCH - 1, -1):
        found = _valid_day(year, month, day) if year >= 1 else None
        if found is not None and found <= c.crawl_date and found.weekday() == weekday:
            return _Resolved(found, found, DatePrecision.DAY)
    return None


def _h_month(m: re.Match[str], c: _Context) -> _Resolved | None:
    month = c.vocab.month(m.group("month"))
    part_text = _group(m, "part")
    part = c.vocab.strs["parts"].get(_key(part_text)) if part_text else None
    if month is None or (part_text and part is None):
        return None

    def build(year: int) -> _Days:
        return _part_of_month(year, month, part)

    if _names_year(m):
        year = _year_of(m, c)
        return None if year is None else _days(build(year), DatePrecision.MONTH)
    if c.ref is None:
        return None
    rel = _ints(c, "relative", _group(m, "rel"))
    first, last = _month_days(c.ref.year, c.ref.month)
    if rel == -1:  # "last January": the latest one before the current month
        found = _occurrence(first - dt.timedelta(days=1), False, build)
    elif rel == 1:  # "next January": the first one after the current month
        found = _occurrence(last + dt.timedelta(days=1), True, build)
    else:
        found = _occurrence(c.ref, c.future, build)
    return _days(found, DatePrecision.MONTH)


def _h_part_year(m: re.Match[str], c: _Context) -> _Resolved | None:
    part = c.vocab.strs["parts"].get(_key(m.group("part")))
    if part is None:
        return None
    if _names_year(m):
        year = _year_of(m, c)
        return None if year is None else _days(_part_of_year(year, part), DatePrecision.YEAR)
    if c.ref is None:  # "the end of the year"
        return None
    return _days(_occurrence(c.ref, c.future, lambda y: _part_of_year(y, part)), DatePrecision.YEAR)


def _h_year(m: re.Match[str], c: _Context) -> _Resolved | None:
    year = int(m.group("year"))
    return _Resolved(dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR)


def _h_weekday(m: re.Match[str], c: _Context) -> _Resolved | None:
    weekday = c.vocab.weekday(m.group("weekday"))
    if weekday is None or c.ref is None:
        return None
    rel = _ints(c, "relative", _group(m, "rel"))
    if rel == -1:
        found = _weekday_on_or_before(c.ref, weekday, strictly=True)
    elif rel == 1:
        found = _weekday_on_or_after(c.ref, weekday, strictly=True)
    elif c.future:  # a bare weekday of a plan is the next one; "this Friday" may be today
        found = _weekday_on_or_after(c.ref, weekday, strictly=rel is None)
    else:
        found = _weekday_on_or_before(c.ref, weekday, strictly=False)
    return _Resolved(found, found, DatePrecision.DAY)


def _h_day_word(m: re.Match[str], c: _Context) -> _Resolved | None:
    offsets = c.vocab.pairs.get(_key(m.group("dayword")))
    if offsets is None or c.ref is None:
        return None
    return _Resolved(
        c.ref + dt.timedelta(days=offsets[0]), c.ref + dt.timedelta(days=offsets[1]), DatePrecision.DAY
    )


def _h_relative_unit(m: re.Match[str], c: _Context) -> _Resolved | None:
    unit = c.vocab.strs["units"].get(_key(m.group("unit")))
    rel = _ints(c, "relative", _group(m, "rel"))
    if unit is None or rel is None or c.ref is None:
        return None
    if unit == "weekend":
        return _days(_weekend(c.ref, rel, c.future), DatePrecision.WEEK)
    return _within(m, c, unit, _shift(unit, c.ref, rel))


def _within(m: re.Match[str], c: _Context, unit: str, day: dt.date) -> _Resolved | None:
    """The unit containing ``day``; with "earlier"/"later" only its part before/after ref."""
    assert c.ref is not None
    first, last = _unit_days(unit, day)
    within_text = _group(m, "within")
    within = c.vocab.strs["within"].get(_key(within_text)) if within_text else None
    if within is not None and first <= c.ref <= last:
        if within == "before":
            last = c.ref
        else:
            first = c.ref + dt.timedelta(days=1)
            if first > last:
                return None
    return _Resolved(first, last, _UNIT_PRECISION[unit])


def _h_within_the(m: re.Match[str], c: _Context) -> _Resolved | None:
    unit = c.vocab.strs["units"].get(_key(m.group("unit")))
    if unit is None or unit == "weekend" or c.ref is None:
        return None
    return _within(m, c, unit, c.ref)


def _h_the_weekend(m: re.Match[str], c: _Context) -> _Resolved | None:
    return None if c.ref is None else _days(_weekend(c.ref, None, c.future), DatePrecision.WEEK)


def _recent(unit: str, ref: dt.date) -> _Resolved | None:
    if unit in {"hour", "day"}:
        return _Resolved(ref - RECENT_DAYS_WINDOW, ref, DatePrecision.WEEK)
    if unit == "week":
        return _Resolved(ref - RECENT_WEEKS_WINDOW, ref, DatePrecision.MONTH)
    if unit == "month":
        return _Resolved(_add_months(ref, -RECENT_MONTHS_WINDOW).replace(day=1), ref, DatePrecision.YEAR)
    if unit == "year":
        return _Resolved(dt.date(ref.year - RECENT_YEARS_WINDOW, 1, 1), ref, DatePrecision.YEAR)
    return None


def _count_and_unit(m: re.Match[str], c: _Context) -> tuple[int | None, str | None]:
    unit = c.vocab.strs["units"].get(_key(m.group("unit")))
    num = _group(m, "num")
    return (1 if num is None else c.vocab.count(num)), unit


def _h_rolling(m: re.Match[str], c: _Context) -> _Resolved | None:
    count, unit = _count_and_unit(m, c)
    if unit is None or unit == "weekend" or c.ref is None:
        return None
    if count is None:  # "the past few weeks"
        return _recent(unit, c.ref)
    if unit == "hour":
        start = c.ref - dt.timedelta(days=math.ceil(count / 24))
    else:
        start = _shift(unit, c.ref, -count)
    return _Resolved(start, c.ref, _rolling_precision((c.ref - start).days))


def _h_recent(m: re.Match[str], c: _Context) -> _Resolved | None:
    unit = c.vocab.strs["units"].get(_key(m.group("unit")))
    return None if unit is None or c.ref is None else _recent(unit, c.ref)


def _h_ago(m: re.Match[str], c: _Context) -> _Resolved | None:
    count, unit = _count_and_unit(m, c)
    if unit is None or unit == "weekend" or c.ref is None:
        return None
    if count is None:  # "a few days ago": recently, and not today
        recent = _recent(unit, c.ref)
        end = c.ref - dt.timedelta(days=1)
        return (
            None if recent is None or recent.start is None else _Resolved(recent.start, end, recent.precision)
        )
    if unit == "hour":
        return _Resolved(
            c.ref - dt.timedelta(days=math.ceil(count / 24)),
            c.ref - dt.timedelta(days=count // 24),
            DatePrecision.DAY,
        )
    day = _shift(unit, c.ref, -count)
    if unit == "day":
        return _Resolved(day, day, DatePrecision.DAY)
    first, last = _unit_days(unit, day)
    return _Resolved(first, last, _UNIT_PRECISION[unit])


def _anaphoric(c: _Context, unit: str, count: int) -> _Resolved | None:
    if c.anchor is None:
        return None
    day = _shift(unit, c.anchor, count)
    if unit == "day":
        return _Resolved(day, day, DatePrecision.DAY)
    first, last = _unit_days(unit, day)
    return _Resolved(first, last, _UNIT_PRECISION[unit])


def _h_anaphora(m: re.Match[str], c: _Context) -> _Resolved | None:
    offset = _ints(c, "anaphora", m.group("ana"))
    unit = c.vocab.strs["anaphoric_units"].get(_key(m.group("aunit")))
    return None if offset is None or unit is None else _anaphoric(c, unit, offset)


def _h_anaphora_after(m: re.Match[str], c: _Context) -> _Resolved | None:
    direction = _ints(c, "anaphora_after", m.group("after"))
    if direction is None:
        return None
    aunit = _group(m, "aunit")
    if aunit is not None:  # "the day before"
        unit = c.vocab.strs["anaphoric_units"].get(_key(aunit))
        return None if unit is None else _anaphoric(c, unit, direction)
    count, unit = _count_and_unit(m, c)  # "two days later"
    if count is None or unit not in {"day", "week", "month", "year"}:
        return None
    assert unit is not None
    return _anaphoric(c, unit, direction * count)


_Handler = Callable[[re.Match[str], _Context], _Resolved | None]
_HANDLERS: Mapping[str, _Handler] = MappingProxyType(
    {
        _ISO: _h_iso,
        _WEEKDAY_MONTH_DAY: _month_and_day,
        _WEEKDAY_DAY_MONTH: _month_and_day,
        _MONTH_DAY: _month_and_day,
        _DAY_MONTH: _month_and_day,
        _MONTH: _h_month,
        _PART_YEAR: _h_part_year,
        _YEAR: _h_year,
        _WEEKDAY: _h_weekday,
        _DAY_WORD: _h_day_word,
        _RELATIVE_UNIT: _h_relative_unit,
        _WITHIN_THE: _h_within_the,
        _THE_WEEKEND: _h_the_weekend,
        _ROLLING: _h_rolling,
        _RECENT: _h_recent,
        _AGO: _h_ago,
        _ANAPHORA: _h_anaphora,
        _ANAPHORA_AFTER: _h_anaphora_after,
    }
)

# --------------------------------------------------------------------------------------------
# Resolving one expression
# --------------------------------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})
_EDGE_PUNCTUATION = " \t\r\n,;:!?\"'"


def _normalise(expression: str) -> str:
    """NFKC, plain quotes and dashes, collapsed spaces, no edge punctuation or possessive."""
    text = " ".join(unicodedata.normalize("NFKC", expression).translate(_QUOTES).split())
    while True:
        before = text
        text = text.strip(_EDGE_PUNCTUATION)
        if text.endswith("."):
            text = text[:-1]  # a full stop, or the dot of "Sept." (optional in the rules)
        if text.endswith(")") and text.count(")") > text.count("("):
            text = text[:-1]
        if text.startswith("(") and text.count("(") > text.count(")"):
            text = text[1:]
        if text.casefold().endswith("'s") and len(text) > 2:
            text = text[:-2]
        if text == before:
            return text


@dataclass(frozen=True, slots=True)
class _Connectives:
    """Patterns for the words around expressions; None where the vocabulary lists none."""

    preposition: re.Pattern[str] | None  # "on " in "on Friday"
    since: re.Pattern[str] | None  # "since April"
    pair: re.Pattern[str] | None  # "between October and July"
    bound: re.Pattern[str] | None  # "until Friday"
    since_before: re.Pattern[str] | None  # "since " right before a found expression
    bound_before: re.Pattern[str] | None  # "until " right before a found expression
    open_before: re.Pattern[str] | None  # "between " right before a found expression
    open_recently: re.Pattern[str] | None  # "between" a few words before a joining "and"
    join: re.Pattern[str] | None  # " and " between two found expressions


@functools.cache
def _connectives() -> _Connectives:
    w = _vocabulary().words

    def compiled(pattern: str, *lists: str) -> re.Pattern[str] | None:
        if not all(w[name] for name in lists):
            return None
        return re.compile(pattern.format(**{name: _alt(w[name]) for name in lists}), re.IGNORECASE)

    return _Connectives(
        preposition=compiled(r"(?:{prepositions})\s+", "prepositions"),
        since=compiled(r"(?:{since})\s+(?P<rest>.+)", "since"),
        pair=compiled(
            r"(?:{range_open})\s+(?P<a>.+?)\s*(?<![\w-])(?:{range_join})(?![\w-])\s*(?P<b>.+)",
            "range_open",
            "range_join",
        ),
        bound=compiled(r"(?:{bounds})\s+.+", "bounds"),
        since_before=compiled(r"(?<![\w-])(?:{since})\s+$", "since"),
        bound_before=compiled(r"(?<![\w-])(?:{bounds})\s+$", "bounds"),
        open_before=compiled(r"(?<![\w-])(?:{range_open})\s+$", "range_open"),
        open_recently=compiled(r"(?<![\w-])(?:{range_open})\s+(?:\S+\s+){{1,4}}$", "range_open"),
        join=compiled(r"\s*(?:{range_join})\s*", "range_join"),
    )


def _strip_prepositions(text: str) -> str:
    """Drop leading prepositions ("on Friday" → "Friday"), repeatedly."""
    pattern = _connectives().preposition
    while pattern is not None and (m := pattern.match(text)) is not None and m.end() < len(text):
        text = text[m.end() :]
    return text


def _fit(found: _Resolved | None, c: _Context) -> _Resolved | None:
    """Apply the mode: past modes never end after the reference day, future ones start on it."""
    if found is None or found.start is None or found.end is None or c.ref is None:
        return found
    start, end = found.start, found.end
    if not c.future:
        if start > c.ref:
            return None
        end = min(end, c.ref)
    elif start < c.ref <= end:
        start = c.ref
    if start > end:
        return None
    return _Resolved(start, end, found.precision, found.partial)


def _resolve_whole(text: str, c: _Context) -> _Resolved | None:
    """Resolve ``text`` when it is a time expression as a whole; None when it is not one."""
    approximate = _approximate_rest(text)
    if approximate is not None:
        return _widened(_resolve_whole(approximate, c))
    text = _strip_prepositions(text)
    connectives = _connectives()
    since = connectives.since.fullmatch(text) if connectives.since else None
    if since is not None:
        return _since(since.group("rest"), c)
    if connectives.bound is not None and connectives.bound.fullmatch(text):
        return None  # "until Friday": a bound, not the event's day
    pair = connectives.pair.fullmatch(text) if connectives.pair else None
    if pair is not None:
        return _between(pair.group("a"), pair.group("b"), c)
    for rule in _grammar(running_text=False):
        m = rule.pattern.fullmatch(text)
        if m is not None:
            return _HANDLERS[rule.name](m, c)
    return None


def _approximate_rest(text: str) -> str | None:
    """The date after an approximating word ("around 8 September" -> "8 September"), else None."""
    folded = text.casefold()
    for word in _vocabulary().words["approximate"]:
        if folded.startswith(word + " "):
            return text[len(word) + 1 :].lstrip()
    return None


def _widened(day: _Resolved | None) -> _Resolved | None:
    """A day given as approximate is the week centred on it; coarser ranges stay as they are."""
    if day is None or day.precision is not DatePrecision.DAY or day.start is None or day.end is None:
        return day
    slack = dt.timedelta(days=APPROXIMATE_DAY_SLACK)
    return _Resolved(day.start - slack, day.end + slack, DatePrecision.WEEK, day.partial)


def _since(rest: str, c: _Context) -> _Resolved | None:
    """ "since April": from the start of the expression to the reference day."""
    inner = _fit(_resolve_whole(rest, _past(c)), _past(c))
    if inner is None or inner.start is None or c.ref is None or inner.start > c.ref:
        return None
    return _Resolved(inner.start, c.ref, inner.precision)


def _past(c: _Context) -> _Context:
    return _Context(c.ref, False, c.crawl_date, c.anchor, c.vocab)


def _between(first: str, second: str, c: _Context) -> _Resolved | None:
    """ "between October and July": the second end first, then the latest first end before it."""
    end = _fit(_resolve_whole(second, c), c)
    if end is None or end.end is None:
        return None
    start_context = _Context(end.end, False, c.crawl_date, c.anchor, c.vocab)
    start = _fit(_resolve_whole(first, start_context), start_context)
    if start is None or start.start is None or start.start > end.end:
        return None
    return _Resolved(start.start, end.end, _coarser(start.precision, end.precision))


def _reference_day(reference: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    return None


def resolve_time(
    expression: str,
    reference: dt.date | dt.datetime | None,
    *,
    mode: Mode = Mode.ASSERTED,
    crawl_date: dt.date | None = None,
    span: Span | None = None,
    anchor: dt.date | None = None,
) -> DateRange | None:
    """The date range a time expression gives, relative to ``reference``; None if it gives none.

    ``reference`` is the publication date of the article, or of the dateline that governs the
    paragraph (a datetime counts by its own local date). ``mode`` decides whether bare
    weekdays and months look back (asserted, claimed, denied, historical) or forward
    (planned, threatened, hypothetical), and whether a date after the reference is accepted
    (see the module docstring). ``crawl_date`` (default: today) bounds the year inferred for
    a weekday with a date when there is no reference. ``span`` is attached to the result.
    ``anchor`` is the date of the event narrated just before, which anaphoric expressions
    ("the following day", "two days later", "that week") count from; without it they give None.

    The expression may carry a leading preposition ("on Friday") or a possessive
    ("Friday's"). When it is not a time expression as a whole, the first time expression
    found in it (:func:`find_time_expressions`) is resolved, and ``span`` narrowed to it when
    ``span.text`` is the expression. Never raises on any string.
    """
    if not isinstance(expression, str) or not expression.strip():
        return None
    context = _Context(
        ref=_reference_day(reference),
        future=mode in FUTURE_MODES,
        crawl_date=crawl_date or dt.date.today(),
        anchor=anchor,
        vocab=_vocabulary(),
    )
    try:
        found = _fit(_resolve_whole(_normalise(expression), context), context)
        if found is None:
            found, span = _resolve_inside(expression, context, span)
    except (ValueError, OverflowError):  # calendar arithmetic beyond year 1 or 9999
        return None
    if found is None:
        return None
    if found.start is not None and found.end is not None and found.start > found.end:
        return None
    return DateRange(
        start=found.start, end=found.end, precision=found.precision, partial=found.partial, span=span
    )


def _resolve_inside(expression: str, c: _Context, span: Span | None) -> tuple[_Resolved | None, Span | None]:
    """Resolve the first time expression found inside a longer text."""
    for start, end in find_time_expressions(expression):
        found = _fit(_resolve_whole(_normalise(expression[start:end]), c), c)
        if found is None:
            continue
        if span is not None and span.text == expression:
            span = Span(start=span.start + start, end=span.start + end, text=expression[start:end])
        return found, span
    return None, span


def report_date_range(reference: dt.date | dt.datetime | None) -> DateRange | None:
    """The date of an event reported without a time expression: the week ending on the report.

    Seven days ending on the reference day, at week precision: the report's own day would be
    a made-up exact date. None without a reference.
    """
    day = _reference_day(reference)
    if day is None:
        return None
    try:
        start = day - dt.timedelta(days=REPORT_WINDOW_DAYS - 1)
    except OverflowError:
        start = dt.date.min
    return DateRange(start=start, end=day, precision=DatePrecision.WEEK)


def following_range(followed: DateRange, report: DateRange | None) -> DateRange | None:
    """When an event that followed ``followed`` and was reported by ``report`` happened: from
    the first day of the one it followed to the report's day, as precise as that span allows.
    None when either end is unknown or the report comes before the event it followed."""
    if report is None or followed.start is None or report.end is None or report.end < followed.start:
        return None
    days = (report.end - followed.start).days + 1
    if days <= REPORT_WINDOW_DAYS:
        precision = DatePrecision.WEEK
    elif days <= MAX_MONTH_DAYS:
        precision = DatePrecision.MONTH
    else:
        precision = DatePrecision.YEAR
    return DateRange(start=followed.start, end=report.end, precision=precision)


def reference_for(
    offset: int, sections: Sequence[Section], published: dt.date | dt.datetime | None
) -> dt.date | dt.datetime | None:
    """The reference date for text at ``offset``: its dateline section's date, else ``published``."""
    for section in sections:
        if section.start <= offset < section.end and section.published is not None:
            return section.published
    return published


# --------------------------------------------------------------------------------------------
# Finding expressions in a sentence
# --------------------------------------------------------------------------------------------


def _admitted(rule: str, m: re.Match[str], text: str) -> bool:
    """Running text: a bare month needs a cue word ("in May") and its full name; a bare year
    needs a cue word ("in 2011"). A range's joining word ("and", "to") is a cue only a few
    words after the range's opening word ("between 2019 and 2020"). Anything else stands on
    its own."""
    if rule == _MONTH and (m.group("part") or m.group("rel") or _names_year(m)):
        return True
    if rule not in {_YEAR, _MONTH}:
        return True
    cue = m.group("cue")
    if cue is None:
        return False
    if rule == _MONTH and _key(m.group("month")) not in _vocabulary().ints["months"]:
        return False
    words = _vocabulary().words
    if _key(cue) in words["cues"]:
        return True
    opened = _connectives().open_recently
    return (
        opened is not None
        and opened.search(text, max(0, m.start() - _LOOK_BEHIND_CHARS), m.start()) is not None
    )


def find_time_expressions(sentence: str) -> list[tuple[int, int]]:
    """Character ranges ``(start, end)`` of the time expressions in a sentence, in order.

    Overlapping candidates keep the longest ("Thursday (February 8)" over "Thursday"); a
    preceding "since" joins the expression ("since April"), and "between A and B" / "from A to
    B" become one range. Prepositions stay outside ("on Friday" gives "Friday"). Month and
    weekday names count only when capitalised.
    """
    if not isinstance(sentence, str) or not sentence:
        return []
    candidates: list[tuple[int, int]] = []
    for rule in _grammar(running_text=True):
        for m in rule.pattern.finditer(sentence):
            if _admitted(rule.name, m, sentence) and m.end("body") > m.start("body"):
                candidates.append((m.start("body"), m.end("body")))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    chosen: list[tuple[int, int]] = []
    for start, end in candidates:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end))
    return _join_ranges(sentence, chosen)


def _join_ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "since" to the expression after it, and "between A and B" into one range."""
    connectives = _connectives()
    joined: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        before = text[max(0, start - _LOOK_BEHIND_CHARS) : start]
        opened = connectives.open_before.search(before) if connectives.open_before else None
        if (
            opened is not None
            and connectives.join is not None
            and i + 1 < len(spans)
            and connectives.join.fullmatch(text[end : spans[i + 1][0]])
        ):
            joined.append((start - len(before) + opened.start(), spans[i + 1][1]))
            i += 2
            continue
        since = connectives.since_before.search(before) if connectives.since_before else None
        bound = connectives.bound_before.search(before) if connectives.bound_before else None
        if since is not None:
            start = start - len(before) + since.start()
        elif bound is not None and not _POSSESSIVE.match(text, end):
            # "until Friday" is a bound; "after Thursday's strike" names another event's day
            start = start - len(before) + bound.start()
        joined.append((start, end))
        i += 1
    return joined


_POSSESSIVE = re.compile(r"['’]s(?!\w)")

#: How far before a found expression to look for "since" or "between": the longest such word
#: with the spaces after it fits easily.
_LOOK_BEHIND_CHARS = 40
