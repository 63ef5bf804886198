"""Cross-article joins need positive identity evidence beyond type + overlapping date."""

from __future__ import annotations

from tests.merge.factory import BASE, BASE_TOWN, CITY, PROVINCE, day, mention, same_actor
from wirewatch.merge import MERGE_THRESHOLD, merge_mentions, score_pair
from wirewatch.merge.scoring import (
    IDENTITY_ACTORS,
    IDENTITY_CASUALTIES,
    IDENTITY_ENTITY,
    IDENTITY_PLACE,
    W_PLACE_OTHER_SPOT,
    Weights,
)
from wirewatch.schema import GeoPrecision, Place, SubEventType

CLASH = SubEventType.ARMED_CLASH
DAY = day("2024-05-14")


def score(a, b, weights=None):  # type: ignore[no-untyped-def]
    return score_pair(a, b, same_actor=same_actor, **({"weights": weights} if weights else {}))


def events_of(*mentions):  # type: ignore[no-untyped-def]
    return [sorted(m.id for m in e.mentions) for e in merge_mentions(mentions, same_actor=same_actor)]


def village(name: str, lat: float, lon: float) -> Place:
    return Place(name=name, country="IQ", admin1="Central", lat=lat, lon=lon, precision=GeoPrecision.PLACE)


def test_type_and_date_alone_never_join_across_articles() -> None:
    first = mention("a:1", "a", sub=CLASH, date=DAY, text="Fighters clashed, with no casualties reported.")
    second = mention("b:1", "b", sub=CLASH, date=DAY, text="Fighters clashed, with no casualties reported.")
    result = score(first, second)
    assert result.compatible and result.identity == ()
    assert result.needs_identity and not result.joins
    assert events_of(first, second) == [["a:1"], ["b:1"]]


def test_a_high_score_without_identity_does_not_join() -> None:
    # Agreeing on zero casualties and a common province is no identity evidence.
    base = {"sub": CLASH, "date": DAY, "places": (PROVINCE,), "fatalities": 0, "injuries": 0}
    first = mention("a:1", "a", actor1="Army", **base)  # type: ignore[arg-type]
    second = mention("b:1", "b", actor1="Army", **base)  # type: ignore[arg-type]
    result = score(first, second)
    assert result.total >= MERGE_THRESHOLD - 0.5
    assert result.identity == () and not result.joins


def test_same_article_needs_no_identity() -> None:
    first = mention("a:1", "a", sub=CLASH, date=DAY, actor1="Army", text="Fighters clashed near the river.")
    again = mention("a:2", "a", sub=CLASH, date=DAY, actor1="Army", text="Fighters clashed near the river.")
    result = score(first, again)
    assert not result.needs_identity
    assert result.joins == (result.total >= MERGE_THRESHOLD)


def test_the_same_spot_is_identity() -> None:
    first = mention("a:1", "a", date=DAY, places=(BASE,), actor1="US Forces")
    second = mention("b:1", "b", date=DAY, places=(BASE,), actor1="US Forces")
    result = score(first, second)
    assert IDENTITY_PLACE in result.identity and result.joins


def test_a_shared_province_is_not_identity() -> None:
    first = mention("a:1", "a", date=DAY, places=(PROVINCE,), actor1="US Forces", weapon="drone")
    second = mention("b:1", "b", date=DAY, places=(PROVINCE,), actor1="US Forces", weapon="drone")
    assert IDENTITY_PLACE not in score(first, second).identity
    assert not score(first, second).joins


