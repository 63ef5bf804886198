"""The store on SQLite and PostgreSQL: round trips, idempotence, rejections, migrations."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from wirewatch.errors import NotFoundError, StoreError
from wirewatch.ingest.identity import article_id, fingerprint
from wirewatch.schema import Article, Rejected, RejectReason, Section
from wirewatch.store import Store
from wirewatch.store.database import LATEST_VERSION

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def make_article(text: str, **fields: object) -> Article:
    values: dict[str, object] = {"id": article_id(text), "text": text, "source": "sample.txt"}
    values.update(fields)
    return Article.model_validate(values)


def add(store: Store, article: Article, content_hash: str | None = None) -> bool:
    print_ = fingerprint(article.text)
    return store.add_article(
        article, signature=print_.signature, band_keys=print_.band_keys, content_hash=content_hash
    )


def test_article_round_trip_keeps_every_field(store: Store) -> None:
    text = "Two rockets struck near the airport on Monday, a security source said. Nobody was hurt."
    article = make_article(
        text,
        title="Rockets strike near airport",
        url="https://news.example/a",
        outlet="Example Wire",
        published=dt.datetime(2020, 1, 7, 9, 56, tzinfo=IST),
        sections=(
            Section(
                start=0, end=len(text), dateline="Baghdad (XYZ) Jan 6, 2020", published=dt.date(2020, 1, 6)
            ),
        ),
        provenance=(("published", "header"), ("outlet", "sidecar")),
    )
    assert add(store, article, content_hash="h1")
    assert store.get_article(article.id) == article
    assert store.articles() == [article]
    assert store.seen_input("h1")
    assert not store.seen_input("h2")


def test_date_only_publication_stays_a_date(store: Store) -> None:
    article = make_article(
        "A convoy was hit by a roadside bomb near the town, officials said.", published=dt.date(2024, 2, 8)
    )
    add(store, article)
    published = store.get_article(article.id).published
    assert type(published) is dt.date


def test_adding_the_same_article_twice_changes_nothing(store: Store) -> None:
    article = make_article("Clashes broke out on the outskirts of the city late on Sunday.")
    assert add(store, article)
    assert not add(store, article)
    assert store.counts().articles == 1


def test_rejections_are_recorded_once_per_input_and_reason(store: Store) -> None:
    rejected = Rejected(source="bad.bin", reason=RejectReason.BINARY, detail="binary file (PNG image)")
    assert store.add_rejection(rejected)
    assert not store.add_rejection(rejected)
    other = Rejected(source="empty.txt", reason=RejectReason.EMPTY, detail="the file is empty")
    assert store.add_rejection(other, content_hash="e3b0")
    counts = store.counts()
    assert counts.rejections == 2
    assert counts.rejections_by_reason == {"binary": 1, "empty": 1}
    assert store.rejections(reasons=[RejectReason.EMPTY]) == [other]
    assert store.seen_input("e3b0")


def test_near_duplicate_candidates_share_a_band(store: Store) -> None:
    body = " ".join(
        f"Sentence number {i} says rockets hit the base and officials counted damage." for i in range(30)
    )
    first = make_article(body)
    add(store, first)
    reprint = fingerprint(body + " Follow us for more news.")
    candidates = store.near_duplicate_candidates(reprint.band_keys)
    assert candidates == [first.id]
    assert reprint.similarity(fingerprint(body).signature) > 0.8
    unrelated = fingerprint("A completely different story about a football match in Madrid and its fans.")
    assert store.near_duplicate_candidates(unrelated.band_keys) == []


def test_unknown_article_is_a_typed_error(store: Store) -> None:
    with pytest.raises(NotFoundError, match="wirewatch articles"):
        store.get_article("0000000000000000")


def test_migrations_are_recorded_and_reopening_is_safe(db_url: str) -> None:
    Store.open(db_url).close()
    with Store.open(db_url) as store:
        assert store.schema_version == LATEST_VERSION
        with store.engine.connect() as connection:
            versions = (
                connection.execute(sa.text("SELECT version FROM schema_migrations ORDER BY version"))
                .scalars()
                .all()
            )
        assert versions == list(range(1, LATEST_VERSION + 1))


def test_a_store_newer_than_the_code_is_refused(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (:v, 'future', :t)"
            ),
            {"v": LATEST_VERSION + 1, "t": dt.datetime.now(dt.UTC)},
        )
    with pytest.raises(StoreError, match="newer than this wirewatch"):
        Store.open(db_url)


def test_sqlite_store_uses_wal(tmp_path: object) -> None:
    with Store.open(f"sqlite:///{tmp_path}/wal.db") as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_missing_folder_and_bad_url_name_the_fix(tmp_path: object) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(f"sqlite:///{tmp_path}/no/such/dir/x.db")
    with pytest.raises(StoreError, match="unsupported database"):
        Store.open("mysql://localhost/x")
