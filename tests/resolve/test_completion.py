"""What only a whole event settles: ACLED's unnamed perpetrator; and the capital-as-state rule,
the neighbouring-country context and the order of an event's places."""

from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.merge import event_from_mentions, reported_events
from wirewatch.resolve import Resolver
from wirewatch.resolve.actors import ActorDictionary, resolve_actor
from wirewatch.resolve.places import with_neighbours
from wirewatch.schema import (
    EVENT_TYPE_OF,
    ActorRef,
    Article,
    Extraction,
    GeoPrecision,
    Mention,
    Mode,
    Place,
    Plover,
    Span,
    SubEventType,
)

VILLAGE = Place(name="Kafr Example", country="SY", lat=35.9, lon=36.6, precision=GeoPrecision.PLACE)


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


def mention(
    sub: SubEventType = SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
    *,
    mode: Mode = Mode.ASSERTED,
    actor1: ActorRef | None = None,
    places: tuple[Place, ...] = (VILLAGE,),
    mention_id: str = "a:1",
) -> Mention:
    text = "Shells hit the village."
    return Mention(
        id=mention_id,
        article_id="a",
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        plover=Plover.ASSAULT,
        mode=mode,
        places=places,
        actor1=actor1,
        trigger=Span(start=0, end=6, text="Shells"),
        evidence=(Span(start=0, end=len(text), text=text),),
        extractor="test",
    )


def test_an_unattributed_attack_gets_the_unidentified_armed_group_of_its_country(resolver: Resolver) -> None:
    event = resolver.complete_event(event_from_mentions([mention()]))
    assert event.actor1 is not None
    assert event.actor1.canonical == "Unidentified Armed Group (Syria)"
    assert event.actor1.span is None  # nothing in the text names it


def test_a_named_initiator_a_threat_and_a_protest_are_left_alone(resolver: Resolver) -> None:
    named = ActorRef(text="regime forces", canonical="Military Forces of Syria (2000-)")
    assert resolver.complete_event(event_from_mentions([mention(actor1=named)])).actor1 == named
    threat = event_from_mentions([mention(mode=Mode.THREATENED)])
    assert resolver.complete_event(threat).actor1 is None
    protest = event_from_mentions([mention(SubEventType.PEACEFUL_PROTEST)])
    assert resolver.complete_event(protest).actor1 is None


def test_without_a_place_the_generic_unidentified_group_is_used(resolver: Resolver) -> None:
    event = resolver.complete_event(event_from_mentions([mention(places=())]))
    assert event.actor1 is not None and event.actor1.canonical == "Unidentified Armed Group"


def test_events_only_recalled_as_background_are_not_events() -> None:
    background = event_from_mentions([mention(mode=Mode.HISTORICAL, mention_id="a:1")])
    reported = event_from_mentions(
        [mention(mode=Mode.HISTORICAL, mention_id="a:2"), mention(mention_id="b:1")]
    )
    assert reported_events([background, reported]) == [reported]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Washington", "Military Forces of the United States"),
        ("the Kremlin", None),
        ("Tehran", "Military Forces of Iran"),
        ("Baghdad airport", None),  # a capital inside a longer phrase is a place
        ("Damascus countryside", None),
    ],
)
def test_a_capital_alone_stands_for_its_state(phrase: str, expected: str | None) -> None:
    ref = resolve_actor(phrase, dictionary=ActorDictionary.load([]), countries=["IQ"])
    if expected is None:
        assert ref.canonical is None
    else:
        assert ref.canonical is not None and ref.canonical.startswith(expected)


def test_neighbours_follow_the_context_countries() -> None:
    assert with_neighbours([]) == []
    context = with_neighbours(["TR"])
    assert context[0] == "TR" and "SY" in context and "IQ" in context
    assert with_neighbours(["TR", "SY"]).count("SY") == 1


def test_a_border_town_is_found_when_only_the_foreign_force_names_a_country(resolver: Resolver) -> None:
    text = "Turkish forces clashed with Kurdish fighters in the Tal Tamer area on Monday."
    start = text.index("Tal Tamer")
    place = Place(
        name="Tal Tamer",
        precision=GeoPrecision.PLACE,
        span=Span(start=start, end=start + 9, text="Tal Tamer"),
    )
    article = Article(id="a", text=text, source="test", published=dt.date(2024, 3, 4))
    resolved = resolver.resolve(Extraction(article_id="a", mentions=(mention(places=(place,)),)), article)
    found = resolved.mentions[0].places[0]
    assert found.country == "SY" and found.lat is not None


def test_located_places_come_first_and_finest_first(resolver: Resolver) -> None:
    text = "Rockets hit Iraq near Kirkuk and the village of Nowhereabad."
    spans = {
        name: Span(start=text.index(name), end=text.index(name) + len(name), text=name)
        for name in ("Iraq", "Kirkuk", "Nowhereabad")
    }
    places = (
        Place(name="Iraq", precision=GeoPrecision.COUNTRY, span=spans["Iraq"]),
        Place(name="Nowhereabad", precision=GeoPrecision.PLACE, span=spans["Nowhereabad"]),
        Place(name="Kirkuk", precision=GeoPrecision.NEAR, span=spans["Kirkuk"]),
    )
    article = Article(id="a", text=text, source="test", published=dt.date(2024, 3, 4))
    resolved = resolver.resolve(Extraction(article_id="a", mentions=(mention(places=places),)), article)
    names = [p.name for p in resolved.mentions[0].places]
    assert names[-1] == "Nowhereabad"  # unknown to the gazetteer: kept, last
    assert names.index("Kirkuk") < names.index("Iraq")
