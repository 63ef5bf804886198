"""Date resolution: time expressions to date ranges (wirewatch.resolve.dates)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.errors import DataFileError
from wirewatch.resolve import dates
from wirewatch.resolve.dates import (
    find_time_expressions,
    reference_for,
    report_date_range,
    resolve_time,
)
from wirewatch.schema import DatePrecision, DateRange, Mode, Section, Span

CASES_FILE = Path(__file__).with_name("date_cases.json")
#: The brief asks for at least 60 cases, so that one miss moves the share by under 2 points.
MIN_CASES = 60

D = DatePrecision


def parse_reference(value: str | None) -> dt.date | dt.datetime | None:
    if value is None:
        return None
    return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)


def optional_day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def load_cases() -> list[dict[str, Any]]:
    document = json.loads(CASES_FILE.read_text(encoding="utf-8"))
    assert document["format"] == "date-cases/1"
    cases: list[dict[str, Any]] = document["cases"]
    return cases


def run_case(case: dict[str, Any]) -> DateRange | None:
    return resolve_time(
        case["expression"],
        parse_reference(case["reference"]),
        mode=Mode(case["mode"]),
        crawl_date=optional_day(case.get("crawl_date")),
        anchor=optional_day(case.get("anchor")),
    )


def as_json(found: DateRange | None) -> dict[str, Any] | None:
    if found is None:
        return None
    out: dict[str, Any] = {
        "start": found.start.isoformat() if found.start else None,
        "end": found.end.isoformat() if found.end else None,
        "precision": found.precision.value,
    }
    if found.partial is not None:
        out["partial"] = found.partial
    return out


def day_range(start: str, end: str | None = None, precision: DatePrecision = D.DAY) -> tuple[Any, ...]:
    return (dt.date.fromisoformat(start), dt.date.fromisoformat(end or start), precision)


def triple(found: DateRange | None) -> tuple[Any, ...] | None:
    return None if found is None else (found.start, found.end, found.precision)


CASES = load_cases()


# --------------------------------------------------------------------------------------------
# The shared case list (also scored by bench/dates.py)
# --------------------------------------------------------------------------------------------


def test_case_file_is_large_enough_and_well_formed() -> None:
    assert len(CASES) >= MIN_CASES
    assert len({case["id"] for case in CASES}) == len(CASES)
    for case in CASES:
        Mode(case["mode"])
        if case["expected"] is not None:
            DatePrecision(case["expected"]["precision"])


@pytest.mark.parametrize("case", CASES, ids=[f"{c['id']}-{c['expression'][:30]}" for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    assert as_json(run_case(case)) == case["expected"], case.get("note", "")


# --------------------------------------------------------------------------------------------
# Each form of the brief, relative to the reference
# --------------------------------------------------------------------------------------------

TUESDAY = dt.date(2020, 1, 7)
THURSDAY = dt.date(2024, 2, 8)
SUNDAY = dt.date(2021, 4, 4)
WEDNESDAY = dt.date(2024, 7, 31)


@pytest.mark.parametrize(
    ("expression", "reference", "expected"),
    [
        ("early Friday", TUESDAY, day_range("2020-01-03")),
        ("on Wednesday", THURSDAY, day_range("2024-02-07")),
        ("Wednesday's airstrike", THURSDAY, day_range("2024-02-07")),
        ("last Friday", THURSDAY, day_range("2024-02-02")),
        ("Tonight", WEDNESDAY, day_range("2024-07-31")),
        ("yesterday", WEDNESDAY, day_range("2024-07-30")),
        ("last week", WEDNESDAY, day_range("2024-07-22", "2024-07-28", D.WEEK)),
        ("this week", WEDNESDAY, day_range("2024-07-29", "2024-07-31", D.WEEK)),
        ("last month", SUNDAY, day_range("2021-03-01", "2021-03-31", D.MONTH)),
        ("earlier this year", THURSDAY, day_range("2024-01-01", "2024-02-08", D.YEAR)),
        ("at the end of January", THURSDAY, day_range("2024-01-21", "2024-01-31", D.MONTH)),
        ("in late February", SUNDAY, day_range("2021-02-20", "2021-02-28", D.MONTH)),
        ("mid-October last year", THURSDAY, day_range("2023-10-11", "2023-10-20", D.MONTH)),
        ("since April", SUNDAY, day_range("2021-04-01", "2021-04-04", D.MONTH)),
        ("On July 16", WEDNESDAY, day_range("2024-07-16")),
        ("April 4", SUNDAY, day_range("2021-04-04")),
        ("in 2011", SUNDAY, day_range("2011-01-01", "2011-12-31", D.YEAR)),
        ("in June 2020", SUNDAY, day_range("2020-06-01", "2020-06-30", D.MONTH)),
        ("Sept 28, 2020", SUNDAY, day_range("2020-09-28")),
        ("2024-02-03", THURSDAY, day_range("2024-02-03")),
        ("last year", SUNDAY, day_range("2020-01-01", "2020-12-31", D.YEAR)),
        ("in recent months", SUNDAY, day_range("2020-10-01", "2021-04-04", D.YEAR)),
        ("Thursday (February 8)", THURSDAY, day_range("2024-02-08")),
    ],
)
def test_forms_of_the_brief(expression: str, reference: dt.date, expected: tuple[Any, ...]) -> None:
    assert triple(resolve_time(expression, reference)) == expected


def test_the_following_day_counts_from_the_anchor_and_needs_one() -> None:
    assert triple(resolve_time("the following day", TUESDAY, anchor=dt.date(2020, 1, 5))) == day_range(
        "2020-01-06"
    )
    assert resolve_time("the following day", TUESDAY) is None


def test_a_bare_weekday_may_be_the_reference_day() -> None:
    monday = dt.date(2020, 9, 28)
    assert triple(resolve_time("Monday", monday)) == day_range("2020-09-28")
    assert triple(resolve_time("last Monday", monday)) == day_range("2020-09-21")


def test_datetime_reference_counts_by_its_local_date() -> None:
    late_evening = dt.datetime(2020, 1, 7, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    assert triple(resolve_time("yesterday", late_evening)) == day_range("2020-01-06")


@pytest.mark.parametrize(
    ("part", "first", "last"),
    [("early", 1, 10), ("mid-", 11, 20), ("late", 20, 29), ("the end of", 21, 29)],
)
def test_parts_of_a_month(part: str, first: int, last: int) -> None:
    found = resolve_time(f"{part} February", dt.date(2024, 6, 1))
    assert triple(found) == (dt.date(2024, 2, first), dt.date(2024, 2, last), D.MONTH)


def test_a_month_without_a_year_is_the_latest_not_after_the_reference() -> None:
    assert triple(resolve_time("in May", SUNDAY)) == day_range("2020-05-01", "2020-05-31", D.MONTH)
    assert triple(resolve_time("in March", SUNDAY)) == day_range("2021-03-01", "2021-03-31", D.MONTH)
    # the current month counts, up to the reference day
    assert triple(resolve_time("in April", SUNDAY)) == day_range("2021-04-01", "2021-04-04", D.MONTH)


def test_between_two_months_crosses_the_year() -> None:
    found = resolve_time("between October and July", dt.date(2020, 9, 27))
    assert triple(found) == day_range("2019-10-01", "2020-07-31", D.MONTH)


# --------------------------------------------------------------------------------------------
# Modes: asserted events never lie after the reference; plans look forward
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [Mode.PLANNED, Mode.THREATENED, Mode.HYPOTHETICAL])
def test_future_modes_look_forward(mode: Mode) -> None:
    assert triple(resolve_time("on Friday", THURSDAY, mode=mode)) == day_range("2024-02-09")
    assert triple(resolve_time("Thursday", THURSDAY, mode=mode)) == day_range("2024-02-15")
    assert triple(resolve_time("April 7", SUNDAY, mode=mode)) == day_range("2021-04-07")
    assert triple(resolve_time("in May", SUNDAY, mode=mode)) == day_range("2021-05-01", "2021-05-31", D.MONTH)
    assert triple(resolve_time("tomorrow", WEDNESDAY, mode=mode)) == day_range("2024-08-01")


@pytest.mark.parametrize("mode", [Mode.ASSERTED, Mode.CLAIMED, Mode.DENIED, Mode.HISTORICAL])
def test_past_modes_look_back_and_reject_the_future(mode: Mode) -> None:
    assert triple(resolve_time("on Friday", THURSDAY, mode=mode)) == day_range("2024-02-02")
    assert triple(resolve_time("April 7", SUNDAY, mode=mode)) == day_range("2020-04-07")
    for future in ["tomorrow", "next week", "next month", "March 3, 2025", "later this month"]:
        assert resolve_time(future, WEDNESDAY, mode=mode) is None, future


def test_past_modes_clip_a_range_that_runs_past_the_reference() -> None:
    found = resolve_time("this month", THURSDAY)
    assert triple(found) == day_range("2024-02-01", "2024-02-08", D.MONTH)


def test_future_modes_clip_a_range_that_starts_before_the_reference() -> None:
    found = resolve_time("this week", WEDNESDAY, mode=Mode.PLANNED)
    assert triple(found) == day_range("2024-07-31", "2024-08-04", D.WEEK)


def test_no_asserted_range_ends_after_the_reference() -> None:
    for case in CASES:
        reference = parse_reference(case["reference"])
        found = run_case(case)
        if (
            reference is None
            or found is None
            or found.end is None
            or Mode(case["mode"]) in dates.FUTURE_MODES
        ):
            continue
        day = reference.date() if isinstance(reference, dt.datetime) else reference
        assert found.end <= day, case


# --------------------------------------------------------------------------------------------
# No reference: year inference and unknown years
# --------------------------------------------------------------------------------------------


def test_weekday_with_date_takes_the_latest_matching_year_before_the_crawl() -> None:
    found = resolve_time("Thursday (February 8)", None, crawl_date=dt.date(2025, 6, 1))
    assert triple(found) == day_range("2024-02-08")
    found = resolve_time("Thursday (February 8)", None, crawl_date=dt.date(2024, 2, 7))
    assert triple(found) == day_range("2018-02-08")


def test_weekday_year_inference_defaults_to_today() -> None:
    found = resolve_time("Thursday (February 8)", None)
    assert found is not None and found.start is not None
    assert found.start.weekday() == 3 and (found.start.month, found.start.day) == (2, 8)
    assert found.start <= dt.date.today()


def test_weekday_february_29_finds_a_leap_year() -> None:
    found = resolve_time("Thursday, February 29", None, crawl_date=dt.date(2030, 1, 1))
    assert triple(found) == day_range("2024-02-29")


def test_month_and_day_without_reference_keep_the_year_unknown() -> None:
    found = resolve_time("On July 16", None)
    assert found == DateRange(start=None, end=None, precision=D.YEAR_UNKNOWN, partial="--07-16")
    assert resolve_time("February 8", None) == DateRange(
        start=None, end=None, precision=D.YEAR_UNKNOWN, partial="--02-08"
    )
    assert resolve_time("February 30", None) is None


@pytest.mark.parametrize("expression", ["Friday", "yesterday", "last month", "in May", "this week"])
def test_relative_expressions_need_a_reference(expression: str) -> None:
    assert resolve_time(expression, None) is None


def test_written_years_need_no_reference() -> None:
    assert triple(resolve_time("in June 2020", None)) == day_range("2020-06-01", "2020-06-30", D.MONTH)
    assert triple(resolve_time("Thursday, Feb 8, 2024", None)) == day_range("2024-02-08")


# --------------------------------------------------------------------------------------------
# The default for events without a time expression
# --------------------------------------------------------------------------------------------


def test_report_date_range_is_the_week_ending_on_the_report() -> None:
    found = report_date_range(THURSDAY)
    assert found == DateRange(start=dt.date(2024, 2, 2), end=THURSDAY, precision=D.WEEK)
    assert report_date_range(dt.datetime(2024, 2, 8, 23, 59)) == found
    assert report_date_range(None) is None
    assert report_date_range(dt.date.min) is not None


def test_reference_for_prefers_the_governing_dateline() -> None:
    section = Section(start=100, end=200, dateline="BAGHDAD, Feb 7", published=dt.date(2024, 2, 7))
    assert reference_for(150, [section], THURSDAY) == dt.date(2024, 2, 7)
    assert reference_for(50, [section], THURSDAY) == THURSDAY
    assert reference_for(150, [Section(start=100, end=200)], None) is None


# --------------------------------------------------------------------------------------------
# Spans
# --------------------------------------------------------------------------------------------


def test_span_is_attached() -> None:
    span = Span(start=40, end=52, text="early Friday")
    found = resolve_time("early Friday", TUESDAY, span=span)
    assert found is not None and found.span == span


def test_span_narrows_to_the_expression_found_inside() -> None:
    text = "Wednesday's airstrike"
    found = resolve_time(text, THURSDAY, span=Span(start=10, end=10 + len(text), text=text))
    assert found is not None and found.span == Span(start=10, end=19, text="Wednesday")


# --------------------------------------------------------------------------------------------
# Finding expressions in sentences
# --------------------------------------------------------------------------------------------


def found_in(sentence: str) -> list[str]:
    return [sentence[start:end] for start, end in find_time_expressions(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The strike near the city's airport early Friday killed two guards.", ["early Friday"]),
        ("Officials said on Wednesday that Tuesday's raid was the first.", ["Wednesday", "Tuesday"]),
        ("The talks, set for Thursday (February 8), were postponed.", ["Thursday (February 8)"]),
        (
            "In late February, strikes hit depots; last month a base was shelled.",
            ["late February", "last month"],
        ),
        ("Nearly 100 attacks have occurred since mid-October last year.", ["since mid-October last year"]),
        ("Between October and July, at least 12 attacks took place.", ["Between October and July"]),
        ("On July 16, two drones were launched; in 2011 the troops left.", ["July 16", "2011"]),
        ("The following day, a general said troops would leave.", ["The following day"]),
        ("Tonight, forces conducted a strike, the ministry said on 2024-02-03.", ["Tonight", "2024-02-03"]),
        ("A rocket hit the base overnight and three days ago another fell.", ["overnight", "three days ago"]),
        (
            "It was the third attack in recent months and earlier this year.",
            ["recent months", "earlier this year"],
        ),
        ("The embassy stays open until Friday.", ["until Friday"]),
        ("The reply came after Thursday's strike.", ["Thursday"]),
    ],
)
def test_find_time_expressions(sentence: str, expected: list[str]) -> None:
    assert found_in(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters may march to the square, officials said.",
        "The 4th Brigade and 2nd Division sent 2000 troops.",
        "Resolution 1441 of 2002 was cited.",
        "Forces killed 40 people and wounded 85 more.",
        "",
    ],
)
def test_find_ignores_words_that_only_look_like_dates(sentence: str) -> None:
    assert found_in(sentence) == []


def test_found_expressions_resolve() -> None:
    sentence = "The strike near the airport early Friday killed two; on Sunday parliament voted."
    ranges = [resolve_time(sentence[s:e], TUESDAY) for s, e in find_time_expressions(sentence)]
    assert [triple(r) for r in ranges] == [day_range("2020-01-03"), day_range("2020-01-05")]


# --------------------------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------------------------

time_words = st.sampled_from(
    [
        "early", "late", "mid-", "last", "next", "this", "the following", "since", "between", "and",
        "Friday", "May", "February", "8", "29", "2020", "1800", "2099", "week", "month", "year",
        "ago", "the", "of", "(", ")", ",", "'s", "-", "days", "24 hours", "the past", "recent",
        "Thursday (February 8)", "until", "yesterday", "tonight", "end of",
    ]
)  # fmt: skip
texts = st.one_of(st.text(max_size=60), st.lists(time_words, max_size=8).map(" ".join))
references = st.one_of(st.none(), st.dates(), st.datetimes(timezones=st.none() | st.timezones()))


@settings(max_examples=400, deadline=None)
@given(texts, references, st.sampled_from(list(Mode)), st.none() | st.dates(), st.none() | st.dates())
def test_resolve_time_never_raises(
    text: str,
    reference: dt.date | dt.datetime | None,
    mode: Mode,
    crawl_date: dt.date | None,
    anchor: dt.date | None,
) -> None:
    found = resolve_time(text, reference, mode=mode, crawl_date=crawl_date, anchor=anchor)
    if found is not None and found.precision is not D.YEAR_UNKNOWN:
        assert found.start is not None and found.end is not None and found.start <= found.end


@settings(max_examples=300, deadline=None)
@given(texts)
def test_find_time_expressions_gives_ordered_disjoint_ranges(text: str) -> None:
    found = find_time_expressions(text)
    previous_end = 0
    for start, end in found:
        assert previous_end <= start < end <= len(text)
        previous_end = end


def test_non_strings_are_not_expressions() -> None:
    assert resolve_time(None, THURSDAY) is None  # type: ignore[arg-type]
    assert find_time_expressions(None) == []  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# The vocabulary file
# --------------------------------------------------------------------------------------------


def test_package_vocabulary_loads() -> None:
    vocabulary = dates._vocabulary()
    assert vocabulary.month("Sept.") == 9
    assert vocabulary.weekday("THURS") == 3


@pytest.mark.parametrize(
    "text",
    [
        "not toml = [",
        'format = "other/1"',
        'format = "time-expressions/1"\n[months]\njanuary = 13\n[weekdays]\nmonday = 0',
        'format = "time-expressions/1"\n[colours]\nred = 1',
        'format = "time-expressions/1"\n[months]\njanuary = 1\n[weekdays]\nmonday = 0\n[words]\nago = "ago"',
        'format = "time-expressions/1"\n[months]\njanuary = 1\n[weekdays]\nmonday = 0\n[day_words]\nx = [1]',
        'format = "time-expressions/1"\n[weekdays]\nmonday = 0',
    ],
)
def test_malformed_vocabulary_is_a_data_file_error(text: str) -> None:
    with pytest.raises(DataFileError):
        dates._parse_vocabulary(text, "test.toml")


# --------------------------------------------------------------------------------------------
# Seeds: the time expressions of the gold quotes fall in the gold ranges
# --------------------------------------------------------------------------------------------

#: Stand-in for the extractor's mode detection: a quote that speaks of the future describes a
#: planned event, whose bare dates look forward.
FUTURE_CUES = re.compile(r"\b(?:will|would|is to|are to|plans? to|scheduled|set to)\b", re.IGNORECASE)
#: The scorer's slack: a predicted range may overhang the gold range by one day.
SLACK = dt.timedelta(days=1)
#: Share of checked quotes whose range must lie inside the gold range (the rest may be
#: coarser and contain it: an article can be vaguer than the merged gold event, as "in
#: January" for an event another article dates to the end of January; that is the exception).
MIN_WITHIN_SHARE = 0.75


def test_seed_time_expressions_fall_in_the_gold_ranges(seeds: Path) -> None:
    published = {}
    for line in (seeds / "articles.meta.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        published[row["file"].removesuffix(".txt")] = parse_reference(row["published"])
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    quotes = [
        (event["id"], mention["doc"], mention["quote"], event["date_from"], event["date_to"])
        for event in gold["events"]
        if event.get("date_from") and event.get("date_to")
        for mention in event["mentions"]
    ] + [
        (claim["id"], claim["doc"], claim["quote"], claim["period_from"], claim["period_to"])
        for claim in gold.get("aggregate_claims", [])
        if claim.get("period_from") and claim.get("period_to")
    ]
    within, coarser, anaphoric = [], [], []
    for gold_id, doc, quote, date_from, date_to in quotes:
        reference = published.get(doc)
        if reference is None:
            continue
        low, high = dt.date.fromisoformat(date_from), dt.date.fromisoformat(date_to)
        mode = Mode.PLANNED if FUTURE_CUES.search(quote) else Mode.ASSERTED
        for start, end in find_time_expressions(quote):
            expression = quote[start:end]
            found = resolve_time(expression, reference, mode=mode)
            label = f"{gold_id}/{doc}: {expression!r} -> {triple(found)}, gold {date_from}..{date_to}"
            if found is None:
                # only an expression that counts from another event may stay unresolved here:
                # given an earlier event to count from, it resolves
                day = reference.date() if isinstance(reference, dt.datetime) else reference
                earlier = day - dt.timedelta(weeks=1)
                assert resolve_time(expression, reference, mode=mode, anchor=earlier) is not None, label
                anaphoric.append(label)
                continue
            assert found.start is not None and found.end is not None, label
            if low - SLACK <= found.start and found.end <= high + SLACK:
                within.append(label)
            else:
                assert found.start <= low and high <= found.end, label  # coarser, not wrong
                coarser.append(label)
    checked = len(within) + len(coarser)
    assert checked > 0
    assert len(within) / checked >= MIN_WITHIN_SHARE, coarser
