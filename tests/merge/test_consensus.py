"""consensus: an event's fields from its mentions, and who said what."""

from __future__ import annotations

import datetime as dt

from tests.merge.factory import CITY, COUNTRY, PROVINCE, day, mention, month, same_actor, week_before
from wirewatch.merge import consensus
from wirewatch.schema import DatePrecision, Mode, Qualifier, SubEventType

SHELLING = SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK


def test_the_most_precise_date_and_place_consistent_with_all() -> None:
    event = consensus(
        [
            mention("a:1", "a", date=month("2024-07"), places=(COUNTRY,)),
            mention("b:1", "b", date=day("2024-07-31"), places=(PROVINCE,)),
            mention("c:1", "c", date=week_before("2024-08-01"), places=(CITY,)),
        ]
    )
    assert event.date is not None
    assert (event.date.start, event.date.end, event.date.precision) == (
        dt.date(2024, 7, 31),
        dt.date(2024, 7, 31),
        DatePrecision.DAY,
    )
    assert event.date.span is not None  # the stated day's own expression
    assert event.places[0] == CITY
    assert COUNTRY not in event.places and PROVINCE not in event.places  # coarser versions of it


def test_an_intersection_nobody_stated_gets_its_precision() -> None:
    event = consensus(
        [
            mention("a:1", "a", date=week_before("2024-07-31")),
            mention("b:1", "b", date=week_before("2024-07-28")),
        ]
    )
    assert event.date is not None
    assert (event.date.start, event.date.end) == (dt.date(2024, 7, 25), dt.date(2024, 7, 28))
    assert event.date.precision is DatePrecision.WEEK


def test_fatalities_by_acleds_rule_with_the_range_and_who_said_what() -> None:
    event = consensus(
        [
            mention("a:1", "a", fatalities=5, qualifier=Qualifier.AT_LEAST, said_by="the army"),
            mention("b:1", "b", fatalities=4, said_by="Hashed al-Shaabi"),
            mention("c:1", "c", fatalities=0, mode=Mode.DENIED, said_by="the ministry"),
        ]
    )
    assert event.fatalities is not None and (event.fatalities.value, event.fatalities.qualifier) == (
        4,
        Qualifier.EXACT,
    )
    assert event.fatalities_range == (0, 5)
    disputed = {d.field: d for d in event.disagreements}["fatalities"]
    assert {(v.value, v.attribution) for v in disputed.values} == {
        ("at least 5", "the army"),
        ("4", "Hashed al-Shaabi"),
        ("0", "the ministry"),
    }


def test_descriptions_side_by_side_when_sources_are_named() -> None:
    event = consensus(
        [
            mention(
                "a:1", "a", said_by="US defense official", text="Combatants were preparing drone launches."
            ),
            mention(
                "a:2", "a", said_by="Hashed al-Shaabi", text="Two patrols were hit by missiles from drones."
            ),
        ]
    )
    description = {d.field: d for d in event.disagreements}["description"]
    assert [(v.attribution, v.value) for v in description.values] == [
        ("US defense official", "Combatants were preparing drone launches."),
        ("Hashed al-Shaabi", "Two patrols were hit by missiles from drones."),
    ]


def test_actors_most_sources_agree_on_counting_factions_with_their_group() -> None:
    event = consensus(
        [
            mention("a:1", "a", actor1="Faction A"),
            mention("b:1", "b", actor1="Umbrella Front"),
            mention("c:1", "c", actor1="Faction A"),
            mention("d:1", "d", actor1="Unknown Gunmen"),
        ],
        same_actor=same_actor,
    )
    assert event.actor1 is not None and event.actor1.canonical == "Faction A"
    assert "actor1" in {d.field for d in event.disagreements}


def test_type_mode_and_weapon_by_majority() -> None:
    event = consensus(
        [
            mention("a:1", "a", sub=SHELLING, weapon="rocket", mode=Mode.DENIED),
            mention("b:1", "b", sub=SHELLING, weapon="rocket", mode=Mode.HISTORICAL),
            mention("c:1", "c", weapon="drone", mode=Mode.CLAIMED),
        ]
    )
    assert event.sub_event_type is SHELLING and event.weapon == "rocket"
    assert event.mode is Mode.CLAIMED  # nobody asserts it; a claim beats a denial
    fields = {d.field for d in event.disagreements}
    assert {"sub_event_type", "mode", "weapon"} <= fields


def test_one_mention_has_no_disagreements() -> None:
    event = consensus([mention("a:1", "a", fatalities=3, said_by="police")])
    assert event.disagreements == () and event.fatalities_range == (3, 3)
    assert [(r.mention_id, r.joined_with) for r in event.merge_reasons] == [("a:1", None)]


def test_reasons_are_scored_when_none_are_given() -> None:
    event = consensus(
        [
            mention("a:1", "a", date=day("2024-02-07"), places=(CITY,)),
            mention("b:1", "b", date=day("2024-02-07")),
        ]
    )
    reasons = {r.mention_id: r for r in event.merge_reasons}
    assert reasons["b:1"].joined_with == "a:1" and reasons["b:1"].components and not reasons["b:1"].manual
