"""rules-v1 on ACLED's coding rules that decide an event's type beyond its trigger word: a battle
fought with shelling, exchanges of fire, detentions between armed groups, civilians caught in a
clash, attempts, bodies found, and the shootings the model parses oddly.

Every text here is self-written, in the terse style of conflict monitors' daily notes.
"""

from __future__ import annotations

import pytest

from tests.extraction.helpers import Run, S, only
from wirewatch.schema import Mention, Mode


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2021, clashes took place between army units and rebels in Kafr Sajna as the army "
        "shelled the village with mortars.",
        "On 4 March 2021, rebels clashed with army units in Kafr Sajna while army helicopters dropped "
        "barrel bombs on the village.",
    ],
)
def test_a_battle_fought_with_shelling_or_air_support_is_one_armed_clash(extract: Run, text: str) -> None:
    m = only(extract(text))
    assert m.sub_event_type is S.ARMED_CLASH
    assert m.trigger.text.startswith("clash")


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May 2022, army units exchanged rocket shelling with rebels on the Kansafra front.",
        "On 9 May 2022, artillery shelling exchange took place between army units and rebels near Banin.",
        "On 9 May 2022, an exchange of mortar rounds and machine guns took place between the two sides.",
    ],
)
def test_an_exchange_of_fire_is_an_armed_clash_whatever_is_fired(extract: Run, text: str) -> None:
    assert only(extract(text)).sub_event_type is S.ARMED_CLASH


def test_an_exchange_of_prisoners_is_no_fighting(extract: Run) -> None:
    assert not [
        m
        for m in extract("On 9 May 2022, the two sides exchanged prisoners.").mentions
        if m.sub_event_type is S.ARMED_CLASH
    ]


def test_fighters_detained_by_another_armed_group_in_a_raid_are_an_armed_clash(extract: Run) -> None:
    text = "On 3 June 2021, SDF fighters raided a house in Hajin and detained two IS members."
    assert only(extract(text)).sub_event_type is S.ARMED_CLASH
    state = "On 3 June 2021, police raided a house in Hajin and detained two IS members."
    assert only(extract(state)).sub_event_type is S.ARRESTS


def test_civilians_hurt_in_a_clash_leave_it_a_clash(extract: Run) -> None:
    clash = only(extract("On 5 June 2022, clashes erupted between two militias in Jasim, killing a child."))
    assert clash.sub_event_type is S.ARMED_CLASH
    attack = only(extract("On 5 June 2022, gunmen opened fire on a minibus in Jasim, killing a child."))
    assert attack.sub_event_type is S.ATTACK


def test_an_attempted_assassination_happened_and_killed_no_one_it_was_tried_on(extract: Run) -> None:
    m = only(extract("On 8 February 2024, gunmen attempted to assassinate two rebel commanders in Tafas."))
    assert m.sub_event_type is S.ARMED_CLASH and m.mode is Mode.ASSERTED
    assert m.fatalities is None


def test_ground_attempted_is_fought_for_not_taken(extract: Run) -> None:
    m = only(extract("On 8 July 2020, army units attempted to capture the village of Tal Khanzir."))
    assert m.sub_event_type is S.ARMED_CLASH


@pytest.mark.parametrize(
    "text",
    [
        "Army units will try to storm the village of Tal Khanzir.",
        "Army units shelled the village in an attempt to advance.",
    ],
)
def test_an_intended_attempt_is_no_event_of_its_own(extract: Run, text: str) -> None:
    assert all(m.trigger.text not in {"storm", "advance"} for m in extract(text).mentions)


def test_ground_someone_was_able_to_take_is_taken_by_them(extract: Run) -> None:
    m = only(
        extract("On 8 July 2020, rebel fighters were able to take control of the village of Tal Khanzir.")
    )
    assert m.sub_event_type is S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
    assert m.actor1 is not None and "rebel" in m.actor1.text


def test_bodies_found_tell_a_killing_by_someone_other_than_the_finder(extract: Run) -> None:
    fighters = only(extract("On 2 May 2021, police found the bodies of two militia fighters near Busra."))
    assert fighters.sub_event_type is S.ARMED_CLASH
    assert fighters.actor1 is None
    shepherd = only(extract("On 2 May 2021, the body of a shepherd was found near Busra."))
    assert shepherd.sub_event_type is S.ATTACK


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("On 1 May 2021, gunmen riding a motorcycle shot dead a militia fighter in Nawa.", "shot dead"),
        ("On 1 May 2021, rebels sniped an army soldier on the Ftireh front.", "sniped"),
    ],
)
def test_shootings_the_model_parses_oddly_are_found(extract: Run, text: str, trigger: str) -> None:
    m = only(extract(text))
    assert m.sub_event_type is S.ARMED_CLASH and m.trigger.text == trigger


# -- the places that tell two notes' events apart -------------------------------------------


def names(m: Mention) -> list[str]:
    return [p.name for p in m.places]


def test_a_name_the_model_calls_a_nationality_is_a_town_before_town(extract: Run) -> None:
    m = only(extract("On 2 June 2022, clashes took place in Jandal town in rural Manbij."))
    assert "Jandal" in names(m)
    kurdish = only(extract("On 2 June 2022, clashes took place in a Kurdish village near Manbij."))
    assert not any("Kurdish" in n for n in names(kurdish))


def test_a_two_word_name_the_model_calls_an_organisation_is_a_place_after_in(extract: Run) -> None:
    m = only(
        extract(
            "On 27 October 2019, clashes took place between rebel factions and SDF and army forces "
            "in Umm Ashba in the countryside of Ras al-Ain."
        )
    )
    assert "Umm Ashba" in names(m)
    group = only(
        extract("On 27 October 2019, clashes took place in the National Liberation Front positions.")
    )
    assert not any("Liberation" in n for n in names(group))


def test_a_checkpoint_named_by_a_groups_acronym_is_whose_not_which(extract: Run) -> None:
    m = only(extract("On 24 August 2019, gunmen shot at a QSD checkpoint in the town of Al-Bahra."))
    assert names(m) == ["Al-Bahra"]


def test_ground_taken_by_a_name_the_model_reads_as_anything_but_a_group(extract: Run) -> None:
    m = only(extract("On 10 February 2020, army units captured Qanater after clashes with rebels."))
    assert m.sub_event_type is S.GOVERNMENT_REGAINS_TERRITORY
    held = only(
        extract("On 13 May 2019, army units seized control of Tobeh following clashes and heavy shelling.")
    )
    assert held.sub_event_type is S.GOVERNMENT_REGAINS_TERRITORY and "Tobeh" in names(held)


def test_a_village_named_twice_in_brackets_is_the_first_name(extract: Run) -> None:
    m = only(extract("On 24 June 2020, rebels clashed with HTS in Arshani (Arab Said) village near Idleb."))
    assert "Arshani" in names(m)


def test_a_name_before_badia_is_the_desert_spot(extract: Run) -> None:
    m = only(extract("On 14 July 2022, IS members attacked army positions in Masrab badia near Mayadin."))
    assert "Masrab" in names(m)
