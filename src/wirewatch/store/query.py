"""Querying stored events: the filter, its SQL, sorting and keyset (cursor) pagination.

Everything here is built from SQLAlchemy Core expressions with bound parameters and reads the
same on SQLite and PostgreSQL. Text comparisons go through :func:`wirewatch.store.summary.fold`
on both sides, against columns the store keeps folded, because SQLite's lower() only knows
ASCII.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

import sqlalchemy as sa

from wirewatch.errors import InputError
from wirewatch.schema import EventType, Mode, Plover, SubEventType
from wirewatch.store.summary import fold

#: Most events (or articles) one page may hold. A page of 1,000 event summaries is about
#: 1 MB of JSON: a useful map layer, and still one quick response.
MAX_PAGE_SIZE = 1000

#: Events per page when the caller does not say.
DEFAULT_PAGE_SIZE = 100

#: Longest free-text or actor query accepted; longer input is a mistake (a pasted article),
#: and would only make every LIKE scan slower.
MAX_TEXT_QUERY_CHARS = 200

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


class FilterError(InputError):
    """A query parameter has a value the store cannot filter, sort or page by."""

    def __init__(self, parameter: str, message: str, fix: str) -> None:
        super().__init__(message, fix)
        self.parameter = parameter


# --------------------------------------------------------------------------------------------
# Parsing user input into typed values
# --------------------------------------------------------------------------------------------


def split_values(values: Iterable[str] | str | None) -> list[str]:
    """Repeated and comma-separated values as one list: ``["a,b", "c"]`` -> ``[a, b, c]``."""
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


_V = TypeVar("_V", EventType, SubEventType, Plover, Mode)


@functools.cache
def _members(vocabulary: type[_V]) -> dict[str, _V]:
    return {member.value: member for member in vocabulary}


def parse_vocabulary(
    parameter: str, vocabulary: type[_V], values: Iterable[str] | str | None
) -> tuple[_V, ...]:
    """Exact vocabulary values (as ACLED / PLOVER spell them); unknown values name the choices."""
    known = _members(vocabulary)
    parsed: list[_V] = []
    for value in split_values(values):
        if value not in known:
            near = [name for name in known if name.casefold() == value.casefold()]
            hint = f"did you mean {near[0]!r}? " if near else ""
            raise FilterError(
                parameter,
                f"{parameter} {value!r} is not a known value",
                f"{hint}use one of: {', '.join(known)}",
            )
        parsed.append(known[value])
    return tuple(dict.fromkeys(parsed))


def parse_date(parameter: str, value: str | None) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise FilterError(
            parameter, f"{parameter} {value!r} is not a date", f"pass {parameter}=YYYY-MM-DD, e.g. 2024-02-08"
        ) from None


def parse_countries(values: Iterable[str] | str | None) -> tuple[str, ...]:
    codes = [value.upper() for value in split_values(values)]
    for code in codes:
        if not _COUNTRY_CODE.match(code):
            raise FilterError(
                "country",
                f"country {code!r} is not an ISO 3166-1 alpha-2 code",
                "pass two-letter codes, e.g. country=IQ or country=IQ,SY",
            )
    return tuple(dict.fromkeys(codes))


def parse_text(parameter: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    if len(text) > MAX_TEXT_QUERY_CHARS:
        raise FilterError(
            parameter,
            f"{parameter} is {len(text)} characters long, over {MAX_TEXT_QUERY_CHARS}",
            f"search for a shorter phrase (at most {MAX_TEXT_QUERY_CHARS} characters)",
        )
    return text


def parse_non_negative_int(parameter: str, value: str | int | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except ValueError:
        raise FilterError(
            parameter, f"{parameter} {value!r} is not a whole number", f"pass {parameter}=0 or more"
        ) from None
    if number < 0:
        raise FilterError(
            parameter, f"{parameter} must be 0 or more, got {number}", f"pass {parameter}=0 or more"
        )
    return number


def parse_limit(value: str | int | None, default: int = DEFAULT_PAGE_SIZE) -> int:
    """A page size in 1..MAX_PAGE_SIZE."""
    fix = f"pass limit=1..{MAX_PAGE_SIZE} and follow next_cursor for more"
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    try:
        number = int(value)
    except ValueError:
        raise FilterError("limit", f"limit {value!r} is not a whole number", fix) from None
    if not 1 <= number <= MAX_PAGE_SIZE:
        raise FilterError("limit", f"limit must lie in 1..{MAX_PAGE_SIZE}, got {number}", fix)
    return number


@dataclass(frozen=True)
class BoundingBox:
    """A longitude/latitude box. ``min_lon > max_lon`` is a box across the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def __post_init__(self) -> None:
        fix = "pass bbox=min_lon,min_lat,max_lon,max_lat, e.g. bbox=38.8,29.0,48.6,37.4"
        values = (self.min_lon, self.min_lat, self.max_lon, self.max_lat)
        if not all(math.isfinite(value) for value in values):
            raise FilterError("bbox", "bbox holds a value that is not a finite number", fix)
        if not (-180 <= self.min_lon <= 180 and -180 <= self.max_lon <= 180):
            raise FilterError("bbox", "bbox longitudes must lie in -180..180", fix)
        if not (-90 <= self.min_lat <= 90 and -90 <= self.max_lat <= 90):
            raise FilterError("bbox", "bbox latitudes must lie in -90..90", fix)
        if self.min_lat > self.max_lat:
            raise FilterError(
                "bbox", f"bbox min_lat {self.min_lat} is above max_lat {self.max_lat}", f"swap them; {fix}"
            )

    @classmethod
    def parse(cls, value: str | None) -> BoundingBox | None:
        if value is None or not value.strip():
            return None
        parts = [part.strip() for part in value.split(",")]
        fix = "pass bbox=min_lon,min_lat,max_lon,max_lat, e.g. bbox=38.8,29.0,48.6,37.4"
        if len(parts) != 4:
            raise FilterError("bbox", f"bbox must be four numbers, got {len(parts)} ({value!r})", fix)
        try:
            numbers = [float(part) for part in parts]
        except ValueError:
            raise FilterError("bbox", f"bbox must be four numbers, got {value!r}", fix) from None
        return cls(*numbers)

    @property
    def crosses_antimeridian(self) -> bool:
        return self.min_lon > self.max_lon


