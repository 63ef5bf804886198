"""rules-v1 on who deals with whom in statements and demands: the caller who delivers an
ultimatum and the one called, a subject the model hangs elsewhere, "told the X government
troops were leaving" without "that", who an accusation accuses, who a demand is about, and
where an event named again is placed.

Every text here is self-written; the names are invented.
"""

from __future__ import annotations

from collections.abc import Callable

import wirewatch
from wirewatch.schema import Extraction, Mention, Plover

Run = Callable[..., Extraction]


def one(mentions: tuple[Mention, ...] | list[Mention], plover: Plover) -> Mention:
    found = [m for m in mentions if m.plover is plover]
    assert len(found) == 1, [(m.trigger.text, m.plover) for m in mentions]
    return found[0]


def text_of(mention: Mention, side: int) -> str | None:
    actor = mention.actor1 if side == 1 else mention.actor2
    return actor.text if actor is not None else None


# -- getting in touch for a purpose ----------------------------------------------------------


def test_who_calls_to_deliver_an_ultimatum_threatens_the_one_called(extract: Run) -> None:
    text = (
        "Turkish Foreign Minister Ali Demir called Syrian President Omar Haddad on Monday "
        "to deliver an ultimatum."
    )
    threat = one(extract(text).mentions, Plover.THREATEN)
    assert "Demir" in (text_of(threat, 1) or "")
    assert "Haddad" in (text_of(threat, 2) or "")


def test_an_infinitive_of_purpose_is_its_clause_subjects_act(extract: Run) -> None:
    resolved = wirewatch.extract(
        "Secretary of State Jane Miller phoned the Iraqi prime minister last week to deliver an ultimatum."
    )
    threat = one(resolved, Plover.THREATEN)
    assert threat.actor1 is not None and "Miller" in threat.actor1.text
    assert threat.actor2 is not None and threat.actor2.canonical == "Government of Iraq"


# -- a subject the model hangs elsewhere -------------------------------------------------------


def test_a_name_right_before_a_verb_without_subject_is_its_subject(extract: Run) -> None:
    text = (
        "After weeks of silence, influential cleric and party leader Hadi Kazem took to Twitter "
        "this week to call for the withdrawal of all foreign forces."
    )
    demand = one(extract(text).mentions, Plover.REQUEST)
    assert "Kazem" in (text_of(demand, 1) or "")


# -- telling without "that" ----------------------------------------------------------------


def test_telling_the_government_troops_were_leaving_tells_the_government(extract: Run) -> None:
    text = "On Monday, a British general told the Iraqi government troops were preparing to depart."
    retreat = one(extract(text).mentions, Plover.RETREAT)
    assert text_of(retreat, 1) == "British general"
    assert text_of(retreat, 2) == "the Iraqi government"


def test_government_troops_told_of_with_an_object_stay_one_subject(extract: Run) -> None:
    text = "On Monday, a British general told reporters the Iraqi government troops were preparing to depart."
    retreat = one(extract(text).mentions, Plover.RETREAT)
    assert text_of(retreat, 2) != "the Iraqi government"


# -- accusations and demands -----------------------------------------------------------------


def test_calling_a_strike_an_assassination_accuses_who_struck(extract: Run) -> None:
    text = (
        "A Turkish drone strike killed Kamal Aziz in Qamishli on Tuesday. "
        "The Kurdish administration said on Wednesday that the strike that killed Aziz was a war crime."
    )
    accusation = one(extract(text).mentions, Plover.ACCUSE)
    assert text_of(accusation, 2) == "Turkish"


def test_a_nationality_on_a_weapon_or_strike_is_that_states_forces() -> None:
    for text in (
        "Turkish drones struck a village near Qamishli on Monday.",
        "A Turkish drone strike hit Qamishli.",
    ):
        strike = wirewatch.extract(text)[0]
        assert strike.actor1 is not None and strike.actor1.canonical is not None
        assert strike.actor1.canonical.startswith("Military Forces of Turkey"), text


