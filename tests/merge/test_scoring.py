"""score_pair and blocking_keys: the rules of issue 6 on hand-made mentions."""

from __future__ import annotations

import math

import pytest

from tests.merge.factory import (
    ABROAD,
    BASE,
    BASE_TOWN,
    CITY,
    COUNTRY,
    PROVINCE,
    day,
    mention,
    month,
    same_actor,
    week_before,
)
from wirewatch.merge import MERGE_THRESHOLD, blocking_keys, merge_mentions, score_pair
from wirewatch.merge.scoring import entity_tokens, shared_entities
from wirewatch.schema import ActorRef, GeoPrecision, Mode, Place, Plover, Qualifier, Span, SubEventType

SHELLING = SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK


def score(a, b):  # type: ignore[no-untyped-def]
    return score_pair(a, b, same_actor=same_actor)


def events_of(*mentions):  # type: ignore[no-untyped-def]
    return [sorted(m.id for m in e.mentions) for e in merge_mentions(mentions, same_actor=same_actor)]


# --- blocking -----------------------------------------------------------------------------------


def test_blocking_key_of_a_day() -> None:
    m = mention("a:1", "a", date=day("2024-02-07"), places=(CITY,))
    assert blocking_keys(m) == [("IQ", "2024-W06")]


def test_a_month_touches_all_its_weeks() -> None:
    m = mention("a:1", "a", date=month("2024-02"), places=(CITY, ABROAD))
    weeks = [w for c, w in blocking_keys(m) if c == "IQ"]
    assert weeks == ["2024-W05", "2024-W06", "2024-W07", "2024-W08", "2024-W09"]
    assert {c for c, _ in blocking_keys(m)} == {"IQ", "JO"}


def test_no_place_and_no_date_keys() -> None:
    assert blocking_keys(mention("a:1", "a", date=day("2021-01-04"))) == [("??", "2021-W01")]
    assert blocking_keys(mention("a:1", "a")) == [("??", "????-W??")]


def test_iso_week_across_the_new_year() -> None:
    m = mention("a:1", "a", date=day("2021-01-01"))  # a Friday in ISO week 53 of 2020
    assert blocking_keys(m) == [("??", "2020-W53")]


# --- a recap joins the original -------------------------------------------------------------


ORIGINAL = mention(
    "a:0010",
    "a",
    date=day("2024-01-03"),
    places=(CITY,),
    actor1="US Forces",
    fatalities=2,
    qualifier=Qualifier.AT_LEAST,
    weapon="drone",
    text="A drone strike near Riverside airport early Friday killed commander Qasem Darvani and Abu Tarik.",
)
RECAP = mention(
    "b:0500",
    "b",
    date=month("2024-01"),
    actor1="US Forces",
    fatalities=2,
    weapon="drone",
    text="Officials still recall the drone strike in January that killed Qassem Darvani and Abu Tarik.",
)


def test_a_recap_joins_the_original() -> None:
    result = score(ORIGINAL, RECAP)
    assert result.joins, result
    names = {c.name for c in result.components}
    assert any(n.startswith("entities") and "darvani" in n for n in names)
    assert events_of(ORIGINAL, RECAP) == [["a:0010", "b:0500"]]


def test_a_named_victim_in_both_is_strong_evidence() -> None:
    plain = RECAP.model_copy(
        update={
            "evidence": (RECAP.evidence[0].model_copy(update={"text": "x" * len(RECAP.evidence[0].text)}),)
        }
    )
    assert score(ORIGINAL, RECAP).total > score(ORIGINAL, plain).total + 1.5


def test_transliterations_match() -> None:
    assert ("qasem", "qassem") in shared_entities(frozenset({"qasem"}), frozenset({"qassem"}))
    assert shared_entities(frozenset({"homs"}), frozenset({"hams"})) == []  # short words: exact only


def test_entities_leave_out_sentence_starts_calendar_words_and_places() -> None:
    m = mention(
        "a:1",
        "a",
        places=(CITY,),
        text="Officials said on Friday in January that Riversiders and Colonel Darvani met.",
    )
    assert entity_tokens(m) == frozenset({"colonel", "darvani"})


# --- distinct events stay apart --------------------------------------------------------------


