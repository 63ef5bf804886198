"""Event queries on SQLite and PostgreSQL: every filter, keyset pagination with ties, time
series, actor counts, article pages, and the migration that adds the search columns."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from tests.event_factory import sample_events, synthetic_events
from wirewatch.geojson import event_summary
from wirewatch.ingest.identity import article_id, fingerprint
from wirewatch.schema import (
    Article,
    Event,
    EventType,
    Mode,
    Plover,
    Rejected,
    RejectReason,
    SubEventType,
)
from wirewatch.store import Store
from wirewatch.store.database import create_engine, migrations_table, write_transaction
from wirewatch.store.migrations import m0001_initial, m0002_events, m0003_corrections
from wirewatch.store.query import (
    BoundingBox,
    EventFilter,
    EventSort,
    FilterError,
    GroupBy,
    Interval,
)
from wirewatch.store.store import _filter_columns


@pytest.fixture
def filled(store: Store) -> Store:
    store.replace_events(sample_events())
    return store


def ids(store: Store, event_filter: EventFilter, sort: EventSort = EventSort.DATE) -> list[str]:
    return sorted(store.find_events(event_filter, sort=sort, limit=1000).event_ids)


@pytest.mark.parametrize(
    ("event_filter", "expected"),
    [
        (EventFilter(), ["ev-a", "ev-b", "ev-c", "ev-d", "ev-e", "ev-f"]),
        # The week-long range of ev-b overlaps a window that starts after its first day.
        (EventFilter(start=dt.date(2024, 1, 10), end=dt.date(2024, 2, 1)), ["ev-b", "ev-c"]),
        (EventFilter(start=dt.date(2024, 2, 2)), ["ev-d"]),
        (EventFilter(end=dt.date(2024, 1, 5)), ["ev-a", "ev-f"]),
        (EventFilter(event_types=(EventType.BATTLES, EventType.PROTESTS)), ["ev-c", "ev-d"]),
        (EventFilter(sub_event_types=(SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK,)), ["ev-b"]),
        (EventFilter(plovers=(Plover.THREATEN, Plover.PROTEST)), ["ev-d", "ev-e"]),
        (EventFilter(modes=(Mode.CLAIMED,)), ["ev-c"]),
        (EventFilter(actor="kataib"), ["ev-a"]),
        (EventFilter(actor="NUJABA"), ["ev-b"]),  # an associated actor
        (EventFilter(actor="islamic"), ["ev-b", "ev-c"]),
        (EventFilter(actor="(turkey)"), ["ev-d"]),
        (EventFilter(countries=("SY", "TR")), ["ev-c", "ev-d"]),
        (EventFilter(admin1="erbil"), ["ev-b"]),
        (EventFilter(admin1="i̇stanbul"), ["ev-d"]),  # non-ASCII case folding, same on both stores
        (EventFilter(bbox=BoundingBox(40, 30, 45, 37)), ["ev-a", "ev-b", "ev-c"]),
        (EventFilter(bbox=BoundingBox(43, 33, 45, 34)), ["ev-a"]),
        (EventFilter(bbox=BoundingBox(170, -20, -170, -10)), ["ev-e"]),  # across the antimeridian
        (EventFilter(min_fatalities=4), ["ev-a", "ev-c", "ev-f"]),
        (EventFilter(min_fatalities=0), ["ev-a", "ev-b", "ev-c", "ev-f"]),
        (EventFilter(text="DRONE STRIKE"), ["ev-a"]),
        (EventFilter(text="100%"), ["ev-d"]),  # LIKE wildcards are matched literally
        (EventFilter(text="port_authority"), ["ev-e"]),
        (EventFilter(text="port%authority"), []),
        (EventFilter(countries=("IQ",), min_fatalities=1, text="strike"), ["ev-a"]),
    ],
)
def test_each_filter_selects_exactly_its_events(
    filled: Store, event_filter: EventFilter, expected: list[str]
) -> None:
    assert ids(filled, event_filter) == expected
    assert filled.count_events(event_filter) == len(expected)


def test_parse_reads_query_strings_like_the_api() -> None:
    parsed = EventFilter.parse(
        start="2024-01-01",
        event_type=["Battles,Protests", "Riots"],
        country="iq, sy",
        bbox="40,30,45,37",
        min_fatalities="3",
        q="  drone ",
    )
    assert parsed.start == dt.date(2024, 1, 1)
    assert parsed.event_types == (EventType.BATTLES, EventType.PROTESTS, EventType.RIOTS)
    assert parsed.countries == ("IQ", "SY")
    assert parsed.bbox == BoundingBox(40, 30, 45, 37)
    assert parsed.min_fatalities == 3
    assert parsed.text == "drone"


@pytest.mark.parametrize(
    ("arguments", "parameter", "fix_part"),
    [
        ({"start": "2024-13-01"}, "start", "YYYY-MM-DD"),
        ({"start": "2024-02-01", "end": "2024-01-01"}, "start", "on or before"),
        ({"event_type": "battles"}, "event_type", "did you mean 'Battles'"),
        ({"sub_event_type": "Drone strike"}, "sub_event_type", "Air/drone strike"),
        ({"plover": "FIGHT"}, "plover", "ASSAULT"),
        ({"mode": "maybe"}, "mode", "asserted"),
        ({"country": "IRQ"}, "country", "two-letter"),
        ({"bbox": "1,2,3"}, "bbox", "min_lon,min_lat,max_lon,max_lat"),
        ({"bbox": "a,b,c,d"}, "bbox", "min_lon,min_lat,max_lon,max_lat"),
        ({"bbox": "0,50,10,40"}, "bbox", "swap"),
        ({"bbox": "0,0,200,10"}, "bbox", "min_lon"),
        ({"bbox": "nan,0,1,1"}, "bbox", "min_lon"),
        ({"min_fatalities": "-1"}, "min_fatalities", "0 or more"),
        ({"min_fatalities": "many"}, "min_fatalities", "0 or more"),
        ({"q": "x" * 201}, "q", "shorter"),
    ],
)
def test_bad_values_raise_a_typed_error_naming_parameter_and_fix(
    arguments: dict[str, str], parameter: str, fix_part: str
) -> None:
    with pytest.raises(FilterError) as caught:
        EventFilter.parse(**arguments)  # type: ignore[arg-type]
    assert caught.value.parameter == parameter
    assert caught.value.fix is not None and fix_part in caught.value.fix


def test_direct_construction_is_validated_too() -> None:
    with pytest.raises(FilterError, match="not a EventType"):
        EventFilter(event_types=("Battles",))  # type: ignore[arg-type]
    with pytest.raises(FilterError, match="alpha-2"):
        EventFilter(countries=("iq",))
    with pytest.raises(FilterError, match="empty"):
        EventFilter(text="  ")


def expected_order(events: list[Event], sort: EventSort) -> list[str]:
    """The order the store must give: by the sort value (missing values last), then by id."""

    def value(event: Event) -> object:
        if sort.field_name == "date":
            return event.date.start if event.date else None
        return event.fatalities.value if event.fatalities else None

    present = [e for e in events if value(e) is not None]
    missing = sorted((e.id for e in events if value(e) is None), reverse=sort.descending)
    present.sort(key=lambda e: (value(e), e.id), reverse=sort.descending)
    return [e.id for e in present] + missing


@pytest.mark.parametrize("sort", list(EventSort))
def test_pages_never_repeat_or_skip_even_with_ties(store: Store, sort: EventSort) -> None:
    events = synthetic_events(250)  # fatalities take 8 values and dates repeat: many ties
    store.replace_events(events)
    event_filter = EventFilter(countries=("IQ", "SY"))
    matching = [e for e in events if e.places and e.places[0].country in ("IQ", "SY")]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        page = store.find_events(event_filter, sort=sort, limit=17, cursor=cursor)
        assert len(page.event_ids) <= 17
        seen += page.event_ids
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            break
    assert pages > 5
    assert seen == expected_order(matching, sort)
    assert store.count_events(event_filter) == len(matching)


def test_an_exactly_full_last_page_has_no_next_cursor(filled: Store) -> None:
    first = filled.find_events(limit=3)
    second = filled.find_events(limit=3, cursor=first.next_cursor)
    assert len(second.event_ids) == 3
    assert second.next_cursor is None


def test_a_cursor_only_works_with_its_own_sort_and_filters(filled: Store) -> None:
    cursor = filled.find_events(EventFilter(min_fatalities=0), limit=1).next_cursor
    assert cursor is not None
    with pytest.raises(FilterError, match="sort=-date"):
        filled.find_events(EventFilter(min_fatalities=0), sort=EventSort.FATALITIES, cursor=cursor)
    with pytest.raises(FilterError, match="other filters"):
        filled.find_events(EventFilter(min_fatalities=1), cursor=cursor)
    with pytest.raises(FilterError, match="handed out"):
        filled.find_events(cursor="not-a-cursor!")


def test_summaries_match_the_geojson_module_and_the_event(filled: Store) -> None:
    events = {event.id: event for event in sample_events()}
    page = filled.find_events(limit=10)
    for summary in page.summaries():
        event = events[summary["id"]]
        assert summary == event_summary(event)
    assert filled.events_by_ids(["ev-c", "ev-a", "missing"]) == [events["ev-c"], events["ev-a"]]


def test_weekly_series_by_event_type(filled: Store) -> None:
    series = filled.event_timeseries(EventFilter(), Interval.WEEK, GroupBy.EVENT_TYPE)
    by_key = {one.key: [(p.period.isoformat(), p.events, p.fatalities) for p in one.points] for one in series}
    assert by_key == {
        # 2024-01-05 (Fri) is in the week of Monday 2024-01-01; ev-b starts on Monday 01-08.
        "Explosions/Remote violence": [("2024-01-01", 2, 8), ("2024-01-08", 1, 0)],
        "Battles": [("2024-01-29", 1, 12)],
        "Protests": [("2024-02-19", 1, 0)],
    }
    assert series[0].key == "Explosions/Remote violence"  # most events first


def test_monthly_series_by_actor_and_country(filled: Store) -> None:
    by_actor = filled.event_timeseries(EventFilter(), Interval.MONTH, GroupBy.ACTOR)
    totals = {one.key: [(p.period.isoformat(), p.events) for p in one.points] for one in by_actor}
    assert totals["United States"] == [("2024-01-01", 2)]
    assert totals["Islamic State"] == [("2024-02-01", 1)]
    assert totals["Kataib Hezbollah"] == [("2024-01-01", 1)]
    by_country = filled.event_timeseries(EventFilter(end=dt.date(2024, 1, 31)), Interval.DAY, GroupBy.COUNTRY)
    assert {one.key: one.events for one in by_country} == {"IQ": 2, "unknown": 1}
    everything = filled.event_timeseries(EventFilter(), Interval.MONTH, GroupBy.NONE)
    assert [(one.key, one.events) for one in everything] == [("all", 5)]  # the undated one is left out


def test_actor_counts(filled: Store) -> None:
    counts = filled.actor_counts(limit=3)
    assert counts[0].name == "United States" and counts[0].events == 2
    assert len(counts) == 3
    assert [c.name for c in filled.actor_counts("ISLAMIC")] == [
        "Islamic Resistance in Iraq",
        "Islamic State",
    ]


def make_article(text: str) -> Article:
    return Article(id=article_id(text), text=text, source="sample.txt", title=text[:20], outlet="Wire")


def test_article_pages_newest_first(store: Store) -> None:
    texts = [f"Report {n}: shelling was heard near the border crossing, residents said." for n in range(7)]
    for text in texts:
        signature = fingerprint(text)
        store.add_article(make_article(text), signature=signature.signature, band_keys=signature.band_keys)
    seen = []
    cursor = None
    while True:
        page = store.find_articles(limit=3, cursor=cursor)
        seen += [item.id for item in page.items]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [article_id(text) for text in reversed(texts)]
    assert all(item.mention_count == 0 for item in store.find_articles().items)
    assert [a.id for a in store.article_summaries([seen[2], "nope"])] == [seen[2]]


def test_article_rejection_names_the_first_copy(store: Store) -> None:
    store.add_rejection(
        Rejected(
            source="copy.txt",
            reason=RejectReason.DUPLICATE,
            detail="near-duplicate",
            duplicate_of="f" * 16,
            article_id="e" * 16,
        )
    )
    rejection = store.article_rejection("e" * 16)
    assert rejection is not None and rejection.duplicate_of == "f" * 16
    assert store.article_rejection("0" * 16) is None


def test_migration_4_backfills_events_stored_before_it(db_url: str) -> None:
    engine = create_engine(db_url)
    metadata = sa.MetaData()
    applied = migrations_table(metadata)
    event = sample_events()[0]
    with write_transaction(engine) as connection:
        metadata.create_all(connection)
        for module in (m0001_initial, m0002_events, m0003_corrections):
            module.upgrade(connection)
            connection.execute(
                applied.insert().values(
                    version=module.VERSION, description=module.DESCRIPTION, applied_at=dt.datetime.now(dt.UTC)
                )
            )
        events = sa.Table("events", sa.MetaData(), autoload_with=connection)
        connection.execute(
            events.insert().values(
                id=event.id,
                mention_count=1,
                updated_at=dt.datetime.now(dt.UTC),
                **_filter_columns(event),
            )
        )
    engine.dispose()
    with Store.open(db_url) as store:
        assert store.find_events(EventFilter(text="drone strike", actor="kataib")).event_ids == (event.id,)
        assert store.find_events().summaries() == [event_summary(event)]
