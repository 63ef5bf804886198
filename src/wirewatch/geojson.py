"""Events as GeoJSON (RFC 7946), and the compact event summary the API and exports share.

One :class:`~wirewatch.schema.Event` becomes one GeoJSON Feature:

* ``id`` is the event id (a string, as RFC 7946 section 3.2 allows);
* ``geometry`` is a Point at the event's *first* place, ``[longitude, latitude]`` in that order
  (RFC 7946 section 3.1.1), or ``null`` when the first place has no coordinates or the event
  has no place (an unlocated feature, section 3.2). The first place is used, not the first
  place that has coordinates, so the point, the ``location`` property and the store's
  latitude/longitude columns (which a bounding-box filter reads) always describe one place;
* ``properties`` are the :func:`event_summary` fields without ``place``, plus the first place
  flattened into ``location``, ``admin1``, ``country`` and ``geo_precision`` (what GIS tools
  style and filter on), plus ``places``: every place of the event, for multi-place events.

A FeatureCollection has no ``crs`` member (RFC 7946 dropped it: coordinates are always WGS84)
and an optional ``bbox`` ``[west, south, east, north]``. :func:`rfc7946_problems` checks the
structure of a GeoJSON object, so tests of every producer can assert validity the same way.

This module imports only :mod:`wirewatch.schema`, so that both the API and the exports use it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from wirewatch.schema import ActorRef, DateRange, Event, Place, Quantity

__all__ = [
    "SUMMARY_MAX_CHARS",
    "event_feature",
    "event_summary",
    "feature_collection",
    "features_bbox",
    "place_json",
    "rfc7946_problems",
    "summary_feature",
    "summary_sentence",
]

#: Longest ``summary`` (the first evidence sentence) in characters; the contract's figure,
#: enough for one news sentence while keeping a 1,000-event page small.
SUMMARY_MAX_CHARS = 300
_ELLIPSIS = "…"

#: GeoJSON object types (RFC 7946 section 1.4) and which member holds their content.
_GEOMETRY_TYPES = {
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
}
#: Members a FeatureCollection or Feature must not redefine (section 7.1).
_RESERVED_FEATURE_COLLECTION_MEMBERS = {"geometry", "properties"}
_RESERVED_FEATURE_MEMBERS = {"features"}


# --------------------------------------------------------------------------------------------
# The event summary (the API's EventSummary)
# --------------------------------------------------------------------------------------------


def _date_json(date: DateRange | None) -> dict[str, Any] | None:
    if date is None:
        return None
    return {
        "start": date.start.isoformat() if date.start else None,
        "end": date.end.isoformat() if date.end else None,
        "precision": date.precision.value,
        "partial": date.partial,
    }


def place_json(place: Place) -> dict[str, Any]:
    """One place in the summary's shape: name, country, admin1, lat, lon, precision (1-4)."""
    return {
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "precision": int(place.precision),
    }


def _actor_json(actor: ActorRef | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "text": actor.text,
        "canonical": actor.canonical,
        "actor_type": int(actor.actor_type) if actor.actor_type is not None else None,
        "country": actor.country,
    }


def _quantity_json(quantity: Quantity | None) -> dict[str, Any] | None:
    if quantity is None:
        return None
    return {"value": quantity.value, "qualifier": quantity.qualifier.value}


def summary_sentence(event: Event) -> str:
    """The first mention's first evidence sentence, cut to :data:`SUMMARY_MAX_CHARS`."""
    for mention in event.mentions:
        for span in mention.evidence:
            text = " ".join(span.text.split())
            if len(text) > SUMMARY_MAX_CHARS:
                text = text[: SUMMARY_MAX_CHARS - len(_ELLIPSIS)].rstrip() + _ELLIPSIS
            return text
    return ""


def event_summary(event: Event) -> dict[str, Any]:
    """The compact, JSON-ready view of an event (the API's EventSummary).

    ``place`` is the event's first place (``None`` without one) and ``places`` all of them;
    ``article_count`` counts distinct articles among the mentions.
    """
    places = [place_json(place) for place in event.places]
    return {
        "id": event.id,
        "event_type": event.event_type.value,
        "sub_event_type": event.sub_event_type.value,
        "plover": event.plover.value if event.plover else None,
        "mode": event.mode.value,
        "date": _date_json(event.date),
        "place": places[0] if places else None,
        "places": places,
        "actor1": _actor_json(event.actor1),
        "actor2": _actor_json(event.actor2),
        "fatalities": _quantity_json(event.fatalities),
        "injuries": _quantity_json(event.injuries),
        "weapon": event.weapon,
        "mention_count": len(event.mentions),
        "article_count": len({mention.article_id for mention in event.mentions}),
        "summary": summary_sentence(event),
    }


