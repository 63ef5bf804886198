"""Boilerplate-removal benchmark: token precision/recall/F1 of the extracted article body.

Scores :func:`wirewatch.ingest.html.extract_html` and plain ``trafilatura.extract(html)``
(library defaults) on the same pages in the same run, so the comparison is never against a
figure measured on another machine or another trafilatura version.

Data: Scrapinghub's article-extraction-benchmark (``html/<id>.html.gz`` and
``ground-truth.json`` mapping id → {"articleBody", "url"}). Scoring follows that benchmark's
bag-of-tokens view: whitespace-split tokens, true positives = size of the ``Counter``
intersection of predicted and expected tokens.

    .venv/bin/python bench/boilerplate.py [--data PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from wirewatch.ingest.html import extract_html

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
DEFAULT_OUT = REPO_ROOT / "bench" / "results" / "boilerplate.json"

Extractor = Callable[[str, str | None], str]


@dataclass(frozen=True)
class Page:
    page_id: str
    url: str | None
    html: str
    truth: str


@dataclass(frozen=True)
class Counts:
    tp: int
    fp: int
    fn: int


def token_counts(expected: str, predicted: str) -> Counts:
    """True/false positives and false negatives of whitespace tokens, as a bag of tokens."""
    truth, pred = Counter(expected.split()), Counter(predicted.split())
    tp = sum((truth & pred).values())
    return Counts(tp=tp, fp=sum(pred.values()) - tp, fn=sum(truth.values()) - tp)


def prf(c: Counts) -> tuple[float, float, float]:
    """Precision, recall, F1.

    An empty prediction has precision 0 (not 1) unless the truth is empty too: an extractor
    must not score well on a page by returning nothing.
    """
    if c.tp + c.fp + c.fn == 0:
        return 1.0, 1.0, 1.0
    precision = c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0
    recall = c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        # The benchmark's pages are all UTF-8; "replace" keeps a stray byte from aborting a run.
        html = raw.decode("utf-8", errors="replace")
        entry = truth[page_id]
        pages.append(Page(page_id, entry.get("url"), html, entry.get("articleBody") or ""))
    return pages


def ours(html: str, url: str | None) -> str:
    return extract_html(html, url).body


def trafilatura_default(html: str, url: str | None) -> str:
    # Deliberately no url and no options: this is the "library out of the box" bar.
    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Extractor] = {
    "wirewatch": ours,
    "trafilatura_default": trafilatura_default,
}
# What the timing of each covers: the speeds are not like for like.
TIMED_WORK = {
    "wirewatch": "parse, body, title, outlet, canonical url and publication date; given the page url",
    "trafilatura_default": "body only; no url",
}


#: Pages extracted before the clock starts, so lazy imports and caches inside either
#: extractor are not billed to whichever happens to run first.
WARM_UP_PAGES = 3


def run(name: str, extract: Extractor, pages: list[Page]) -> dict[str, object]:
    for page in pages[:WARM_UP_PAGES]:
        extract(page.html, page.url)
    per_page: dict[str, Counts] = {}
    started = time.perf_counter()
    for page in pages:
        per_page[page.page_id] = token_counts(page.truth, extract(page.html, page.url))
    seconds = time.perf_counter() - started

    total = Counts(
        tp=sum(c.tp for c in per_page.values()),
        fp=sum(c.fp for c in per_page.values()),
        fn=sum(c.fn for c in per_page.values()),
    )
    micro = prf(total)
    scores = [prf(c) for c in per_page.values()]
    macro = tuple(statistics.fmean(s[i] for s in scores) for i in range(3))
    return {
        "extractor": name,
        "timed_work": TIMED_WORK.get(name, ""),
        "pages": len(pages),
        "micro": dict(zip(("precision", "recall", "f1"), micro, strict=True)),
        "macro": dict(zip(("precision", "recall", "f1"), macro, strict=True)),
        "empty_outputs": sum(1 for c in per_page.values() if c.tp + c.fp == 0),
        "seconds": seconds,
        "pages_per_second": len(pages) / seconds if seconds else None,
        "per_page_f1": {pid: round(prf(c)[2], 4) for pid, c in per_page.items()},
    }


def print_table(results: list[dict[str, object]]) -> None:
    header = (
        f"{'extractor':<22}{'macro P':>9}{'macro R':>9}{'macro F1':>9}"
        f"{'micro P':>9}{'micro R':>9}{'micro F1':>9}{'empty':>7}{'pages/s':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        ma, mi = r["macro"], r["micro"]
        assert isinstance(ma, dict) and isinstance(mi, dict)
        print(
            f"{r['extractor']!s:<22}{ma['precision']:>9.4f}{ma['recall']:>9.4f}{ma['f1']:>9.4f}"
            f"{mi['precision']:>9.4f}{mi['recall']:>9.4f}{mi['f1']:>9.4f}"
            f"{r['empty_outputs']!s:>7}{r['pages_per_second']:>9.1f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON figures")
    parser.add_argument(
        "--only", choices=sorted(EXTRACTORS), action="append", help="run only these extractors"
    )
    args = parser.parse_args(argv)

    if not (args.data / "ground-truth.json").is_file():
        print(f"no ground-truth.json under {args.data}; pass --data PATH", file=sys.stderr)
        return 2
    pages = load_pages(args.data)
    names = args.only or list(EXTRACTORS)
    results = [run(name, EXTRACTORS[name], pages) for name in names]

    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "benchmark": "article-extraction-benchmark",
        "data": str(args.data),
        "scoring": "whitespace tokens, bag-of-tokens (Counter intersection); macro = mean over pages",
        "trafilatura_version": trafilatura.__version__,
        "python": platform.python_version(),
        "results": results,
    }
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