def test_two_villages_of_one_province_on_one_day_are_two_clashes() -> None:
    district = Place(
        name="Riverside district",
        country="IQ",
        admin1="Central",
        lat=33.36,
        lon=44.42,
        precision=GeoPrecision.NEAR,
    )
    north = village("Northvillage", 33.40, 44.45)  # about 8 km from south
    south = village("Southvillage", 33.33, 44.42)
    first = mention("a:1", "a", sub=CLASH, date=DAY, places=(north, district, PROVINCE), actor1="Army")
    second = mention("b:1", "b", sub=CLASH, date=DAY, places=(south, district, PROVINCE), actor1="Army")
    result = score(first, second)
    place = next(c.score for c in result.components if c.name == "place")
    assert place == W_PLACE_OTHER_SPOT  # the shared district does not make them one spot
    assert IDENTITY_PLACE not in result.identity and not result.joins
    # The same village, though, is the same spot.
    same = score(first, second.model_copy(update={"places": (north, district, PROVINCE)}))
    assert IDENTITY_PLACE in same.identity


def test_a_town_and_a_facility_at_it_are_one_spot() -> None:
    assert (
        IDENTITY_PLACE
        in score(
            mention("a:1", "a", date=DAY, places=(BASE,)), mention("b:1", "b", date=DAY, places=(BASE_TOWN,))
        ).identity
    )


def test_a_shared_uncommon_name_is_identity_a_common_one_is_not() -> None:
    first = mention("a:1", "a", date=DAY, text="A strike killed commander Darvani of the Northern Brigade.")
    second = mention("b:1", "b", date=DAY, text="The strike that killed Darvani, a Northern Brigade leader.")
    assert IDENTITY_ENTITY in score(first, second).identity
    assert score(first, second).joins

    def common(word: str) -> float:  # "Darvani" named by many articles of the batch
        return 0.5

    discounted = score(first, second, Weights(entity=common))
    assert IDENTITY_ENTITY not in discounted.identity and not discounted.joins


def test_a_named_operation_split_in_two_half_common_words_is_not_identity() -> None:
    first = mention(
        "a:1", "a", sub=CLASH, date=DAY, text="Fighters of Operation Peace Spring took a village."
    )
    second = mention("b:1", "b", sub=CLASH, date=DAY, text="Fighters of Operation Peace Spring took a hill.")

    def weight(word: str) -> float:
        return 0.45 if word in ("peace", "spring") else 0.0

    assert not score(first, second, Weights(entity=weight)).identity


def test_agreeing_actors_on_both_sides_are_identity() -> None:
    both = {"sub": CLASH, "date": DAY, "actor1": "Army", "actor2": "Faction A"}
    first = mention("a:1", "a", **both)  # type: ignore[arg-type]
    second = mention("b:1", "b", **both)  # type: ignore[arg-type]
    assert IDENTITY_ACTORS in score(first, second).identity
    one_side = mention("c:1", "c", sub=CLASH, date=DAY, actor1="Army")
    assert IDENTITY_ACTORS not in score(first, one_side).identity

    def common_actor(key: str) -> float:  # every report names these forces
        return 0.2

    assert IDENTITY_ACTORS not in score(first, second, Weights(actor=common_actor)).identity


def test_agreeing_casualty_figures_are_identity_zero_or_one_dead_is_not() -> None:
    three = {"date": DAY, "places": (CITY,)}
    first = mention("a:1", "a", fatalities=3, **three)  # type: ignore[arg-type]
    second = mention("b:1", "b", fatalities=3, **three)  # type: ignore[arg-type]
    assert IDENTITY_CASUALTIES in score(first, second).identity
    for count in (0, 1):
        a = mention("c:1", "c", fatalities=count, **three)  # type: ignore[arg-type]
        b = mention("d:1", "d", fatalities=count, **three)  # type: ignore[arg-type]
        assert IDENTITY_CASUALTIES not in score(a, b).identity


def test_no_place_on_either_side_is_weak() -> None:
    first = mention("a:1", "a", date=DAY, actor1="US Forces", weapon="drone")
    second = mention("b:1", "b", date=DAY, actor1="US Forces", weapon="drone")
    result = score(first, second)
    assert not any(c.name == "place" for c in result.components)
    assert not result.joins