# --------------------------------------------------------------------------------------------
# GeoJSON
# --------------------------------------------------------------------------------------------


def event_feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature (see the module docstring for its shape)."""
    return summary_feature(event_summary(event))


def summary_feature(summary: Mapping[str, Any]) -> dict[str, Any]:
    """The Feature of an event from its :func:`event_summary` (or a stored copy of one), so a
    list served from precomputed summaries gives the same features as the events would."""
    properties = dict(summary)
    first = properties.pop("place", None)
    properties["location"] = first["name"] if first else None
    properties["admin1"] = first["admin1"] if first else None
    properties["country"] = first["country"] if first else None
    properties["geo_precision"] = first["precision"] if first else None
    geometry: dict[str, Any] | None = None
    if first is not None and first["lat"] is not None and first["lon"] is not None:
        geometry = {"type": "Point", "coordinates": [first["lon"], first["lat"]]}
    return {"type": "Feature", "id": summary["id"], "geometry": geometry, "properties": properties}


def features_bbox(features: Iterable[Mapping[str, Any]]) -> list[float] | None:
    """``[west, south, east, north]`` of the Point features (None when none has a point).

    Longitudes are taken as they are: a set of points straddling the antimeridian gets the
    wide box, which is valid, merely loose (RFC 7946 section 5.2 allows either).
    """
    lons: list[float] = []
    lats: list[float] = []
    for feature in features:
        geometry = feature.get("geometry")
        if isinstance(geometry, Mapping) and geometry.get("type") == "Point":
            lon, lat = geometry["coordinates"][:2]
            lons.append(float(lon))
            lats.append(float(lat))
    if not lons:
        return None
    return [min(lons), min(lats), max(lons), max(lats)]


def feature_collection(
    events: Iterable[Event], *, bbox: bool = False, members: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Events as a FeatureCollection, in the order given.

    ``bbox=True`` adds the collection's bounding box (left out when no feature has a point);
    ``members`` adds foreign members at the top level (the API's ``next_cursor``). A member
    named like a core GeoJSON member is refused, since it would change the object's meaning.
    """
    features = [event_feature(event) for event in events]
    collection: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if bbox:
        box = features_bbox(features)
        if box is not None:
            collection["bbox"] = box
    for key, value in (members or {}).items():
        if key in {"type", "features", "bbox", *_RESERVED_FEATURE_COLLECTION_MEMBERS}:
            raise ValueError(f"{key!r} is a GeoJSON member of its own; pick another name")
        collection[key] = value
    return collection


# --------------------------------------------------------------------------------------------
# Structural validation (RFC 7946)
# --------------------------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _position_problems(position: object, where: str) -> list[str]:
    if not isinstance(position, list) or not 2 <= len(position) <= 3:
        return [f"{where}: a position is an array of 2 or 3 numbers"]
    if not all(_is_number(n) for n in position):
        return [f"{where}: position members must be finite numbers"]
    lon, lat = position[0], position[1]
    problems = []
    if not -180 <= lon <= 180:
        problems.append(f"{where}: longitude {lon} is outside [-180, 180] (is the order [lon, lat]?)")
    if not -90 <= lat <= 90:
        problems.append(f"{where}: latitude {lat} is outside [-90, 90] (is the order [lon, lat]?)")
    return problems


def _positions_problems(coordinates: object, depth: int, where: str) -> list[str]:
    """``depth`` 0 is one position, 1 an array of them, and so on."""
    if depth == 0:
        return _position_problems(coordinates, where)
    if not isinstance(coordinates, list):
        return [f"{where}: coordinates must be nested arrays"]
    problems: list[str] = []
    for index, item in enumerate(coordinates):
        problems += _positions_problems(item, depth - 1, f"{where}[{index}]")
    return problems


_COORDINATE_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}


