"""Exports: events to ACLED-compatible CSV, GeoJSON, Parquet and JSON Lines.

Each format is a writer registered by name (``acled-csv``, ``geojson``, ``parquet``,
``jsonl``); :func:`export_events` streams an iterable of events through one of them to a file
(written under a temporary name and renamed when complete) or to stdout. Writers hold no
list of events, so an export of any size runs in constant memory.

    from wirewatch.export import ExportOptions, export_events
    result = export_events(store.events(), "acled-csv", Path("events.csv"), ExportOptions())
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

from wirewatch.export.base import ExportError, ExportOptions, ExportResult, OutletLookup, open_destination
from wirewatch.registry import Registry
from wirewatch.schema import Event

__all__ = [
    "FORMATS",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "ExportWriter",
    "OutletLookup",
    "export_events",
    "format_names",
    "writer_for",
]


class ExportWriter(Protocol):
    """A format: its name, how it is written, and the writing itself."""

    name: str
    description: str
    extension: str
    #: Writes bytes (else text, UTF-8).
    binary: bool
    #: Cannot write to stdout (Parquet).
    needs_path: bool

    def write(self, events: Iterable[Event], out: Any, options: ExportOptions) -> ExportResult: ...


FORMATS: Registry[ExportWriter] = Registry("export format")


@FORMATS.register("acled-csv")
def _acled() -> ExportWriter:
    from wirewatch.export.acled import AcledCsvWriter

    return AcledCsvWriter()


@FORMATS.register("geojson")
def _geojson() -> ExportWriter:
    from wirewatch.export.formats import GeoJsonWriter

    return GeoJsonWriter()


@FORMATS.register("parquet")
def _parquet() -> ExportWriter:
    # pyarrow takes a moment to import: only when Parquet is asked for.
    from wirewatch.export.parquet import ParquetWriter

    return ParquetWriter()


@FORMATS.register("jsonl")
def _jsonl() -> ExportWriter:
    from wirewatch.export.formats import JsonLinesWriter

    return JsonLinesWriter()


def format_names() -> list[str]:
    return FORMATS.names()


def writer_for(name: str) -> ExportWriter:
    """The writer of a format; an unknown name raises ConfigError listing the known ones."""
    return FORMATS.create(name)


def export_events(
    events: Iterable[Event],
    format_name: str,
    destination: Path | None,
    options: ExportOptions | None = None,
) -> ExportResult:
    """Write ``events`` in a format to ``destination`` (a file path; None for stdout)."""
    writer = writer_for(format_name)
    if writer.needs_path and destination is None:
        raise ExportError(
            f"{format_name} cannot be written to stdout",
            f"name a file: -o events{writer.extension}",
        )
    out: IO[Any]
    with open_destination(destination, binary=writer.binary) as out:
        return writer.write(events, out, options or ExportOptions())
