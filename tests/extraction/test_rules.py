"""rules-v1 on short self-written sentences: one family of behaviour per test."""

from __future__ import annotations

import pytest

from tests.extraction.helpers import Run, S, only
from wirewatch.extraction import EXTRACTORS, Extractor
from wirewatch.schema import GeoPrecision, Mode, Plover, Qualifier, SubEventType


def test_registered_and_named(extractor: Extractor) -> None:
    assert "rules-v1" in EXTRACTORS.names()
    assert extractor.name == "rules-v1"
    assert isinstance(extractor, Extractor)


@pytest.mark.parametrize(
    ("text", "sub_type", "weapon"),
    [
        ("An Israeli air strike hit a house in Rafah on Tuesday.", S.AIR_DRONE_STRIKE, "aircraft"),
        ("A drone strike destroyed a car near Kidal on Monday.", S.AIR_DRONE_STRIKE, "drone"),
        (
            "Rebels fired mortars at an army barracks in Goma on Sunday.",
            S.SHELLING_ARTILLERY_MISSILE_ATTACK,
            "mortar",
        ),
        ("Two rockets landed near the airport on Friday.", S.SHELLING_ARTILLERY_MISSILE_ATTACK, "rocket"),
        (
            "A roadside bomb struck a police convoy in Helmand on Monday.",
            S.REMOTE_EXPLOSIVE_LANDMINE_IED,
            "IED",
        ),
        ("A suicide bomber blew himself up at a checkpoint in Mogadishu on Sunday.", S.SUICIDE_BOMB, None),
        ("Militants hurled a grenade at a police station in Srinagar on Friday.", S.GRENADE, "grenade"),
        ("A chlorine attack hit the town of Douma on Saturday.", S.CHEMICAL_WEAPON, "chemical"),
    ],
)
def test_remote_violence(run_text: Run, text: str, sub_type: SubEventType, weapon: str | None) -> None:
    mention = only(run_text(text))
    assert mention.sub_event_type is sub_type
    assert mention.plover is Plover.ASSAULT
    if weapon:
        assert mention.weapon == weapon


@pytest.fixture
def run_text(extract: Run) -> Run:
    return extract


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("Government troops clashed with rebels near the village of Kari on Monday.", S.ARMED_CLASH),
        (
            "Insurgents seized control of the town of Bama after heavy fighting on Tuesday.",
            S.NON_STATE_ACTOR_OVERTAKES_TERRITORY,
        ),
        (
            "The army recaptured the village of Tal Abyad from the militants on Friday.",
            S.GOVERNMENT_REGAINS_TERRITORY,
        ),
        ("Gunmen shot dead three farmers in their fields near Jos on Sunday.", S.ATTACK),
        (
            "Gunmen kidnapped twelve passengers on the highway near Kaduna on Monday.",
            S.ABDUCTION_FORCED_DISAPPEARANCE,
        ),
        ("Soldiers raped two women in the village of Minova on Friday.", S.SEXUAL_VIOLENCE),
        ("Thousands of teachers held a peaceful protest in Nairobi on Monday.", S.PEACEFUL_PROTEST),
        ("Police fired tear gas to disperse a protest in Dakar on Friday.", S.PROTEST_WITH_INTERVENTION),
        ("Rioters torched shops in the market of Kano on Saturday.", S.LOOTING_PROPERTY_DESTRUCTION),
        ("Police arrested the opposition leader in Harare on Tuesday.", S.ARRESTS),
        ("Air defences intercepted a drone over the capital on Monday.", S.DISRUPTED_WEAPONS_USE),
        ("The two parties signed a ceasefire agreement in Doha on Sunday.", S.AGREEMENT),
    ],
)
def test_sub_types(run_text: Run, text: str, sub_type: SubEventType) -> None:
    subs = [m.sub_event_type for m in run_text(text).mentions]
    assert sub_type in subs, subs


def test_threat_is_a_threaten_event_never_the_thing_threatened(run_text: Run) -> None:
    mention = only(run_text("The minister threatened on Monday to close the embassy and recall the troops."))
    assert mention.plover is Plover.THREATEN
    assert mention.sub_event_type is S.OTHER
    assert mention.mode is Mode.THREATENED


def test_demand_accusation_talks_and_withdrawal(run_text: Run) -> None:
    assert only(run_text("Parliament voted on Sunday to expel all foreign troops.")).plover is Plover.REQUEST
    accused = run_text("The army accused the rebels of carrying out the attack on the market on Monday.")
    assert Plover.ACCUSE in {m.plover for m in accused.mentions}
    talks = only(run_text("The two governments will hold talks in Geneva on April 7."))
    assert talks.plover is Plover.CONSULT and talks.mode is Mode.PLANNED
    assert only(run_text("The battalion withdrew from the town on Friday.")).plover is Plover.RETREAT


