"""The resolve stage over whole extractions: dates per mode, places and actors with context."""

from __future__ import annotations

import datetime as dt

from wirewatch.ingest.identity import article_id
from wirewatch.resolve import Resolver
from wirewatch.schema import (
    ActorRef,
    Article,
    EventType,
    Extraction,
    GeoPrecision,
    Mention,
    Mode,
    Place,
    Plover,
    Span,
    SubEventType,
)

TEXT = "On Friday, the militia said it would strike US troops near Balad air base if they stay."


def span(text: str) -> Span:
    start = TEXT.index(text)
    return Span(start=start, end=start + len(text), text=text)


def threat() -> Mention:
    return Mention(
        id="a:30",
        article_id="a",
        event_type=EventType.STRATEGIC_DEVELOPMENTS,
        sub_event_type=SubEventType.OTHER,
        plover=Plover.THREATEN,
        mode=Mode.THREATENED,
        time=span("On Friday"),
        places=(Place(name="Balad air base", precision=GeoPrecision.NEAR, span=span("Balad air base")),),
        actor1=ActorRef(text="the militia", span=span("the militia")),
        actor2=ActorRef(text="US troops", span=span("US troops")),
        trigger=span("would strike"),
        evidence=(Span(start=0, end=len(TEXT), text=TEXT),),
        extractor="test",
    )


def test_a_threat_is_dated_when_it_was_made_and_its_places_and_actors_resolve() -> None:
    article = Article(id=article_id(TEXT), text=TEXT, source="t", published=dt.date(2024, 3, 12))  # a Tuesday
    resolved = Resolver().resolve(Extraction(article_id="a", mentions=(threat(),)), article).mentions[0]
    assert resolved.date is not None and resolved.date.start == dt.date(2024, 3, 8)  # the Friday before
    place = resolved.places[0]
    assert place.country == "IQ" and place.lat is not None and place.precision == GeoPrecision.NEAR
    assert resolved.actor2 is not None and resolved.actor2.country == "US"
