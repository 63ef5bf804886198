"""Cross-outlet merge: one event per real-world happening, built from mentions.

* :func:`merge_mentions` (``cluster``): mentions → events, deterministic and order-independent;
* :func:`score_pair`, :func:`blocking_keys`, :data:`MERGE_THRESHOLD` (``scoring``): the evidence
  that two mentions report one event, and the candidate blocks (country and ISO week);
* :func:`consensus`: an event's fields and disagreements from its mentions;
* :class:`Correction`, :func:`apply_corrections`: manual splits and merges, as data;
* :func:`singleton_events`, :func:`event_from_mentions` (``events``): the baseline of one event
  per mention, kept for callers that do not merge;
* :func:`reported_events`: leaves out events only recalled as background (historical mode).
"""

from wirewatch.merge.cluster import batch_weights, consensus, merge_mentions
from wirewatch.merge.corrections import Correction, CorrectionKind, apply_corrections
from wirewatch.merge.events import event_from_mentions, event_id, reported_events, singleton_events
from wirewatch.merge.scoring import MERGE_THRESHOLD, MergeScore, Weights, blocking_keys, score_pair

__all__ = [
    "MERGE_THRESHOLD",
    "Correction",
    "CorrectionKind",
    "MergeScore",
    "Weights",
    "apply_corrections",
    "batch_weights",
    "blocking_keys",
    "consensus",
    "event_from_mentions",
    "event_id",
    "merge_mentions",
    "reported_events",
    "score_pair",
    "singleton_events",
]
