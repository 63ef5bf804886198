"""Building Event records from mentions.

``singleton_events`` is the baseline before cross-mention merging: every mention is an event
of its own. The merge proper (candidates by country and week, scored joins, consensus fields,
disagreements) builds on :func:`event_from_mentions`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from wirewatch.schema import Event, Mention, MergeReason, Mode

#: Hex characters of the event id hash (64 bits: collisions are negligible at any corpus size).
EVENT_ID_HEX_CHARS = 16


def event_id(mention_ids: Sequence[str]) -> str:
    """A stable id from the mention that founded the event (the first in text order)."""
    founder = min(mention_ids)
    return "ev-" + hashlib.sha256(founder.encode("utf-8")).hexdigest()[:EVENT_ID_HEX_CHARS]


def event_from_mentions(mentions: Sequence[Mention], reasons: Sequence[MergeReason] = ()) -> Event:
    """An event whose fields are those of its first mention (a consensus comes with merging)."""
    if not mentions:
        raise ValueError("an event needs at least one mention")
    first = mentions[0]
    return Event(
        id=event_id([m.id for m in mentions]),
        event_type=first.event_type,
        sub_event_type=first.sub_event_type,
        plover=first.plover,
        mode=first.mode,
        date=first.date,
        places=first.places,
        actor1=first.actor1,
        actor2=first.actor2,
        assoc_actors1=first.assoc_actors1,
        assoc_actors2=first.assoc_actors2,
        fatalities=first.fatalities,
        fatalities_range=(first.fatalities.value, first.fatalities.value) if first.fatalities else None,
        injuries=first.injuries,
        weapon=first.weapon,
        mentions=tuple(mentions),
        merge_reasons=tuple(reasons) or (MergeReason(mention_id=first.id, joined_with=None, score=0.0),),
    )


def singleton_events(mentions: Sequence[Mention]) -> list[Event]:
    """One event per mention: the baseline before merging."""
    return [event_from_mentions([mention]) for mention in mentions]


def reported_events(events: Sequence[Event]) -> list[Event]:
    """The events some source reports, not only recalls.

    A mention in the historical mode is background far from its report's date ("the US withdrew
    its troops in 2011"): it is kept (stored, and it joins the event it recalls when a report
    of that event is ingested), but on its own it is context, not a report, and it makes no
    event. ACLED codes an event from reports of it, not from a later article's backstory.
    """
    return [e for e in events if any(m.mode is not Mode.HISTORICAL for m in e.mentions)]
