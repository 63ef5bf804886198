"""Manual merge corrections (split a mention out, merge events), kept so they survive remerges."""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 3
DESCRIPTION = "corrections"


def upgrade(conn: sa.Connection) -> None:
    metadata = sa.MetaData()
    corrections = sa.Table(
        "corrections",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        # Mention ids, not event ids: event ids change when events change.
        sa.Column("mention_ids_json", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("author", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    metadata.create_all(conn, tables=[corrections])
