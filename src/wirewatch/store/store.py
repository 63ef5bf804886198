"""The store: one access layer (SQLAlchemy Core) over SQLite and PostgreSQL.

Every write that belongs to one article happens in one transaction, so a process killed
mid-run leaves only whole articles behind. Every statement is built with SQLAlchemy Core and
bound parameters; no SQL is assembled from strings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from wirewatch.errors import NotFoundError, StoreError
from wirewatch.schema import (
    AggregateClaim,
    Article,
    Event,
    Extraction,
    Mention,
    Rejected,
    RejectReason,
    Section,
)
from wirewatch.settings import Settings
from wirewatch.store.database import create_engine, migrate, write_transaction
from wirewatch.store.query import (
    ActorCount,
    ArticleCursor,
    ArticlePage,
    ArticleRejection,
    ArticleSummary,
    EventCursor,
    EventFilter,
    EventPage,
    EventSort,
    GroupBy,
    Interval,
    TimeSeries,
    bucket_series,
)
from wirewatch.store.summary import derived_event_columns, fold


class InputOutcome(StrEnum):
    """What became of a raw input (recorded so a re-run can skip it unread)."""

    STORED = "stored"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True)
class StoredCorrection:
    """A person's correction to merging, as stored: 'split' one mention out of its event, or
    'merge' the events holding these mentions."""

    kind: str
    mention_ids: tuple[str, ...]
    note: str
    author: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class StoreCounts:
    """How much the store holds."""

    articles: int
    rejections: int
    rejections_by_reason: dict[str, int]


def _published_to_iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _published_from_iso(value: str | None) -> dt.date | dt.datetime | None:
    if value is None:
        return None
    return (
        dt.date.fromisoformat(value) if len(value) == len("YYYY-MM-DD") else dt.datetime.fromisoformat(value)
    )


def _published_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, dt.datetime) else value


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _filter_columns(record: Mention | Event) -> dict[str, Any]:
    """The indexed columns of a mention or event row (the record itself goes in payload_json)."""
    place = record.places[0] if record.places else None
    return {
        "event_type": record.event_type.value,
        "sub_event_type": record.sub_event_type.value,
        "plover": record.plover.value if record.plover else None,
        "mode": record.mode.value,
        "date_start": record.date.start if record.date else None,
        "date_end": record.date.end if record.date else None,
        "date_precision": record.date.precision.value if record.date else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": int(place.precision) if place else None,
        "actor1": (record.actor1.canonical or record.actor1.text) if record.actor1 else None,
        "actor2": (record.actor2.canonical or record.actor2.text) if record.actor2 else None,
        "fatalities": record.fatalities.value if record.fatalities else None,
        "injuries": record.injuries.value if record.injuries else None,
        "payload_json": record.model_dump_json(),
    }


def _event_row(event: Event, now: dt.datetime) -> dict[str, Any]:
    """An events row: the indexed columns, the payload and the derived search columns."""
    return {
        "id": event.id,
        "mention_count": len(event.mentions),
        "updated_at": now,
        **_filter_columns(event),
        **derived_event_columns(event),
    }


class Store:
    """Read and write wirewatch records. Open with :meth:`open`; use as a context manager."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.schema_version = migrate(engine)
        metadata = sa.MetaData()
        # Reflect the tables the migrations made, so queries always match the real database.
        metadata.reflect(
            engine,
            only=[
                "articles",
                "article_bands",
                "inputs",
                "rejections",
                "events",
                "mentions",
                "aggregate_claims",
                "corrections",
            ],
        )
        self._articles = metadata.tables["articles"]
        self._bands = metadata.tables["article_bands"]
        self._inputs = metadata.tables["inputs"]
        self._rejections = metadata.tables["rejections"]
        self._events = metadata.tables["events"]
        self._mentions = metadata.tables["mentions"]
        self._claims = metadata.tables["aggregate_claims"]
        self._corrections = metadata.tables["corrections"]

    @classmethod
    def open(cls, url: str | None = None, settings: Settings | None = None) -> Store:
        """Open (creating and migrating if needed) the store at ``url`` or ``settings.db_url``."""
        if url is None:
            url = (settings or Settings.from_env()).db_url
        return cls(create_engine(url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def display_url(self) -> str:
        """The URL with any password hidden, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    # ----------------------------------------------------------------------------- helpers

    def _insert_ignoring_conflicts(self, table: sa.Table) -> Any:
        if self.engine.dialect.name == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        if self.engine.dialect.name == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        raise StoreError(f"unsupported dialect {self.engine.dialect.name}", "use SQLite or PostgreSQL")

    # ----------------------------------------------------------------------------- writes

    def seen_input(self, content_hash: str) -> bool:
        """True when this exact raw input was processed before (stored, or rejected for good)."""
        query = sa.select(self._inputs.c.content_hash).where(self._inputs.c.content_hash == content_hash)
        with self.engine.connect() as connection:
            return connection.execute(query).first() is not None

    def has_article(self, article_id: str) -> bool:
        query = sa.select(self._articles.c.id).where(self._articles.c.id == article_id)
        with self.engine.connect() as connection:
            return connection.execute(query).first() is not None

    def near_duplicate_candidates(self, band_keys: Sequence[str]) -> list[str]:
        """Ids of stored articles sharing at least one LSH band with these keys, oldest first."""
        if not band_keys:
            return []
        query = (
            sa.select(self._articles.c.id)
            .where(
                self._articles.c.id.in_(
                    sa.select(self._bands.c.article_id).where(self._bands.c.band_key.in_(list(band_keys)))
                )
            )
            .order_by(self._articles.c.ingested_at, self._articles.c.id)
        )
        with self.engine.connect() as connection:
            return [row.id for row in connection.execute(query)]

    def add_article(
        self,
        article: Article,
        *,
        signature: bytes,
        band_keys: Sequence[str],
        content_hash: str | None = None,
        extraction: Extraction | None = None,
        events: Sequence[Event] = (),
    ) -> bool:
        """Store an article and everything derived from it in one transaction.

        ``events`` are the events its mentions joined or started (written whole, replacing any
        stored version with the same id).

        Returns False (and changes nothing) when an article with the same id is already there.
        """
        row = {
            "id": article.id,
            "source": article.source,
            "input_id": article.input_id,
            "url": article.url,
            "outlet": article.outlet,
            "title": article.title,
            "published_date": _published_date(article.published),
            "published_iso": _published_to_iso(article.published),
            "language": article.language,
            "text": article.text,
            "sections_json": json.dumps([s.model_dump(mode="json") for s in article.sections]),
            "provenance_json": json.dumps([list(pair) for pair in article.provenance]),
            "minhash": signature,
            "ingested_at": _now(),
        }
        with write_transaction(self.engine) as connection:
            # RETURNING tells reliably whether the row went in (rowcount is -1 on some drivers).
            inserted = connection.execute(
                self._insert_ignoring_conflicts(self._articles).values(**row).returning(self._articles.c.id)
            ).first()
            if inserted is None:
                return False
            connection.execute(
                self._insert_ignoring_conflicts(self._bands),
                [{"band_key": key, "article_id": article.id} for key in dict.fromkeys(band_keys)],
            )
            if content_hash is not None:
                self._record_input(connection, content_hash, article.source, InputOutcome.STORED, article.id)
            if extraction is not None:
                self._write_extraction(connection, extraction, events)
        return True

    def _write_extraction(
        self, connection: sa.Connection, extraction: Extraction, events: Sequence[Event]
    ) -> None:
        event_of = {mention.id: event.id for event in events for mention in event.mentions}
        if extraction.mentions:
            connection.execute(
                self._mentions.insert(),
                [
                    {
                        "id": m.id,
                        "article_id": m.article_id,
                        "event_id": event_of.get(m.id),
                        **_filter_columns(m),
                    }
                    for m in extraction.mentions
                ],
            )
        if extraction.claims:
            connection.execute(
                self._claims.insert(),
                [
                    {
                        "id": c.id,
                        "article_id": c.article_id,
                        "count": c.count.value,
                        "qualifier": c.count.qualifier.value,
                        "what": c.what,
                        "payload_json": c.model_dump_json(),
                    }
                    for c in extraction.claims
                ],
            )
        if events:
            ids = [event.id for event in events]
            connection.execute(self._events.delete().where(self._events.c.id.in_(ids)))
            now = _now()
            connection.execute(
                self._events.insert(),
                [_event_row(e, now) for e in events],
            )

    def add_rejection(self, rejected: Rejected, *, content_hash: str | None = None) -> bool:
        """Record a discard (once per input and reason). Returns False when it was recorded before."""
        key_material = f"{content_hash or rejected.source}\x00{rejected.reason.value}"
        dedup_key = hashlib.sha256(key_material.encode("utf-8", "surrogatepass")).hexdigest()
        with write_transaction(self.engine) as connection:
            result = connection.execute(
                self._insert_ignoring_conflicts(self._rejections)
                .values(
                    dedup_key=dedup_key,
                    source=rejected.source,
                    reason=rejected.reason.value,
                    detail=rejected.detail,
                    duplicate_of=rejected.duplicate_of,
                    article_id=rejected.article_id,
                    rejected_at=_now(),
                )
                .returning(self._rejections.c.id)
            ).first()
            if content_hash is not None:
                outcome = (
                    InputOutcome.DUPLICATE
                    if rejected.reason is RejectReason.DUPLICATE
                    else InputOutcome.REJECTED
                )
                self._record_input(connection, content_hash, rejected.source, outcome, rejected.duplicate_of)
        return result is not None

    def _record_input(
        self,
        connection: sa.Connection,
        content_hash: str,
        source: str,
        outcome: InputOutcome,
        article_id: str | None,
    ) -> None:
        connection.execute(
            self._insert_ignoring_conflicts(self._inputs).values(
                content_hash=content_hash,
                source=source,
                outcome=outcome.value,
                article_id=article_id,
                seen_at=_now(),
            )
        )

    # ----------------------------------------------------------------------------- reads

    def _article_from_row(self, row: sa.Row[Any]) -> Article:
        return Article(
            id=row.id,
            text=row.text,
            title=row.title,
            url=row.url,
            outlet=row.outlet,
            published=_published_from_iso(row.published_iso),
            language=row.language,
            source=row.source,
            input_id=row.input_id,
            sections=tuple(Section.model_validate(s) for s in json.loads(row.sections_json)),
            provenance=tuple((str(a), str(b)) for a, b in json.loads(row.provenance_json)),
        )

    def get_article(self, article_id: str) -> Article:
        query = sa.select(self._articles).where(self._articles.c.id == article_id)
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            raise NotFoundError(
                f"no article {article_id!r} in {self.display_url}", "list ids with `wirewatch articles`"
            )
        return self._article_from_row(row)

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[Article]:
        """Stored articles, oldest ingested first."""
        query = (
            sa.select(self._articles)
            .order_by(self._articles.c.ingested_at, self._articles.c.id)
            .offset(offset)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [self._article_from_row(row) for row in connection.execute(query)]

    def rejections(self, *, limit: int | None = None, reasons: Iterable[RejectReason] = ()) -> list[Rejected]:
        """Recorded discards, oldest first, optionally only some reasons."""
        query = sa.select(self._rejections).order_by(self._rejections.c.id).limit(limit)
        wanted = [reason.value for reason in reasons]
        if wanted:
            query = query.where(self._rejections.c.reason.in_(wanted))
        with self.engine.connect() as connection:
            return [
                Rejected(
                    source=row.source,
                    reason=RejectReason(row.reason),
                    detail=row.detail,
                    duplicate_of=row.duplicate_of,
                    article_id=row.article_id,
                )
                for row in connection.execute(query)
            ]

    def counts(self) -> StoreCounts:
        with self.engine.connect() as connection:
            articles = connection.execute(sa.select(sa.func.count()).select_from(self._articles)).scalar_one()
            by_reason = {
                str(reason): int(count)
                for reason, count in connection.execute(
                    sa.select(self._rejections.c.reason, sa.func.count()).group_by(self._rejections.c.reason)
                )
            }
        return StoreCounts(
            articles=int(articles), rejections=sum(by_reason.values()), rejections_by_reason=by_reason
        )

    def add_correction(
        self, kind: str, mention_ids: Sequence[str], *, note: str = "", author: str | None = None
    ) -> StoredCorrection:
        """Keep a correction; it is applied after every automatic merge from now on."""
        correction = StoredCorrection(kind, tuple(mention_ids), note, author, _now())
        with write_transaction(self.engine) as connection:
            connection.execute(
                self._corrections.insert().values(
                    kind=kind,
                    mention_ids_json=json.dumps(list(mention_ids)),
                    note=note,
                    author=author,
                    created_at=correction.created_at,
                )
            )
        return correction

    def corrections(self) -> list[StoredCorrection]:
        """Every stored correction, oldest first (the order they are applied in)."""
        query = sa.select(self._corrections).order_by(self._corrections.c.id)
        with self.engine.connect() as connection:
            return [
                StoredCorrection(
                    row.kind, tuple(json.loads(row.mention_ids_json)), row.note, row.author, row.created_at
                )
                for row in connection.execute(query)
            ]

    def replace_events(self, events: Sequence[Event]) -> None:
        """Make ``events`` the store's events, in one transaction (what a remerge produces)."""
        now = _now()
        with write_transaction(self.engine) as connection:
            connection.execute(self._events.delete())
            connection.execute(self._mentions.update().values(event_id=None))
            if not events:
                return
            connection.execute(
                self._events.insert(),
                [_event_row(e, now) for e in events],
            )
            for event in events:
                connection.execute(
                    self._mentions.update()
                    .where(self._mentions.c.id.in_([m.id for m in event.mentions]))
                    .values(event_id=event.id)
                )

    def events(self, *, limit: int | None = None) -> list[Event]:
        """Stored events, by date then id."""
        query = (
            sa.select(self._events.c.payload_json)
            .order_by(self._events.c.date_start, self._events.c.id)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [Event.model_validate_json(row[0]) for row in connection.execute(query)]

    def get_event(self, event_id: str) -> Event:
        query = sa.select(self._events.c.payload_json).where(self._events.c.id == event_id)
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            raise NotFoundError(
                f"no event {event_id!r} in {self.display_url}", "list ids with `wirewatch events`"
            )
        return Event.model_validate_json(row[0])

    def mentions(self, *, article_id: str | None = None) -> list[Mention]:
        """Stored mentions (of one article, or all), in article then text order."""
        query = sa.select(self._mentions.c.payload_json).order_by(
            self._mentions.c.article_id, self._mentions.c.id
        )
        if article_id is not None:
            query = query.where(self._mentions.c.article_id == article_id)
        with self.engine.connect() as connection:
            return [Mention.model_validate_json(row[0]) for row in connection.execute(query)]

    def claims(self, *, article_id: str | None = None) -> list[AggregateClaim]:
        """Stored aggregate claims."""
        query = sa.select(self._claims.c.payload_json).order_by(self._claims.c.article_id, self._claims.c.id)
        if article_id is not None:
            query = query.where(self._claims.c.article_id == article_id)
        with self.engine.connect() as connection:
            return [AggregateClaim.model_validate_json(row[0]) for row in connection.execute(query)]

    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The body text of each of these articles that is stored."""
        if not article_ids:
            return {}
        query = sa.select(self._articles.c.id, self._articles.c.text).where(
            self._articles.c.id.in_(list(article_ids))
        )
        with self.engine.connect() as connection:
            return {row.id: row.text for row in connection.execute(query)}

    def article_ids(self) -> list[str]:
        with self.engine.connect() as connection:
            return [
                row[0]
                for row in connection.execute(sa.select(self._articles.c.id).order_by(self._articles.c.id))
            ]

    # ----------------------------------------------------------------------------- queries

    def find_events(
        self,
        event_filter: EventFilter | None = None,
        *,
        sort: EventSort = EventSort.DATE_DESC,
        limit: int = 100,
        cursor: str | None = None,
        with_total: bool = False,
    ) -> EventPage:
        """One page of matching events (as stored summary JSON), in ``sort`` order with ties
        broken by id; follow ``next_cursor`` for the next page. Pages never repeat or skip an
        event while the store is unchanged. ``with_total`` also counts every match (in the
        same transaction, so the count and the page agree)."""
        event_filter = event_filter or EventFilter()
        events = self._events
        sort_column = sort.column(events)
        query = (
            sa.select(events.c.id, events.c.summary_json, sort_column.label("sort_value"))
            .where(*event_filter.conditions(events))
            .order_by(*sort.order_by(events))
            .limit(limit + 1)  # one more than asked tells whether a next page exists
        )
        if cursor is not None:
            after = EventCursor.decode(cursor, sort, event_filter)
            query = query.where(sort.after(events, after.value, after.event_id))
        total = None
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
            if with_total:
                total = int(connection.execute(self._count_query(event_filter)).scalar_one())
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            next_cursor = EventCursor(sort, event_filter.fingerprint(), last.sort_value, last.id).encode()
        # Columns by position: a Row's attribute lookup is a measurable share of a page's cost.
        return EventPage(
            event_ids=tuple(row[0] for row in rows),
            summaries_json=tuple(row[1] for row in rows),
            next_cursor=next_cursor,
            total=total,
        )

    def _count_query(self, event_filter: EventFilter) -> sa.Select[Any]:
        conditions = event_filter.conditions(self._events)
        return sa.select(sa.func.count()).select_from(self._events).where(*conditions)

    def count_events(self, event_filter: EventFilter | None = None) -> int:
        """How many stored events match."""
        with self.engine.connect() as connection:
            return int(connection.execute(self._count_query(event_filter or EventFilter())).scalar_one())

    def events_by_ids(self, event_ids: Sequence[str]) -> list[Event]:
        """These events (the stored ones), in the order of ``event_ids``."""
        if not event_ids:
            return []
        query = sa.select(self._events.c.id, self._events.c.payload_json).where(
            self._events.c.id.in_(list(event_ids))
        )
        with self.engine.connect() as connection:
            found = {row.id: row.payload_json for row in connection.execute(query)}
        return [Event.model_validate_json(found[i]) for i in event_ids if i in found]

    def _actor_rows(self, conditions: Sequence[sa.ColumnElement[bool]]) -> sa.Subquery:
        """(day, name, fatalities) once per event and actor it names (actor1, and actor2 when
        it is another actor)."""
        c = self._events.c
        first = sa.select(
            c.date_start.label("day"), c.actor1.label("name"), c.fatalities.label("fatalities")
        ).where(*conditions, c.actor1.is_not(None))
        second = sa.select(
            c.date_start.label("day"), c.actor2.label("name"), c.fatalities.label("fatalities")
        ).where(*conditions, c.actor2.is_not(None), sa.or_(c.actor1.is_(None), c.actor2 != c.actor1))
        return sa.union_all(first, second).subquery("event_actors")

    def event_timeseries(
        self,
        event_filter: EventFilter | None = None,
        interval: Interval = Interval.WEEK,
        group_by: GroupBy = GroupBy.NONE,
    ) -> list[TimeSeries]:
        """Events and fatalities per period (of each event's first possible day), one series
        per group. Undated events and periods without events are left out."""
        c = self._events.c
        conditions = [*(event_filter or EventFilter()).conditions(self._events), c.date_start.is_not(None)]
        count, fatalities = sa.func.count(), sa.func.coalesce(sa.func.sum(c.fatalities), 0)
        query: sa.Select[Any]
        if group_by is GroupBy.NONE:
            query = sa.select(c.date_start, count, fatalities).where(*conditions).group_by(c.date_start)
        elif group_by is GroupBy.ACTOR:
            actors = self._actor_rows(conditions)
            query = sa.select(
                actors.c.day,
                actors.c.name,
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(actors.c.fatalities), 0),
            ).group_by(actors.c.day, actors.c.name)
        else:
            key = {
                GroupBy.EVENT_TYPE: c.event_type,
                GroupBy.SUB_EVENT_TYPE: c.sub_event_type,
                GroupBy.COUNTRY: c.country,
            }[group_by]
            query = (
                sa.select(c.date_start, key, count, fatalities).where(*conditions).group_by(c.date_start, key)
            )
        with self.engine.connect() as connection:
            result = connection.execute(query).all()
        if group_by is GroupBy.NONE:
            rows = [(day, "all", int(n), int(dead)) for day, n, dead in result]
        else:
            rows = [(day, key or "unknown", int(n), int(dead)) for day, key, n, dead in result]
        return bucket_series(rows, interval)

    def actor_counts(self, q: str | None = None, *, limit: int = 20) -> list[ActorCount]:
        """Actor names (canonical where resolved) with how many events name them, most first;
        ``q`` keeps names containing it (case-insensitive)."""
        actors = self._actor_rows([])
        query = sa.select(actors.c.name, sa.func.count()).group_by(actors.c.name)
        with self.engine.connect() as connection:
            counts = [ActorCount(str(name), int(n)) for name, n in connection.execute(query)]
        if q:
            # Filtered here rather than in SQL: casefold is exact for every script, and there
            # are far fewer distinct actors than events.
            wanted = fold(q)
            counts = [count for count in counts if wanted in fold(count.name)]
        counts.sort(key=lambda count: (-count.events, count.name))
        return counts[:limit]

    def _article_summary_query(self) -> sa.Select[Any]:
        articles, mentions = self._articles, self._mentions
        per_article = (
            sa.select(mentions.c.article_id, sa.func.count().label("mention_count"))
            .group_by(mentions.c.article_id)
            .subquery("mention_counts")
        )
        return sa.select(
            articles.c.id,
            articles.c.title,
            articles.c.url,
            articles.c.outlet,
            articles.c.published_iso,
            articles.c.language,
            articles.c.ingested_at,
            sa.func.coalesce(per_article.c.mention_count, 0).label("mention_count"),
        ).outerjoin(per_article, per_article.c.article_id == articles.c.id)

    @staticmethod
    def _article_summary(row: sa.Row[Any]) -> ArticleSummary:
        return ArticleSummary(
            id=row.id,
            title=row.title,
            url=row.url,
            outlet=row.outlet,
            published=row.published_iso,
            language=row.language,
            mention_count=int(row.mention_count),
        )

    def find_articles(self, *, limit: int = 100, cursor: str | None = None) -> ArticlePage:
        """One page of stored articles, newest ingested first, with their mention counts."""
        articles = self._articles
        query = (
            self._article_summary_query()
            .order_by(articles.c.ingested_at.desc(), articles.c.id.desc())
            .limit(limit + 1)
        )
        if cursor is not None:
            after = ArticleCursor.decode(cursor)
            query = query.where(
                sa.or_(
                    articles.c.ingested_at < after.ingested_at,
                    sa.and_(articles.c.ingested_at == after.ingested_at, articles.c.id < after.article_id),
                )
            )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            next_cursor = ArticleCursor(rows[-1].ingested_at, rows[-1].id).encode()
        return ArticlePage(tuple(self._article_summary(row) for row in rows), next_cursor)

    def article_summaries(self, article_ids: Sequence[str]) -> list[ArticleSummary]:
        """Metadata (no text) of these articles, the stored ones, in the order given."""
        if not article_ids:
            return []
        query = self._article_summary_query().where(self._articles.c.id.in_(list(article_ids)))
        with self.engine.connect() as connection:
            found = {row.id: self._article_summary(row) for row in connection.execute(query)}
        return [found[i] for i in article_ids if i in found]

    def article_rejection(self, article_id: str) -> ArticleRejection | None:
        """The first recorded discard that names this article id (a near-duplicate's id, say)."""
        query = (
            sa.select(self._rejections.c.reason, self._rejections.c.detail, self._rejections.c.duplicate_of)
            .where(self._rejections.c.article_id == article_id)
            .order_by(self._rejections.c.id)
            .limit(1)
        )
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return None if row is None else ArticleRejection(row.reason, row.detail, row.duplicate_of)
