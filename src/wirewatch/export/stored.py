"""Reading what to export from the store: matching events page by page, and article outlets."""

from __future__ import annotations

from collections.abc import Iterator

from wirewatch.export.base import OutletLookup
from wirewatch.schema import Event
from wirewatch.store import Store
from wirewatch.store.query import EventFilter, EventSort

#: Events read from the store per query: big enough that the per-query cost vanishes, small
#: enough that a page of full records (every mention and span) stays a few MB.
EXPORT_PAGE_EVENTS = 500
#: Articles per query when collecting outlets (only ids and outlets are read, not texts).
OUTLET_PAGE_ARTICLES = 1000


def stored_events(store: Store, event_filter: EventFilter | None = None) -> Iterator[Event]:
    """Every stored event matching the filter, oldest first (undated last), read a page at a
    time so an export of any size runs in constant memory."""
    cursor: str | None = None
    while True:
        page = store.find_events(event_filter, sort=EventSort.DATE, limit=EXPORT_PAGE_EVENTS, cursor=cursor)
        yield from store.events_by_ids(page.event_ids)
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def outlet_lookup(store: Store) -> OutletLookup:
    """Article id -> outlet, read from the store on first use (ids and outlets only)."""
    outlets: dict[str, str | None] | None = None

    def outlet_of(article_id: str) -> str | None:
        nonlocal outlets
        if outlets is None:
            outlets = {}
            cursor: str | None = None
            while True:
                page = store.find_articles(limit=OUTLET_PAGE_ARTICLES, cursor=cursor)
                outlets.update((item.id, item.outlet) for item in page.items)
                if page.next_cursor is None:
                    break
                cursor = page.next_cursor
        return outlets.get(article_id)

    return outlet_of