def test_two_rocket_attacks_on_one_base_a_week_apart() -> None:
    first = mention("a:1", "a", sub=SHELLING, date=day("2024-02-01"), places=(BASE,), weapon="rocket")
    second = mention("b:1", "b", sub=SHELLING, date=day("2024-02-08"), places=(BASE,), weapon="rocket")
    assert score(first, second).veto == "date: no overlap"
    # A vague recap ("rockets hit Camp Alpha in February") matches both, and joins one only.
    recap = mention("c:1", "c", sub=SHELLING, date=month("2024-02"), places=(BASE,), weapon="rocket")
    events = events_of(first, second, recap)
    assert len(events) == 2
    assert not any({"a:1", "b:1"} <= set(e) for e in events)


def test_strikes_on_one_district_on_consecutive_days() -> None:
    near = CITY.model_copy(update={"precision": GeoPrecision.NEAR})
    first = mention("a:1", "a", date=day("2024-03-04"), places=(near,), actor1="US Forces")
    second = mention("b:1", "b", date=day("2024-03-05"), places=(near,), actor1="US Forces")
    assert not score(first, second).compatible
    assert len(events_of(first, second)) == 2


def test_a_date_only_the_narrative_gives_weighs_as_unstated_across_articles() -> None:
    """'On 3 May, X clashed with Y near the town. Clashes were accompanied by shelling.': the
    second sentence's date is the first's, no report's word on when that shelling was."""
    first = mention("a:1", "a", date=day("2024-03-04"), places=(CITY,))
    second = mention("b:1", "b", date=day("2024-03-04"), places=(CITY,))
    narrated = second.model_copy(update={"narrative_time": True})
    dates = {c.name: c.score for c in score(first, second).components}["date"]
    weaker = {c.name: c.score for c in score(first, narrated).components}["date"]
    assert weaker < dates
    same_article = narrated.model_copy(update={"article_id": "a"})
    assert {c.name: c.score for c in score(first, same_article).components}["date"] == dates


def test_a_strike_and_the_retaliation_it_provoked() -> None:
    strike = mention(
        "a:1", "a", date=day("2024-02-02"), places=(CITY,), actor1="US Forces", actor2="Faction A"
    )
    retaliation = mention(
        "b:1", "b", date=day("2024-02-02"), places=(CITY,), actor1="Umbrella Front", actor2="US Forces"
    )
    assert score(strike, retaliation).veto == "actors: initiator and target swapped"
    assert len(events_of(strike, retaliation)) == 2


def test_clashes_have_no_direction() -> None:
    clash = SubEventType.ARMED_CLASH
    first = mention("a:1", "a", sub=clash, date=day("2024-02-02"), places=(BASE,), actor1="X", actor2="Y")
    second = mention("b:1", "b", sub=clash, date=day("2024-02-02"), places=(BASE,), actor1="Y", actor2="X")
    assert score(first, second).compatible


def test_two_different_events_in_one_article() -> None:
    drones = mention("a:1", "a", date=day("2024-07-16"), places=(BASE,), weapon="drone")
    rockets = mention("a:2", "a", sub=SHELLING, date=day("2024-07-22"), places=(BASE,), weapon="rocket")
    elsewhere = mention("a:3", "a", date=day("2024-07-16"), places=(CITY,), weapon="drone")
    assert not score(drones, rockets).compatible
    assert score(drones, elsewhere).veto is not None and score(drones, elsewhere).veto.startswith("place")
    assert len(events_of(drones, rockets, elsewhere)) == 3


def test_one_event_told_twice_in_one_article_joins() -> None:
    lead = mention("a:1", "a", date=day("2024-07-16"), places=(BASE,), weapon="drone")
    again = mention("a:2", "a", date=day("2024-07-16"), places=(BASE_TOWN,), weapon="drone")
    assert score(lead, again).joins


def test_different_countries_never_join() -> None:
    here = mention("a:1", "a", date=day("2024-01-28"), places=(BASE,))
    there = mention("b:1", "b", date=day("2024-01-28"), places=(ABROAD,))
    assert score(here, there).veto == "place: different countries"


