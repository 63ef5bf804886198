"""ACLED-compatible CSV: one row per event, in ACLED's columns, order and conventions.

The aim is that a wirewatch export loads wherever an ACLED download loads (the same column
names, vocabularies and codes), so users can compare the two by plain equality. The choices,
column by column:

``event_id_cnty``
    ACLED's ids are the country's ISO 3166-1 alpha-3 code and a number ("SYR51069"). A row
    here keeps that prefix and appends the wirewatch event id after a hyphen
    ("JOR-ev-0b07d09b914b077e"), so it sorts by country like ACLED's and leads back to
    ``wirewatch show``. Without a country the id is the event id alone.
``event_date``, ``year``, ``time_precision``
    ACLED's own CSV downloads write dates as "28 January 2024" (day, full month name, year);
    ``ExportOptions.iso_dates`` writes 2024-01-28 instead, as ACLED's API does.
    ``time_precision`` is 1 when the day is known, 2 when the event is known to within a week
    (a week, or a range of up to seven days), 3 for anything coarser (a month, a year, a longer
    range). For 2 and 3 the date is the middle of the range, which is how ACLED dates an event
    known only to a week or a month.
``disorder_type``
    From the sub-event type (:data:`DISORDER_TYPE`), as ACLED assigns it.
``actor1``, ``assoc_actor_1``, ``actor2``, ``assoc_actor_2``
    ACLED's names: the actor dictionary's canonical name, in the variant whose period covers
    the event's date ("Military Forces of the United States (2017-2021)" for a 2019 event).
    An actor the dictionary does not know keeps its text as written. Associated actors are
    joined with "; " as in ACLED.
``inter1``, ``inter2``, ``interaction``
    ACLED's actor type codes 1-8; ``inter2`` is 0 when there is no second actor. The
    interaction is the two codes with the smaller first ("17", "28"), or the first code and 0
    when there is one actor ("60" for a protest). A code the record does not know is left empty,
    and then so is the interaction.
``civilian_targeting``
    "Civilian targeting" for violence against civilians, and for other political violence
    whose second actor is civilians (type 7), as ACLED marks them.
``iso``, ``region``, ``country``
    From the first place's country through ``export/data/acled_countries.tsv`` (ISO numeric
    code, ACLED's region and its spelling of the country's name), which users extend or
    correct with ``acled_countries*.tsv`` files of the same format in WIREWATCH_DATA_PATH.
``admin1``, ``admin2``, ``admin3``, ``location``, ``latitude``, ``longitude``, ``geo_precision``
    From the first place (the place the event's point is on). ``admin3`` is always empty:
    the gazetteer does not record third-level divisions. Coordinates are rounded to
    :data:`COORDINATE_DECIMALS` places as in ACLED's files. ACLED's geo_precision stops at 3
    (a region); wirewatch's 4 (only the country is known) is written as 3, with the country
    as the location.
``source``, ``source_scale``
    The outlets of the articles that report the event, in mention order, joined with "; ".
    ``source_scale`` (National, International, ...) is left empty: wirewatch does not know an
    outlet's scale.
``notes``
    A short, neutral sentence built from the fields ("On 28 January 2024, air/drone strike
    involving A and B at Tower 22 (Mafraq, Jordan). 3 fatalities reported.") followed by the
    first evidence sentence, with its outlet.
``fatalities``
    ACLED's rule: the lowest credible figure (the event's ``fatalities``), and 0 when no source
    reports a number. The ``tags`` say which zeros are unreported and which figures are
    qualified or disputed.
``tags``
    "; "-joined qualifiers: "fatalities=at least 5", "fatalities=no report", "fatalities
    disputed=4-7", "claimed" (responsibility claimed or the event alleged), "date=year only",
    "date=unknown", and the PLOVER code of events ACLED can only file as "Other".
``timestamp``
    Unix time of the export (ACLED's is the row's last change; a re-export is a change).

Which events are written: ACLED records only events that happened. By default events whose
mode is not ``asserted`` or ``claimed`` (threatened, planned, hypothetical, denied, and
historical background, which is usually an older event reported again) are left out, and so
are verbal-only events (PLOVER AGREE, CONSULT, SUPPORT, REQUEST, ACCUSE, REJECT or THREATEN
with no ACLED sub-type beyond "Other"). ``ExportOptions.include_unhappened`` writes them too,
with their mode in ``tags``.

Article text is untrusted: text cells that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Any

from wirewatch.datafiles import read_user_file
from wirewatch.errors import DataFileError
from wirewatch.export.base import ExportOptions, ExportResult, OutletLookup
from wirewatch.geojson import summary_sentence
from wirewatch.resolve.actors import ActorDictionary, ActorEntry
from wirewatch.schema import (
    ActorRef,
    ActorType,
    DatePrecision,
    DateRange,
    Event,
    EventType,
    GeoPrecision,
    Mode,
    Place,
    Plover,
    Qualifier,
    SubEventType,
)

#: ACLED's columns, in ACLED's order (its exports since the March 2023 column changes).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: Decimal places of latitude and longitude in ACLED's files (about 11 m at the equator; finer
#: would claim a precision a town-level place does not have).
COORDINATE_DECIMALS = 4
#: A date range of at most this many days is "known to the week" (time_precision 2).
WEEK_DAYS = 7
#: ACLED's geo_precision scale ends at 3 (a region); coarser wirewatch places are written as 3.
ACLED_MAX_GEO_PRECISION = 3
#: Joins several values in one cell, as ACLED joins sources and associated actors.
CELL_SEPARATOR = "; "
#: What ACLED writes in civilian_targeting when civilians were the target.
CIVILIAN_TARGETING = "Civilian targeting"
#: Modes of events that happened (per the text), the only ones ACLED records.
HAPPENED_MODES = frozenset({Mode.ASSERTED, Mode.CLAIMED})
#: PLOVER categories that are statements rather than actions: filed under ACLED's "Other"
#: they describe something said, not something done, so ACLED would not record them.
VERBAL_PLOVER = frozenset(
    {
        Plover.AGREE,
        Plover.CONSULT,
        Plover.SUPPORT,
        Plover.REQUEST,
        Plover.ACCUSE,
        Plover.REJECT,
        Plover.THREATEN,
    }
)
#: Spreadsheets run a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_VIOLENCE = "Political violence"
_DEMONSTRATIONS = "Demonstrations"
_STRATEGIC = "Strategic developments"
_S = SubEventType

#: ACLED's disorder_type of each sub-event type (protests met with force are both).
DISORDER_TYPE: Mapping[SubEventType, str] = {
    _S.ARMED_CLASH: _VIOLENCE,
    _S.GOVERNMENT_REGAINS_TERRITORY: _VIOLENCE,
    _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY: _VIOLENCE,
    _S.CHEMICAL_WEAPON: _VIOLENCE,
    _S.AIR_DRONE_STRIKE: _VIOLENCE,
    _S.SUICIDE_BOMB: _VIOLENCE,
    _S.SHELLING_ARTILLERY_MISSILE_ATTACK: _VIOLENCE,
    _S.REMOTE_EXPLOSIVE_LANDMINE_IED: _VIOLENCE,
    _S.GRENADE: _VIOLENCE,
    _S.SEXUAL_VIOLENCE: _VIOLENCE,
    _S.ATTACK: _VIOLENCE,
    _S.ABDUCTION_FORCED_DISAPPEARANCE: _VIOLENCE,
    _S.PEACEFUL_PROTEST: _DEMONSTRATIONS,
    _S.PROTEST_WITH_INTERVENTION: _DEMONSTRATIONS,
    _S.EXCESSIVE_FORCE_AGAINST_PROTESTERS: f"{_VIOLENCE}; {_DEMONSTRATIONS}",
    _S.VIOLENT_DEMONSTRATION: _DEMONSTRATIONS,
    _S.MOB_VIOLENCE: _VIOLENCE,
    _S.AGREEMENT: _STRATEGIC,
    _S.ARRESTS: _STRATEGIC,
    _S.CHANGE_TO_GROUP_ACTIVITY: _STRATEGIC,
    _S.DISRUPTED_WEAPONS_USE: _STRATEGIC,
    _S.HEADQUARTERS_OR_BASE_ESTABLISHED: _STRATEGIC,
    _S.LOOTING_PROPERTY_DESTRUCTION: _STRATEGIC,
    _S.NON_VIOLENT_TRANSFER_OF_TERRITORY: _STRATEGIC,
    _S.OTHER: _STRATEGIC,
}

_QUALIFIER_WORDS = {
    Qualifier.AT_LEAST: "at least",
    Qualifier.MORE_THAN: "more than",
    Qualifier.ABOUT: "about",
    Qualifier.UP_TO: "up to",
}

# --------------------------------------------------------------------------------------------
# Countries (a data file)
# --------------------------------------------------------------------------------------------

COUNTRIES_FILE = "acled_countries.tsv"
_COUNTRY_HEADER = ("iso2", "iso3", "iso_numeric", "name", "region")


@dataclass(frozen=True)
class AcledCountry:
    """A country as ACLED's CSV names it."""

    iso2: str
    iso3: str
    iso_numeric: int
    name: str
    region: str


