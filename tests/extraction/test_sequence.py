"""rules-v1 on events told in sequence: what followed what ("In retaliation, ...", "after the
general's killing"), days counted from the event before ("The following day"), a prior event
dated by the sentence before it, and who acts through an infinitive or a pronoun.

Every text here is self-written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import wirewatch
from wirewatch.schema import DatePrecision, Extraction, Mention, SubEventType

Run = Callable[..., Extraction]
S = SubEventType


def by_trigger(mentions: tuple[Mention, ...] | list[Mention], words: str) -> Mention:
    """The one mention whose trigger, else whose first sentence, holds ``words``."""
    found = [m for m in mentions if words in m.trigger.text] or [
        m for m in mentions if words in m.evidence[0].text
    ]
    assert len(found) == 1, [m.trigger.text for m in mentions]
    return found[0]


# -- what followed what -------------------------------------------------------------------------


def test_a_reprisal_follows_the_violent_event_told_just_before(extract: Run) -> None:
    text = (
        "Last month, a rocket attack blamed on the Northern Brigades killed two soldiers at an outpost "
        "near Tal Abyad. In retaliation, government forces launched dozens of air strikes against "
        "the group's fighters."
    )
    mentions = extract(text).mentions
    attack, reprisal = by_trigger(mentions, "rocket attack"), by_trigger(mentions, "air strikes")
    assert reprisal.after == attack.id
    assert attack.after is None


def test_an_event_after_a_named_killing_follows_the_event_that_names_the_victim(extract: Run) -> None:
    text = (
        "Clashes broke out in Kafr Nabl on Monday. In March, an air strike killed the commander "
        "Abu Samir Haddad near Idlib. Local councils voted after Haddad's killing to expel the "
        "foreign fighters."
    )
    mentions = extract(text).mentions
    strike, vote = by_trigger(mentions, "air strike"), by_trigger(mentions, "voted")
    assert vote.after == strike.id


def test_an_event_with_no_sequence_phrase_follows_nothing(extract: Run) -> None:
    text = "An air strike hit a depot near Idlib on Monday. Rebels shelled a checkpoint on Tuesday."
    assert all(m.after is None for m in extract(text).mentions)


def test_a_reprisal_without_its_own_date_runs_from_the_event_it_followed_to_the_report() -> None:
    text = (
        "In January, a drone attack killed three soldiers at a base near Rutba. In retaliation, "
        "the air force launched dozens of strikes against militia fighters."
    )
    mentions = wirewatch.extract(text, published=dt.date(2024, 7, 31))
    reprisal = by_trigger(mentions, "strikes")
    assert reprisal.date is not None
    assert (reprisal.date.start, reprisal.date.end) == (dt.date(2024, 1, 1), dt.date(2024, 7, 31))
    assert reprisal.date.precision is DatePrecision.YEAR


def test_retaliatory_strikes_told_again_mark_the_first_report_as_a_reprisal(extract: Run) -> None:
    text = (
        "A drone attack on an army base in Mafraq killed two soldiers at the end of January. "
        "The air force last Friday carried out strikes on 40 targets in Syria. "
        "However, these retaliatory strikes prompted anger among officials."
    )
    mentions = extract(text).mentions
    attack, strikes = by_trigger(mentions, "drone attack"), by_trigger(mentions, "strikes")
    assert strikes.after == attack.id
    assert len(mentions) == 2  # the retaliatory strikes are the strikes told before


# -- days counted from the event before ---------------------------------------------------------


def test_the_following_day_counts_from_the_event_before() -> None:
    text = (
        "On Sunday, the council voted to expel the foreign advisers. The following day, a general "
        "told the council that the advisers were preparing to depart."
    )
    mentions = wirewatch.extract(text, published=dt.date(2020, 1, 9))
    vote, departure = by_trigger(mentions, "voted"), by_trigger(mentions, "depart")
    assert vote.date is not None and vote.date.start == dt.date(2020, 1, 5)
    assert departure.time is not None and departure.time.text == "The following day"
    assert departure.date is not None
    assert (departure.date.start, departure.date.precision) == (dt.date(2020, 1, 6), DatePrecision.DAY)


def test_a_prior_incident_takes_the_since_date_of_the_sentence_before(extract: Run) -> None:
    text = (
        "This strike is the first by the air force in the province since February. During that prior "
        "incident, the army claimed to have killed a militia commander."
    )
    incident = by_trigger(extract(text).mentions, "incident")
    assert incident.time is not None and incident.time.text == "February"


def test_a_since_date_is_no_date_for_an_incident_that_is_not_prior(extract: Run) -> None:
    text = (
        "This strike is the first by the air force in the province since February. During the "
        "incident, the army claimed to have killed a militia commander."
    )
    mentions = extract(text).mentions
    assert mentions
    assert all(m.time is None or m.time.text != "February" for m in mentions)


# -- who acts -----------------------------------------------------------------------------------


def test_who_claimed_to_have_killed_is_the_initiator(extract: Run) -> None:
    mentions = extract(
        "The army claimed to have killed a rebel commander in an air strike near Hama."
    ).mentions
    strike = by_trigger(mentions, "air strike")
    assert strike.actor1 is not None and strike.actor1.text.lower().endswith("army")


def test_who_claimed_to_have_taken_ground_is_the_initiator(extract: Run) -> None:
    mentions = extract("Rebel factions claimed to have captured the hill near Kafr Nabl on Monday.").mentions
    assert mentions and mentions[0].actor1 is not None and "Rebel" in mentions[0].actor1.text


def test_the_speaker_is_who_killed_in_an_attack_it_reports(extract: Run) -> None:
    mentions = extract("The army said it killed five militants in an air strike near Hama.").mentions
    strike = by_trigger(mentions, "air strike")
    assert strike.actor1 is not None and strike.actor1.text.lower().endswith("army")


def test_a_toll_told_alone_is_not_the_speakers_act(extract: Run) -> None:
    text = (
        "Two women were killed when a rocket fell on their home near the airport on Monday. "
        "The army said it also wounded two other children."
    )
    for m in extract(text).mentions:
        assert m.actor1 is None or "army" not in m.actor1.text.lower()


# -- targets and places -------------------------------------------------------------------------


def test_targets_related_to_a_group_make_the_group_the_target(extract: Run) -> None:
    text = "US forces carried out strikes on 40 targets related to the Northern Brigades in Syria."
    strikes = by_trigger(extract(text).mentions, "strikes")
    assert strikes.actor2 is not None and "Northern Brigades" in strikes.actor2.text


def test_positions_of_a_force_make_the_force_the_target(extract: Run) -> None:
    shelling = extract("Rebels shelled positions of the Northern Brigades near Tal Abyad.").mentions[0]
    assert shelling.actor2 is not None and "Northern Brigades" in shelling.actor2.text


def test_a_name_in_a_hyphened_modifier_is_no_place(extract: Run) -> None:
    mentions = extract("On Monday, aircraft struck Damascus-backed fighters near Tal Abyad.").mentions
    names = {p.name for m in mentions for p in m.places}
    assert "Damascus" not in names
    assert "Tal Abyad" in names


def test_a_pro_iran_commander_is_a_militia_member() -> None:
    mentions = wirewatch.extract("An air strike killed a pro-Iran commander in Baghdad on Monday.")
    strike = mentions[0]
    assert strike.actor2 is not None and strike.actor2.canonical == "Militia (Pro-Iran)"


def test_an_anaphor_naming_a_victim_folds_into_the_event_that_named_him(extract: Run) -> None:
    text = (
        "A drone strike on Wednesday killed the commander Abu Samir Haddad in Baghdad. "
        "A rocket attack hit a base in Anbar on Thursday. "
        "Officials said the airstrike that killed Haddad was an assassination."
    )
    mentions = extract(text).mentions
    strike = by_trigger(mentions, "drone strike")
    rockets = by_trigger(mentions, "rocket attack")
    assert len(strike.evidence) == 2
    assert len(rockets.evidence) == 1


def test_a_sniper_is_a_person_who_acts(extract: Run) -> None:
    m = extract(
        "On 5 August 2021, regime snipers killed two rebel fighters on the Kafr Nabl front."
    ).mentions[0]
    assert m.actor1 is not None and "regime snipers" in m.actor1.text


def test_sides_hung_on_the_weapon_are_still_the_sides(extract: Run) -> None:
    text = (
        "On 2 May 2021, clashes took place with machine guns between regime forces and rebels near Kafr Nabl."
    )
    m = extract(text).mentions[0]
    assert m.actor1 is not None and m.actor2 is not None
    assert {m.actor1.text, m.actor2.text} == {"regime forces", "rebels"}


def test_unknown_gunmen_believed_to_be_a_group_are_that_group(extract: Run) -> None:
    text = "On 14 May 2020, unidentified gunmen, presumably Northern Brigades members, shot dead a soldier."
    m = extract(text).mentions[0]
    assert m.actor1 is not None and m.actor1.text.startswith("Northern Brigades")


def test_unknown_gunmen_stay_unknown_without_a_belief(extract: Run) -> None:
    m = extract("On 14 May 2020, unidentified gunmen shot and killed a soldier near Daraa.").mentions[0]
    assert m.actor1 is not None and m.actor1.text == "unidentified gunmen"


# -- statements ---------------------------------------------------------------------------------


def test_who_calls_an_act_an_assassination_accuses(extract: Run) -> None:
    text = "The army said on Thursday that the raid was a blatant assassination."
    accusation = next(
        m for m in extract(text).mentions if m.plover is not None and m.plover.value == "ACCUSE"
    )
    assert accusation.actor1 is not None and accusation.actor1.text.lower().endswith("army")


def test_an_infinitive_of_purpose_is_the_act(extract: Run) -> None:
    demand = extract("The cleric took to Twitter on Monday to call for an inquiry into the attacks.").mentions
    assert [m.plover.value for m in demand if m.plover is not None] == ["REQUEST"]


def test_an_intended_demand_is_no_demand(extract: Run) -> None:
    assert extract("The cleric plans to call for an inquiry into the attacks.").mentions == ()


def test_a_threat_made_over_recent_months_is_a_pattern(extract: Run) -> None:
    text = "Several groups have claimed rocket attacks on the embassy and threatened the UN in recent months."
    assert all(m.plover is None or m.plover.value != "THREATEN" for m in extract(text).mentions)


def test_a_denial_of_the_event_just_told_is_kept_as_another_voice_of_it(extract: Run) -> None:
    text = (
        "On Sunday, the council voted to expel the foreign troops. The following day, a US general "
        "told the council troops were preparing to depart but the Pentagon denied the withdrawal."
    )
    mentions = extract(text).mentions
    departure = by_trigger(mentions, "depart")
    denial = next(m for m in mentions if m.mode.value == "denied")
    assert denial.refers_to == departure.id


def test_people_present_at_a_struck_base_are_the_target(extract: Run) -> None:
    m = extract(
        "On April 4, two rockets landed near an Iraqi airbase where several American trainers were present."
    ).mentions[0]
    assert m.actor2 is not None and "American trainers" in m.actor2.text


def test_a_described_holder_named_before_the_targets_is_the_target(extract: Run) -> None:
    text = "In late February, the air force struck Iran-aligned militia targets along the border."
    m = extract(text).mentions[0]
    assert m.actor2 is not None and m.actor2.text == "Iran-aligned militia"


def test_a_facility_name_or_a_bare_noun_before_a_base_is_no_holder(extract: Run) -> None:
    for text in (
        "On Tuesday, rockets struck Ain al-Asad air base in Anbar.",
        "On Tuesday, the group said it had targeted the occupation base near Baghdad.",
    ):
        for m in extract(text).mentions:
            assert m.actor2 is None, (text, m.actor2)


def test_a_side_joined_to_the_holder_of_struck_targets_is_an_associated_target(extract: Run) -> None:
    text = "US jets struck 40 targets related to the Quds Force and its proxies in Syria on Friday."
    strikes = by_trigger(extract(text).mentions, "struck")
    assert strikes.actor2 is not None and "Quds Force" in strikes.actor2.text
    assert [a.text for a in strikes.assoc_actors2] == ["its proxies"]
    # resolved, the pronoun stands for the Quds Force's country: Iran's proxies
    resolved = by_trigger(wirewatch.extract(text), "struck")
    assert [a.canonical for a in resolved.assoc_actors2] == ["Militia (Pro-Iran)"]


# -- a narrative's time ---------------------------------------------------------------------------


def test_an_event_told_next_without_a_time_is_told_in_the_time_before() -> None:
    text = (
        "On 3 May 2021, government forces clashed with rebel fighters near Kafr Sajna. Government "
        "forces captured the village of Tal Ruman."
    )
    mentions = wirewatch.extract(text)
    captured = by_trigger(mentions, "captured")
    assert captured.date is not None
    assert (captured.date.start, captured.date.precision) == (dt.date(2021, 5, 3), DatePrecision.DAY)
    assert captured.narrative_time
    assert not by_trigger(mentions, "clashed").narrative_time


def test_what_followed_an_event_does_not_take_its_time() -> None:
    text = (
        "On 3 May 2021, militants attacked an army post near Kafr Sajna. In retaliation, army "
        "artillery shelled the militants' positions."
    )
    mentions = wirewatch.extract(text)
    shelled = by_trigger(mentions, "shelled")
    assert shelled.time is None


def test_one_expression_dates_every_mention_it_governs_alike() -> None:
    text = (
        "On Sunday, the council voted to expel the foreign advisers. The following day, a general "
        "said the advisers were preparing to depart, but the ministry denied any withdrawal."
    )
    mentions = wirewatch.extract(text, published=dt.date(2020, 1, 9))
    days = {
        m.date.start for m in mentions if m.time is not None and m.time.text == "The following day" and m.date
    }
    assert days == {dt.date(2020, 1, 6)}


def test_an_event_after_a_sentence_opening_with_a_time_is_told_in_that_time() -> None:
    text = (
        "On 20 February 2021, the police launched a search campaign in several villages. During "
        "the campaign, gunmen attacked a police patrol near Kafr Sajna."
    )
    mentions = wirewatch.extract(text)
    attack = by_trigger(mentions, "attacked")
    assert attack.date is not None
    assert (attack.date.start, attack.date.precision) == (dt.date(2021, 2, 20), DatePrecision.DAY)