# --------------------------------------------------------------------------------------------
# The filter
# --------------------------------------------------------------------------------------------


def _check_members(parameter: str, values: tuple[object, ...], vocabulary: type[StrEnum]) -> None:
    for value in values:
        if not isinstance(value, vocabulary):
            raise FilterError(
                parameter,
                f"{parameter} {value!r} is not a {vocabulary.__name__}",
                f"pass {vocabulary.__name__} members (or build the filter with EventFilter.parse)",
            )


@dataclass(frozen=True)
class EventFilter:
    """Which events to return. Every field is optional; set fields combine with AND, the
    values inside one tuple with OR."""

    start: dt.date | None = None  # the event's date range overlaps [start, end]
    end: dt.date | None = None
    event_types: tuple[EventType, ...] = ()
    sub_event_types: tuple[SubEventType, ...] = ()
    plovers: tuple[Plover, ...] = ()
    modes: tuple[Mode, ...] = ()
    actor: str | None = None  # case-insensitive substring of any actor name
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, upper case
    admin1: str | None = None  # exact, case-insensitive
    bbox: BoundingBox | None = None
    min_fatalities: int | None = None
    text: str | None = None  # case-insensitive substring of an evidence sentence

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise FilterError(
                "start",
                f"start {self.start} is after end {self.end}",
                "pass a start on or before the end (or swap them)",
            )
        _check_members("event_type", self.event_types, EventType)
        _check_members("sub_event_type", self.sub_event_types, SubEventType)
        _check_members("plover", self.plovers, Plover)
        _check_members("mode", self.modes, Mode)
        for code in self.countries:
            if not _COUNTRY_CODE.match(code):
                raise FilterError(
                    "country",
                    f"country {code!r} is not an upper-case ISO 3166-1 alpha-2 code",
                    "pass two-letter codes such as 'IQ'",
                )
        if self.min_fatalities is not None and self.min_fatalities < 0:
            raise FilterError(
                "min_fatalities",
                f"min_fatalities must be 0 or more, got {self.min_fatalities}",
                "pass 0 or more",
            )
        for name in ("actor", "admin1", "text"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                raise FilterError(name, f"{name} is empty", f"leave {name} out to match every event")

    @classmethod
    def parse(
        cls,
        *,
        start: str | None = None,
        end: str | None = None,
        event_type: Iterable[str] | str | None = None,
        sub_event_type: Iterable[str] | str | None = None,
        plover: Iterable[str] | str | None = None,
        mode: Iterable[str] | str | None = None,
        actor: str | None = None,
        country: Iterable[str] | str | None = None,
        admin1: str | None = None,
        bbox: str | None = None,
        min_fatalities: str | int | None = None,
        q: str | None = None,
    ) -> EventFilter:
        """A filter from query-string values (named as the HTTP API names them); any bad value
        raises :class:`FilterError` naming the parameter and the fix."""
        return cls(
            start=parse_date("start", start),
            end=parse_date("end", end),
            event_types=parse_vocabulary("event_type", EventType, event_type),
            sub_event_types=parse_vocabulary("sub_event_type", SubEventType, sub_event_type),
            plovers=parse_vocabulary("plover", Plover, plover),
            modes=parse_vocabulary("mode", Mode, mode),
            actor=parse_text("actor", actor),
            countries=parse_countries(country),
            admin1=parse_text("admin1", admin1),
            bbox=BoundingBox.parse(bbox),
            min_fatalities=parse_non_negative_int("min_fatalities", min_fatalities),
            text=parse_text("q", q),
        )

    def fingerprint(self) -> str:
        """A short digest of the filter, so a cursor is not reused under other filters."""
        return hashlib.sha256(repr(self).encode("utf-8")).hexdigest()[:12]

    def conditions(self, events: sa.Table) -> list[sa.ColumnElement[bool]]:
        """The WHERE conditions (ANDed) selecting matching rows of the events table."""
        c = events.c
        where: list[sa.ColumnElement[bool]] = []
        # Overlap of [date_start, date_end] with [start, end]; undated events never match a range.
        if self.start is not None:
            where.append(c.date_end >= self.start)
        if self.end is not None:
            where.append(c.date_start <= self.end)
        for column, values in (
            (c.event_type, self.event_types),
            (c.sub_event_type, self.sub_event_types),
            (c.plover, self.plovers),
            (c.mode, self.modes),
        ):
            if values:
                where.append(column.in_([value.value for value in values]))
        if self.countries:
            where.append(c.country.in_(list(self.countries)))
        if self.admin1 is not None:
            where.append(c.admin1_key == fold(self.admin1))
        if self.actor is not None:
            where.append(c.actor_text.contains(fold(self.actor), autoescape=True))
        if self.text is not None:
            where.append(c.evidence_text.contains(fold(self.text), autoescape=True))
        if self.min_fatalities is not None:
            where.append(c.fatalities >= self.min_fatalities)
        if self.bbox is not None:
            box = self.bbox
            where.append(c.latitude.between(box.min_lat, box.max_lat))
            if box.crosses_antimeridian:
                where.append(sa.or_(c.longitude >= box.min_lon, c.longitude <= box.max_lon))
            else:
                where.append(c.longitude.between(box.min_lon, box.max_lon))
        return where


# --------------------------------------------------------------------------------------------
# Sorting and cursors
# --------------------------------------------------------------------------------------------


class EventSort(StrEnum):
    """Event list orders; a leading '-' is descending. Events without the sort value come last
    in both directions; equal values are ordered by id, so pages never overlap."""

    DATE = "date"
    DATE_DESC = "-date"
    FATALITIES = "fatalities"
    FATALITIES_DESC = "-fatalities"

    @classmethod
    def parse(cls, value: str | None) -> EventSort:
        if value is None or not value.strip():
            return cls.DATE_DESC
        try:
            return cls(value.strip())
        except ValueError:
            raise FilterError(
                "sort",
                f"sort {value!r} is not a known order",
                f"use one of: {', '.join(s.value for s in cls)}",
            ) from None

    @property
    def descending(self) -> bool:
        return self.value.startswith("-")

    @property
    def field_name(self) -> str:
        return self.value.removeprefix("-")

    def column(self, events: sa.Table) -> sa.Column[Any]:
        return events.c.date_start if self.field_name == "date" else events.c.fatalities

    def order_by(self, events: sa.Table) -> list[sa.UnaryExpression[Any]]:
        column, key = self.column(events), events.c.id
        if self.descending:
            return [column.desc().nulls_last(), key.desc()]
        return [column.asc().nulls_last(), key.asc()]

    def after(self, events: sa.Table, value: Any, row_id: str) -> sa.ColumnElement[bool]:
        """Rows strictly after the row with this sort value and id, in this order."""
        column, key = self.column(events), events.c.id
        if value is None:  # inside the trailing block of rows without a value: by id only
            return sa.and_(column.is_(None), key < row_id if self.descending else key > row_id)
        beyond = column < value if self.descending else column > value
        tie = sa.and_(column == value, key < row_id if self.descending else key > row_id)
        return sa.or_(beyond, tie, column.is_(None))


def _b64encode(payload: dict[str, Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _b64decode(cursor: str) -> dict[str, Any]:
    fix = "pass the next_cursor of the previous page unchanged, or leave cursor out to start over"
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
    except (binascii.Error, ValueError):
        raise FilterError("cursor", "cursor is not one this server handed out", fix) from None
    if not isinstance(payload, dict):
        raise FilterError("cursor", "cursor is not one this server handed out", fix)
    return payload


@dataclass(frozen=True)
class EventCursor:
    """Where the previous page ended: its last row's sort value and id, for one sort and filter."""

    sort: EventSort
    filter_fingerprint: str
    value: dt.date | int | None
    event_id: str

    def encode(self) -> str:
        value = self.value.isoformat() if isinstance(self.value, dt.date) else self.value
        return _b64encode(
            {"s": self.sort.value, "f": self.filter_fingerprint, "v": value, "i": self.event_id}
        )

    @classmethod
    def decode(cls, cursor: str, sort: EventSort, event_filter: EventFilter) -> EventCursor:
        payload = _b64decode(cursor)
        fix = "pass the next_cursor of the previous page unchanged, or leave cursor out to start over"
        if payload.get("s") != sort.value:
            raise FilterError(
                "cursor",
                f"cursor was made for sort={payload.get('s')}, not sort={sort.value}",
                "keep the same sort while paging, or leave cursor out to start over",
            )
        if payload.get("f") != event_filter.fingerprint():
            raise FilterError(
                "cursor",
                "cursor was made for other filters",
                "keep the same filters while paging, or leave cursor out to start over",
            )
        event_id, raw_value = payload.get("i"), payload.get("v")
        if not isinstance(event_id, str):
            raise FilterError("cursor", "cursor is not one this server handed out", fix)
        value: dt.date | int | None
        try:
            if raw_value is None:
                value = None
            elif sort.field_name == "date" and isinstance(raw_value, str):
                value = dt.date.fromisoformat(raw_value)
            elif sort.field_name == "fatalities" and isinstance(raw_value, int):
                value = raw_value
            else:
                raise ValueError(raw_value)
        except ValueError:
            raise FilterError("cursor", "cursor is not one this server handed out", fix) from None
        return cls(sort, event_filter.fingerprint(), value, event_id)


@dataclass(frozen=True)
class ArticleCursor:
    """Where the previous page of articles ended (newest ingested first)."""

    ingested_at: dt.datetime
    article_id: str

    def encode(self) -> str:
        return _b64encode({"t": self.ingested_at.isoformat(), "i": self.article_id})

    @classmethod
    def decode(cls, cursor: str) -> ArticleCursor:
        payload = _b64decode(cursor)
        try:
            return cls(dt.datetime.fromisoformat(str(payload["t"])), str(payload["i"]))
        except (KeyError, ValueError):
            raise FilterError(
                "cursor",
                "cursor is not one this server handed out",
                "pass the next_cursor of the previous page unchanged, or leave cursor out to start over",
            ) from None


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventPage:
    """One page of events: each event's summary as stored JSON text (see
    :func:`wirewatch.store.summary.event_summary`), and the cursor of the next page."""

    event_ids: tuple[str, ...]
    summaries_json: tuple[str, ...]
    next_cursor: str | None
    total: int | None = None  # how many events match, when asked for

    def summaries(self) -> list[dict[str, Any]]:
        return [json.loads(text) for text in self.summaries_json]


class Interval(StrEnum):
    DAY = "day"
    WEEK = "week"  # ISO weeks, starting on Monday
    MONTH = "month"

    def period_start(self, day: dt.date) -> dt.date:
        if self is Interval.WEEK:
            return day - dt.timedelta(days=day.weekday())
        if self is Interval.MONTH:
            return day.replace(day=1)
        return day


class GroupBy(StrEnum):
    NONE = "none"
    EVENT_TYPE = "event_type"
    SUB_EVENT_TYPE = "sub_event_type"
    ACTOR = "actor"
    COUNTRY = "country"


def parse_choice(parameter: str, choices: type[StrEnum], value: str | None, default: StrEnum) -> Any:
    if value is None or not value.strip():
        return default
    try:
        return choices(value.strip())
    except ValueError:
        raise FilterError(
            parameter,
            f"{parameter} {value!r} is not a known value",
            f"use one of: {', '.join(member.value for member in choices)}",
        ) from None


#: The series key of events without a country when grouping by country.
UNKNOWN_COUNTRY_KEY = "unknown"


@dataclass(frozen=True)
class TimePoint:
    period: dt.date  # the first day of the period
    events: int
    fatalities: int


@dataclass(frozen=True)
class TimeSeries:
    key: str
    points: tuple[TimePoint, ...] = field(default_factory=tuple)

    @property
    def events(self) -> int:
        return sum(point.events for point in self.points)


@dataclass(frozen=True)
class ActorCount:
    name: str
    events: int


@dataclass(frozen=True)
class ArticleSummary:
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None  # ISO 8601 date or datetime, as given
    language: str
    mention_count: int


@dataclass(frozen=True)
class ArticlePage:
    items: tuple[ArticleSummary, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class ArticleRejection:
    reason: str
    detail: str
    duplicate_of: str | None = None


def bucket_series(rows: Sequence[tuple[dt.date, str, int, int]], interval: Interval) -> list[TimeSeries]:
    """(day, key, events, fatalities) rows -> one series per key, periods in order, the series
    with the most events first. Periods without events are left out."""
    totals: dict[str, dict[dt.date, list[int]]] = {}
    for day, key, events, fatalities in rows:
        period = interval.period_start(day)
        counts = totals.setdefault(key, {}).setdefault(period, [0, 0])
        counts[0] += int(events)
        counts[1] += int(fatalities or 0)
    series = [
        TimeSeries(key, tuple(TimePoint(period, *counts) for period, counts in sorted(periods.items())))
        for key, periods in totals.items()
    ]
    series.sort(key=lambda s: (-s.events, s.key))
    return series
