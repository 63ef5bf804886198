"""Articles, the inputs they came from, near-duplicate band keys and rejections."""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 1
DESCRIPTION = "articles, inputs, article_bands, rejections"


def upgrade(conn: sa.Connection) -> None:
    metadata = sa.MetaData()
    sa.Table(
        "articles",
        metadata,
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("input_id", sa.Text, index=True),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        # The date part, for filtering and sorting; published_iso keeps date vs. datetime + zone.
        sa.Column("published_date", sa.Date, index=True),
        sa.Column("published_iso", sa.String(40)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sections_json", sa.Text, nullable=False),
        sa.Column("provenance_json", sa.Text, nullable=False),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "article_bands",
        metadata,
        sa.Column("band_key", sa.String(40), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(32),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    sa.Table(
        "inputs",
        metadata,
        # SHA-256 of the raw input; lets a re-run skip work it has done without re-parsing.
        sa.Column("content_hash", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("article_id", sa.String(32)),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "rejections",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        # One row per (input, reason): re-running over the same bad file adds nothing.
        sa.Column("dedup_key", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.String(16), nullable=False, index=True),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("duplicate_of", sa.String(32)),
        sa.Column("article_id", sa.String(32)),
        sa.Column("rejected_at", sa.DateTime(timezone=True), nullable=False),
    )
    metadata.create_all(conn)
