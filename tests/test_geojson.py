"""GeoJSON (RFC 7946) and the event summary: shape, coordinate order, validity."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from wirewatch.geojson import (
    SUMMARY_MAX_CHARS,
    event_feature,
    event_summary,
    feature_collection,
    rfc7946_problems,
    summary_feature,
)
from wirewatch.schema import (
    ActorRef,
    ActorType,
    DatePrecision,
    DateRange,
    Event,
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


def span(text: str, start: int = 0) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def make_mention(
    article_id: str,
    sentence: str,
    index: int = 0,
    sub_event_type: SubEventType = SubEventType.AIR_DRONE_STRIKE,
    mode: Mode = Mode.ASSERTED,
) -> Mention:
    from wirewatch.schema import EVENT_TYPE_OF

    return Mention(
        id=f"{article_id}:{index}",
        article_id=article_id,
        event_type=EVENT_TYPE_OF[sub_event_type],
        sub_event_type=sub_event_type,
        mode=mode,
        trigger=span(sentence.split()[0]),
        evidence=(span(sentence),),
        extractor="test/1",
    )


def make_event(
    event_id: str = "ev-0001",
    *,
    sub_event_type: SubEventType = SubEventType.AIR_DRONE_STRIKE,
    mode: Mode = Mode.ASSERTED,
    plover: Plover | None = Plover.ASSAULT,
    day: dt.date | None = dt.date(2024, 1, 28),
    precision: DatePrecision = DatePrecision.DAY,
    places: tuple[Place, ...] | None = None,
    actor1: ActorRef | None = None,
    actor2: ActorRef | None = None,
    fatalities: Quantity | None = None,
    fatalities_range: tuple[int, int] | None = None,
    injuries: Quantity | None = None,
    sentences: tuple[tuple[str, str], ...] = (("art-a", "A drone struck the base on Sunday."),),
) -> Event:
    """An event built directly, with one mention per (article id, evidence sentence)."""
    from wirewatch.schema import EVENT_TYPE_OF

    if places is None:
        places = (
            Place(
                name="Tower 22",
                country="JO",
                admin1="Mafraq",
                lat=33.32,
                lon=38.69,
                precision=GeoPrecision.PLACE,
            ),
        )
    date = None
    if day is not None:
        end = day
        if precision is DatePrecision.WEEK:
            end = day + dt.timedelta(days=6)
        elif precision is DatePrecision.MONTH:
            end = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        date = DateRange(start=day, end=end, precision=precision)
    mentions = tuple(
        make_mention(article_id, sentence, index, sub_event_type, mode)
        for index, (article_id, sentence) in enumerate(sentences)
    )
    return Event(
        id=event_id,
        event_type=EVENT_TYPE_OF[sub_event_type],
        sub_event_type=sub_event_type,
        plover=plover,
        mode=mode,
        date=date,
        places=places,
        actor1=actor1,
        actor2=actor2,
        fatalities=fatalities,
        fatalities_range=fatalities_range,
        injuries=injuries,
        mentions=mentions,
    )


MILITIA = ActorRef(
    text="Iran-backed militants",
    canonical="Militia (Pro-Iran)",
    actor_type=ActorType.POLITICAL_MILITIA,
)
US_TROOPS = ActorRef(
    text="US troops",
    canonical="Military Forces of the United States (2021-)",
    actor_type=ActorType.EXTERNAL_OTHER,
    country="US",
)


def test_feature_puts_longitude_first_and_flattens_the_first_place() -> None:
    event = make_event(actor1=MILITIA, actor2=US_TROOPS, fatalities=Quantity(value=3))
    feature = event_feature(event)
    assert feature["type"] == "Feature"
    assert feature["id"] == "ev-0001"
    assert feature["geometry"] == {"type": "Point", "coordinates": [38.69, 33.32]}
    properties = feature["properties"]
    assert properties["location"] == "Tower 22"
    assert properties["admin1"] == "Mafraq"
    assert properties["country"] == "JO"
    assert properties["geo_precision"] == 1
    assert "place" not in properties
    assert properties["places"][0]["name"] == "Tower 22"
    assert properties["actor2"]["actor_type"] == 8
    assert properties["fatalities"] == {"value": 3, "qualifier": "exact"}
    assert rfc7946_problems(feature) == []


def test_unplaced_and_uncoordinated_events_have_null_geometry() -> None:
    unplaced = event_feature(make_event(places=()))
    assert unplaced["geometry"] is None
    assert unplaced["properties"]["location"] is None
    named_only = event_feature(make_event(places=(Place(name="somewhere", precision=GeoPrecision.REGION),)))
    assert named_only["geometry"] is None
    assert named_only["properties"]["geo_precision"] == 3
    assert rfc7946_problems(feature_collection([make_event(places=())])) == []


def test_feature_uses_the_first_place_even_when_a_later_one_has_coordinates() -> None:
    places = (
        Place(name="the border area", precision=GeoPrecision.REGION),
        Place(name="Rukban", country="SY", lat=33.3, lon=38.7, precision=GeoPrecision.PLACE),
    )
    feature = event_feature(make_event(places=places))
    assert feature["geometry"] is None
    assert [p["name"] for p in feature["properties"]["places"]] == ["the border area", "Rukban"]


def test_summary_matches_the_contract_shape() -> None:
    long_sentence = "A drone struck " + "the base again and again " * 30 + "on Sunday."
    event = make_event(
        fatalities=Quantity(value=3, qualifier=Qualifier.AT_LEAST),
        sentences=(("art-a", long_sentence), ("art-b", "Three soldiers died."), ("art-a", "x")),
    )
    summary = event_summary(event)
    assert set(summary) == {
        "id", "event_type", "sub_event_type", "plover", "mode", "date", "place", "places",
        "actor1", "actor2", "fatalities", "injuries", "weapon", "mention_count",
        "article_count", "summary",
    }  # fmt: skip
    assert summary["date"] == {
        "start": "2024-01-28",
        "end": "2024-01-28",
        "precision": "day",
        "partial": None,
    }
    assert summary["place"] == {
        "name": "Tower 22",
        "country": "JO",
        "admin1": "Mafraq",
        "lat": 33.32,
        "lon": 38.69,
        "precision": 1,
    }
    assert summary["mention_count"] == 3
    assert summary["article_count"] == 2
    assert summary["fatalities"] == {"value": 3, "qualifier": "at_least"}
    assert SUMMARY_MAX_CHARS - 2 <= len(summary["summary"]) <= SUMMARY_MAX_CHARS
    assert summary["summary"].startswith("A drone struck the base")
    assert summary["summary"].endswith("…")
    json.dumps(summary)  # JSON-ready: no dates, enums or tuples left


def test_collection_is_valid_json_with_bbox_and_foreign_members() -> None:
    events = [
        make_event("ev-1"),
        make_event(
            "ev-2",
            places=(Place(name="Erbil", country="IQ", lat=36.19, lon=44.01, precision=GeoPrecision.PLACE),),
        ),
        make_event("ev-3", places=()),
    ]
    collection = feature_collection(events, bbox=True, members={"next_cursor": "abc"})
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    assert collection["bbox"] == [38.69, 33.32, 44.01, 36.19]
    assert collection["next_cursor"] == "abc"
    assert [f["id"] for f in collection["features"]] == ["ev-1", "ev-2", "ev-3"]
    assert rfc7946_problems(json.loads(json.dumps(collection))) == []
    assert "bbox" not in feature_collection([make_event(places=())], bbox=True)
    with pytest.raises(ValueError, match="features"):
        feature_collection(events, members={"features": []})


def valid_point_feature(**changes: Any) -> dict[str, Any]:
    feature: dict[str, Any] = {
        "type": "Feature",
        "id": "a",
        "geometry": {"type": "Point", "coordinates": [38.69, 33.32]},
        "properties": {},
    }
    feature.update(changes)
    return feature


@pytest.mark.parametrize(
    ("bad", "complaint"),
    [
        ([], "JSON object"),
        ({"type": "Feature"}, "'geometry'"),
        (valid_point_feature(properties=[1]), "properties"),
        (valid_point_feature(geometry={"type": "Point", "coordinates": [33.32, 138.69]}), "latitude"),
        (valid_point_feature(geometry={"type": "Point", "coordinates": [200.0, 10.0]}), "longitude"),
        (valid_point_feature(geometry={"type": "Point", "coordinates": [1.0]}), "2 or 3"),
        (valid_point_feature(geometry={"type": "Point", "coordinates": [1.0, "2"]}), "finite"),
        (valid_point_feature(geometry={"type": "Point", "coordinates": [float("nan"), 2.0]}), "finite"),
        (valid_point_feature(geometry={"type": "Circle", "coordinates": [1.0, 2.0]}), "Circle"),
        (valid_point_feature(geometry={"type": "LineString", "coordinates": [1.0, 2.0]}), "array of 2 or 3"),
        (valid_point_feature(id={"x": 1}), "string or a number"),
        (valid_point_feature(features=[]), "'features'"),
        ({"type": "FeatureCollection", "features": {}}, "'features' array"),
        ({"type": "FeatureCollection", "features": [], "crs": {}}, "crs"),
        ({"type": "FeatureCollection", "features": [valid_point_feature()] * 2}, "earlier feature"),
        ({"type": "FeatureCollection", "features": [], "bbox": [0, 10, 1, 5]}, "south edge"),
        ({"type": "FeatureCollection", "features": [], "bbox": [0, 1]}, "bbox"),
        ({"type": "FeatureCollection", "features": [{"type": "Point"}]}, "type 'Feature'"),
        ({"type": "Topology"}, "unknown GeoJSON type"),
        ({"type": "GeometryCollection", "geometries": [None]}, "not null"),
    ],
)
def test_the_validator_catches_each_kind_of_problem(bad: object, complaint: str) -> None:
    problems = rfc7946_problems(bad)
    assert problems, f"accepted {bad!r}"
    assert any(complaint in problem for problem in problems), problems


def test_the_validator_accepts_other_valid_geometries() -> None:
    polygon = {
        "type": "Polygon",
        "coordinates": [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]],
    }
    collection = {
        "type": "GeometryCollection",
        "geometries": [polygon, {"type": "Point", "coordinates": [1, 2, 3]}],
    }
    assert rfc7946_problems(collection) == []
    assert rfc7946_problems(valid_point_feature(id=7, geometry=None, properties=None)) == []


def test_a_stored_summary_gives_the_same_feature_as_the_event() -> None:
    for event in (make_event(actor1=MILITIA), make_event(places=())):
        stored = json.loads(json.dumps(event_summary(event)))
        assert summary_feature(stored) == event_feature(event)


def test_the_stored_summary_and_this_summary_agree() -> None:
    """The API lists events from the summary JSON the store keeps per event row; it must be
    the summary this module gives for the event, after a round trip through JSON."""
    from wirewatch.store.summary import derived_event_columns

    long_sentence = "Rockets hit " + "the perimeter " * 40 + "at dawn."
    events = [
        make_event(actor1=MILITIA, actor2=US_TROOPS, fatalities=Quantity(value=2, qualifier=Qualifier.ABOUT)),
        make_event(places=(), day=None, sentences=(("a", long_sentence), ("b", "Second."))),
    ]
    for event in events:
        stored = json.loads(derived_event_columns(event)["summary_json"])
        assert stored == json.loads(json.dumps(event_summary(event)))
        assert len(stored["summary"]) <= SUMMARY_MAX_CHARS