def test_undated_mentions_of_different_articles_never_join() -> None:
    first = mention("a:1", "a", places=(BASE,), actor1="US Forces")
    second = mention("b:1", "b", places=(BASE,), actor1="US Forces")
    assert score(first, second).veto == "date: unknown"


def test_an_unstated_date_is_weak_evidence() -> None:
    stated = mention("a:1", "a", date=day("2024-07-31"), places=(PROVINCE,))
    unstated = mention("b:1", "b", date=week_before("2024-07-31"), places=(PROVINCE,))
    date_score = next(c.score for c in score(stated, unstated).components if c.name == "date")
    assert date_score < next(c.score for c in score(stated, stated).components if c.name == "date")


# --- types and modes ---------------------------------------------------------------------------


def test_types() -> None:
    strike = mention("a:1", "a", date=day("2024-02-02"))
    clash = mention("b:1", "b", sub=SubEventType.ARMED_CLASH, date=day("2024-02-02"))
    protest = mention(
        "b:2", "b", sub=SubEventType.PEACEFUL_PROTEST, plover=Plover.PROTEST, date=day("2024-02-02")
    )
    threat = mention("b:3", "b", sub=SubEventType.OTHER, plover=Plover.THREATEN, date=day("2024-02-02"))
    demand = mention("b:4", "b", sub=SubEventType.OTHER, plover=Plover.REQUEST, date=day("2024-02-02"))
    assert score(strike, clash).compatible  # both ASSAULT: a recap may type it differently
    assert not score(strike, protest).compatible
    assert score(threat, demand).veto == "type: THREATEN vs REQUEST"


@pytest.mark.parametrize("irrealis", [Mode.THREATENED, Mode.PLANNED, Mode.HYPOTHETICAL])
def test_irrealis_never_joins_realis(irrealis: Mode) -> None:
    happened = mention("a:1", "a", date=day("2024-02-02"), places=(CITY,), actor1="US Forces")
    maybe = mention("b:1", "b", mode=irrealis, date=day("2024-02-02"), places=(CITY,), actor1="US Forces")
    assert score(happened, maybe).veto is not None
    same_mode = maybe.model_copy(update={"id": "c:1", "article_id": "c"})
    assert score(maybe, same_mode).joins
    for realis in (Mode.CLAIMED, Mode.DENIED, Mode.HISTORICAL):
        assert score(maybe, maybe.model_copy(update={"mode": realis})).veto is not None


def test_claimed_and_denied_join_the_asserted_event() -> None:
    happened = mention("a:1", "a", date=day("2024-02-02"), places=(CITY,), actor1="US Forces")
    for mode in (Mode.CLAIMED, Mode.DENIED):
        other = happened.model_copy(update={"id": "b:1", "article_id": "b", "mode": mode})
        assert score(happened, other).joins


# --- properties ---------------------------------------------------------------------------------


def test_score_is_symmetric() -> None:
    pairs = [(ORIGINAL, RECAP)]
    for a, b in pairs:
        assert score(a, b).total == pytest.approx(score(b, a).total)


def test_vetoed_score_is_minus_infinity() -> None:
    a = mention("a:1", "a", date=day("2024-02-01"))
    b = mention("b:1", "b", date=day("2024-02-09"))
    result = score(a, b)
    assert math.isinf(result.total) and not result.joins


def test_casualties() -> None:
    base = {"date": day("2024-02-02"), "places": (CITY,)}
    four = mention("a:1", "a", fatalities=4, **base)  # type: ignore[arg-type]
    five_plus = mention("b:1", "b", fatalities=5, qualifier=Qualifier.AT_LEAST, **base)  # type: ignore[arg-type]
    sixty = mention("c:1", "c", fatalities=60, **base)  # type: ignore[arg-type]
    three_plus = mention("d:1", "d", fatalities=3, qualifier=Qualifier.AT_LEAST, **base)  # type: ignore[arg-type]

    def part(a, b):  # type: ignore[no-untyped-def]
        return next(c.score for c in score(a, b).components if c.name == "fatalities")

    assert part(four, three_plus) > 0 > part(four, five_plus) > part(four, sixty)


