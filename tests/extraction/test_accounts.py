"""Several accounts of one event in one article: kept as separate mentions linked by
``refers_to``, joined by the merge; and actors of event nouns outside the clause's act."""

from __future__ import annotations

from collections.abc import Callable

from wirewatch.merge import merge_mentions
from wirewatch.schema import Extraction, SubEventType

Run = Callable[..., Extraction]

TWO_ACCOUNTS = (
    "Coalition forces carried out an air strike on a depot near Tal Hamra, according to a "
    "coalition spokesman. The strike, reported by local medics to have killed six people, was "
    "the second in the area this month."
)


def test_another_sources_figures_stay_a_mention_that_refers_back(extract: Run) -> None:
    mentions = extract(TWO_ACCOUNTS).mentions
    assert len(mentions) == 2, [m.evidence[0].text for m in mentions]
    first, second = mentions
    assert second.refers_to == first.id
    assert second.fatalities is not None and second.fatalities.value == 6
    assert first.fatalities is None  # the spokesman gave no figure: none is borrowed


ANOTHER_SOURCE = (
    "Coalition forces carried out an air strike on a depot near Tal Hamra, according to a "
    "coalition spokesman. This strike, reported by local medics to have resulted in at least six "
    "deaths, hit a residential street."
)


def test_the_merge_joins_the_accounts_into_one_event(extract: Run) -> None:
    mentions = extract(ANOTHER_SOURCE).mentions
    assert len(mentions) == 2 and mentions[1].refers_to == mentions[0].id
    events = merge_mentions(mentions)
    assert len(events) == 1
    assert any(c.name == "retold" for r in events[0].merge_reasons for c in r.components)


def test_an_unrelated_strike_with_its_own_source_refers_to_nothing(extract: Run) -> None:
    text = (
        "Coalition forces carried out an air strike on a depot near Tal Hamra on Monday, according "
        "to a coalition spokesman. On Wednesday, another air strike hit a convoy near Deir Salim, "
        "killing three people, local medics said."
    )
    mentions = extract(text).mentions
    assert len(mentions) == 2
    assert all(m.refers_to is None for m in mentions)
    assert len(merge_mentions(mentions)) == 2


def test_a_speaker_is_not_the_initiator_of_the_strike_he_talks_after(extract: Run) -> None:
    text = "The minister told reporters hours after the drone strike that talks would go on."
    strikes = [m for m in extract(text).mentions if m.sub_event_type is SubEventType.AIR_DRONE_STRIKE]
    assert strikes, "the drone strike is still a mention"
    assert all(m.actor1 is None or "minister" not in m.actor1.text for m in strikes)


def test_an_event_noun_inside_the_act_keeps_the_subject(extract: Run) -> None:
    text = "Rebel fighters took part in the attack on the checkpoint near Kafr Musa on Tuesday."
    attacks = extract(text).mentions
    assert attacks and attacks[0].actor1 is not None and "fighters" in attacks[0].actor1.text


def test_a_report_that_opens_with_clashes_keeps_its_date_and_place(extract: Run) -> None:
    text = "On 4 March 2024, clashes took place between two armed groups in Tafas town in Daraa."
    clash = extract(text).mentions[0]
    assert clash.time is not None and "4 March 2024" in clash.time.text
    assert any(p.name == "Tafas" for p in clash.places)


def test_names_marked_by_settlement_nouns_and_locatives_are_places(extract: Run) -> None:
    text = (
        "Gunmen attacked a checkpoint at Jurf al-Sakhar and then shelled the village of Umm Birra "
        "and Kharab Ashq village."
    )
    names = {p.name for m in extract(text).mentions for p in m.places}
    assert {"Jurf al-Sakhar", "Umm Birra", "Kharab Ashq"} <= names


def test_a_national_weapon_is_an_actor(extract: Run) -> None:
    mention = extract("American aircraft hit a depot near the border on Friday.").mentions[0]
    assert mention.actor1 is not None and mention.actor1.text == "American aircraft"


def test_a_named_force_launching_dozens_of_strikes_is_one_event(extract: Run) -> None:
    text = "In response, Turkish forces launched dozens of strikes against Kurdish fighters."
    (wave,) = extract(text).mentions
    assert wave.actor1 is not None and wave.actor1.text == "Turkish forces"
    assert wave.actor2 is not None and "Kurdish fighters" in wave.actor2.text


def test_a_bare_plural_trend_is_still_no_event(extract: Run) -> None:
    assert extract("Attacks on convoys have risen sharply across the region.").mentions == ()
