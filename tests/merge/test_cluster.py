"""merge_mentions: deterministic, order-independent, explainable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.merge.factory import BASE, BASE_TOWN, CITY, PROVINCE, day, mention, month, same_actor, week_before
from wirewatch.merge import event_id, merge_mentions, score_pair, singleton_events
from wirewatch.schema import Event, Mode, Plover, Qualifier, SubEventType

SHELLING = SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK

#: A small corpus: a strike told by three outlets (one a recap), two rocket attacks on one base
#: a week apart with a vague recap, a threat, and a retaliation.
CORPUS = [
    mention("a:0010", "a", date=day("2024-02-07"), places=(CITY,), actor1="US Forces", actor2="Faction A",
            fatalities=1, weapon="drone", said_by="US official",
            text="A US drone strike on Wednesday killed commander Abu Baqir Saadun in Riverside."),
    mention("b:0200", "b", date=day("2024-02-07"), places=(CITY,), actor1="US Forces", actor2="Faction A",
            fatalities=3, qualifier=Qualifier.AT_LEAST, weapon="drone", said_by="Umbrella Front",
            text="The group said the strike that killed Abu Baqir Saadun also killed two guards."),
    mention("c:0900", "c", date=month("2024-02"), actor1="US Forces", weapon="drone",
            text="Last month a US drone strike killed commander Abu Baqir Saadun, the group recalled."),
    mention("a:0400", "a", sub=SHELLING, date=day("2024-02-01"), places=(BASE,), weapon="rocket",
            text="Rockets struck Camp Alpha on Thursday, the army said."),
    mention("b:0050", "b", sub=SHELLING, date=day("2024-02-08"), places=(BASE_TOWN,), weapon="rocket",
            text="Rockets struck near Camp Alpha again on Thursday."),
    mention("c:0100", "c", sub=SHELLING, date=month("2024-02"), places=(BASE,), weapon="rocket",
            text="Rockets hit Camp Alpha in February."),
    mention("b:0700", "b", sub=SubEventType.OTHER, plover=Plover.THREATEN, mode=Mode.THREATENED,
            date=week_before("2024-02-08"), places=(PROVINCE,), actor1="Umbrella Front",
            text="The Umbrella Front threatened to strike every base."),
    mention("c:0300", "c", date=day("2024-02-07"), places=(CITY,), actor1="Faction A", actor2="US Forces",
            weapon="drone", text="Faction A fighters launched a drone at US Forces in Riverside."),
]  # fmt: skip


def merged(mentions):  # type: ignore[no-untyped-def]
    return merge_mentions(mentions, same_actor=same_actor)


def shape(events: list[Event]) -> list[tuple[str, tuple[str, ...], tuple[tuple[str, str | None], ...]]]:
    return [
        (e.id, tuple(m.id for m in e.mentions), tuple((r.mention_id, r.joined_with) for r in e.merge_reasons))
        for e in events
    ]


def test_the_corpus_merges_as_a_person_would() -> None:
    groups = sorted(sorted(m.id for m in e.mentions) for e in merged(CORPUS))
    assert ["a:0010", "b:0200", "c:0900"] in groups  # one strike, three outlets
    assert ["c:0300"] in groups  # the retaliation stays apart
    assert ["b:0700"] in groups  # the threat is not an attack
    rockets = [g for g in groups if {"a:0400", "b:0050", "c:0100"} & set(g)]
    assert len(rockets) == 2 and not any({"a:0400", "b:0050"} <= set(g) for g in rockets)


@settings(max_examples=60, deadline=None)
@given(st.permutations(CORPUS))
def test_order_does_not_matter(shuffled: list) -> None:  # type: ignore[type-arg]
    assert shape(merged(shuffled)) == shape(merged(CORPUS))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(CORPUS), min_size=1, max_size=12))
def test_duplicates_and_subsets_are_handled(chosen: list) -> None:  # type: ignore[type-arg]
    events = merged(chosen)
    assert sorted(m.id for e in events for m in e.mentions) == sorted({m.id for m in chosen})
    for event in events:
        # No event mixes two incompatible mentions.
        for i, a in enumerate(event.mentions):
            for b in event.mentions[i + 1 :]:
                assert score_pair(a, b, same_actor=same_actor).compatible
    assert shape(events) == shape(merged(list(reversed(chosen))))


def test_every_event_keeps_every_mention_and_a_reason_for_each() -> None:
    for event in merged(CORPUS):
        ids = [m.id for m in event.mentions]
        assert event.id == event_id(ids)
        assert [r.mention_id for r in event.merge_reasons] == ids
        founders = [r for r in event.merge_reasons if r.joined_with is None]
        assert [r.mention_id for r in founders] == [min(ids)]
        for reason in event.merge_reasons:
            if reason.joined_with is not None:
                assert reason.joined_with in ids and reason.components and not reason.manual
                assert reason.score == round(sum(c.score for c in reason.components), 4)


def test_event_ids_are_stable_when_more_mentions_arrive() -> None:
    before = {e.id for e in merged(CORPUS[:2])}
    after = {e.id for e in merged(CORPUS)}
    assert before <= after


def test_empty_input_and_singletons() -> None:
    assert merged([]) == []
    single = merged(CORPUS[:1])
    assert len(single) == 1 and single[0].mentions == (CORPUS[0],)
    assert [e.mentions for e in singleton_events(CORPUS[:2])] == [(CORPUS[0],), (CORPUS[1],)]
