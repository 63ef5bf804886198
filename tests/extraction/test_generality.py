"""rules-v1 generality: restatements fold, conditionals are no events, actor and time spans.

Every text here is self-written. The last part is a private dev set of short articles in
different styles (wire copy with a dateline, a monitor's bulletin, a quote-heavy report, a
political story, a protest, a recap paragraph); each checks how many events come out and the
fields that matter for it.
"""

from __future__ import annotations

import datetime as dt

from tests.extraction.helpers import Run, S, only
from wirewatch.schema import Mode, Plover

# -- restatements -----------------------------------------------------------------------------


def test_a_restatement_with_nothing_new_folds_into_the_first_mention(extract: Run) -> None:
    text = (
        "Three mortar shells hit a police post in Kismayo on Thursday, wounding two officers. "
        "The mortars were fired from a field north of the town, a police officer said. "
        "Police described it as a mortar attack by militants."
    )
    m = only(extract(text))
    assert len(m.evidence) == 3
    assert m.injuries is not None and m.injuries.value == 2


def test_events_on_different_days_or_places_stay_apart(extract: Run) -> None:
    text = (
        "An air strike hit a fuel depot near Hodeidah on Monday. "
        "An air strike also hit a bridge in Saada on Wednesday."
    )
    assert len(extract(text).mentions) == 2
    text = "Rebels shelled a market in Bentiu. Rebels shelled a school in Malakal."
    assert len(extract(text).mentions) == 2


def test_a_copula_description_refers_back(extract: Run) -> None:
    text = (
        "A drone strike hit a car near Marib late on Saturday, killing two men. "
        "It was the third drone strike in the province since March."
    )
    m = only(extract(text))
    assert len(m.evidence) == 2


def test_a_claim_or_denial_of_the_attack_is_the_same_event(extract: Run) -> None:
    text = (
        "Gunmen attacked an army checkpoint in Tillaberi on Friday, killing four soldiers. "
        "A local armed group denied any role in Friday's attack."
    )
    # The denial stays a mention of its own (another voice), marked as telling the attack again
    # so that the merge makes them one event; the attack keeps its mode, toll and attacker.
    attack, *denials = extract(text).mentions
    assert attack.mode is Mode.ASSERTED
    assert attack.fatalities is not None and attack.fatalities.value == 4
    assert attack.actor1 is None or "group" not in attack.actor1.text
    assert all(d.mode is Mode.DENIED and d.refers_to == attack.id for d in denials)


def test_an_event_days_after_another_is_another_event(extract: Run) -> None:
    text = (
        "A roadside bomb killed a soldier near Gao on Tuesday. "
        "The blast came two days after rockets hit the airport in Gao."
    )
    subs = sorted(m.sub_event_type.value for m in extract(text).mentions)
    assert subs == sorted([S.REMOTE_EXPLOSIVE_LANDMINE_IED.value, S.SHELLING_ARTILLERY_MISSILE_ATTACK.value])


# -- conditionals and threats -----------------------------------------------------------------


def test_conditional_violence_is_no_event(extract: Run) -> None:
    assert extract("We can still strike your bases whenever we like, the commander said.").mentions == ()
    assert extract("If the talks fail, the army could bomb the rebel villages.").mentions == ()


def test_violence_a_speaker_says_will_come_is_a_threat(extract: Run) -> None:
    m = only(extract("On Sunday, the Shabab said its fighters would attack every foreign base in Somalia."))
    assert m.plover is Plover.THREATEN
    assert m.mode is Mode.THREATENED
    assert m.actor1 is not None and "Shabab" in m.actor1.text
    assert m.time is not None and m.time.text == "Sunday"


# -- actor spans ------------------------------------------------------------------------------


def test_a_quantity_noun_is_not_the_actor(extract: Run) -> None:
    m = only(extract("A pair of rockets landed near the airport in Erbil on Monday."))
    assert m.actor1 is None
    m = only(extract("A car bomb claimed the lives of four Somali soldiers in Baidoa on Sunday."))
    assert m.actor2 is not None and m.actor2.text == "four Somali soldiers"


def test_a_hyphenated_name_is_kept_whole(extract: Run) -> None:
    m = only(extract("On Sunday, Jaysh al-Adl said its fighters would attack every border post."))
    assert m.actor1 is not None and m.actor1.text == "Jaysh al-Adl"


def test_things_and_pictures_are_not_actors(extract: Run) -> None:
    m = only(extract("A drone strike hit a car on the road to Sirte on Monday."))
    assert m.actor2 is None
    m = only(extract("Images posted online showed militants shelling the town of Sirte on Monday."))
    assert m.actor1 is None or "Images" not in m.actor1.text


def test_a_spokesman_speaks_for_his_organisation(extract: Run) -> None:
    m = only(extract("A spokesman for the Nigerian army condemned the bombing of the market in Maiduguri."))
    assert m.actor1 is not None and "Nigerian army" in m.actor1.text


def test_the_husk_of_a_car_is_no_shelling(extract: Run) -> None:
    assert extract("Photos showed the burnt shell of a minibus beside the road.").mentions == ()


def test_a_named_actor_from_a_later_sentence_replaces_a_nameless_one(extract: Run) -> None:
    text = (
        "Air defences shot down a drone near the capital on Monday. "
        "Sudanese air defences downed the drone before it reached the airport, the army said."
    )
    m = only(extract(text))
    assert m.actor1 is not None and "Sudanese" in m.actor1.text


# -- time spans -------------------------------------------------------------------------------


def test_the_dateline_date_is_not_the_event_date(extract: Run) -> None:
    text = "KANDAHAR, Afghanistan (Wire) June 3, 2024 — A roadside bomb killed two farmers late Sunday."
    m = only(extract(text, published=dt.date(2024, 6, 3)))
    assert m.time is not None and m.time.text == "late Sunday"


