"""rules-v1 on monitor bulletins: dates the model cuts, ground taken by name, "IS" as a name,
clauses that go on about an event told before, who a struck place holds, tolls told twice.

Every text here is self-written, in the terse style of conflict monitors' daily notes.
"""

from __future__ import annotations

import datetime as dt

import pytest

import wirewatch
from tests.extraction.helpers import Run, S, only
from wirewatch.resolve.dates import resolve_time
from wirewatch.schema import DatePrecision

# -- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "start", "end"),
    [
        ("around 8 September 2022", dt.date(2022, 9, 5), dt.date(2022, 9, 11)),
        ("Around 15 May 2019", dt.date(2019, 5, 12), dt.date(2019, 5, 18)),
        ("approximately 2 November 2022", dt.date(2022, 10, 30), dt.date(2022, 11, 5)),
    ],
)
def test_an_approximate_day_is_the_week_centred_on_it(expression: str, start: dt.date, end: dt.date) -> None:
    found = resolve_time(expression, dt.date(2023, 1, 1))
    assert found is not None
    assert (found.start, found.end, found.precision) == (start, end, DatePrecision.WEEK)


def test_an_approximate_month_stays_a_month() -> None:
    found = resolve_time("around May 2019", dt.date(2023, 1, 1))
    assert found is not None and found.precision is DatePrecision.MONTH


def test_a_day_number_the_model_leaves_out_of_a_date_is_kept(extract: Run) -> None:
    m = only(extract("Around 15 May 2019 (week of), a police officer was shot dead by gunmen in Daraa."))
    assert m.time is not None and m.time.text == "Around 15 May 2019"


def test_a_date_opening_the_sentence_governs_a_later_clause(extract: Run) -> None:
    text = (
        "On 2 March 2021, the body of a farmer was found near the old mill in Hama countryside, "
        "killed by unknown gunmen, after he went missing three days ago."
    )
    m = only(extract(text))
    assert m.time is not None and m.time.text == "2 March 2021"


def test_a_spaced_dash_inside_a_clause_is_no_dateline(extract: Run) -> None:
    text = (
        "On 20 June 2022, gunmen attacked a bus in Bishri Mountain - Deir ez-Zor area, killing 13 soldiers."
    )
    m = only(extract(text))
    assert m.time is not None and m.time.text == "20 June 2022"


def test_bare_clashes_in_the_sentence_of_a_capture_keep_its_date(extract: Run) -> None:
    text = "On 4 February 2020, government forces captured Kafr Omeim following clashes with rebels."
    m = only(extract(text))
    assert m.time is not None and m.time.text == "4 February 2020"


# -- ground taken by name -------------------------------------------------------------------------


def test_a_name_taken_by_fighters_is_ground_not_a_person(extract: Run) -> None:
    m = only(extract("Rebel fighters seized Kafr Nabudah on Monday after clashes with government forces."))
    assert m.sub_event_type in {S.NON_STATE_ACTOR_OVERTAKES_TERRITORY, S.GOVERNMENT_REGAINS_TERRITORY}
    assert any("Kafr Nabudah" in p.name for p in m.places)
    assert m.actor2 is None or "Kafr" not in m.actor2.text


def test_a_person_taken_and_described_as_one_is_an_arrest(extract: Run) -> None:
    m = only(extract("Troops captured Abu Omar, a militant commander, in Hama on Monday."))
    assert m.sub_event_type is S.ARRESTS


def test_a_fighter_elsewhere_in_the_clause_does_not_make_a_capture_an_arrest(extract: Run) -> None:
    m = only(extract("Government forces captured Tal Hamra on Monday following clashes with rebel fighters."))
    assert m.sub_event_type is not S.ARRESTS


# -- "IS" -------------------------------------------------------------------------------------------


def test_is_in_capitals_is_the_group_not_the_verb() -> None:
    text = "On 6 March 2022, IS attacked an army checkpoint near Palmyra, killing two soldiers."
    mentions = wirewatch.extract(text)
    assert len(mentions) == 1
    assert mentions[0].actor1 is not None and mentions[0].actor1.canonical == "Islamic State (Syria)"


def test_gunmen_believed_to_be_is_are_the_group() -> None:
    text = "On 24 February 2022, gunmen believed to be IS attacked an SDF position near Raqqa."
    mentions = wirewatch.extract(text)
    assert mentions and mentions[0].actor1 is not None
    canonical = mentions[0].actor1.canonical
    assert canonical is not None and canonical.startswith("Islamic State")


# -- clauses that refer back ----------------------------------------------------------------------


def test_a_clause_about_clashes_told_before_folds_into_them(extract: Run) -> None:
    text = (
        "On 17 May 2019, clashes took place between army troops and rebel factions in Kafr Zita in Hama. "
        "Clashes were accompanied by an exchange of shelling and airstrikes by army warplanes."
    )
    m = only(extract(text))
    assert len(m.evidence) == 2
    assert m.actor1 is not None and "shelling" not in m.actor1.text


def test_an_event_is_never_its_own_actor(extract: Run) -> None:
    for m in extract("Clashes were accompanied by an exchange of shelling near Saraqib on Friday.").mentions:
        for actor in (m.actor1, m.actor2):
            assert actor is None or "shelling" not in actor.text


def test_whose_killing_names_the_victim_not_the_killer(extract: Run) -> None:
    text = (
        "A drone strike killed Abu Bakr al-Dulaimi in Baghdad on Friday. "
        "Parliament met after Dulaimi's killing."
    )
    for m in extract(text).mentions:
        assert m.actor1 is None or "Dulaimi" not in m.actor1.text


# -- places and targets -------------------------------------------------------------------------------


def test_an_attack_on_a_place_that_hosts_troops_targets_them(extract: Run) -> None:
    text = "On Monday, militants fired rockets toward the Harir base, which hosts American troops."
    m = only(extract(text))
    assert m.actor2 is not None and "American troops" in m.actor2.text


def test_people_killed_are_the_target_before_those_a_place_hosts(extract: Run) -> None:
    text = (
        "Two farmers were killed on Monday when a rocket aimed at the airport, "
        "where US troops are stationed, hit a farm."
    )
    m = only(extract(text))
    assert m.actor2 is None or "troops" not in m.actor2.text


def test_the_same_facility_is_the_place_named_last(extract: Run) -> None:
    text = (
        "On Monday, rockets were launched toward the Ain al-Asad base in Anbar. "
        "On Thursday, two drones were launched toward the same facility."
    )
    mentions = extract(text).mentions
    assert len(mentions) == 2
    assert [p.name for p in mentions[1].places] == [p.name for p in mentions[0].places][:1]


# -- tolls ---------------------------------------------------------------------------------------------


def test_a_toll_told_again_by_who_died_is_not_added(extract: Run) -> None:
    text = (
        "Fighting between the army and insurgents killed at least seven people near Busayrah on Sunday, "
        "a monitor said. The monitor said three soldiers and four insurgents were killed."
    )
    m = only(extract(text))
    assert m.fatalities is not None and m.fatalities.value == 7
