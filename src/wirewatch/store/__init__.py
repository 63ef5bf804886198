"""Storage: SQLite by default, PostgreSQL through a URL; one schema, numbered migrations."""

from wirewatch.store.store import InputOutcome, Store, StoreCounts, StoredCorrection

__all__ = ["InputOutcome", "Store", "StoreCounts", "StoredCorrection"]
