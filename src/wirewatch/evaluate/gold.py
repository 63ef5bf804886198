"""Reading gold files in the ``event-gold/1`` format (see ../shared/seeds/README.md)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError

GOLD_FORMAT = "event-gold/1"


@dataclass(frozen=True)
class GoldLocation:
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: int | None


@dataclass(frozen=True)
class GoldMention:
    doc: str
    quote: str


@dataclass(frozen=True)
class GoldEvent:
    id: str
    required: bool
    summary: str
    event_type: str | None
    sub_event_type: str | None
    plover: str | None
    date_from: dt.date | None
    date_to: dt.date | None
    actor1: tuple[str, ...] | None
    actor2: tuple[str, ...] | None
    location: GoldLocation | None
    fatalities: int | None
    injuries: int | None
    weapon: str | None
    mentions: tuple[GoldMention, ...]

    @property
    def docs(self) -> frozenset[str]:
        return frozenset(m.doc for m in self.mentions)


@dataclass(frozen=True)
class GoldClaim:
    id: str
    doc: str
    what: str
    count: int | None
    period_from: dt.date | None
    period_to: dt.date | None
    quote: str


@dataclass(frozen=True)
class GoldArticle:
    doc: str
    title: str | None
    published: str | None
    body_starts_with: str | None
    body_ends_with: str | None


@dataclass(frozen=True)
class Gold:
    events: tuple[GoldEvent, ...]
    claims: tuple[GoldClaim, ...]
    articles: tuple[GoldArticle, ...]


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(f"{where}: {value!r} is not an ISO date", "write dates as YYYY-MM-DD") from exc


def _count(value: Any) -> int | None:
    if isinstance(value, Mapping):
        number = value.get("value")
        return int(number) if isinstance(number, int | float) else None
    if isinstance(value, int | float):
        return int(value)
    return None


def _names(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if v)


def _location(value: Any) -> GoldLocation | None:
    if not isinstance(value, Mapping):
        return None

    def number(key: str) -> float | None:
        raw = value.get(key)
        return float(raw) if isinstance(raw, int | float) else None

    precision = value.get("precision")
    return GoldLocation(
        name=value.get("name"),
        country=value.get("country"),
        admin1=value.get("admin1"),
        lat=number("lat"),
        lon=number("lon"),
        precision=int(precision) if isinstance(precision, int | float) else None,
    )


def load_gold(path: Path) -> Gold:
    """Parse a gold file; a malformed one raises InputError naming the problem."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc.strerror}", "check the --gold path") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON (line {exc.lineno})", "fix the gold file") from exc
    if not isinstance(data, Mapping) or data.get("format") != GOLD_FORMAT:
        raise InputError(
            f"{path} is not an {GOLD_FORMAT} file", f'its top level needs "format": "{GOLD_FORMAT}"'
        )
    events = []
    for index, raw in enumerate(data.get("events", [])):
        where = f"{path}: events[{index}]"
        try:
            mentions = tuple(
                GoldMention(doc=str(m["doc"]), quote=str(m.get("quote") or "")) for m in raw["mentions"]
            )
            events.append(
                GoldEvent(
                    id=str(raw["id"]),
                    required=bool(raw.get("required", True)),
                    summary=str(raw.get("summary") or (mentions[0].quote if mentions else "")),
                    event_type=raw.get("event_type"),
                    sub_event_type=raw.get("sub_event_type"),
                    plover=raw.get("plover"),
                    date_from=_date(raw.get("date_from"), where),
                    date_to=_date(raw.get("date_to") or raw.get("date_from"), where),
                    actor1=_names(raw.get("actor1")),
                    actor2=_names(raw.get("actor2")),
                    location=_location(raw.get("location")),
                    fatalities=_count(raw.get("fatalities")),
                    injuries=_count(raw.get("injuries")),
                    weapon=raw.get("weapon"),
                    mentions=mentions,
                )
            )
        except (KeyError, TypeError) as exc:
            raise InputError(f"{where} lacks {exc}", "every event needs an id and mentions with doc") from exc
    claims = [
        GoldClaim(
            id=str(raw.get("id", index)),
            doc=str(raw["doc"]),
            what=str(raw.get("what") or ""),
            count=_count(raw.get("count")),
            period_from=_date(raw.get("period_from"), f"{path}: aggregate_claims[{index}]"),
            period_to=_date(raw.get("period_to"), f"{path}: aggregate_claims[{index}]"),
            quote=str(raw.get("quote") or ""),
        )
        for index, raw in enumerate(data.get("aggregate_claims", []))
    ]
    articles = [
        GoldArticle(
            doc=str(doc),
            title=raw.get("title"),
            published=raw.get("published"),
            body_starts_with=raw.get("body_starts_with"),
            body_ends_with=raw.get("body_ends_with"),
        )
        for doc, raw in sorted((data.get("articles") or {}).items())
    ]
    return Gold(
        events=tuple(events),
        claims=tuple(claims),
        articles=tuple(articles),
    )