def _geometry_problems(geometry: object, where: str) -> list[str]:
    if geometry is None:
        return []
    if not isinstance(geometry, Mapping):
        return [f"{where}: a geometry is an object or null"]
    kind = geometry.get("type")
    if kind not in _GEOMETRY_TYPES:
        return [f"{where}: unknown geometry type {kind!r}"]
    if kind == "GeometryCollection":
        members = geometry.get("geometries")
        if not isinstance(members, list):
            return [f"{where}: a GeometryCollection needs a 'geometries' array"]
        problems: list[str] = []
        for index, member in enumerate(members):
            if member is None:
                problems.append(f"{where}.geometries[{index}]: must be a geometry, not null")
            else:
                problems += _geometry_problems(member, f"{where}.geometries[{index}]")
        return problems
    if "coordinates" not in geometry:
        return [f"{where}: a {kind} needs 'coordinates'"]
    return _positions_problems(geometry["coordinates"], _COORDINATE_DEPTH[str(kind)], f"{where}.coordinates")


def _bbox_problems(obj: Mapping[str, Any], where: str) -> list[str]:
    if "bbox" not in obj:
        return []
    box = obj["bbox"]
    if not isinstance(box, list) or len(box) not in (4, 6) or not all(_is_number(n) for n in box):
        return [f"{where}.bbox: must be 4 (or 6) finite numbers"]
    half = len(box) // 2
    if not all(box[i] <= box[i + half] for i in range(1, half)):
        return [f"{where}.bbox: a south edge is north of the north edge"]
    return []


def _feature_problems(feature: object, where: str, seen_ids: set[object]) -> list[str]:
    if not isinstance(feature, Mapping) or feature.get("type") != "Feature":
        return [f"{where}: must be an object with type 'Feature'"]
    problems = []
    if "geometry" not in feature:
        problems.append(f"{where}: a Feature needs a 'geometry' member (null when unlocated)")
    else:
        problems += _geometry_problems(feature["geometry"], f"{where}.geometry")
    if "properties" not in feature:
        problems.append(f"{where}: a Feature needs a 'properties' member (an object or null)")
    elif feature["properties"] is not None and not isinstance(feature["properties"], Mapping):
        problems.append(f"{where}.properties: must be an object or null")
    if "id" in feature:
        identifier = feature["id"]
        if not isinstance(identifier, str) and not _is_number(identifier):
            problems.append(f"{where}.id: must be a string or a number")
        elif identifier in seen_ids:
            problems.append(f"{where}.id: {identifier!r} is used by an earlier feature")
        else:
            seen_ids.add(identifier)
    for member in _RESERVED_FEATURE_MEMBERS & set(feature):
        problems.append(f"{where}: a Feature must not have a {member!r} member")
    return problems + _bbox_problems(feature, where)


def rfc7946_problems(obj: object) -> list[str]:
    """What makes ``obj`` (parsed JSON) not a valid RFC 7946 GeoJSON object; ``[]`` when valid.

    Checks the structure: object types and their required members, positions of 2-3 finite
    numbers in ``[longitude, latitude]`` order and range, bbox shape, the absence of the
    obsolete ``crs`` member, and that feature ids of a collection are strings or numbers and
    unique. It does not check polygon ring winding or closure (wirewatch writes only points).
    """
    if not isinstance(obj, Mapping):
        return ["$: a GeoJSON text is a JSON object"]
    problems = []
    if "crs" in obj:
        problems.append("$: 'crs' is not part of RFC 7946 (coordinates are always WGS84)")
    kind = obj.get("type")
    if kind == "FeatureCollection":
        features = obj.get("features")
        if not isinstance(features, list):
            return [*problems, "$: a FeatureCollection needs a 'features' array"]
        seen: set[object] = set()
        for index, feature in enumerate(features):
            problems += _feature_problems(feature, f"$.features[{index}]", seen)
        for member in _RESERVED_FEATURE_COLLECTION_MEMBERS & set(obj):
            problems.append(f"$: a FeatureCollection must not have a {member!r} member")
        return problems + _bbox_problems(obj, "$")
    if kind == "Feature":
        return problems + _feature_problems(obj, "$", set())
    if kind in _GEOMETRY_TYPES:
        return problems + _geometry_problems(obj, "$") + _bbox_problems(obj, "$")
    return [*problems, f"$: unknown GeoJSON type {kind!r}"]