def test_country_level_places_do_not_conflict_with_towns() -> None:
    town = mention("a:1", "a", date=day("2024-02-02"), places=(CITY,))
    country = mention("b:1", "b", date=day("2024-02-02"), places=(COUNTRY,))
    region = mention("c:1", "c", date=day("2024-02-02"), places=(PROVINCE,))
    other_region = Place(name="North", country="IQ", admin1="North", precision=GeoPrecision.REGION)
    assert score(town, country).compatible and score(town, region).compatible
    assert (
        score(region, mention("d:1", "d", date=day("2024-02-02"), places=(other_region,))).total
        < score(region, region.model_copy(update={"id": "e:1", "article_id": "e"})).total
    )
    assert MERGE_THRESHOLD > 0


# --- what followed what -------------------------------------------------------------------------


def test_a_claim_is_not_penalised_against_the_report_of_the_act() -> None:
    happened = mention("a:1", "a", date=day("2024-02-02"), places=(CITY,), actor1="US Forces")
    claimed = happened.model_copy(update={"id": "b:1", "article_id": "b", "mode": Mode.CLAIMED})
    denied = happened.model_copy(update={"id": "b:1", "article_id": "b", "mode": Mode.DENIED})
    assert "mode" not in {c.name for c in score(happened, claimed).components}
    assert "mode" in {c.name for c in score(happened, denied).components}


def test_an_undated_follower_is_not_taken_for_the_articles_main_event() -> None:
    lead = mention("a:1", "a", date=month("2024-02"), actor1="US Forces", actor2="Faction A")
    undated = mention("a:2", "a", date=week_before("2024-02-29"), actor1="US Forces", actor2="Faction A")
    follower = undated.model_copy(update={"after": "a:0"})
    assert "same_article_undated" in {c.name for c in score(lead, undated).components}
    assert "same_article_undated" not in {c.name for c in score(lead, follower).components}


def _vote(mention_id: str, article: str, date, after: str):  # type: ignore[no-untyped-def]
    return mention(
        mention_id, article, sub=SubEventType.OTHER, plover=Plover.REQUEST, date=date, actor1="Council",
        text="The council voted to expel the advisers.",
    ).model_copy(update={"after": after})  # fmt: skip


def test_two_reports_of_an_act_that_followed_one_event_join() -> None:
    """Each article says its vote came after the killing; the two killings are one event, so
    the two votes are one (a type and an initiator alone would not join them)."""
    told = "A drone strike killed Commander Abu Samir Haddad."
    killing_a = mention(
        "a:1", "a", date=day("2020-01-03"), places=(CITY,), actor1="US Forces", fatalities=2, text=told
    )
    killing_b = mention(
        "b:1", "b", date=month("2020-01"), places=(CITY,), actor1="US Forces", fatalities=2, text=told
    )
    vote_a = _vote("a:2", "a", day("2020-01-05"), after="a:1")
    vote_b = _vote(
        "b:2", "b", week_before("2020-09-28").model_copy(update={"start": day("2020-01-01").start}), "b:1"
    )
    assert not score(vote_a, vote_b).joins  # on their own: no identity
    assert sorted(events_of(killing_a, killing_b, vote_a, vote_b)) == [["a:1", "b:1"], ["a:2", "b:2"]]
    without_cause = [m.model_copy(update={"after": None}) for m in (vote_a, vote_b)]
    assert sorted(events_of(killing_a, killing_b, *without_cause)) == [["a:1", "b:1"], ["a:2"], ["b:2"]]


def test_followers_of_two_different_events_stay_apart() -> None:
    first = mention("a:1", "a", date=day("2020-01-03"), places=(CITY,), actor1="US Forces", fatalities=2)
    other = mention("b:1", "b", date=day("2020-01-03"), places=(BASE,), actor1="Faction A", fatalities=9)
    vote_a = _vote("a:2", "a", day("2020-01-05"), after="a:1")
    vote_b = _vote("b:2", "b", month("2020-01"), after="b:1")
    assert sorted(events_of(first, other, vote_a, vote_b)) == [["a:1"], ["a:2"], ["b:1"], ["b:2"]]


