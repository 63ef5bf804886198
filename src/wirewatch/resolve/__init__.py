"""Resolution: turn the spans extraction found into values a user can count, map and filter.

``Resolver.resolve`` takes an article's :class:`~wirewatch.schema.Extraction` and returns it
with dates resolved against the publication date (or the dateline governing each paragraph),
places against the offline gazetteer and actors against the actor dictionary.
"""

from __future__ import annotations

from wirewatch.resolve.resolver import Resolver

__all__ = ["Resolver"]
