"""Date resolution: wirewatch's resolver against plain dateparser on the shared case list.

Both read the cases of ``tests/resolve/date_cases.json`` (expression, reference date, mode,
expected range). wirewatch runs ``resolve_time(expression, reference, mode=..., anchor=...,
crawl_date=...)``; dateparser runs as a user would call it,
``dateparser.parse(expression, settings={"RELATIVE_BASE": reference, "PREFER_DATES_FROM":
"past"})`` (no RELATIVE_BASE without a reference), and once more with ``PREFER_DATES_FROM:
"future"`` for the planned/threatened/hypothetical cases ("mode-aware").

Scoring, per case:

- *exact*: the expected range is given back: same first and last day and precision (and the
  same ``--MM-DD`` for an unknown year); an expected "no date" is right only when no date
  comes back. dateparser returns one datetime, so it can be exact only where the expected
  range is a single day.
- *inside*: a looser reading: the day(s) given back lie inside the expected range (for an
  unknown year: same month and day); an expected "no date" is still right only on no date.

    .venv/bin/python bench/dates.py          # --cases FILE --out FILE
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import re
import sys
import time
import warnings
from importlib import metadata
from pathlib import Path
from typing import Any

import dateparser

from wirewatch.resolve.dates import FUTURE_MODES, find_time_expressions, resolve_time
from wirewatch.schema import DateRange, Mode

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "resolve" / "date_cases.json"
SEEDS = REPO.parent / "shared" / "seeds"
#: The gold scorer's slack: a predicted range may overhang the gold range by one day.
SLACK = dt.timedelta(days=1)
OUT = REPO / "bench" / "results" / "dates.json"
#: The share of exact answers wirewatch must reach (the brief's floor).
MIN_EXACT_SHARE = 0.95

Expected = dict[str, Any] | None


def parse_reference(value: str | None) -> dt.date | dt.datetime | None:
    if value is None:
        return None
    return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)


def optional_day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def as_base(reference: dt.date | dt.datetime) -> dt.datetime:
    """dateparser's RELATIVE_BASE: a naive datetime at the reference's local time."""
    if isinstance(reference, dt.datetime):
        return reference.replace(tzinfo=None)
    return dt.datetime(reference.year, reference.month, reference.day)


def expected_days(expected: dict[str, Any]) -> tuple[dt.date | None, dt.date | None]:
    return optional_day(expected["start"]), optional_day(expected["end"])


def score_range(found: DateRange | None, expected: Expected) -> tuple[bool, bool]:
    """(exact, inside) for a range given back by wirewatch."""
    if expected is None or found is None:
        return (found is None and expected is None,) * 2  # type: ignore[return-value]
    start, end = expected_days(expected)
    exact = (
        found.start == start
        and found.end == end
        and found.precision.value == expected["precision"]
        and found.partial == expected.get("partial")
    )
    if expected.get("partial") is not None:
        return exact, found.partial == expected["partial"]
    inside = (
        found.start is not None
        and found.end is not None
        and start is not None
        and end is not None
        and start <= found.start
        and found.end <= end
    )
    return exact, inside


def score_day(found: dt.date | None, expected: Expected) -> tuple[bool, bool]:
    """(exact, inside) for the single day dateparser gives back."""
    if expected is None or found is None:
        return (found is None and expected is None,) * 2  # type: ignore[return-value]
    partial = expected.get("partial")
    if partial is not None:
        return False, found.strftime("--%m-%d") == partial
    start, end = expected_days(expected)
    assert start is not None and end is not None
    return start == end == found, start <= found <= end


def run_dateparser(case: dict[str, Any], prefer: str) -> tuple[dt.date | None, str | None]:
    settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer}
    reference = parse_reference(case["reference"])
    if reference is not None:
        settings["RELATIVE_BASE"] = as_base(reference)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = dateparser.parse(case["expression"], settings=settings)
    except Exception as error:  # noqa: BLE001 - a baseline's crash is a wrong answer, not ours to fix
        return None, f"{type(error).__name__}: {error}"
    return (None if parsed is None else parsed.date()), None


def seed_check(seeds: Path) -> dict[str, Any] | None:
    """A check neither resolver was written against: the time expressions found in the gold
    quotes of ../shared/seeds, resolved against the article's publication date, compared with
    the gold range (one day of slack, as the scorer allows). Both resolvers get the same
    expression strings; the mode is asserted except where the quote speaks of the future.
    """
    if not (seeds / "gold.json").is_file() or not (seeds / "articles.meta.jsonl").is_file():
        return None
    published = {
        row["file"].removesuffix(".txt"): parse_reference(row["published"])
        for row in map(json.loads, (seeds / "articles.meta.jsonl").read_text(encoding="utf-8").splitlines())
    }
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    future = re.compile(r"\b(?:will|would|is to|are to|plans? to|scheduled|set to)\b", re.IGNORECASE)
    counts = {
        name: {"inside": 0, "coarser": 0, "other": 0, "none": 0} for name in ("wirewatch", "dateparser")
    }
    total = 0
    for event in gold["events"]:
        if not event.get("date_from") or not event.get("date_to"):
            continue
        low = dt.date.fromisoformat(event["date_from"])
        high = dt.date.fromisoformat(event["date_to"])
        for mention in event["mentions"]:
            reference = published.get(mention["doc"])
            if reference is None:
                continue
            quote = mention["quote"]
            mode = Mode.PLANNED if future.search(quote) else Mode.ASSERTED
            for start, end in find_time_expressions(quote):
                total += 1
                expression = quote[start:end]
                ours = resolve_time(expression, reference, mode=mode)
                case = {"expression": expression, "reference": reference.isoformat()}
                theirs, _ = run_dateparser(case, "future" if mode in FUTURE_MODES else "past")
                for name, first, last in (
                    ("wirewatch", ours and ours.start, ours and ours.end),
                    ("dateparser", theirs, theirs),
                ):
                    if first is None or last is None:
                        counts[name]["none"] += 1
                    elif low - SLACK <= first and last <= high + SLACK:
                        counts[name]["inside"] += 1
                    elif first <= low and high <= last:
                        counts[name]["coarser"] += 1
                    else:
                        counts[name]["other"] += 1
    return {
        "about": "time expressions found (by wirewatch) in gold quotes; inside = within the gold range "
        "+-1 day; coarser = contains it; other = wrong; none = no date",
        "expressions": total,
        **counts,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    cases: list[dict[str, Any]] = json.loads(args.cases.read_text(encoding="utf-8"))["cases"]

    rows: list[dict[str, Any]] = []
    totals = {name: [0, 0] for name in ("wirewatch", "dateparser", "dateparser_mode_aware")}
    seconds = {"wirewatch": 0.0, "dateparser": 0.0}
    dateparser.parse("warm up", settings={"PREFER_DATES_FROM": "past"})  # loads its language data
    resolve_time("warm up", None)  # loads the vocabulary

    for case in cases:
        mode = Mode(case["mode"])
        expected: Expected = case["expected"]
        began = time.perf_counter()
        ours = resolve_time(
            case["expression"],
            parse_reference(case["reference"]),
            mode=mode,
            crawl_date=optional_day(case.get("crawl_date")),
            anchor=optional_day(case.get("anchor")),
        )
        seconds["wirewatch"] += time.perf_counter() - began
        began = time.perf_counter()
        theirs, error = run_dateparser(case, "past")
        seconds["dateparser"] += time.perf_counter() - began
        aware, _ = run_dateparser(case, "future") if mode in FUTURE_MODES else (theirs, error)

        scores = {
            "wirewatch": score_range(ours, expected),
            "dateparser": score_day(theirs, expected),
            "dateparser_mode_aware": score_day(aware, expected),
        }
        for name, (exact, inside) in scores.items():
            totals[name][0] += exact
            totals[name][1] += inside
        rows.append(
            {
                "id": case["id"],
                "expression": case["expression"],
                "reference": case["reference"],
                "mode": case["mode"],
                "expected": expected,
                "wirewatch": None
                if ours is None
                else {
                    "start": ours.start and ours.start.isoformat(),
                    "end": ours.end and ours.end.isoformat(),
                    "precision": ours.precision.value,
                    "partial": ours.partial,
                },
                "dateparser": None if theirs is None else theirs.isoformat(),
                "dateparser_error": error,
                "wirewatch_exact": scores["wirewatch"][0],
                "dateparser_exact": scores["dateparser"][0],
                "dateparser_inside": scores["dateparser"][1],
            }
        )

    n = len(cases)
    summary = {
        name: {"exact": exact / n, "inside": inside / n, "exact_count": exact, "inside_count": inside}
        for name, (exact, inside) in totals.items()
    }
    summary["wirewatch"]["cases_per_second"] = n / seconds["wirewatch"] if seconds["wirewatch"] else None
    summary["dateparser"]["cases_per_second"] = n / seconds["dateparser"] if seconds["dateparser"] else None
    result = {
        "benchmark": "date resolution",
        "cases": n,
        "cases_file": str(args.cases.relative_to(REPO) if args.cases.is_relative_to(REPO) else args.cases),
        "scoring": "exact: same first/last day and precision (or the same --MM-DD); inside: the day(s) "
        "given back lie inside the expected range; expected no-date is right only on no date",
        "dateparser_call": "dateparser.parse(expr, settings={'RELATIVE_BASE': reference, "
        "'PREFER_DATES_FROM': 'past'}); mode_aware: 'future' for planned/threatened/hypothetical cases",
        "dateparser_version": metadata.version("dateparser"),
        "python": platform.python_version(),
        "summary": summary,
        "seeds": seed_check(args.seeds),
        "wirewatch_misses": [r for r in rows if not r["wirewatch_exact"]],
        "per_case": rows,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"{n} cases from {result['cases_file']}")
    print(f"{'resolver':<24}{'exact':>8}{'inside':>8}")
    for name, figures in summary.items():
        print(f"{name:<24}{figures['exact']:>8.3f}{figures['inside']:>8.3f}")
    seeds = result["seeds"]
    if seeds is not None:
        print(
            f"seed quotes: {seeds['expressions']} time expressions; inside the gold range: "
            f"wirewatch {seeds['wirewatch']['inside']}, dateparser {seeds['dateparser']['inside']}"
        )
    print(f"written to {args.out}")
    if summary["wirewatch"]["exact"] < MIN_EXACT_SHARE:
        print(f"wirewatch is below the floor of {MIN_EXACT_SHARE}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