def test_a_vote_to_oust_troops_is_about_those_troops(extract: Run) -> None:
    text = (
        "On Sunday, Jordan's parliament voted in favour of ending the agreement and expelling "
        "all foreign troops."
    )
    vote = one(extract(text).mentions, Plover.REQUEST)
    assert text_of(vote, 2) == "foreign troops"


def test_a_vote_on_a_thing_has_no_target(extract: Run) -> None:
    text = "On Sunday, Jordan's parliament voted in favour of ending the agreement."
    vote = one(extract(text).mentions, Plover.REQUEST)
    assert text_of(vote, 2) is None


def test_foreign_troops_are_the_troops_of_the_foreign_country_of_the_report() -> None:
    resolved = wirewatch.extract(
        "French troops have been stationed in Iraq since 2014. On Sunday, Iraq's parliament "
        "voted to oust foreign troops."
    )
    vote = one(resolved, Plover.REQUEST)
    assert vote.actor2 is not None and (vote.actor2.canonical or "").startswith("Military Forces of France")


# -- an event named again, placed ------------------------------------------------------------


def test_an_event_named_again_takes_the_place_its_clause_gives(extract: Run) -> None:
    text = (
        "On Monday, two rockets landed near an Iraqi airbase. A police officer said the assault "
        "took place just after midday outside Balad airbase."
    )
    mentions = extract(text).mentions
    assert len(mentions) == 1  # an unnamed "Iraqi airbase" does not contradict Balad airbase
    assert "Balad" in {word for p in mentions[0].places for word in p.name.split()}


# -- names that are no places ----------------------------------------------------------------


def test_a_place_word_inside_a_groups_name_is_no_place(extract: Run) -> None:
    text = (
        "On 12 October 2022, clashes took place between the Levant Front and National Liberation "
        "Front fighters in Sosyan village."
    )
    names = {p.name for m in extract(text).mentions for p in m.places}
    assert "Sosyan" in names
    assert not names & {"Levant", "National Liberation"}


def test_a_front_line_written_in_lower_case_is_a_place(extract: Run) -> None:
    text = "On 4 June 2019, regime forces and rebel fighters clashed on the Tal Hawash front."
    assert "Tal Hawash" in {p.name for m in extract(text).mentions for p in m.places}


def test_a_facility_described_by_whose_it_is_is_no_named_place(extract: Run) -> None:
    text = "On Monday, rockets hit a US base and pro-Iranian militia weapons depots near Ruwaished."
    names = {p.name for m in extract(text).mentions for p in m.places}
    assert "Ruwaished" in names
    assert not any("US" in n or "depots" in n for n in names)


# -- subjects the model loses ----------------------------------------------------------------


def test_conjoined_verbs_share_their_subject(extract: Run) -> None:
    text = "On 3 May 2021, Syrian government forces advanced and took control of Qarat Saleh village."
    taken = [m for m in extract(text).mentions if m.trigger.text.startswith("took")]
    assert len(taken) == 1
    assert "government forces" in (text_of(taken[0], 1) or "")


def test_an_aside_between_a_subject_and_its_verb_keeps_the_subject(extract: Run) -> None:
    text = (
        "On 9 May 2021, Syrian government forces, supported by allied militias, clashed with "
        "Islamic State fighters in the desert near Ain Sakhra."
    )
    clash = [m for m in extract(text).mentions if m.trigger.text.startswith("clash")]
    assert len(clash) == 1
    assert "government forces" in (text_of(clash[0], 1) or "")
    assert "Islamic State" in (text_of(clash[0], 2) or "")


def test_the_town_of_a_nationality_is_the_named_town(extract: Run) -> None:
    text = "A drone strike hit a car near the Iraqi town of al-Qaim on Sunday, killing two men."
    names = {p.name for m in extract(text).mentions for p in m.places}
    assert not any("Iraqi" in n for n in names)
    assert any("Q" in n for n in names), names
