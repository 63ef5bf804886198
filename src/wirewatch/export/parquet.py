"""Parquet: one row per event in typed columns, plus the full record as JSON.

The schema is declared (:data:`EVENT_SCHEMA`), never inferred, so every export has the same
column types whatever its first rows hold: dates are ``date32``, coordinates ``float64``,
counts ``int32`` (null when no source reports them: unlike ACLED CSV, Parquet keeps "not
reported" apart from 0), places a list of structs, sources and article ids lists of strings.
``record_json`` holds the whole Event (``Event.model_validate_json`` reads it back), so
nothing is lost. Rows are written in batches of :data:`ROW_BATCH_SIZE`, so memory stays flat.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from wirewatch.export.base import ExportOptions, ExportResult
from wirewatch.geojson import summary_sentence
from wirewatch.schema import ActorRef, Event

#: Rows per record batch (and so at most per row group): large enough for good compression and
#: fast scans, small enough that a batch of full records stays a few tens of MB.
ROW_BATCH_SIZE = 2000

_PLACE = pa.struct(
    [
        pa.field("name", pa.string()),
        pa.field("country", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("admin2", pa.string()),
        pa.field("lat", pa.float64()),
        pa.field("lon", pa.float64()),
        pa.field("precision", pa.int8()),
    ]
)

#: The columns of a Parquet export, in order.
EVENT_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), nullable=False),
        pa.field("event_type", pa.string(), nullable=False),
        pa.field("sub_event_type", pa.string(), nullable=False),
        pa.field("plover", pa.string()),
        pa.field("mode", pa.string(), nullable=False),
        pa.field("date_start", pa.date32()),
        pa.field("date_end", pa.date32()),
        pa.field("date_precision", pa.string()),
        pa.field("date_partial", pa.string()),
        pa.field("location", pa.string()),
        pa.field("country", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("admin2", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geo_precision", pa.int8()),
        pa.field("places", pa.list_(_PLACE), nullable=False),
        pa.field("actor1", pa.string()),
        pa.field("actor1_type", pa.int8()),
        pa.field("actor1_country", pa.string()),
        pa.field("actor2", pa.string()),
        pa.field("actor2_type", pa.int8()),
        pa.field("actor2_country", pa.string()),
        pa.field("assoc_actors1", pa.list_(pa.string()), nullable=False),
        pa.field("assoc_actors2", pa.list_(pa.string()), nullable=False),
        pa.field("fatalities", pa.int32()),
        pa.field("fatalities_qualifier", pa.string()),
        pa.field("fatalities_low", pa.int32()),
        pa.field("fatalities_high", pa.int32()),
        pa.field("injuries", pa.int32()),
        pa.field("injuries_qualifier", pa.string()),
        pa.field("weapon", pa.string()),
        pa.field("mention_count", pa.int32(), nullable=False),
        pa.field("article_count", pa.int32(), nullable=False),
        pa.field("article_ids", pa.list_(pa.string()), nullable=False),
        pa.field("sources", pa.list_(pa.string()), nullable=False),
        pa.field("summary", pa.string(), nullable=False),
        pa.field("record_json", pa.string(), nullable=False),
    ],
    metadata={"wirewatch.record": "Event", "wirewatch.record_column": "record_json"},
)


def _actor_name(actor: ActorRef | None) -> str | None:
    return None if actor is None else actor.canonical or actor.text


def event_row(event: Event, options: ExportOptions) -> dict[str, Any]:
    """One event as a row of :data:`EVENT_SCHEMA`."""
    first = event.places[0] if event.places else None
    article_ids = list(dict.fromkeys(mention.article_id for mention in event.mentions))
    sources: list[str] = []
    if options.outlet_of is not None:
        sources = list(dict.fromkeys(o for o in map(options.outlet_of, article_ids) if o))
    low_high = event.fatalities_range
    return {
        "id": event.id,
        "event_type": event.event_type.value,
        "sub_event_type": event.sub_event_type.value,
        "plover": event.plover.value if event.plover else None,
        "mode": event.mode.value,
        "date_start": event.date.start if event.date else None,
        "date_end": event.date.end if event.date else None,
        "date_precision": event.date.precision.value if event.date else None,
        "date_partial": event.date.partial if event.date else None,
        "location": first.name if first else None,
        "country": first.country if first else None,
        "admin1": first.admin1 if first else None,
        "admin2": first.admin2 if first else None,
        "latitude": first.lat if first else None,
        "longitude": first.lon if first else None,
        "geo_precision": int(first.precision) if first else None,
        "places": [
            {
                "name": p.name,
                "country": p.country,
                "admin1": p.admin1,
                "admin2": p.admin2,
                "lat": p.lat,
                "lon": p.lon,
                "precision": int(p.precision),
            }
            for p in event.places
        ],
        "actor1": _actor_name(event.actor1),
        "actor1_type": int(event.actor1.actor_type) if event.actor1 and event.actor1.actor_type else None,
        "actor1_country": event.actor1.country if event.actor1 else None,
        "actor2": _actor_name(event.actor2),
        "actor2_type": int(event.actor2.actor_type) if event.actor2 and event.actor2.actor_type else None,
        "actor2_country": event.actor2.country if event.actor2 else None,
        "assoc_actors1": [a.canonical or a.text for a in event.assoc_actors1],
        "assoc_actors2": [a.canonical or a.text for a in event.assoc_actors2],
        "fatalities": event.fatalities.value if event.fatalities else None,
        "fatalities_qualifier": event.fatalities.qualifier.value if event.fatalities else None,
        "fatalities_low": low_high[0] if low_high else None,
        "fatalities_high": low_high[1] if low_high else None,
        "injuries": event.injuries.value if event.injuries else None,
        "injuries_qualifier": event.injuries.qualifier.value if event.injuries else None,
        "weapon": event.weapon,
        "mention_count": len(event.mentions),
        "article_count": len(article_ids),
        "article_ids": article_ids,
        "sources": sources,
        "summary": summary_sentence(event),
        "record_json": event.model_dump_json(),
    }


class ParquetWriter:
    """Writes Parquet (see the module doc). Needs a file: Parquet's footer is written last and
    readers seek to it, so it cannot stream to a pipe."""

    name = "parquet"
    description = "Parquet with typed columns (dates, coordinates, counts, lists) and the full record"
    extension = ".parquet"
    binary = True
    needs_path = True

    def write(self, events: Iterable[Event], out: IO[bytes], options: ExportOptions) -> ExportResult:
        result = ExportResult()
        batch: list[dict[str, Any]] = []
        with pq.ParquetWriter(out, EVENT_SCHEMA, compression="zstd") as writer:
            for event in events:
                batch.append(event_row(event, options))
                if len(batch) >= ROW_BATCH_SIZE:
                    writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=EVENT_SCHEMA))
                    result.written += len(batch)
                    batch = []
            if batch or result.written == 0:
                # An empty export still gets one (empty) batch, so the file has its schema.
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=EVENT_SCHEMA))
                result.written += len(batch)
        return result