def test_adjacent_time_words_are_one_time(extract: Run) -> None:
    m = only(extract("Police said on Thursday morning that gunmen had shot dead a trader in Jos."))
    assert m.time is not None and m.time.text == "Thursday morning"


def test_lengths_directions_and_ordinals_are_not_times(extract: Run) -> None:
    m = only(extract("Fighting near Tal Tamr went on for about three hours, the monitor said."))
    assert m.time is None
    m = only(extract("Rockets hit the base south-east of Kirkuk, a security source said."))
    assert m.time is None


def test_since_starts_a_period_not_an_event(extract: Run) -> None:
    text = "A drone strike killed a commander near Idlib on Friday, the first strike there since January."
    m = extract(text).mentions[0]
    assert m.time is not None and m.time.text == "Friday"


# -- a private dev set of short articles ------------------------------------------------------

WIRE = """\
GOMA, Congo (Lakeside Wire) May 12, 2024 — Rebels fired mortar rounds into a displacement camp \
on the edge of Goma early Sunday, killing at least six civilians and wounding 14, a local \
official said.
The shells were fired from hills west of the city, the official said, speaking on condition of \
anonymity.
The army blamed the rebels for the attack. The rebels denied any role in Sunday's shelling.
Attacks on camps around the city have increased in recent weeks."""

BULLETIN = """\
On 4 March 2024, regime forces clashed with opposition fighters near Kafr Nabl. Three opposition \
fighters were killed. The fighting lasted several hours.
On 5 March 2024, regime forces shelled the village of Maarat al-Numan. No casualties were reported."""

QUOTES = """\
"They came at night and burned everything," a farmer told reporters in Mopti on Tuesday.
Armed men attacked the village of Ogossagou late Monday, killing 11 people, a local mayor said.
"If the army does not protect us, we could all be killed," another resident said.
The mayor said the gunmen would return if villagers talked to soldiers."""

POLITICS = """\
Lawmakers in Baghdad voted on Thursday to demand the withdrawal of all foreign troops from Iraq.
The vote came a week after a US air strike killed two militia commanders near the Syrian border.
Washington said it had no plans to withdraw."""

PROTEST = """\
Hundreds of students protested outside parliament in Nairobi on Tuesday against a new tax. \
Police fired tear gas to disperse the crowd and at least 12 people were injured, a hospital \
official said.
The protest was the largest since the law was passed."""

RECAP = """\
Islamic State gunmen ambushed an army patrol near Kirkuk on Wednesday, killing four soldiers, \
security sources said. It was the second attack on the army in the province this month. \
Last week, a roadside bomb wounded two policemen near Tikrit."""


def test_dev_wire_copy(extract: Run) -> None:
    mentions = extract(WIRE, published=dt.date(2024, 5, 12)).mentions
    attacks = [m for m in mentions if m.plover is Plover.ASSAULT]
    assert len(attacks) == 1, [m.trigger.text for m in mentions]
    m = attacks[0]
    assert m.sub_event_type is S.SHELLING_ARTILLERY_MISSILE_ATTACK
    assert m.time is not None and "Sunday" in m.time.text
    assert m.fatalities is not None and m.fatalities.value == 6
    assert m.injuries is not None and m.injuries.value == 14
    assert m.actor1 is not None and m.actor1.text == "Rebels"
    assert m.actor2 is None or "mortar" not in m.actor2.text


def test_dev_bulletin(extract: Run) -> None:
    mentions = extract(BULLETIN, published=dt.date(2024, 3, 8)).mentions
    assert [m.sub_event_type for m in mentions] == [S.ARMED_CLASH, S.SHELLING_ARTILLERY_MISSILE_ATTACK]
    assert mentions[0].fatalities is not None and mentions[0].fatalities.value == 3
    assert mentions[0].actor1 is not None and "regime forces" in mentions[0].actor1.text


def test_dev_quotes(extract: Run) -> None:
    mentions = extract(QUOTES, published=dt.date(2024, 3, 26)).mentions
    attacks = [m for m in mentions if m.plover is Plover.ASSAULT]
    assert len(attacks) == 1, [m.trigger.text for m in mentions]
    assert attacks[0].fatalities is not None and attacks[0].fatalities.value == 11
    assert all(m.mode is not Mode.HYPOTHETICAL for m in mentions)


def test_dev_politics(extract: Run) -> None:
    mentions = extract(POLITICS, published=dt.date(2024, 2, 9)).mentions
    kinds = {m.plover for m in mentions}
    assert Plover.REQUEST in kinds
    strikes = [m for m in mentions if m.sub_event_type is S.AIR_DRONE_STRIKE]
    assert len(strikes) == 1
    assert strikes[0].fatalities is not None and strikes[0].fatalities.value == 2


def test_dev_protest(extract: Run) -> None:
    mentions = extract(PROTEST, published=dt.date(2024, 6, 26)).mentions
    assert len(mentions) == 1, [m.trigger.text for m in mentions]
    m = mentions[0]
    assert m.sub_event_type is S.PROTEST_WITH_INTERVENTION
    assert m.injuries is not None and m.injuries.value == 12


def test_dev_recap(extract: Run) -> None:
    mentions = extract(RECAP, published=dt.date(2024, 3, 14)).mentions
    assert len(mentions) == 2, [m.trigger.text for m in mentions]
    ambush, bomb = mentions
    assert ambush.fatalities is not None and ambush.fatalities.value == 4
    assert bomb.sub_event_type is S.REMOTE_EXPLOSIVE_LANDMINE_IED
    assert bomb.time is not None and bomb.time.text == "Last week"
