"""Exports: ACLED CSV (round trip through pandas), Parquet (schema), JSON Lines, GeoJSON, and the
`wirewatch export` command end to end on a real SQLite store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from rich.console import Console

from tests.test_geojson import MILITIA, US_TROOPS, make_event
from wirewatch import cli as cli_module
from wirewatch.cli import cli
from wirewatch.errors import ConfigError, DataFileError
from wirewatch.export import ExportError, ExportOptions, export_events, format_names, stored
from wirewatch.export.acled import (
    ACLED_COLUMNS,
    AcledRows,
    acled_date,
    format_acled_date,
    interaction_code,
    package_countries,
    parse_countries,
)
from wirewatch.export.parquet import EVENT_SCHEMA
from wirewatch.geojson import feature_collection, rfc7946_problems
from wirewatch.resolve.actors import ActorDictionary
from wirewatch.schema import (
    ActorRef,
    ActorType,
    DatePrecision,
    DateRange,
    Event,
    GeoPrecision,
    Mode,
    Place,
    Plover,
    Qualifier,
    Quantity,
    SubEventType,
)
from wirewatch.store import Store
from wirewatch.store.query import EventFilter

EXPORTED_AT = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)
OUTLETS = {"art-a": "Desert Courier", "art-b": "Levant Ledger"}

CIVILIANS_IRAQ = ActorRef(text="children", canonical="Civilians (Iraq)", actor_type=ActorType.CIVILIANS)
GUNMEN = ActorRef(
    text="gunmen", canonical="Unidentified Armed Group (Iraq)", actor_type=ActorType.POLITICAL_MILITIA
)
ERBIL = Place(
    name="Erbil", country="IQ", admin1="Erbil", lat=36.190734, lon=44.009033, precision=GeoPrecision.NEAR
)


def sample_events() -> list[Event]:
    """Happened events of several kinds, and ones ACLED would not record."""
    return [
        make_event(
            "ev-strike",
            actor1=MILITIA,
            actor2=US_TROOPS,
            fatalities=Quantity(value=3, qualifier=Qualifier.AT_LEAST),
            fatalities_range=(3, 4),
            sentences=(("art-a", "A drone struck the base on Sunday."), ("art-b", "Three soldiers died.")),
        ),
        make_event(
            "ev-attack",
            sub_event_type=SubEventType.ATTACK,
            plover=Plover.ASSAULT,
            mode=Mode.CLAIMED,
            day=dt.date(2024, 2, 5),
            precision=DatePrecision.WEEK,
            places=(ERBIL,),
            actor1=GUNMEN,
            actor2=CIVILIANS_IRAQ,
            sentences=(("art-b", "Gunmen attacked a school bus near Erbil, a group said."),),
        ),
        make_event(
            "ev-clash",
            sub_event_type=SubEventType.ARMED_CLASH,
            day=dt.date(2019, 6, 1),
            precision=DatePrecision.MONTH,
            places=(Place(name="Syria", country="SY", lat=35.0, lon=38.0, precision=GeoPrecision.COUNTRY),),
            actor1=ActorRef(text="US forces", canonical="Military Forces of the United States (2021-)"),
            fatalities=Quantity(value=0),
        ),
        make_event("ev-threat", mode=Mode.THREATENED, sentences=(("art-a", "They threatened a strike."),)),
        make_event(
            "ev-demand",
            sub_event_type=SubEventType.OTHER,
            plover=Plover.REQUEST,
            sentences=(("art-b", "Parliament demanded the troops leave."),),
        ),
    ]


def options(**changes: Any) -> ExportOptions:
    return dataclasses.replace(ExportOptions(outlet_of=OUTLETS.get, exported_at=EXPORTED_AT), **changes)


# ---------------------------------------------------------------------------------- ACLED CSV


def test_acled_csv_round_trips_through_pandas(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    result = export_events(sample_events(), "acled-csv", path, options())
    assert result.written == 3
    assert dict(result.skipped) == {"threatened": 1, "verbal only": 1}

    frame = pd.read_csv(path, keep_default_na=False, dtype=str)
    assert tuple(frame.columns) == ACLED_COLUMNS
    rows = {row["event_id_cnty"]: row for row in frame.to_dict("records")}
    assert set(rows) == {"JOR-ev-strike", "IRQ-ev-attack", "SYR-ev-clash"}

    strike = rows["JOR-ev-strike"]
    assert dt.datetime.strptime(strike["event_date"], "%d %B %Y").date() == dt.date(2024, 1, 28)
    assert strike["year"] == "2024" and strike["time_precision"] == "1"
    assert (strike["disorder_type"], strike["event_type"], strike["sub_event_type"]) == (
        "Political violence",
        "Explosions/Remote violence",
        "Air/drone strike",
    )
    assert strike["actor1"] == "Militia (Pro-Iran)"
    assert strike["actor2"] == "Military Forces of the United States (2021-)"
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("3", "8", "38")
    assert (strike["iso"], strike["region"], strike["country"]) == ("400", "Middle East", "Jordan")
    assert (strike["admin1"], strike["location"], strike["geo_precision"]) == ("Mafraq", "Tower 22", "1")
    assert float(strike["latitude"]) == pytest.approx(33.32)
    assert float(strike["longitude"]) == pytest.approx(38.69)
    assert strike["source"] == "Desert Courier; Levant Ledger"
    assert strike["fatalities"] == "3"
    assert strike["tags"] == "fatalities=at least 3; fatalities disputed=3-4"
    assert strike["notes"].startswith("On 28 January 2024, air/drone strike involving Militia (Pro-Iran)")
    assert 'Desert Courier: "A drone struck the base on Sunday."' in strike["notes"]
    assert strike["timestamp"] == str(int(EXPORTED_AT.timestamp()))
    assert strike["civilian_targeting"] == "" and strike["admin3"] == "" and strike["source_scale"] == ""

    attack = rows["IRQ-ev-attack"]
    # Known to the week: the middle of the range, time_precision 2.
    assert attack["event_date"] == "08 February 2024" and attack["time_precision"] == "2"
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == ("3", "7", "37")
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert attack["geo_precision"] == "2" and attack["location"] == "Erbil"
    assert float(attack["latitude"]) == pytest.approx(36.1907, abs=1e-9)  # four decimals, as ACLED
    assert attack["tags"] == "fatalities=no report; claimed"
    assert attack["fatalities"] == "0"
    assert attack["source"] == "Levant Ledger"

    clash = rows["SYR-ev-clash"]
    # ACLED names state forces by period: a 2019 event gets the 2017-2021 name.
    assert clash["actor1"] == "Military Forces of the United States (2017-2021)"
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == ("1", "0", "10")
    assert clash["event_date"] == "15 June 2019" and clash["time_precision"] == "3"
    assert clash["geo_precision"] == "3" and clash["location"] == "Syria"  # country-only -> 3
    assert clash["fatalities"] == "0" and clash["tags"] == ""
    assert clash["notes"].startswith("In June 2019, armed clash involving")


def test_acled_csv_values_keep_their_types_in_pandas(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    export_events(sample_events(), "acled-csv", path, options(iso_dates=True))
    frame = pd.read_csv(path, parse_dates=["event_date"])
    assert pd.api.types.is_datetime64_any_dtype(frame["event_date"])
    for column in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "fatalities"):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    for column in ("latitude", "longitude"):
        assert pd.api.types.is_float_dtype(frame[column]), column
    assert sorted(frame["event_date"].dt.date) == [
        dt.date(2019, 6, 15),
        dt.date(2024, 1, 28),
        dt.date(2024, 2, 8),
    ]


def test_acled_csv_includes_unhappened_events_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "all.csv"
    result = export_events(sample_events(), "acled-csv", path, options(include_unhappened=True))
    assert result.written == 5 and not result.skipped
    rows = {row["event_id_cnty"]: row for row in pd.read_csv(path, dtype=str).to_dict("records")}
    assert "mode=threatened" in rows["JOR-ev-threat"]["tags"]
    assert "Reported as threatened" in rows["JOR-ev-threat"]["notes"]
    assert "plover=REQUEST" in rows["JOR-ev-demand"]["tags"]
    assert rows["JOR-ev-demand"]["disorder_type"] == "Strategic developments"


def test_acled_csv_defuses_spreadsheet_formulas_from_article_text(tmp_path: Path) -> None:
    hostile = ActorRef(text='=HYPERLINK("http://x")')
    path = tmp_path / "x.csv"
    export_events([make_event(actor1=hostile)], "acled-csv", path, options())
    row = pd.read_csv(path, dtype=str).iloc[0]
    assert row["actor1"] == '\'=HYPERLINK("http://x")'
    assert not any(str(value).startswith(("=", "+", "@")) for value in row.to_numpy())


def test_acled_dates_and_precisions() -> None:
    day = dt.date(2024, 1, 8)
    assert acled_date(DateRange(start=day, end=day, precision=DatePrecision.DAY)) == (day, 1)
    three_days = DateRange(start=day, end=day + dt.timedelta(days=2), precision=DatePrecision.DAY)
    assert acled_date(three_days) == (dt.date(2024, 1, 9), 2)
    year = DateRange(start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31), precision=DatePrecision.YEAR)
    assert acled_date(year) == (dt.date(2020, 7, 1), 3)
    assert acled_date(
        DateRange(start=None, end=None, precision=DatePrecision.YEAR_UNKNOWN, partial="--02-08")
    ) == (
        None,
        None,
    )
    assert acled_date(None) == (None, None)
    assert format_acled_date(day) == "08 January 2024"
    assert format_acled_date(day, iso=True) == "2024-01-08"


@pytest.mark.parametrize(
    ("inter1", "inter2", "has_actor2", "expected"),
    [
        (1, 3, True, 13),
        (3, 1, True, 13),
        (8, 2, True, 28),
        (6, 0, False, 60),
        (None, 1, True, None),
        (1, None, True, None),
    ],
)
def test_interaction_codes(
    inter1: int | None, inter2: int | None, has_actor2: bool, expected: int | None
) -> None:
    assert interaction_code(inter1, inter2, has_actor2) == expected


def test_unknown_actor_keeps_its_text_and_a_dictionary_actor_gets_its_type() -> None:
    rows = AcledRows(actors=ActorDictionary.load(), countries=package_countries(), exported_at=EXPORTED_AT)
    unknown = ActorRef(text="a local  strongman")
    assert rows.actor_name(unknown, None) == "a local strongman"
    assert rows.actor_type(unknown) is None
    untyped = ActorRef(text="Kataib Hezbollah", canonical="Kataib Hezbollah")
    assert rows.actor_type(untyped) == ActorType.POLITICAL_MILITIA


def test_country_table_has_acled_names_and_codes() -> None:
    countries = package_countries()
    assert (countries["SY"].iso_numeric, countries["SY"].iso3, countries["SY"].region) == (
        760,
        "SYR",
        "Middle East",
    )
    assert countries["CD"].name == "Democratic Republic of Congo"
    assert countries["AM"].region == "Caucasus and Central Asia"
    assert countries["MX"].region == "Central America"
    assert len(countries) > 240


def test_user_country_files_correct_the_package_table(tmp_path: Path) -> None:
    mine = tmp_path / "acled_countries_mine.tsv"
    mine.write_text(
        "iso2\tiso3\tiso_numeric\tname\tregion\nTR\tTUR\t792\tTurkiye\tEurope\n", encoding="utf-8"
    )
    path = tmp_path / "x.csv"
    turkish = Place(name="Ankara", country="TR", lat=39.93, lon=32.86, precision=GeoPrecision.PLACE)
    export_events([make_event(places=(turkish,))], "acled-csv", path, options(country_files=(mine,)))
    row = pd.read_csv(path, dtype=str).iloc[0]
    assert (row["country"], row["region"], row["iso"]) == ("Turkiye", "Europe", "792")
    with pytest.raises(DataFileError, match="cannot read countries file"):
        export_events([], "acled-csv", path, options(country_files=(tmp_path / "absent.tsv",)))


def test_bad_country_files_say_what_to_fix() -> None:
    with pytest.raises(DataFileError, match="header"):
        parse_countries("iso2\tname\n", "mine.tsv")
    header = "iso2\tiso3\tiso_numeric\tname\tregion\n"
    with pytest.raises(DataFileError, match="line 2: 3 fields"):
        parse_countries(header + "SY\tSYR\t760\n", "mine.tsv")
    with pytest.raises(DataFileError, match="not a number"):
        parse_countries(header + "SY\tSYR\tx\tSyria\tMiddle East\n", "mine.tsv")
    assert (
        parse_countries(header + "# note\nSY\tSYR\t760\tSyria\tMiddle East\n", "mine.tsv")["SY"].iso_numeric
        == 760
    )


# ---------------------------------------------------------------------- Parquet, JSONL, GeoJSON


def test_parquet_has_the_declared_schema_and_the_full_records(tmp_path: Path) -> None:
    events = sample_events()
    path = tmp_path / "events.parquet"
    result = export_events(events, "parquet", path, options())
    assert result.written == len(events)
    table = pq.read_table(path)
    assert table.schema.equals(EVENT_SCHEMA, check_metadata=False)
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.schema.field("fatalities").type == pa.int32()
    assert pa.types.is_list(table.schema.field("places").type)
    rows = {row["id"]: row for row in table.to_pylist()}
    strike = rows["ev-strike"]
    assert strike["date_start"] == dt.date(2024, 1, 28)
    assert (strike["latitude"], strike["longitude"]) == (33.32, 38.69)
    assert strike["fatalities"] == 3 and strike["fatalities_qualifier"] == "at_least"
    assert (strike["fatalities_low"], strike["fatalities_high"]) == (3, 4)
    assert strike["sources"] == ["Desert Courier", "Levant Ledger"]
    assert strike["article_ids"] == ["art-a", "art-b"]
    assert strike["places"][0]["name"] == "Tower 22"
    assert rows["ev-attack"]["fatalities"] is None  # unreported stays null, not 0
    assert [Event.model_validate_json(text) for text in table.column("record_json").to_pylist()] == events


def test_empty_parquet_export_still_has_its_schema(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    assert export_events([], "parquet", path, options()).written == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.schema.equals(EVENT_SCHEMA, check_metadata=False)


def test_jsonl_records_validate_back_into_the_same_events(tmp_path: Path) -> None:
    events = sample_events()
    path = tmp_path / "events.jsonl"
    assert export_events(events, "jsonl", path, options()).written == len(events)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [Event.model_validate_json(line) for line in lines] == events


def test_geojson_export_is_valid_rfc7946(tmp_path: Path) -> None:
    events = [*sample_events(), make_event("ev-nowhere", places=())]
    path = tmp_path / "events.geojson"
    assert export_events(events, "geojson", path, options()).written == len(events)
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert rfc7946_problems(collection) == []
    features = {feature["id"]: feature for feature in collection["features"]}
    assert features["ev-attack"]["geometry"]["coordinates"] == [ERBIL.lon, ERBIL.lat]
    assert features["ev-nowhere"]["geometry"] is None
    assert collection["bbox"] == [38.0, 33.32, ERBIL.lon, ERBIL.lat]
    empty = tmp_path / "empty.geojson"
    export_events([], "geojson", empty, options())
    assert json.loads(empty.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}


def test_streamed_geojson_equals_the_collection_built_at_once(tmp_path: Path) -> None:
    events = [*sample_events(), make_event("ev-nowhere", places=())]
    path = tmp_path / "events.geojson"
    export_events(events, "geojson", path, options())
    assert json.loads(path.read_text(encoding="utf-8")) == feature_collection(events, bbox=True)


def test_stored_events_are_read_page_by_page_in_date_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stored, "EXPORT_PAGE_EVENTS", 2)
    events = sample_events()
    with Store.open(f"sqlite:///{tmp_path / 'paged.db'}") as store:
        store.replace_events(events)
        read = list(stored.stored_events(store))
        only_iraq = [event.id for event in stored.stored_events(store, EventFilter(countries=("IQ",)))]
    assert sorted(event.id for event in read) == sorted(event.id for event in events)
    starts = [event.date.start for event in read if event.date and event.date.start]
    assert starts == sorted(starts)
    assert only_iraq == ["ev-attack"]


def test_every_format_is_registered_and_unknown_ones_are_refused(tmp_path: Path) -> None:
    assert format_names() == ["acled-csv", "geojson", "jsonl", "parquet"]
    with pytest.raises(ConfigError, match="use one of"):
        export_events([], "shapefile", tmp_path / "x.shp")
    with pytest.raises(ExportError, match="stdout"):
        export_events([], "parquet", None)
    with pytest.raises(ExportError, match="does not exist"):
        export_events([], "jsonl", tmp_path / "missing" / "x.jsonl")


def test_a_failed_export_leaves_no_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("the previous good export\n", encoding="utf-8")

    def breaks_midway() -> Iterator[Event]:
        yield make_event("ev-1")
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError):
        export_events(breaks_midway(), "jsonl", path, options())
    assert path.read_text(encoding="utf-8") == "the previous good export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["events.jsonl"]


# ---------------------------------------------------------------------------------- the command

ARTICLE_STRIKE = (
    "BAGHDAD, March 3 (Desert Courier) - A drone strike killed four fighters of Kataib Hezbollah "
    "in Baghdad on Monday, Iraqi security officials said.\n\n"
    "The strike hit a vehicle on a road in the east of the city, the officials said.\n"
)
ARTICLE_PROTEST = (
    "BASRA, March 5 (Levant Ledger) - Hundreds of protesters rallied in Basra on Wednesday to "
    "demand jobs and better electricity supplies, witnesses said.\n\n"
    "The protest ended peacefully in the evening.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def ingested_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store filled by the real pipeline from two short articles."""
    folder = tmp_path_factory.mktemp("articles")
    (folder / "strike.txt").write_text(ARTICLE_STRIKE, encoding="utf-8")
    (folder / "protest.txt").write_text(ARTICLE_PROTEST, encoding="utf-8")
    meta = tmp_path_factory.mktemp("meta") / "meta.jsonl"
    meta.write_text(
        "\n".join(
            json.dumps(record)
            for record in (
                {"file": "strike.txt", "outlet": "Desert Courier", "published": "2025-03-03T12:00:00+00:00"},
                {"file": "protest.txt", "outlet": "Levant Ledger", "published": "2025-03-05T18:00:00+00:00"},
            )
        ),
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path_factory.mktemp('store') / 'store.db'}"
    code, _out, _err = run("ingest", str(folder), "--meta", str(meta), "--db", db, "--json", "--no-progress")
    assert code == 0
    return db


