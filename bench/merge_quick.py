"""Quick merge score: the real pipeline's mentions (not stored), merged by wirewatch.merge.

    .venv/bin/python bench/merge_quick.py                  # seeds + examples + 2,000 ACLED notes
    .venv/bin/python bench/merge_quick.py --acled all      # all 10,140 notes
    .venv/bin/python bench/merge_quick.py --show           # print every predicted multi-mention event
    .venv/bin/python bench/merge_quick.py --threshold 2.5  # try another MERGE_THRESHOLD

Mentions come from ``wirewatch.pipeline.Preparer`` on ``iter_documents`` (with the sidecar
metadata), exactly as ingest computes them; near-duplicate articles are dropped as the pipeline
drops them. Extractions are cached (pickled) under $TMPDIR/wirewatch-bench-merge, keyed by the
input bytes and the wirewatch source files, so a second run only re-merges.

Figures (written to bench/results/merge_quick.json):

* **seeds, examples**: ``b_cubed``: precision, recall and F1 of wirewatch.evaluate's scorer
  (items: (article, gold event) of gold events reported by 2+ articles). ``gold_events``: for
  each such gold event, the predicted events holding its mentions (a gold quote is located in
  the predicted event of the type-compatible mention whose evidence overlaps it);
  ``together``: all its located articles in one predicted event. ``mixed``: predicted events
  that hold located mentions of two different gold events (must be none).
* **acled** (each note is a distinct event): ``notes_joined_share``: the share of notes with a
  mention in an event together with another note's mention (must stay under 2%). Run twice:
  ``as_is`` (the notes carry no publication date, so few mentions have a date) and ``dated``
  (each note published on its gold date, so relative and bare dates resolve: the hard case,
  every note of a day in one block).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO.parent / "shared").resolve()
CACHE = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "wirewatch-bench-merge"

from wirewatch.evaluate.gold import load_gold  # noqa: E402
from wirewatch.evaluate.runner import (  # noqa: E402
    dictionary_actor_matcher,
    gazetteer_keys,
    predicted_events,
)
from wirewatch.evaluate.scoring import score  # noqa: E402
from wirewatch.ingest.identity import containment, shingles  # noqa: E402
from wirewatch.ingest.readers import iter_documents, load_sidecar  # noqa: E402
from wirewatch.merge import batch_weights, merge_mentions, score_pair, scoring  # noqa: E402
from wirewatch.pipeline import Preparer  # noqa: E402
from wirewatch.resolve.actors import ActorDictionary  # noqa: E402
from wirewatch.schema import Article, Event, Extraction, Mention, Rejected  # noqa: E402
from wirewatch.settings import Settings  # noqa: E402

Prepared = list[tuple[Article, Extraction]]


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def _code_key() -> str:
    digest = hashlib.sha256()
    for path in sorted((REPO / "src" / "wirewatch").rglob("*")):
        if path.is_file() and "merge" not in path.parts and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _input_key(paths: Sequence[Path], meta: Path | None) -> str:
    digest = hashlib.sha256()
    for root in [*paths, *([meta] if meta else [])]:
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def prepare(label: str, paths: Sequence[Path], meta: Path | None, settings: Settings) -> Prepared:
    """Every stored article's extraction, as ingest would compute it (cached)."""
    cache = CACHE / f"{label}-{_input_key(paths, meta)}-{_code_key()}.pickle"
    if cache.exists():
        with cache.open("rb") as handle:
            cached: Prepared = pickle.load(handle)
            return cached
    preparer = Preparer(settings)
    sidecar = load_sidecar(meta) if meta is not None else None
    kept: Prepared = []
    texts: list[frozenset[int]] = []
    started = time.perf_counter()
    for document in iter_documents([str(p) for p in paths], settings, sidecar):
        if isinstance(document, Rejected):
            continue
        prepared = preparer(document, None)
        if isinstance(prepared.result, Rejected) or prepared.extraction is None:
            continue
        own = frozenset(shingles(prepared.result.text))
        if any(containment(own, other) >= settings.near_duplicate_threshold for other in texts):
            continue  # the pipeline stores the first copy only
        texts.append(own)
        kept.append((prepared.result, prepared.extraction))
    print(f"{label}: prepared {len(kept)} articles in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    CACHE.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as handle:
        pickle.dump(kept, handle)
    return kept


def acled_inputs(shared: Path, sample: int | None, dated: bool, seed: int = 13) -> Path:
    """A JSONL file of sampled notes (with ``published`` set to the gold date when ``dated``)."""
    folder = shared / "data" / "acled-syria-battles"
    rows = [json.loads(line) for line in (folder / "articles.jsonl").read_text().splitlines() if line.strip()]
    if sample is not None and sample < len(rows):
        rows = random.Random(seed).sample(rows, sample)
    if dated:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
        date_of: dict[str, str] = {}
        for event in gold["events"]:
            for mention in event["mentions"]:
                if event.get("date_from"):
                    date_of.setdefault(mention["doc"], event["date_from"])
        rows = [{**row, "published": date_of.get(row["id"], row.get("published"))} for row in rows]
    out = CACHE / f"acled-{sample or 'all'}-{'dated' if dated else 'as_is'}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return out


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def _doc(article: Article) -> str:
    return article.input_id or article.id


def _compatible(mention: Mention, gold: dict[str, Any]) -> bool:
    same_type = mention.event_type.value == gold["event_type"]
    return same_type or (mention.plover is not None and mention.plover.value == gold.get("plover"))


def gold_report(
    gold_path: Path, prepared: Prepared, events: Sequence[Event], dictionary: ActorDictionary
) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles = {_doc(a): a for a, _ in prepared}
    by_id = {m.id: m for _, x in prepared for m in x.mentions}
    weights = batch_weights(list(by_id.values()), generic_words(dictionary))
    quotes: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for event in gold["events"]:
        for quote in event["mentions"]:
            if quote["doc"] in articles:
                start = articles[quote["doc"]].text.find(quote["quote"])
                if start >= 0:
                    quotes[quote["doc"]].append((event["id"], start, start + len(quote["quote"])))

    def elsewhere(mention: Mention, doc: str, gold_id: str) -> bool:
        """Is the mention's trigger inside another gold event's quote?"""
        return any(g != gold_id and s <= mention.trigger.start < e for g, s, e in quotes[doc])

    event_of = {m.id: e.id for e in events for m in e.mentions}
    mentions_of = {_doc(a): x.mentions for a, x in prepared}
    report: list[dict[str, Any]] = []
    holders: dict[str, set[str]] = defaultdict(set)  # predicted event → gold events located in it
    for event in gold["events"]:
        located: dict[str, str | None] = {}
        hit_ids: dict[str, list[str]] = {}
        for quote in event["mentions"]:
            article = articles.get(quote["doc"])
            if article is None:
                continue
            start = article.text.find(quote["quote"])
            end = start + len(quote["quote"])
            candidates = [m for m in mentions_of[quote["doc"]] if start >= 0 and _compatible(m, event)]
            hits = [m for m in candidates if start <= m.trigger.start < end] or [
                m
                for m in candidates
                if any(s.start < end and start < s.end for s in m.evidence)
                and not elsewhere(m, quote["doc"], event["id"])
            ]
            found = sorted({event_of[m.id] for m in hits})
            hit_ids[quote["doc"]] = [m.id for m in hits]
            located[quote["doc"]] = found[0] if len(found) == 1 else (",".join(found) or None)
            for predicted in found:
                holders[predicted].add(event["id"])
        if len(located) >= 2:
            values = set(located.values())
            together = len(values) == 1 and None not in values
            why: list[str] = [f"{doc}: no mention of it" for doc, ids in hit_ids.items() if not ids]
            if not together:
                docs = sorted(hit_ids)
                for i, doc_a in enumerate(docs):
                    for doc_b in docs[i + 1 :]:
                        for a in hit_ids[doc_a]:
                            for b in hit_ids[doc_b]:
                                pair = score_pair(
                                    by_id[a], by_id[b], same_actor=dictionary.same_actor, weights=weights
                                )
                                verdict = pair.veto or f"score {pair.total:g}"
                                why.append(f"{a[-12:]} vs {b[-12:]}: {verdict}")
            report.append(
                {
                    "id": event["id"],
                    "articles": len(located),
                    "together": together,
                    "located": located,
                    "why_apart": why,
                }
            )
    mixed = {p: sorted(g) for p, g in holders.items() if len(g) > 1}
    return {"gold_events": report, "mixed": mixed}


def b_cubed(
    gold_path: Path, prepared: Prepared, events: Sequence[Event], settings: Settings
) -> dict[str, Any]:
    gold = load_gold(gold_path)
    articles = {a.id: a for a, _ in prepared}
    country_key, admin1_key = gazetteer_keys()
    result = score(
        gold,
        predicted_events(events, articles),
        [],
        {_doc(a): a.text for a in articles.values()},
        same_actor=dictionary_actor_matcher(settings.user_data_files("actors*.toml")),
        country_key=country_key,
        admin1_key=admin1_key,
    )
    return {
        "merge": {k: round(v, 4) for k, v in (result.merge or {}).items()},
        "events": {k: round(v, 4) if isinstance(v, float) else v for k, v in result.events.items()},
    }


def notes_joined(prepared: Prepared, events: Sequence[Event]) -> dict[str, Any]:
    note_of = {m.id: _doc(a) for a, x in prepared for m in x.mentions}
    joined: set[str] = set()
    examples = []
    for event in events:
        notes = {note_of[m.id] for m in event.mentions}
        if len(notes) > 1:
            joined |= notes
            if len(examples) < 15:
                examples.append(sorted(notes))
    total = len(prepared)
    return {
        "notes": total,
        "mentions": len(note_of),
        "events": len(events),
        "notes_joined": len(joined),
        "notes_joined_share": round(len(joined) / total, 4) if total else 0.0,
        "examples": examples,
    }


def _describe(event: Event) -> str:
    lines = [f"{event.id} {event.sub_event_type.value} {event.date.start if event.date else '-'}"]
    for mention, reason in zip(event.mentions, event.merge_reasons, strict=True):
        evidence = " ".join(s.text for s in mention.evidence)[:120].replace("\n", " ")
        why = ", ".join(f"{c.name}={c.score:g}" for c in reason.components)
        lines.append(f"   {mention.id[-14:]} ←{(reason.joined_with or '')[-14:]} {reason.score:g} [{why}]")
        lines.append(f"        {evidence}")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def generic_words(dictionary: ActorDictionary) -> list[str]:
    """Country names and demonyms: capitalised words that name no one in particular."""
    return [w for c in dictionary.countries.values() for w in (c.name, *c.names, *c.demonyms)]


def merge(prepared: Prepared, dictionary: ActorDictionary) -> tuple[list[Event], float]:
    mentions = [m for _, x in prepared for m in x.mentions]
    started = time.perf_counter()
    events = merge_mentions(
        mentions, same_actor=dictionary.same_actor, generic_words=generic_words(dictionary)
    )
    return events, time.perf_counter() - started


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--acled", default="2000", help="ACLED notes to sample, 'all', or 0 for none")
    parser.add_argument("--threshold", type=float, default=None, help="override MERGE_THRESHOLD")
    parser.add_argument("--show", action="store_true", help="print every multi-mention event")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "merge_quick.json")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.threshold is not None:
        scoring.MERGE_THRESHOLD = args.threshold  # MergeScore.joins reads the module global

    settings = Settings()
    dictionary = ActorDictionary.load(settings.user_data_files("actors*.toml"))
    report: dict[str, Any] = {"threshold": scoring.MERGE_THRESHOLD}
    sets = [
        ("seeds", [args.shared / "seeds" / "articles"], args.shared / "seeds" / "articles.meta.jsonl",
         args.shared / "seeds" / "gold.json"),
        ("examples", [REPO / "examples" / "articles"], REPO / "examples" / "articles.meta.jsonl",
         REPO / "examples" / "gold.json"),
    ]  # fmt: skip
    for label, paths, meta, gold_path in sets:
        prepared = prepare(label, paths, meta, settings)
        events, seconds = merge(prepared, dictionary)
        result = {
            "articles": len(prepared),
            "mentions": sum(len(x.mentions) for _, x in prepared),
            "predicted_events": len(events),
            "merge_seconds": round(seconds, 3),
            **b_cubed(gold_path, prepared, events, settings),
            **gold_report(gold_path, prepared, events, dictionary),
        }
        report[label] = result
        if args.show:
            print(f"\n##### {label}")
            for event in events:
                if len(event.mentions) > 1:
                    print(_describe(event))
    if args.acled not in ("0", "none"):
        sample = None if args.acled == "all" else int(args.acled)
        for dated in (False, True):
            path = acled_inputs(args.shared, sample, dated)
            label = f"acled-{sample or 'all'}-{'dated' if dated else 'as_is'}"
            prepared = prepare(label, [path], None, settings)
            events, seconds = merge(prepared, dictionary)
            result = notes_joined(prepared, events)
            result["merge_seconds"] = round(seconds, 3)
            report[f"acled_{'dated' if dated else 'as_is'}"] = result
            if args.show:
                print(f"\n##### {label}")
                for event in events:
                    if len({m.article_id for m in event.mentions}) > 1:
                        print(_describe(event))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    brief = {
        key: (
            {k: v for k, v in value.items() if k not in ("examples", "gold_events")}
            | (
                {"together": {g["id"]: g["together"] or g["why_apart"] for g in value["gold_events"]}}
                if "gold_events" in value
                else {}
            )
            if isinstance(value, dict)
            else value
        )
        for key, value in report.items()
    }
    print(json.dumps(brief, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