def parse_countries(text: str, source: str) -> dict[str, AcledCountry]:
    """Parse a countries file (the format is described at the top of the package's file)."""
    countries: dict[str, AcledCountry] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        if not header_seen:
            if fields != _COUNTRY_HEADER:
                raise DataFileError(
                    f"{source} line {number}: the header must be {' '.join(_COUNTRY_HEADER)} (tab-separated)",
                    "start the file (after # comments) with that header line",
                )
            header_seen = True
            continue
        if len(fields) != len(_COUNTRY_HEADER):
            raise DataFileError(
                f"{source} line {number}: {len(fields)} fields, expected {len(_COUNTRY_HEADER)}",
                "separate iso2, iso3, iso_numeric, name and region by single tabs",
            )
        iso2, iso3, numeric, name, region = fields
        if len(iso2) != 2 or not iso2.isupper() or len(iso3) != 3 or not iso3.isupper():
            raise DataFileError(
                f"{source} line {number}: {iso2!r}/{iso3!r} are not ISO 3166-1 alpha-2/alpha-3 codes",
                "write codes in capitals, e.g. SY and SYR",
            )
        if not numeric.isdigit():
            raise DataFileError(
                f"{source} line {number}: iso_numeric {numeric!r} is not a number",
                "write the ISO 3166-1 numeric code, e.g. 760 (0 when there is none)",
            )
        countries[iso2] = AcledCountry(iso2, iso3, int(numeric), name, region)
    if not header_seen:
        raise DataFileError(f"{source} holds no header line", f"start it with {' '.join(_COUNTRY_HEADER)}")
    return countries


