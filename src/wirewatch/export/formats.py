"""The JSON Lines and GeoJSON writers (the ACLED and Parquet writers have modules of their own)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from wirewatch.export.base import ExportOptions, ExportResult
from wirewatch.geojson import event_feature, features_bbox
from wirewatch.schema import Event


class JsonLinesWriter:
    """One full Event record per line (``Event.model_dump_json``): lossless, and what
    ``Event.model_validate_json`` reads back. Every event is written, whatever its mode."""

    name = "jsonl"
    description = "JSON Lines: one full event record (every mention and evidence span) per line"
    extension = ".jsonl"
    binary = False
    needs_path = False

    def write(self, events: Iterable[Event], out: IO[str], options: ExportOptions) -> ExportResult:
        result = ExportResult()
        for event in events:
            out.write(event.model_dump_json())
            out.write("\n")
            result.written += 1
        return result


class GeoJsonWriter:
    """A GeoJSON FeatureCollection (RFC 7946) of every event, one Feature each, as
    :mod:`wirewatch.geojson` builds them (unplaced events have a null geometry).

    Features are written as they come, so an export of any size runs in constant memory; the
    collection's ``bbox`` is written after the features (member order carries no meaning in
    JSON), since it is only known at the end.
    """

    name = "geojson"
    description = "GeoJSON FeatureCollection (RFC 7946), one point feature per event"
    extension = ".geojson"
    binary = False
    needs_path = False

    def write(self, events: Iterable[Event], out: IO[str], options: ExportOptions) -> ExportResult:
        result = ExportResult()
        out.write('{"type": "FeatureCollection", "features": [')
        box: list[float] | None = None
        for event in events:
            feature = event_feature(event)
            out.write(",\n" if result.written else "\n")
            out.write(json.dumps(feature, ensure_ascii=False))
            result.written += 1
            point = features_bbox([feature])
            if point is not None:
                box = (
                    point
                    if box is None
                    else [
                        min(box[0], point[0]),
                        min(box[1], point[1]),
                        max(box[2], point[2]),
                        max(box[3], point[3]),
                    ]
                )
        out.write("\n]")
        if box is not None:
            out.write(f', "bbox": {json.dumps(box)}')
        out.write("}\n")
        return result
