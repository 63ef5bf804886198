"""Small hand-made mentions for the merge tests."""

from __future__ import annotations

import datetime as dt
import itertools

from wirewatch.schema import (
    EVENT_TYPE_OF,
    ActorRef,
    Attribution,
    DatePrecision,
    DateRange,
    GeoPrecision,
    Mention,
    Mode,
    Place,
    Plover,
    Qualifier,
    Quantity,
    Span,
    SubEventType,
)

#: Fictional places (coordinates are real-looking, names are ours).
BASE = Place(
    name="Camp Alpha", country="IQ", admin1="Anbar", lat=33.80, lon=42.44, precision=GeoPrecision.PLACE
)
BASE_TOWN = Place(
    name="Alpha Town", country="IQ", admin1="Anbar", lat=33.83, lon=42.47, precision=GeoPrecision.PLACE
)
CITY = Place(
    name="Riverside", country="IQ", admin1="Central", lat=33.34, lon=44.40, precision=GeoPrecision.PLACE
)
PROVINCE = Place(
    name="Central", country="IQ", admin1="Central", lat=33.3, lon=44.3, precision=GeoPrecision.REGION
)
COUNTRY = Place(name="Iraq", country="IQ", lat=33.0, lon=44.0, precision=GeoPrecision.COUNTRY)
ABROAD = Place(
    name="Desert Post", country="JO", admin1="Mafraq", lat=32.3, lon=38.8, precision=GeoPrecision.PLACE
)

#: A toy actor hierarchy: a faction within an umbrella group.
PARENT = {"Faction A": "Umbrella Front"}


def same_actor(a: str, b: str) -> bool:
    return a == b or PARENT.get(a) == b or PARENT.get(b) == a


_offsets = itertools.count(0, 1000)


def day(text: str) -> DateRange:
    d = dt.date.fromisoformat(text)
    return DateRange(start=d, end=d, precision=DatePrecision.DAY, span=Span(start=0, end=3, text="Tue"))


def month(text: str) -> DateRange:
    first = dt.date.fromisoformat(text + "-01")
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return DateRange(
        start=first,
        end=following - dt.timedelta(days=1),
        precision=DatePrecision.MONTH,
        span=Span(start=0, end=5, text="month"),
    )


def week_before(text: str) -> DateRange:
    """The date resolution gives when the text states none: the week before publication."""
    end = dt.date.fromisoformat(text)
    return DateRange(start=end - dt.timedelta(days=6), end=end, precision=DatePrecision.WEEK)


def actor(canonical: str | None, text: str | None = None) -> ActorRef:
    return ActorRef(text=text or canonical or "someone", canonical=canonical)


def mention(
    mention_id: str,
    article: str,
    *,
    sub: SubEventType = SubEventType.AIR_DRONE_STRIKE,
    plover: Plover | None = Plover.ASSAULT,
    mode: Mode = Mode.ASSERTED,
    date: DateRange | None = None,
    places: tuple[Place, ...] = (),
    actor1: str | None = None,
    actor2: str | None = None,
    fatalities: int | None = None,
    qualifier: Qualifier = Qualifier.EXACT,
    injuries: int | None = None,
    weapon: str | None = None,
    text: str = "An attack took place, officials said.",
    said_by: str | None = None,
    offset: int | None = None,
) -> Mention:
    start = next(_offsets) if offset is None else offset
    return Mention(
        id=mention_id,
        article_id=article,
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        plover=plover,
        mode=mode,
        date=date,
        places=places,
        actor1=actor(actor1) if actor1 else None,
        actor2=actor(actor2) if actor2 else None,
        fatalities=Quantity(value=fatalities, qualifier=qualifier) if fatalities is not None else None,
        injuries=Quantity(value=injuries) if injuries is not None else None,
        weapon=weapon,
        attribution=Attribution(source=said_by) if said_by else None,
        trigger=Span(start=start, end=start + len(text[:6]), text=text[:6]),
        evidence=(Span(start=start, end=start + len(text), text=text),),
        extractor="test",
    )
