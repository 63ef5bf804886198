"""Cross-outlet merge: one event per real-world happening, built from mentions."""

from wirewatch.merge.events import event_from_mentions, singleton_events

__all__ = ["event_from_mentions", "singleton_events"]
