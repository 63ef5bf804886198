"""What the store keeps beside each event's full JSON so that lists and filters stay cheap.

A page of 100 events is served from one precomputed summary JSON per event (no validation of
the full record, which carries every mention and span), and the free-text and actor filters
search lowercased text columns instead of parsing payloads. The summary is the one
:func:`wirewatch.geojson.event_summary` defines, so the API, the exports and the store agree.
"""

from __future__ import annotations

import json
from typing import Any

from wirewatch.geojson import event_summary
from wirewatch.schema import Event

#: Separates the texts joined into one search column, so a substring never spans two of them.
_SEARCH_SEPARATOR = "\n"


def fold(text: str) -> str:
    """The case-insensitive form used on both sides of every text comparison (Python's
    casefold, because SQLite's lower() only knows ASCII)."""
    return text.casefold()


def _actor_names(event: Event) -> list[str]:
    names: list[str] = []
    for actor in (event.actor1, event.actor2, *event.assoc_actors1, *event.assoc_actors2):
        if actor is None:
            continue
        names.append(actor.text)
        if actor.canonical:
            names.append(actor.canonical)
    return names


def derived_event_columns(event: Event) -> dict[str, Any]:
    """The columns of an events row that are computed from the event (migration 4 adds them)."""
    place = event.places[0] if event.places else None
    evidence = [span.text for mention in event.mentions for span in mention.evidence]
    return {
        "summary_json": json.dumps(event_summary(event), ensure_ascii=False, separators=(",", ":")),
        "evidence_text": fold(_SEARCH_SEPARATOR.join(dict.fromkeys(evidence))),
        "actor_text": fold(_SEARCH_SEPARATOR.join(dict.fromkeys(_actor_names(event)))),
        "admin1_key": fold(place.admin1) if place and place.admin1 else None,
    }
