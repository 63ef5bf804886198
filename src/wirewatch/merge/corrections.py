"""Manual corrections to merging, as data.

A person says "this mention is not part of that event" (:meth:`Correction.split`) or "these two
events are one" (:meth:`Correction.merge`). Corrections name mentions, never event ids, because
event ids change when events change; mention ids are stable. The store keeps them and
:func:`apply_corrections` applies them, in the order given, to the result of every automatic
merge, so they survive re-merging.

A correction whose mentions are no longer present (an article was deleted) is skipped; one that
is already satisfied changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from wirewatch.merge.cluster import canonical_same_actor, consensus, link_reasons
from wirewatch.merge.scoring import FULL_WEIGHTS, MergeScore, SameActor, Weights, score_pair
from wirewatch.schema import Event, Mention, MergeReason

__all__ = ["Correction", "CorrectionKind", "apply_corrections"]


class CorrectionKind(StrEnum):
    SPLIT = "split"  # take one mention out of its event: it becomes an event of its own
    MERGE = "merge"  # put the events holding these mentions together


@dataclass(frozen=True, slots=True)
class Correction:
    """One manual correction. ``mention_ids``: the mention to split out (one), or one mention of
    each event to merge (two or more)."""

    kind: CorrectionKind
    mention_ids: tuple[str, ...]
    note: str = ""
    author: str | None = None
    created: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.kind is CorrectionKind.SPLIT and len(self.mention_ids) != 1:
            raise ValueError("a split names exactly one mention")
        if self.kind is CorrectionKind.MERGE and len(set(self.mention_ids)) < 2:
            raise ValueError("a merge names a mention of each event, at least two different mentions")

    @classmethod
    def split(cls, mention_id: str, note: str = "", **kwargs: object) -> Correction:
        return cls(CorrectionKind.SPLIT, (mention_id,), note, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def merge(cls, *mention_ids: str, note: str = "", **kwargs: object) -> Correction:
        return cls(CorrectionKind.MERGE, tuple(mention_ids), note, **kwargs)  # type: ignore[arg-type]


def _rebuild(
    mentions: Sequence[Mention],
    kept: Iterable[MergeReason],
    manual: Iterable[tuple[str, str]],
    same_actor: SameActor,
    weights: Weights,
    *,
    rescore: bool,
) -> Event:
    """An event over ``mentions`` explained by the links that still hold, the manual links and,
    with ``rescore`` (after a split cut the event's tree), every compatible remaining pair."""
    ids = {m.id for m in mentions}
    by_id = {m.id: m for m in mentions}
    links: list[tuple[str, str, MergeScore]] = []
    for reason in kept:
        if reason.joined_with is not None and reason.mention_id in ids and reason.joined_with in ids:
            links.append((reason.mention_id, reason.joined_with, MergeScore(reason.score, reason.components)))
    manual_pairs = [(a, b) for a, b in manual if a in ids and b in ids]
    for a, b in manual_pairs:
        links.append((a, b, score_pair(by_id[a], by_id[b], same_actor=same_actor, weights=weights)))
    ordered = sorted(ids) if rescore else []
    for pos, a in enumerate(ordered):
        for b in ordered[pos + 1 :]:
            score = score_pair(by_id[a], by_id[b], same_actor=same_actor, weights=weights)
            if score.compatible:
                links.append((a, b, score))
    reasons = link_reasons(mentions, links, manual=manual_pairs)
    return consensus(mentions, reasons, same_actor=same_actor)


def apply_corrections(
    events: Sequence[Event],
    corrections: Sequence[Correction],
    *,
    same_actor: SameActor = canonical_same_actor,
    weights: Weights = FULL_WEIGHTS,
) -> list[Event]:
    """The events after the corrections, in order; sorted by event id.

    A manual merge overrides vetoes (a person decided); its joining link carries
    ``manual=True``. A split keeps the rest of the event together.
    """
    current: dict[str, Event] = {e.id: e for e in events}
    holder = {m.id: e.id for e in events for m in e.mentions}
    manual_links: list[tuple[str, str]] = []
    for correction in corrections:
        present = [m for m in correction.mention_ids if m in holder]
        if correction.kind is CorrectionKind.SPLIT:
            if not present:
                continue
            mention_id = present[0]
            event = current.pop(holder[mention_id])
            rest = [m for m in event.mentions if m.id != mention_id]
            alone = [m for m in event.mentions if m.id == mention_id]
            manual_links = [link for link in manual_links if mention_id not in link]
            for group, reasons in (
                (rest, event.merge_reasons),
                (alone, ()),
            ):
                if not group:
                    continue
                rebuilt = _rebuild(group, reasons, manual_links, same_actor, weights, rescore=True)
                current[rebuilt.id] = rebuilt
                for m in rebuilt.mentions:
                    holder[m.id] = rebuilt.id
            continue
        event_ids = sorted({holder[m] for m in present})
        if len(event_ids) < 2:
            continue
        merging = [current.pop(event_id) for event_id in event_ids]
        pairs = [(present[0], other) for other in present[1:] if holder[other] != holder[present[0]]]
        manual_links.extend(pairs)
        mentions = [m for e in merging for m in e.mentions]
        kept = [r for e in merging for r in e.merge_reasons]
        rebuilt = _rebuild(mentions, kept, manual_links, same_actor, weights, rescore=False)
        current[rebuilt.id] = rebuilt
        for m in rebuilt.mentions:
            holder[m.id] = rebuilt.id
    return sorted(current.values(), key=lambda e: e.id)
