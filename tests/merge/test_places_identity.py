"""Place evidence between reports: villages the gazetteer does not know, and cities named like
their province, which many events of one day share."""

from __future__ import annotations

from tests.merge.factory import day, mention, same_actor
from wirewatch.merge.scoring import W_PLACE_OTHER_SPOT, W_PLACE_SAME_AREA, W_PLACE_SAME_SPOT, score_pair
from wirewatch.schema import GeoPrecision, Mention, Place, Span, SubEventType

CLASH = SubEventType.ARMED_CLASH


def village(name: str) -> Place:
    return Place(name=name, precision=GeoPrecision.PLACE, span=Span(start=0, end=len(name), text=name))


def province_city(precision: GeoPrecision = GeoPrecision.NEAR) -> Place:
    return Place(name="Aleppo", country="SY", admin1="Aleppo", lat=36.20, lon=37.16, precision=precision)


def clash(
    mention_id: str,
    places: tuple[Place, ...] = (),
    *,
    actor1: str | None = None,
    actor2: str | None = None,
    text: str = "Clashes took place.",
) -> Mention:
    """A clash on 17 May 2021 in article ``mention_id``'s prefix ("a:1" is article "a")."""
    article = mention_id.split(":")[0]
    return mention(
        mention_id,
        article,
        sub=CLASH,
        date=day("2021-05-17"),
        places=places,
        actor1=actor1,
        actor2=actor2,
        text=text,
    )


def place_score(a: tuple[Place, ...], b: tuple[Place, ...]) -> tuple[float | None, tuple[str, ...]]:
    first, second = clash("a:1", a), clash("b:1", b)
    score = score_pair(first, second, same_actor=same_actor)
    value = next((c.score for c in score.components if c.name == "place"), None)
    return value, score.identity


def test_two_unknown_villages_are_two_spots_and_one_is_one_spot() -> None:
    assert place_score((village("Kafr Alpha"),), (village("Tell Beta"),)) == (W_PLACE_OTHER_SPOT, ())
    value, identity = place_score((village("Kafr Alpha"), province_city()), (village("kafr alpha"),))
    assert value == W_PLACE_SAME_SPOT and "place" in identity


def test_near_a_city_named_like_its_province_is_the_same_area_not_identity() -> None:
    value, identity = place_score((province_city(),), (province_city(),))
    assert value == W_PLACE_SAME_AREA and "place" not in identity
    value, identity = place_score((province_city(GeoPrecision.PLACE),), (province_city(GeoPrecision.PLACE),))
    assert value == W_PLACE_SAME_AREA and "place" not in identity


def test_near_the_same_town_is_still_the_same_spot() -> None:
    town = Place(
        name="Al Qaim", country="IQ", admin1="Anbar", lat=34.37, lon=41.09, precision=GeoPrecision.NEAR
    )
    value, identity = place_score((town,), (town,))
    assert value == W_PLACE_SAME_SPOT and "place" in identity


def test_two_spots_in_two_reports_can_never_be_one_event() -> None:
    first, second = clash("a:1", (village("Kafr Alpha"),)), clash("b:1", (village("Tell Beta"),))
    assert score_pair(first, second, same_actor=same_actor).veto == "place: two spots"
    # told in one report, two spots are only evidence against (one article may tell one clash twice)
    again = clash("a:2", (village("Tell Beta"),))
    assert score_pair(first, again, same_actor=same_actor).veto is None


def test_a_group_both_reports_name_is_weighed_as_an_actor_not_again_as_an_entity() -> None:
    text = "On Monday Hurras al-Deen fighters clashed with the Tahrir Front near the town."
    first = clash("a:1", actor1="Hurras al-Deen", actor2="Tahrir Front", text=text)
    second = clash("b:1", actor1="Hurras al-Deen", actor2="Tahrir Front", text=text)
    score = score_pair(first, second, same_actor=same_actor)
    assert not any(c.name.startswith("entities:") for c in score.components)
    assert "actors" in score.identity