def test_export_command_writes_every_format_from_a_real_store(ingested_db: str, tmp_path: Path) -> None:
    with Store.open(ingested_db) as store:
        stored = store.events()
    assert stored, "the pipeline found no event in the sample articles"

    code, out, err = run("export", "--format", "jsonl", "--db", ingested_db)
    assert code == 0 and f"wrote {len(stored)} of {len(stored)}" in err
    assert sorted(Event.model_validate_json(line).id for line in out.splitlines()) == sorted(
        e.id for e in stored
    )

    csv_path = tmp_path / "events.csv"
    code, _out, err = run("export", "--format", "acled-csv", "-o", str(csv_path), "--db", ingested_db)
    assert code == 0 and csv_path.exists()
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    assert tuple(frame.columns) == ACLED_COLUMNS
    happened = [e for e in stored if AcledRows.skip_reason(e) is None]
    assert len(frame) == len(happened)
    if len(happened) < len(stored):
        assert "left out as ACLED would" in " ".join(err.split())
    rows = frame.to_dict("records")
    for event in happened:
        [row] = [r for r in rows if r["event_id_cnty"].endswith(event.id)]
        assert row["sub_event_type"] == event.sub_event_type.value
        assert row["fatalities"] == str(event.fatalities.value if event.fatalities else 0)
        outlets = {"Desert Courier", "Levant Ledger"}
        assert row["source"] and set(row["source"].split("; ")) <= outlets
        if event.places and event.places[0].lat is not None:
            assert float(row["latitude"]) == pytest.approx(event.places[0].lat, abs=1e-4)

    geojson_path = tmp_path / "events.geojson"
    code, _out, _err = run("export", "--format", "geojson", "-o", str(geojson_path), "--db", ingested_db)
    assert code == 0 and rfc7946_problems(json.loads(geojson_path.read_text(encoding="utf-8"))) == []

    parquet_path = tmp_path / "events.parquet"
    code, _out, _err = run("export", "--format", "parquet", "-o", str(parquet_path), "--db", ingested_db)
    assert code == 0 and pq.read_table(parquet_path).num_rows == len(stored)


