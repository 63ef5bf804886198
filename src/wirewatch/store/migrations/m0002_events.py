"""Mentions, events and aggregate claims derived from articles."""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 2
DESCRIPTION = "mentions, events, aggregate_claims"


def _date_and_place_columns() -> list[sa.Column[object]]:
    """Indexed copies of what users filter on; the full record is in payload_json."""
    return [
        sa.Column("event_type", sa.String(40), nullable=False, index=True),
        sa.Column("sub_event_type", sa.String(60), nullable=False, index=True),
        sa.Column("plover", sa.String(16), index=True),
        sa.Column("mode", sa.String(16), nullable=False, index=True),
        sa.Column("date_start", sa.Date, index=True),
        sa.Column("date_end", sa.Date, index=True),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("country", sa.String(2), index=True),
        sa.Column("admin1", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("actor1", sa.Text, index=True),
        sa.Column("actor2", sa.Text, index=True),
        sa.Column("fatalities", sa.Integer),
        sa.Column("injuries", sa.Integer),
        sa.Column("payload_json", sa.Text, nullable=False),
    ]


def upgrade(conn: sa.Connection) -> None:
    metadata = sa.MetaData()
    # The articles table as migration 1 made it, only so the foreign keys below can name it.
    sa.Table("articles", metadata, sa.Column("id", sa.String(32), primary_key=True))
    events = sa.Table(
        "events",
        metadata,
        sa.Column("id", sa.String(40), primary_key=True),
        *_date_and_place_columns(),
        sa.Column("mention_count", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    mentions = sa.Table(
        "mentions",
        metadata,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("event_id", sa.String(40), index=True),
        *_date_and_place_columns(),
    )
    claims = sa.Table(
        "aggregate_claims",
        metadata,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("payload_json", sa.Text, nullable=False),
    )
    metadata.create_all(conn, tables=[events, mentions, claims])
