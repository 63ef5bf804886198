"""The query parameters of the event endpoints: one table that both documents them (OpenAPI)
and reads them.

/api/events is the hot path of the dashboard. FastAPI's own parameter handling re-inspects
every declared parameter's annotation on every request, which cost more CPU than the database
query for the 16 parameters here (measured with bench/api_load.py), so these endpoints take
the raw query string and read it with this table instead. The errors are the same typed
:class:`~wirewatch.store.query.FilterError` the store raises, so every bad value answers
400 with its parameter, reason and fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from starlette.datastructures import QueryParams

from wirewatch.schema import EventType, Mode, Plover, SubEventType
from wirewatch.store.query import (
    DEFAULT_PAGE_SIZE,
    MAX_PAGE_SIZE,
    MAX_TEXT_QUERY_CHARS,
    EventFilter,
    EventSort,
    FilterError,
    GroupBy,
    Interval,
)

_REPEATABLE = " Repeat the parameter or separate values with commas; values combine with OR."


def _choices(values: type[StrEnum]) -> str:
    return ", ".join(f"'{member.value}'" for member in values)


@dataclass(frozen=True)
class QueryParameter:
    name: str
    description: str
    schema: dict[str, Any]
    repeatable: bool = False
    example: str | None = None

    def openapi(self) -> dict[str, Any]:
        schema = {"type": "array", "items": self.schema} if self.repeatable else self.schema
        documented: dict[str, Any] = {
            "name": self.name,
            "in": "query",
            "required": False,
            "description": self.description + (_REPEATABLE if self.repeatable else ""),
            "schema": schema,
        }
        if self.repeatable:
            documented["style"], documented["explode"] = "form", True
        if self.example is not None:
            documented["example"] = [self.example] if self.repeatable else self.example
        return documented


def _enum_schema(values: type[StrEnum]) -> dict[str, Any]:
    return {"type": "string", "enum": [member.value for member in values]}


_DATE = {"type": "string", "format": "date"}
_TEXT = {"type": "string", "maxLength": MAX_TEXT_QUERY_CHARS}

FILTER_PARAMETERS: tuple[QueryParameter, ...] = (
    QueryParameter(
        "start",
        "YYYY-MM-DD. Events whose date range overlaps [start, end]; undated events are left out "
        "when start or end is given.",
        _DATE,
        example="2024-01-01",
    ),
    QueryParameter("end", "YYYY-MM-DD, the last day of the window (inclusive).", _DATE, example="2024-03-31"),
    QueryParameter(
        "event_type",
        f"ACLED event type, spelt as ACLED does: {_choices(EventType)}.",
        _enum_schema(EventType),
        repeatable=True,
    ),
    QueryParameter(
        "sub_event_type",
        f"ACLED sub-event type: {_choices(SubEventType)}.",
        _enum_schema(SubEventType),
        repeatable=True,
    ),
    QueryParameter("plover", f"PLOVER category: {_choices(Plover)}.", _enum_schema(Plover), repeatable=True),
    QueryParameter("mode", f"Mode: {_choices(Mode)}.", _enum_schema(Mode), repeatable=True),
    QueryParameter(
        "actor",
        "Case-insensitive substring of an actor's name: actor1, actor2 or an associated actor, "
        "canonical or as written.",
        _TEXT,
        example="kataib",
    ),
    QueryParameter(
        "country",
        "ISO 3166-1 alpha-2 code of the event's first place (any case).",
        {"type": "string", "pattern": "^[A-Za-z]{2}$"},
        repeatable=True,
        example="IQ",
    ),
    QueryParameter(
        "admin1", "First-level division (province) of the event's first place; exact, any case.", _TEXT
    ),
    QueryParameter(
        "bbox",
        "min_lon,min_lat,max_lon,max_lat (WGS84) around the event's first place; min_lon > max_lon "
        "is a box across the antimeridian. Unlocated events are left out.",
        {"type": "string"},
        example="38.8,29.0,48.6,37.4",
    ),
    QueryParameter(
        "min_fatalities",
        "Whole number >= 0: events with at least this many reported killed (the lowest credible figure).",
        {"type": "integer", "minimum": 0},
    ),
    QueryParameter(
        "q", "Case-insensitive substring of the evidence sentences of any source.", _TEXT, example="drone"
    ),
)

EVENT_LIST_PARAMETERS: tuple[QueryParameter, ...] = (
    *FILTER_PARAMETERS,
    QueryParameter(
        "sort",
        "date | -date (the default: newest first) | fatalities | -fatalities. Events without the "
        "value come last in both directions; ties are ordered by id.",
        _enum_schema(EventSort),
    ),
    QueryParameter(
        "limit",
        f"Events per page, 1..{MAX_PAGE_SIZE} (default {DEFAULT_PAGE_SIZE}).",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
    ),
    QueryParameter(
        "cursor",
        "The next_cursor of the previous page, with the same filters and sort. Pages never repeat "
        "or skip an event.",
        {"type": "string"},
    ),
    QueryParameter(
        "format",
        "json (the default) or geojson: a FeatureCollection (also chosen by Accept: application/geo+json).",
        {"type": "string", "enum": ["json", "geojson"]},
    ),
)

TIMESERIES_PARAMETERS: tuple[QueryParameter, ...] = (
    *FILTER_PARAMETERS,
    QueryParameter(
        "interval",
        "day | week (the default; ISO weeks, from Monday) | month. A period is named by its first day.",
        _enum_schema(Interval),
    ),
    QueryParameter(
        "group_by",
        "none (the default: one series, key 'all') | event_type | sub_event_type | actor | country. "
        "An event counts once for each actor it names; periods without events are left out.",
        _enum_schema(GroupBy),
    ),
)


def openapi_parameters(parameters: Sequence[QueryParameter]) -> dict[str, Any]:
    """``openapi_extra`` for a route that reads ``parameters`` itself."""
    return {"parameters": [parameter.openapi() for parameter in parameters]}


class QueryReader:
    """Reads one request's query string against a parameter table."""

    def __init__(self, params: QueryParams, parameters: Sequence[QueryParameter]) -> None:
        self.params = params
        known = {parameter.name: parameter for parameter in parameters}
        unknown = sorted(set(params) - set(known))
        if unknown:
            raise FilterError(
                unknown[0],
                f"unknown query parameter(s): {', '.join(unknown)}",
                f"use only: {', '.join(sorted(known))}",
            )
        for name, parameter in known.items():
            if not parameter.repeatable and len(params.getlist(name)) > 1:
                raise FilterError(name, f"{name} is given more than once", f"give {name} once")

    def one(self, name: str) -> str | None:
        return self.params.get(name)

    def many(self, name: str) -> list[str]:
        return self.params.getlist(name)

    def event_filter(self) -> EventFilter:
        return EventFilter.parse(
            start=self.one("start"),
            end=self.one("end"),
            event_type=self.many("event_type"),
            sub_event_type=self.many("sub_event_type"),
            plover=self.many("plover"),
            mode=self.many("mode"),
            actor=self.one("actor"),
            country=self.many("country"),
            admin1=self.one("admin1"),
            bbox=self.one("bbox"),
            min_fatalities=self.one("min_fatalities"),
            q=self.one("q"),
        )