def test_an_actor_joined_to_a_side_can_be_the_other_reports_actor() -> None:
    """'The IRGC and its proxies' against 'Iran-backed fighters': the same target."""
    one = mention("a:1", "a", date=day("2024-02-02"), actor1="US Forces", actor2="Guard Corps")
    one = one.model_copy(update={"assoc_actors2": (ActorRef(text="its proxies", canonical="Faction A"),)})
    other = mention("b:1", "b", date=day("2024-02-02"), actor1="US Forces", actor2="Faction A")
    joined = {c.name: c.score for c in score(one, other).components}
    alone = {c.name: c.score for c in score(one.model_copy(update={"assoc_actors2": ()}), other).components}
    assert joined["actor2"] > 0 > alone["actor2"]
    assert "actors" in score(one, other).identity


def _spot(name: str, at: int, lat: float | None = None, lon: float | None = None) -> Place:
    country = "SY" if lat is not None else None
    return Place(
        name=name,
        country=country,
        lat=lat,
        lon=lon,
        precision=GeoPrecision.PLACE,
        span=Span(start=at, end=at + len(name), text=name),
    )


def test_the_village_told_first_decides_not_the_town_named_around_it() -> None:
    """'in Jahbal village in the countryside of Ein Issa' against 'in Mushayrifah village in the
    countryside of Ein Issa': two villages, two events, though both name Ein Issa."""
    town = (36.385, 38.858)
    one = mention(
        "a:1",
        "a",
        sub=SubEventType.ARMED_CLASH,
        date=day("2020-12-18"),
        places=(_spot("Jahbal", 40, 36.45, 38.80), _spot("Ein Issa", 80, *town)),
        offset=0,
    )
    other = mention(
        "b:1",
        "b",
        sub=SubEventType.ARMED_CLASH,
        date=day("2020-12-18"),
        places=(_spot("Mushayrifah", 40, 36.33, 38.95), _spot("Ein Issa", 80, *town)),
        offset=0,
    )
    assert {c.name: c.score for c in score(one, other).components}["place"] < 0
    same = other.model_copy(
        update={"places": (_spot("Jahbal", 40, 36.45, 38.80), _spot("Ein Issa", 90, *town))}
    )
    assert {c.name: c.score for c in score(one, same).components}["place"] > 0


def test_the_spot_told_after_the_trigger_is_the_mentions() -> None:
    """'Rockets hit Ain al-Asad, and a roadside bomb killed a driver near Nasiriyah': the bomb's
    sentence names the air base first, but the bomb is near Nasiriyah, as another report says."""
    bomb = mention(
        "a:60",
        "a",
        sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED,
        date=day("2025-03-05"),
        places=(_spot("Ain al-Asad Air Base", 10, 33.79, 42.44), _spot("Nasiriyah", 90, 31.06, 46.26)),
        offset=60,
    )
    convoy = mention(
        "b:1",
        "b",
        sub=SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED,
        date=day("2025-03-05"),
        places=(_spot("Nasiriyah", 40, 31.06, 46.26),),
        offset=0,
    )
    result = score(bomb, convoy)
    assert result.veto is None
    assert {c.name: c.score for c in result.components}["place"] > 0


def test_a_village_named_only_around_others_is_no_common_spot() -> None:
    """Two villages the gazetteer does not know, each told 'in the countryside of' the same
    unknown town: the villages decide, not the town both name around them."""
    one = mention(
        "a:1",
        "a",
        date=day("2020-02-04"),
        places=(_spot("Tal Ibrahim", 30), _spot("Abul Thohur", 60)),
        offset=0,
    )
    other = mention(
        "b:1",
        "b",
        date=day("2020-02-04"),
        places=(_spot("Khashakhish", 30), _spot("Abul Thohur", 60)),
        offset=0,
    )
    assert {c.name: c.score for c in score(one, other).components}["place"] < 0


def test_two_villages_the_gazetteer_does_not_know_are_two_spots() -> None:
    one = mention(
        "a:1",
        "a",
        date=day("2020-12-18"),
        places=(_spot("Areedah", 10), _spot("Tal Abyad", 40, 36.69, 38.95)),
    )
    other = mention(
        "b:1",
        "b",
        date=day("2020-12-18"),
        places=(_spot("Silmasa", 10), _spot("Tal Abyad", 40, 36.69, 38.95)),
    )
    assert {c.name: c.score for c in score(one, other).components}["place"] < 0
