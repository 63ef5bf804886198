"""The resolve stage over whole extractions: dates per mode, places and actors with context."""

from __future__ import annotations

import datetime as dt

import wirewatch
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


def _statement(text: str, trigger: str, event_type: EventType, sub: SubEventType) -> Mention:
    at = text.index(trigger)
    return Mention(
        id=f"a:{at}",
        article_id="a",
        event_type=event_type,
        sub_event_type=sub,
        plover=Plover.REQUEST if event_type is EventType.STRATEGIC_DEVELOPMENTS else Plover.ASSAULT,
        trigger=Span(start=at, end=at + len(trigger), text=trigger),
        evidence=(Span(start=0, end=len(text), text=text),),
        extractor="test",
    )


def test_a_statement_placed_nowhere_is_placed_at_the_dateline() -> None:
    text = "Mosul: The provincial council voted on Monday to demand new elections."
    vote = _statement(text, "voted", EventType.STRATEGIC_DEVELOPMENTS, SubEventType.OTHER)
    article = Article(id=article_id(text), text=text, source="t", published=dt.date(2024, 3, 12))
    resolved = Resolver().resolve(Extraction(article_id="a", mentions=(vote,)), article).mentions[0]
    assert [p.name for p in resolved.places] == ["Mosul"]
    assert resolved.places[0].span == Span(start=0, end=5, text="Mosul")


def test_violence_placed_nowhere_is_not_placed_at_the_dateline() -> None:
    """A bureau reports strikes far from where it files."""
    text = "Mosul: Two rockets struck on Monday, the army said."
    strike = _statement(
        text, "struck", EventType.EXPLOSIONS_REMOTE_VIOLENCE, SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK
    )
    article = Article(id=article_id(text), text=text, source="t", published=dt.date(2024, 3, 12))
    resolved = Resolver().resolve(Extraction(article_id="a", mentions=(strike,)), article).mentions[0]
    assert resolved.places == ()


def test_a_body_opening_with_a_word_and_a_colon_that_is_no_place_has_no_dateline() -> None:
    text = "Update: The provincial council voted on Monday to demand new elections."
    vote = _statement(text, "voted", EventType.STRATEGIC_DEVELOPMENTS, SubEventType.OTHER)
    article = Article(id=article_id(text), text=text, source="t", published=dt.date(2024, 3, 12))
    resolved = Resolver().resolve(Extraction(article_id="a", mentions=(vote,)), article).mentions[0]
    assert resolved.places == ()


def test_a_phrase_no_context_country_serves_takes_the_country_of_the_actors_named() -> None:
    """The only country word is the patron's ("pro-Turkish"); the Syrian Democratic Forces
    the text names say where the rebels are."""
    text = "On 4 May 2021, pro-Turkish rebel faction fighters clashed with QSD fighters near Kafr Sajna."
    clash = next(m for m in wirewatch.extract(text) if m.trigger.text.startswith("clash"))
    assert clash.actor1 is not None and clash.actor1.canonical == "Opposition Rebels (Syria)"
