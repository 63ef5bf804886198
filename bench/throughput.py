"""Throughput of the full wirewatch pipeline against spaCy's own nlp.pipe on the same texts.

Texts: the article bodies of the article-extraction benchmark (real news; English pages only)
plus the five seed pages, repeated until they hold at least --min-words words (each copy gets
a distinct first line, so the pipeline stores it instead of skipping a known article).

Four measurements, each in a fresh process so peak memory is its own: spaCy nlp.pipe with 1
and 2 processes, and `wirewatch ingest` into a fresh SQLite store with 1 and 2 workers.
Writes bench/results/throughput.json:

    .venv/bin/python bench/throughput.py [--min-words 200000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

#: Copies get this first line so that no copy is a duplicate of another.
COPY_LINE = "Benchmark copy {n}."


def build_corpus(shared: Path, min_words: int) -> list[str]:
    from wirewatch.ingest.language import detect_language
    from wirewatch.ingest.plaintext import clean_plaintext

    truth = json.loads((shared / "data" / "article-extraction-benchmark" / "ground-truth.json").read_text())
    texts = [
        str(page["articleBody"]).strip()
        for _, page in sorted(truth.items())
        if page.get("articleBody") and detect_language(str(page["articleBody"]))[0] == "en"
    ]
    texts += [
        clean_plaintext(p.read_text(encoding="utf-8")).body
        for p in sorted((shared / "seeds" / "articles").glob("*.txt"))
    ]
    corpus: list[str] = []
    words = 0
    while words < min_words:
        for text in texts:
            copy = f"{COPY_LINE.format(n=len(corpus))}\n\n{text}"
            corpus.append(copy)
            words += len(copy.split())
    return corpus


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round((own + children) / 1024, 1)


def measure_spacy(corpus: list[str], processes: int) -> dict[str, Any]:
    from wirewatch.nlp import load_model
    from wirewatch.settings import Settings

    nlp = load_model(Settings.from_env().spacy_model)
    started = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(corpus, batch_size=64, n_process=processes))
    return {"seconds": time.perf_counter() - started, "documents": count}


def measure_pipeline(corpus: list[str], processes: int) -> dict[str, Any]:
    from wirewatch.pipeline import Pipeline
    from wirewatch.settings import Settings
    from wirewatch.store import Store

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        for index, text in enumerate(corpus):
            (folder / f"{index:06d}.txt").write_text(text, encoding="utf-8")
        # Every copy differs only by its first line; the bench wants them all stored.
        settings = Settings.from_env().with_(
            db_url=f"sqlite:///{scratch}/bench.db", near_duplicate_threshold=1.0
        )
        with Store.open(settings.db_url) as store:
            started = time.perf_counter()
            summary = Pipeline(store, settings, workers=processes).ingest([str(folder)])
            seconds = time.perf_counter() - started
    return {"seconds": seconds, "documents": summary.total, "stored": summary.stored}


def run_one(kind: str, processes: int, shared: Path, min_words: int) -> dict[str, Any]:
    corpus = build_corpus(shared, min_words)
    words = sum(len(text.split()) for text in corpus)
    result = measure_spacy(corpus, processes) if kind == "spacy" else measure_pipeline(corpus, processes)
    result.update(
        kind=kind,
        processes=processes,
        words=words,
        articles_per_second=round(result["documents"] / result["seconds"], 2),
        words_per_second=round(words / result["seconds"], 1),
        seconds=round(result["seconds"], 2),
        peak_rss_mb=peak_rss_mb(),
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--min-words", type=int, default=200_000)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "throughput.json")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "PROCESSES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.shared, args.min_words)))
        return
    runs = []
    for kind in ("spacy", "pipeline"):
        for processes in (1, 2):
            command = [
                sys.executable,
                __file__,
                "--one",
                kind,
                str(processes),
                "--shared",
                str(args.shared),
                "--min-words",
                str(args.min_words),
            ]
            finished = subprocess.run(command, capture_output=True, text=True, check=True)
            runs.append(json.loads(finished.stdout.strip().splitlines()[-1]))
            last = runs[-1]
            print(
                f"{kind:<9} {processes} proc  {last['articles_per_second']:>8} articles/s  "
                f"{last['words_per_second']:>10} words/s  peak {last['peak_rss_mb']} MB"
            )
    by = {(r["kind"], r["processes"]): r for r in runs}
    ratios = {
        f"{p}_process": round(
            by[("pipeline", p)]["words_per_second"] / by[("spacy", p)]["words_per_second"], 3
        )
        for p in (1, 2)
    }
    report = {
        "benchmark": "throughput",
        "date": time.strftime("%Y-%m-%d"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "corpus": {"documents": runs[0]["documents"], "words": runs[0]["words"]},
        "runs": runs,
        "pipeline_to_spacy_speed_ratio": ratios,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"pipeline / spaCy speed: {ratios} -> {args.out}")


if __name__ == "__main__":
    main()
