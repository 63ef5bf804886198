"""Manual corrections: data, applied after every automatic merge."""

from __future__ import annotations

import pytest

from tests.merge.factory import BASE, CITY, day, mention, same_actor
from wirewatch.merge import Correction, CorrectionKind, apply_corrections, merge_mentions

STRIKE = [
    mention("a:1", "a", date=day("2024-02-07"), places=(CITY,), actor1="US Forces", weapon="drone",
            text="A drone strike killed commander Abu Saadun in Riverside."),
    mention("b:1", "b", date=day("2024-02-07"), places=(CITY,), actor1="US Forces", weapon="drone",
            text="The strike that killed Abu Saadun angered the Umbrella Front."),
    mention("c:1", "c", date=day("2024-02-07"), places=(CITY,), actor1="US Forces", weapon="drone",
            text="Witnesses saw the drone strike in Riverside."),
]  # fmt: skip
OTHER = mention("d:1", "d", date=day("2024-02-07"), places=(BASE,), text="Rockets fell on Camp Alpha.")


def run(corrections):  # type: ignore[no-untyped-def]
    events = merge_mentions([*STRIKE, OTHER], same_actor=same_actor)
    return apply_corrections(events, corrections, same_actor=same_actor)


def groups(events):  # type: ignore[no-untyped-def]
    return sorted(sorted(m.id for m in e.mentions) for e in events)


def test_without_corrections_nothing_changes() -> None:
    assert groups(run([])) == [["a:1", "b:1", "c:1"], ["d:1"]]


def test_split_a_mention_out() -> None:
    events = run([Correction.split("a:1", note="a different strike")])
    assert groups(events) == [["a:1"], ["b:1", "c:1"], ["d:1"]]
    rest = next(e for e in events if len(e.mentions) == 2)
    assert [r.joined_with for r in rest.merge_reasons] == [None, "b:1"]


def test_merge_two_events() -> None:
    events = run([Correction.merge("d:1", "c:1")])
    assert groups(events) == [["a:1", "b:1", "c:1", "d:1"]]
    reasons = {r.mention_id: r for r in events[0].merge_reasons}
    assert reasons["d:1"].manual and reasons["d:1"].joined_with == "c:1"
    assert not reasons["b:1"].manual


def test_corrections_survive_a_re_merge_and_apply_in_order() -> None:
    corrections = [Correction.merge("a:1", "d:1"), Correction.split("d:1")]
    first = run(corrections)
    assert groups(first) == [["a:1", "b:1", "c:1"], ["d:1"]]
    assert [e.id for e in run(corrections)] == [e.id for e in first]  # the same on every re-merge


def test_stale_and_satisfied_corrections_are_skipped() -> None:
    assert groups(run([Correction.split("gone:1"), Correction.merge("a:1", "b:1")])) == groups(run([]))


def test_a_correction_is_valid_data() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Correction(CorrectionKind.SPLIT, ("a:1", "b:1"))
    with pytest.raises(ValueError, match="at least two"):
        Correction.merge("a:1", "a:1")
    correction = Correction.merge("a:1", "b:1", note="same strike")
    assert correction.kind is CorrectionKind.MERGE and correction.mention_ids == ("a:1", "b:1")
    assert hash(correction) == hash(Correction.merge("a:1", "b:1", note="same strike"))