def test_export_command_applies_filters(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'filters.db'}"
    events = sample_events()
    with Store.open(db) as store:
        store.replace_events(events)

    def exported_ids(*filters: str) -> list[str]:
        code, out, err = run("export", "--format", "jsonl", "--db", db, *filters)
        assert code == 0, err
        return sorted(Event.model_validate_json(line).id for line in out.splitlines())

    assert exported_ids() == sorted(e.id for e in events)
    assert exported_ids("--country", "IQ") == ["ev-attack"]
    assert exported_ids("--country", "IQ,SY") == ["ev-attack", "ev-clash"]
    assert exported_ids("--start", "2024-02-01", "--end", "2024-02-29") == ["ev-attack"]
    assert exported_ids("--sub-event-type", "Armed clash") == ["ev-clash"]
    assert exported_ids("--mode", "threatened", "--mode", "claimed") == ["ev-attack", "ev-threat"]
    assert exported_ids("--min-fatalities", "3") == ["ev-strike"]
    assert exported_ids("--actor", "pro-iran") == ["ev-strike"]
    assert exported_ids("--text", "SCHOOL BUS") == ["ev-attack"]
    assert exported_ids("--bbox", "43,35,45,37") == ["ev-attack"]
    assert exported_ids("--plover", "REQUEST") == ["ev-demand"]
    assert exported_ids("--admin1", "mafraq", "--event-type", "Strategic developments") == ["ev-demand"]


