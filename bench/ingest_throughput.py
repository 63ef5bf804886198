"""Ingest throughput: articles/s and words/s of `wirewatch ingest` into a fresh SQLite store.

Three corpora, each timed on its own: generated plain-text articles (volume), the seed pages
(real plain text with page furniture), and the HTML extraction benchmark's 181 real pages.
Writes bench/results/ingest.json.

    .venv/bin/python bench/ingest_throughput.py [--generated 2000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.generated import generated_article  # noqa: E402

from wirewatch.pipeline import Pipeline  # noqa: E402
from wirewatch.settings import Settings  # noqa: E402
from wirewatch.store import Store  # noqa: E402


def run(name: str, folder: Path, meta: Path | None = None) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings().with_(db_url=f"sqlite:///{scratch}/bench.db")
        with Store.open(settings.db_url) as store:
            pipeline = Pipeline(store, settings)
            started = time.perf_counter()
            summary = pipeline.ingest([str(folder)], meta=meta)
            seconds = time.perf_counter() - started
            words = sum(len(a.text.split()) for a in store.articles())
    documents = summary.total
    return {
        "corpus": name,
        "documents": documents,
        "stored": summary.stored,
        "rejected": dict(summary.rejected_by_reason),
        "seconds": round(seconds, 3),
        "articles_per_second": round(documents / seconds, 1),
        "stored_words_per_second": round(words / seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--generated", type=int, default=2000, help="number of generated articles")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "ingest.json")
    args = parser.parse_args()

    results = []
    with tempfile.TemporaryDirectory() as scratch:
        generated = Path(scratch) / "generated"
        generated.mkdir()
        for index in range(args.generated):
            (generated / f"{index:05d}.txt").write_text(generated_article(index), encoding="utf-8")
        results.append(run("generated-text", generated))

        seeds = args.shared / "seeds"
        if seeds.is_dir():
            results.append(run("seeds", seeds / "articles", seeds / "articles.meta.jsonl"))
        pages = args.shared / "data" / "article-extraction-benchmark" / "html"
        if pages.is_dir():
            html = Path(scratch) / "html"
            html.mkdir()
            for page in sorted(pages.glob("*.html.gz")):
                (html / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
            results.append(run("extraction-benchmark-html", html))

    report = {
        "benchmark": "ingest_throughput",
        "date": time.strftime("%Y-%m-%d"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "results": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    for row in results:
        print(
            f"{row['corpus']:<28} {row['documents']:>6} docs  "
            f"{row['articles_per_second']:>8} articles/s  {row['stored_words_per_second']:>10} words/s"
        )
    print(f"peak RSS {report['peak_rss_mb']} MB -> {args.out}")


if __name__ == "__main__":
    main()
