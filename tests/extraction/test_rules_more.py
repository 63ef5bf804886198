"""rules-v1 on short self-written sentences: talks, arrests in raids, split sentences, casualties
told in the next sentence, and running totals."""

from __future__ import annotations

from tests.extraction.helpers import Run, S, only
from wirewatch.schema import Mode, Plover


def test_a_round_of_talks_is_consult_between_the_sides(extract: Run) -> None:
    talks = only(extract("Syrian and Turkish diplomats met in Ankara on Monday for a new round of talks."))
    assert talks.plover is Plover.CONSULT and talks.mode is Mode.ASSERTED
    assert talks.actor1 is not None and talks.actor1.text == "Syrian diplomats"
    assert talks.actor2 is not None and talks.actor2.text == "Turkish diplomats"


def test_talks_someone_is_due_to_hold_are_planned(extract: Run) -> None:
    talks = only(
        extract("Greek and Cypriot envoys are due to meet in Vienna on Friday for a second round of talks.")
    )
    assert talks.plover is Plover.CONSULT and talks.mode is Mode.PLANNED
    assert talks.actor1 is not None and talks.actor1.text.startswith("Greek")


def test_a_person_captured_in_a_raid_is_an_arrest(extract: Run) -> None:
    text = "The army said it had captured a rebel commander during a raid in the village of Kafr Nabl."
    arrest = only(extract(text))
    assert arrest.sub_event_type is S.ARRESTS and arrest.plover is Plover.COERCE
    assert arrest.actor1 is not None and arrest.actor1.text == "army"
    town = only(extract("Rebels captured the town of Kafr Nabl on Monday."))
    assert town.sub_event_type is S.NON_STATE_ACTOR_OVERTAKES_TERRITORY


def test_bare_officers_are_the_speakers_own(extract: Run) -> None:
    text = "Provincial police said on Friday that officers had detained three suspects near the town."
    arrest = only(extract(text))
    assert arrest.actor1 is not None and arrest.actor1.text == "Provincial police"


def test_a_casualty_sentence_after_the_event_fills_its_count(extract: Run) -> None:
    text = (
        "Two women were killed on Monday when a shell fell on their house in the town, the army said. "
        "The ministry threatened to expel the ambassador. "
        "The army said it also wounded two other children."
    )
    mentions = extract(text).mentions
    strikes = [m for m in mentions if m.plover is Plover.ASSAULT]
    assert len(strikes) == 1
    assert strikes[0].fatalities is not None and strikes[0].fatalities.value == 2
    assert strikes[0].injuries is not None and strikes[0].injuries.value == 2


def test_a_running_total_is_a_claim_not_an_event(extract: Run) -> None:
    extraction = extract("It was at least the 12th attack on the depot since January.")
    assert not extraction.mentions
    assert len(extraction.claims) == 1
    claim = extraction.claims[0]
    assert claim.count.value == 12
    assert claim.count.qualifier.value == "at_least"
    worded = extract("It was the seventh bombing in the district since the start of May.")
    assert not worded.mentions
    assert [c.count.value for c in worded.claims] == [7]


def test_a_day_after_is_no_period(extract: Run) -> None:
    extraction = extract("The blast came a day after at least four rockets hit the airport.")
    assert not extraction.claims
    assert extraction.mentions


def test_a_tally_of_targets_hit_is_a_claim(extract: Run) -> None:
    extraction = extract(
        "More than 30 convoys have been hit by roadside bombs in the south since the start of the year."
    )
    assert not extraction.mentions
    assert [(c.count.value, c.count.qualifier.value) for c in extraction.claims] == [(30, "more_than")]
    one_day = extract("Three soldiers were killed on Monday since the truce collapsed.")
    assert not one_day.claims


def test_the_dead_named_after_along_with_are_counted_too(extract: Run) -> None:
    for text, dead in (
        ("The commander died along with three companions when their car was hit near the town on Sunday.", 4),
        ("A militia commander was killed along with two of his bodyguards in a drone strike on Sunday.", 3),
    ):
        counted = [m.fatalities.value for m in extract(text).mentions if m.fatalities is not None]
        assert counted == [dead], text
