"""Columns that keep event lists and filters cheap: summary JSON, searchable text, sort indexes."""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 4
DESCRIPTION = "events: summary_json, evidence_text, actor_text, admin1_key; sort indexes"

#: Rows read per batch while backfilling, so a large store is not held in memory at once.
_BACKFILL_BATCH = 500

# Constant DDL (no values are interpolated); ALTER TABLE ... ADD COLUMN reads the same on
# SQLite and PostgreSQL.
_ADD_COLUMNS = (
    "ALTER TABLE events ADD COLUMN summary_json TEXT",
    "ALTER TABLE events ADD COLUMN evidence_text TEXT",
    "ALTER TABLE events ADD COLUMN actor_text TEXT",
    "ALTER TABLE events ADD COLUMN admin1_key TEXT",
)


def upgrade(conn: sa.Connection) -> None:
    for statement in _ADD_COLUMNS:
        conn.execute(sa.text(statement))
    metadata = sa.MetaData()
    events = sa.Table(
        "events",
        metadata,
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("date_start", sa.Date),
        sa.Column("fatalities", sa.Integer),
        sa.Column("payload_json", sa.Text),
        sa.Column("summary_json", sa.Text),
        sa.Column("evidence_text", sa.Text),
        sa.Column("actor_text", sa.Text),
        sa.Column("admin1_key", sa.Text),
    )
    # Keyset pagination orders by (sort key, id); these let both sorts walk an index.
    sa.Index("ix_events_date_start_id", events.c.date_start, events.c.id).create(conn)
    sa.Index("ix_events_fatalities_id", events.c.fatalities, events.c.id).create(conn)
    sa.Index("ix_events_admin1_key", events.c.admin1_key).create(conn)
    if conn.dialect.name == "postgresql":
        # PostgreSQL sorts NULLs last going up and first going down, so the descending orders
        # (NULLs last, as on SQLite) need their own indexes; SQLite walks the ones above backwards.
        sa.Index(
            "ix_events_date_start_desc_id", events.c.date_start.desc().nulls_last(), events.c.id.desc()
        ).create(conn)
        sa.Index(
            "ix_events_fatalities_desc_id", events.c.fatalities.desc().nulls_last(), events.c.id.desc()
        ).create(conn)
    _backfill(conn, events)


def _backfill(conn: sa.Connection, events: sa.Table) -> None:
    # The derived columns are a cache of the payload, so they are computed by the same code
    # that fills them on every write (imported here, not at module level, because the store
    # package imports the migrations while it is itself being imported).
    from wirewatch.schema import Event
    from wirewatch.store.summary import derived_event_columns

    last_id = ""
    while True:
        rows = conn.execute(
            sa.select(events.c.id, events.c.payload_json)
            .where(events.c.id > last_id)
            .order_by(events.c.id)
            .limit(_BACKFILL_BATCH)
        ).all()
        if not rows:
            return
        for row in rows:
            columns = derived_event_columns(Event.model_validate_json(row.payload_json))
            conn.execute(events.update().where(events.c.id == row.id).values(**columns))
        last_id = rows[-1].id