@pytest.mark.parametrize(
    ("args", "message", "fix"),
    [
        (["--format", "parquet"], "parquet cannot be written to stdout", "-o events.parquet"),
        (["--format", "jsonl", "--bbox", "1,2,3"], "--bbox must be four numbers", "--bbox min_lon"),
        (["--format", "jsonl", "--start", "2024-13-01"], "--start '2024-13-01' is not a date", "YYYY-MM-DD"),
        (
            ["--format", "jsonl", "--event-type", "battles"],
            "--event-type 'battles'",
            "did you mean 'Battles'",
        ),
        (["--format", "jsonl", "--country", "IRQ"], "--country 'IRQ'", "two-letter codes"),
        (["--format", "jsonl", "--min-fatalities", "-1"], "--min-fatalities must be 0 or more", "0 or more"),
        (["--format", "jsonl", "--start", "2024-02-01", "--end", "2024-01-01"], "after end", "swap"),
        (["--format", "jsonl", "-o", "/nonexistent-folder/x.jsonl"], "does not exist", "mkdir -p"),
    ],
)
def test_export_command_errors_name_the_fix(tmp_path: Path, args: list[str], message: str, fix: str) -> None:
    code, _out, err = run("export", *args, "--db", str(tmp_path / "empty.db"))
    flat = " ".join(err.split())
    assert code == 2, err
    assert message in flat and "fix:" in flat and fix in flat


def test_export_command_rejects_an_unknown_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "xlsx", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "acled-csv" in result.output


def test_export_command_with_a_progress_bar_writes_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = io.StringIO()
    monkeypatch.setattr(cli_module, "err_console", Console(file=terminal, force_terminal=True, width=100))
    monkeypatch.setattr(cli_module, "EXPORT_PROGRESS_MIN_EVENTS", 1)
    db = f"sqlite:///{tmp_path / 'progress.db'}"
    events = sample_events()
    with Store.open(db) as store:
        store.replace_events(events)
    code, out, _err = run("export", "--format", "jsonl", "--db", db)
    assert code == 0
    assert len(out.splitlines()) == len(events)
    assert f"wrote {len(events)} of {len(events)}" in terminal.getvalue()


def test_export_help_explains_with_examples() -> None:
    code, out, _err = run("export", "--help")
    assert code == 0 and "Examples:" in out and "--include-unhappened" in out and "acled-csv" in out