def load_countries(extra_files: Iterable[Path] = ()) -> dict[str, AcledCountry]:
    """The package's countries table, then each user file's lines replacing or adding to it
    (``acled_countries*.tsv`` in the WIREWATCH_DATA_PATH folders, same format)."""
    countries = dict(package_countries())
    for path in extra_files:
        countries.update(parse_countries(read_user_file(path, "countries"), str(path)))
    return countries


@functools.lru_cache(maxsize=1)
def package_countries() -> Mapping[str, AcledCountry]:
    """The package's countries table, by ISO 3166-1 alpha-2 code."""
    source = f"wirewatch/export/data/{COUNTRIES_FILE}"
    try:
        text = (
            resources.files("wirewatch.export").joinpath("data", COUNTRIES_FILE).read_text(encoding="utf-8")
        )
    except OSError as error:
        raise DataFileError(
            f"the package's {source} is missing", "reinstall wirewatch (pip install -e .)"
        ) from error
    return parse_countries(text, source)


# --------------------------------------------------------------------------------------------
# Field conversions
# --------------------------------------------------------------------------------------------


def acled_date(date: DateRange | None) -> tuple[dt.date | None, int | None]:
    """The day ACLED would file an event under, and its time_precision (see the module doc)."""
    if date is None or date.start is None or date.end is None:
        return None, None
    days = (date.end - date.start).days + 1
    middle = date.start + dt.timedelta(days=(days - 1) // 2)
    if days == 1:
        return date.start, 1
    if days <= WEEK_DAYS:
        return middle, 2
    return middle, 3


def format_acled_date(day: dt.date, *, iso: bool = False) -> str:
    """ "08 January 2024" (ACLED's CSV: two-digit day) or "2024-01-08". Month names are English
    whatever the locale, as in ACLED's files."""
    if iso:
        return day.isoformat()
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


def _prose_date(day: dt.date) -> str:
    """ "8 January 2024", as dates read in ACLED's notes."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def interaction_code(inter1: int | None, inter2: int | None, has_actor2: bool) -> int | None:
    """ACLED's interaction: both codes, smaller first (17, 28); one actor: its code and 0."""
    if inter1 is None:
        return None
    if not has_actor2:
        return inter1 * 10
    if inter2 is None:
        return None
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def _defuse(text: str) -> str:
    """Neutralise a spreadsheet formula at the start of a text cell (see the module doc)."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _one_line(text: str) -> str:
    return " ".join(text.split())


class AcledRows:
    """Turns events into ACLED rows; holds the dictionary and country table for a whole export."""

    def __init__(
        self,
        *,
        actors: ActorDictionary,
        countries: Mapping[str, AcledCountry],
        outlet_of: OutletLookup | None = None,
        iso_dates: bool = False,
        exported_at: dt.datetime | None = None,
    ) -> None:
        self.actors = actors
        self.countries = countries
        self.outlet_of = outlet_of
        self.iso_dates = iso_dates
        self.timestamp = int((exported_at or dt.datetime.now(dt.UTC)).timestamp())

    # ---- which events ------------------------------------------------------------------

    @staticmethod
    def skip_reason(event: Event) -> str | None:
        """Why ACLED would not record this event (None: it would): its mode ("planned", ...)
        or "verbal only". See the module doc."""
        if event.mode not in HAPPENED_MODES:
            return event.mode.value
        if event.sub_event_type is SubEventType.OTHER and event.plover in VERBAL_PLOVER:
            return "verbal only"
        return None

    # ---- actors ------------------------------------------------------------------------

    def _entry(self, actor: ActorRef) -> ActorEntry | None:
        if actor.canonical is not None:
            return self.actors.get(actor.canonical) or self.actors.lookup(actor.canonical)
        return self.actors.lookup(actor.text)

    def actor_name(self, actor: ActorRef, on: dt.date | None) -> str:
        """ACLED's name for the actor on that day, or its text when the dictionary lacks it."""
        entry = self._entry(actor)
        if entry is not None:
            return entry.acled_name(on)
        return _one_line(actor.canonical or actor.text)

    def actor_type(self, actor: ActorRef) -> int | None:
        """The record's type (which already applies ACLED's foreign-forces rule), else the
        dictionary's."""
        if actor.actor_type is not None:
            return int(actor.actor_type)
        entry = self._entry(actor)
        return int(entry.actor_type) if entry is not None else None

    # ---- rows --------------------------------------------------------------------------

    def _sources(self, event: Event) -> list[str]:
        if self.outlet_of is None:
            return []
        outlets: dict[str, None] = {}
        for article_id in dict.fromkeys(mention.article_id for mention in event.mentions):
            outlet = self.outlet_of(article_id)
            if outlet:
                outlets[_one_line(outlet)] = None
        return list(outlets)

    def row(self, event: Event) -> dict[str, Any]:
        """One event as an ACLED row (column name -> value; None is an empty cell)."""
        day, time_precision = acled_date(event.date)
        place = event.places[0] if event.places else None
        country = self.countries.get(place.country) if place and place.country else None
        actor1, actor2 = event.actor1, event.actor2
        inter1 = self.actor_type(actor1) if actor1 else None
        inter2 = self.actor_type(actor2) if actor2 else 0
        interaction = interaction_code(inter1, inter2, actor2 is not None)
        civilian_target = event.event_type is EventType.VIOLENCE_AGAINST_CIVILIANS or (
            DISORDER_TYPE[event.sub_event_type].startswith(_VIOLENCE) and inter2 == ActorType.CIVILIANS
        )
        sources = self._sources(event)
        latitude = longitude = None
        if place is not None and place.lat is not None and place.lon is not None:
            latitude, longitude = round(place.lat, COORDINATE_DECIMALS), round(place.lon, COORDINATE_DECIMALS)
        location = None
        if place is not None:
            location = country.name if place.precision is GeoPrecision.COUNTRY and country else place.name
        text_cells = {
            "actor1": self.actor_name(actor1, day) if actor1 else None,
            "assoc_actor_1": CELL_SEPARATOR.join(self.actor_name(a, day) for a in event.assoc_actors1)
            or None,
            "actor2": self.actor_name(actor2, day) if actor2 else None,
            "assoc_actor_2": CELL_SEPARATOR.join(self.actor_name(a, day) for a in event.assoc_actors2)
            or None,
            "admin1": place.admin1 if place else None,
            "admin2": place.admin2 if place else None,
            "location": location,
            "source": CELL_SEPARATOR.join(sources) or None,
            "notes": self.notes(event, day, place, country, sources),
            "tags": CELL_SEPARATOR.join(self.tags(event)) or None,
        }
        row: dict[str, Any] = {
            "event_id_cnty": f"{country.iso3}-{event.id}" if country else event.id,
            "event_date": format_acled_date(day, iso=self.iso_dates) if day else None,
            "year": day.year if day else None,
            "time_precision": time_precision,
            "disorder_type": DISORDER_TYPE[event.sub_event_type],
            "event_type": event.event_type.value,
            "sub_event_type": event.sub_event_type.value,
            "inter1": inter1,
            "inter2": inter2,
            "interaction": interaction,
            "civilian_targeting": CIVILIAN_TARGETING if civilian_target else None,
            "iso": country.iso_numeric if country else None,
            "region": country.region if country else None,
            "country": country.name if country else None,
            "admin3": None,
            "latitude": latitude,
            "longitude": longitude,
            "geo_precision": min(int(place.precision), ACLED_MAX_GEO_PRECISION) if place else None,
            "source_scale": None,
            "fatalities": event.fatalities.value if event.fatalities else 0,
            "timestamp": self.timestamp,
        }
        row.update({key: _defuse(_one_line(value)) if value else None for key, value in text_cells.items()})
        return {column: row[column] for column in ACLED_COLUMNS}

    # ---- notes and tags ----------------------------------------------------------------

    def _date_phrase(self, event: Event) -> str:
        date = event.date
        if date is None:
            return "On an unknown date"
        if date.start is None or date.end is None:
            return f"On {date.partial or 'an unknown day'} (year unknown)"
        if date.start == date.end:
            return f"On {_prose_date(date.start)}"
        if date.precision is DatePrecision.MONTH:
            return f"In {_MONTHS[date.start.month - 1]} {date.start.year}"
        if date.precision is DatePrecision.YEAR:
            return f"In {date.start.year}"
        return f"Between {_prose_date(date.start)} and {_prose_date(date.end)}"

    @staticmethod
    def _where(place: Place | None, country: AcledCountry | None) -> str:
        if place is None:
            return ""
        country_name = country.name if country else place.country
        if place.precision is GeoPrecision.COUNTRY:
            return f" in {country_name or place.name}"
        preposition = {GeoPrecision.PLACE: "at", GeoPrecision.NEAR: "near"}.get(place.precision, "in")
        context = [part for part in (place.admin1, country_name) if part and part != place.name]
        suffix = f" ({', '.join(context)})" if context else ""
        return f" {preposition} {place.name}{suffix}"

    def notes(
        self,
        event: Event,
        day: dt.date | None,
        place: Place | None,
        country: AcledCountry | None,
        sources: list[str],
    ) -> str:
        """A neutral sentence from the fields, then the first evidence sentence and its outlet."""
        names = [self.actor_name(actor, day) for actor in (event.actor1, event.actor2) if actor is not None]
        involving = f" involving {' and '.join(names)}" if names else ""
        kind = event.sub_event_type.value
        if event.sub_event_type is SubEventType.OTHER:
            kind = f"{event.event_type.value} (other)"
        where = self._where(place, country)
        sentence = f"{self._date_phrase(event)}, {kind[0].lower()}{kind[1:]}{involving}{where}."
        if event.mode is Mode.CLAIMED:
            sentence += " The event is claimed or alleged by a party."
        elif event.mode not in HAPPENED_MODES:
            sentence += f" Reported as {event.mode.value}, not as having happened."
        if event.fatalities is not None:
            words = _QUALIFIER_WORDS.get(event.fatalities.qualifier)
            count = f"{words} {event.fatalities.value}" if words else str(event.fatalities.value)
            plural = "fatality" if event.fatalities.value == 1 and not words else "fatalities"
            sentence += f" {count[0].upper()}{count[1:]} {plural} reported."
        evidence = summary_sentence(event)
        if evidence:
            said_by = sources[0] if sources else "A source"
            sentence += f' {said_by}: "{evidence}"'
        return sentence

    def tags(self, event: Event) -> list[str]:
        """Qualifiers a user needs to read the row right (see the module doc)."""
        tags: list[str] = []
        if event.fatalities is None:
            tags.append("fatalities=no report")
        elif event.fatalities.qualifier is not Qualifier.EXACT:
            tags.append(f"fatalities={_QUALIFIER_WORDS[event.fatalities.qualifier]} {event.fatalities.value}")
        if event.fatalities_range is not None and event.fatalities_range[0] != event.fatalities_range[1]:
            low, high = event.fatalities_range
            tags.append(f"fatalities disputed={low}-{high}")
        elif any(d.field == "fatalities" for d in event.disagreements):
            tags.append("fatalities disputed")
        if event.mode is Mode.CLAIMED:
            tags.append("claimed")
        elif event.mode not in HAPPENED_MODES:
            tags.append(f"mode={event.mode.value}")
        if event.date is None or event.date.start is None:
            tags.append("date=unknown")
        elif event.date.precision is DatePrecision.YEAR:
            tags.append("date=year only")
        if event.sub_event_type is SubEventType.OTHER and event.plover is not None:
            tags.append(f"plover={event.plover.value}")
        return tags


class AcledCsvWriter:
    """Writes ACLED CSV (see the module doc for every column and which events are left out)."""

    name = "acled-csv"
    description = "ACLED-compatible CSV (ACLED's columns, codes and conventions)"
    extension = ".csv"
    binary = False
    needs_path = False

    def write(self, events: Iterable[Event], out: IO[str], options: ExportOptions) -> ExportResult:
        rows = AcledRows(
            actors=ActorDictionary.load(options.actor_files),
            countries=load_countries(options.country_files),
            outlet_of=options.outlet_of,
            iso_dates=options.iso_dates,
            exported_at=options.exported_at,
        )
        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        result = ExportResult()
        for event in events:
            reason = None if options.include_unhappened else rows.skip_reason(event)
            if reason is not None:
                result.skipped[reason] += 1
                continue
            writer.writerow(rows.row(event))
            result.written += 1
        return result