def test_modes(run_text: Run) -> None:
    claimed = only(run_text("The group claimed to have killed two soldiers in an ambush on Monday."))
    assert claimed.mode is Mode.CLAIMED
    denied = only(run_text("The ministry denied the air strike on the hospital on Monday."))
    assert denied.mode is Mode.DENIED
    conditional = run_text("If the rocket attacks cost American lives, the US will bomb the bases.")
    assert all(m.mode in {Mode.HYPOTHETICAL, Mode.PLANNED} for m in conditional.mentions)
    old = only(run_text("In 2011, rebels captured the town of Zawiya after fierce clashes."))
    assert old.mode is Mode.HISTORICAL


def test_background_and_negation_are_not_events(run_text: Run) -> None:
    assert run_text("Attacks on bases have surged in recent weeks.").mentions == ()
    assert run_text("Militias often attack convoys on that road.").mentions == ()
    assert run_text("The troops have not withdrawn.").mentions == ()


def test_counts_and_qualifiers(run_text: Run) -> None:
    m = only(run_text("An air strike killed at least four fighters near Idlib on Monday."))
    assert m.fatalities is not None and (m.fatalities.value, m.fatalities.qualifier) == (
        4,
        Qualifier.AT_LEAST,
    )
    m = only(run_text("A car bomb killed three children and two women in Kabul on Friday."))
    assert m.fatalities is not None and m.fatalities.value == 5
    m = only(
        run_text(
            "A drone attack on the base killed three soldiers and injured more than 40 people on Sunday."
        )
    )
    assert m.fatalities is not None and m.fatalities.value == 3
    assert m.injuries is not None and (m.injuries.value, m.injuries.qualifier) == (40, Qualifier.MORE_THAN)
    m = only(run_text("Two rockets hit the base on Friday. No casualties were reported."))
    assert m.fatalities is not None and m.fatalities.value == 0
    m = only(run_text("A pair of rockets landed near the airbase on Tuesday."))
    assert m.fatalities is None


def test_spans_point_into_the_text(run_text: Run) -> None:
    text = "A drone strike killed two commanders outside Baghdad airport early Friday, a US official said."
    extraction = run_text(text)
    m = only(extraction)
    for span in [m.trigger, *m.evidence, m.time]:
        assert span is not None and text[span.start : span.end] == span.text
    assert m.id == f"t:{m.trigger.start}"
    assert m.extractor == "rules-v1"
    assert m.time is not None and "Friday" in m.time.text
    assert any(p.precision is GeoPrecision.NEAR for p in m.places)
    assert m.attribution is not None and "official" in m.attribution.source


def test_places_precision(run_text: Run) -> None:
    m = only(run_text("A US air strike hit a militia base in Babil province on Tuesday."))
    assert any(p.precision is GeoPrecision.REGION and "Babil" in p.name for p in m.places)
    m = only(run_text("A drone attack killed three soldiers in Jordan on Sunday."))
    assert any(p.precision is GeoPrecision.COUNTRY for p in m.places)


def test_actors(run_text: Run) -> None:
    m = only(run_text("Turkish forces shelled Kurdish fighters near Kobani on Monday."))
    assert m.actor1 is not None and "Turkish forces" in m.actor1.text
    assert m.actor2 is not None and "fighters" in m.actor2.text
    m = only(run_text("Clashes broke out between the army and the rebels in Bentiu on Monday."))
    assert m.actor1 is not None and m.actor2 is not None


def test_aggregates_are_claims_not_events(run_text: Run) -> None:
    extraction = run_text("Between March and June, at least 30 rocket attacks targeted foreign bases.")
    assert extraction.mentions == ()
    assert len(extraction.claims) == 1
    claim = extraction.claims[0]
    assert (claim.count.value, claim.count.qualifier) == (30, Qualifier.AT_LEAST)
    extraction = run_text("The army has twice retaliated with air strikes on the group.")
    assert extraction.mentions == ()
    assert [c.count.value for c in extraction.claims] == [2]


def test_two_events_in_one_sentence(run_text: Run) -> None:
    text = (
        "A drone attack on a base killed three soldiers on Sunday, and in retaliation "
        "US forces launched dozens of air strikes against militia positions."
    )
    mentions = run_text(text).mentions
    assert len(mentions) == 2
    assert all(m.sub_event_type is S.AIR_DRONE_STRIKE for m in mentions)


def test_a_reference_back_adds_to_the_first_mention(run_text: Run) -> None:
    text = (
        "Two rockets landed near the airbase on Friday. "
        "The attack took place just after midday outside Balad."
    )
    text = text.strip()
    m = only(run_text(text))
    assert len(m.evidence) == 2


def test_conflicting_accounts_stay_apart(run_text: Run) -> None:
    text = (
        "A US air strike hit a militia base on Tuesday, a US official said. "
        "The strike killed four people, the militia said."
    )
    mentions = run_text(text).mentions
    assert len(mentions) == 2
    assert {m.attribution.source for m in mentions if m.attribution} == {"US official", "militia"}
