"""following_range: an event told only as coming after another, before the report."""

from __future__ import annotations

import datetime as dt

from wirewatch.resolve.dates import following_range, report_date_range
from wirewatch.schema import DatePrecision, DateRange


def _day(text: str) -> DateRange:
    d = dt.date.fromisoformat(text)
    return DateRange(start=d, end=d, precision=DatePrecision.DAY)


def test_the_range_runs_from_the_first_day_of_the_event_followed_to_the_report() -> None:
    found = following_range(_day("2024-01-28"), report_date_range(dt.date(2024, 7, 31)))
    assert found is not None
    assert (found.start, found.end, found.precision) == (
        dt.date(2024, 1, 28),
        dt.date(2024, 7, 31),
        DatePrecision.YEAR,
    )


def test_precision_follows_the_length_of_the_range() -> None:
    assert following_range(_day("2024-07-28"), _day("2024-07-31")).precision is DatePrecision.WEEK  # type: ignore[union-attr]
    assert following_range(_day("2024-07-10"), _day("2024-07-31")).precision is DatePrecision.MONTH  # type: ignore[union-attr]


def test_no_range_without_a_report_or_when_the_report_comes_first() -> None:
    assert following_range(_day("2024-07-10"), None) is None
    assert following_range(_day("2024-08-10"), _day("2024-07-31")) is None
