"""Opening a database: engines for SQLite and PostgreSQL, and applying numbered migrations."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from wirewatch.errors import StoreError

#: How long a SQLite writer waits for another process's write lock before giving up. Ingest
#: commits one article at a time, so a wait of more than a few seconds means something is stuck;
#: 60 s also covers a concurrent migration of a large store.
SQLITE_BUSY_TIMEOUT_MS = 60_000

#: Advisory-lock key that serialises migrations between PostgreSQL clients (crc32 of the name).
_PG_MIGRATION_LOCK = zlib.crc32(b"wirewatch-migrations")

_IMMEDIATE = "wirewatch_sqlite_immediate"


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    database = url.database
    if database and database != ":memory:":
        parent = Path(database).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(
                f"cannot create the SQLite store {database}: folder {parent} does not exist",
                "create the folder or give another --db path",
            )
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN and breaks transactional DDL;
        # switch it off and let the "begin" hook below issue BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL: readers never block the writer; synchronous=NORMAL is durable against process
        # crashes (our failure model: a killed ingest), and only risks the last commits on
        # power loss, never corruption.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        # A writer takes the write lock up front (IMMEDIATE) so that two writers queue on
        # busy_timeout instead of failing on a lock upgrade half-way through.
        immediate = connection.info.get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def create_engine(url_text: str) -> sa.Engine:
    """An engine for a SQLAlchemy URL (sqlite:///file.db or postgresql+psycopg://…)."""
    try:
        url = sa.make_url(url_text)
    except ArgumentError as exc:
        raise StoreError(
            f"{url_text!r} is not a database URL",
            "use a file path, sqlite:///path.db or postgresql://user:pass@host/dbname",
        ) from exc
    try:
        if url.get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        if url.get_backend_name() == "postgresql":
            return sa.create_engine(url, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise StoreError(f"no database driver for {url.drivername}", "use postgresql+psycopg://") from exc
    raise StoreError(
        f"unsupported database {url.get_backend_name()!r}", "use SQLite (a file path) or PostgreSQL"
    )


@contextmanager
def write_transaction(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A transaction that will write: all of it commits, or none of it does."""
    with engine.connect() as connection:
        connection.info[_IMMEDIATE] = True
        try:
            with connection.begin():
                yield connection
        finally:
            connection.info[_IMMEDIATE] = False


def _migration_modules() -> list[ModuleType]:
    from wirewatch.store import migrations

    modules = [
        importlib.import_module(f"{migrations.__name__}.{info.name}")
        for info in pkgutil.iter_modules(migrations.__path__)
        if info.name.startswith("m") and info.name[1:5].isdigit()
    ]
    modules.sort(key=lambda module: int(module.VERSION))
    versions = [int(module.VERSION) for module in modules]
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migrations are not numbered 1..n: {versions}", "renumber the migration files")
    return modules


LATEST_VERSION = len(_migration_modules())


def migrations_table(metadata: sa.MetaData) -> sa.Table:
    """The table that records which migrations a store has had."""
    return sa.Table(
        "schema_migrations",
        metadata,
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
    )


def migrate(engine: sa.Engine) -> int:
    """Apply every migration the database lacks, all in one transaction. Returns the version."""
    metadata = sa.MetaData()
    applied = migrations_table(metadata)
    try:
        with write_transaction(engine) as connection:
            if engine.dialect.name == "postgresql":
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_MIGRATION_LOCK)))
            metadata.create_all(connection)
            done = {row[0] for row in connection.execute(sa.select(applied.c.version))}
            if done and max(done) > LATEST_VERSION:
                raise StoreError(
                    f"the store is at schema version {max(done)}, newer than this wirewatch "
                    f"({LATEST_VERSION})",
                    "upgrade wirewatch (pip install -U wirewatch) or use another --db",
                )
            for module in _migration_modules():
                version = int(module.VERSION)
                if version in done:
                    continue
                module.upgrade(connection)
                connection.execute(
                    applied.insert().values(
                        version=version,
                        description=str(module.DESCRIPTION),
                        applied_at=dt.datetime.now(dt.UTC),
                    )
                )
    except OperationalError as exc:
        raise StoreError(
            f"cannot open the store {engine.url.render_as_string(hide_password=True)}: "
            f"{str(exc.orig).strip() or exc}",
            "check --db / WIREWATCH_DB, that the server runs and that you may write there",
        ) from exc
    return LATEST_VERSION
