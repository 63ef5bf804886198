"""The offline gazetteer and place resolution (wirewatch.resolve.places)."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest

from tests.conftest import need
from wirewatch.errors import DataFileError
from wirewatch.resolve import places
from wirewatch.resolve.places import (
    Gazetteer,
    country_context,
    normalise_name,
    parse_curated,
    resolve_place,
    split_places,
)
from wirewatch.schema import GeoPrecision, Place, Span

HEADER = "name\tkind\tcountry\tadmin1\tlat\tlon\tgeonames\taliases\n"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def km(a: Place, lat: float, lon: float) -> float:
    assert a.lat is not None and a.lon is not None
    return places._distance_km(a.lat, a.lon, lat, lon)


def top(gaz: Gazetteer, name: str, countries: tuple[str, ...] = ()) -> Place:
    found = gaz.lookup(name, countries=countries)
    assert found, f"no candidate for {name!r}"
    return found[0]


def resolved(gaz: Gazetteer, text: str, countries: tuple[str, ...] = (), context: str = "") -> Place:
    place = resolve_place(text, gazetteer=gaz, countries=countries, context=context)
    assert place is not None, f"{text!r} did not resolve"
    return place


# -- normalisation and spelling variants ---------------------------------------------------------


def test_normalise_folds_case_diacritics_hyphens_and_apostrophes() -> None:
    assert normalise_name("Dar‘ā") == normalise_name("DARA") == "dara"
    assert normalise_name("Al-Ḩasakah") == "al hasakah"
    assert normalise_name("Şanlıurfa") == "sanliurfa"
    assert normalise_name("U.S.") == "us"


@pytest.mark.parametrize(
    "variant",
    ["Ain al-Asad", "Ain al-Assad", "Al Asad", "Al-Asad Airbase", "ain al asad air base", "AYN AL-ASAD"],
)
def test_ain_al_asad_spellings_meet(gaz: Gazetteer, variant: str) -> None:
    place = top(gaz, variant, ("IQ",))
    assert place.name == "Ain al-Asad Air Base"
    assert place.country == "IQ"
    assert place.admin1 == "Al Anbar"
    assert km(place, 33.7856, 42.4412) < 5


@pytest.mark.parametrize(
    ("variant", "admin1"),
    [
        ("Babylon", "Babil"),
        ("Babel", "Babil"),
        ("Anbar", "Al Anbar"),
        ("Al-Anbar", "Al Anbar"),
        ("Nineveh", "Ninewa"),
        ("Salahuddin", "Salah al-Din"),
        ("Dhi Qar", "Thi-Qar"),
    ],
)
def test_iraqi_province_aliases_give_acled_spellings(gaz: Gazetteer, variant: str, admin1: str) -> None:
    place = top(gaz, variant, ("IQ",))
    assert (place.name, place.admin1, place.country) == (admin1, admin1, "IQ")
    assert place.precision is GeoPrecision.REGION


@pytest.mark.parametrize(
    "variant", ["Deir ez-Zor", "Deir Ezzor", "Deir al-Zour", "Dayr az Zawr", "Deir-ez-Zor"]
)
def test_deir_ez_zor_transliterations(gaz: Gazetteer, variant: str) -> None:
    place = top(gaz, variant, ("SY",))
    assert place.country == "SY"
    assert place.admin1 == "Deir ez Zor"
    assert km(place, 35.336, 40.141) < 50  # the city, or the province centred beside it


def test_articles_are_optional(gaz: Gazetteer) -> None:
    ids = {top(gaz, name, ("SY",)).gazetteer_id for name in ("al-Tanf", "At Tanf", "Tanf", "at-Tanf")}
    assert len(ids) == 1


def test_canonical_admin1(gaz: Gazetteer) -> None:
    assert gaz.canonical_admin1("Anbar", "IQ") == "Al Anbar"
    assert gaz.canonical_admin1("Babylon", "IQ") == "Babil"
    assert gaz.canonical_admin1("Idlib", "SY") == "Idleb"
    assert gaz.canonical_admin1("Anbar", "SY") is None


# -- disambiguation --------------------------------------------------------------------------------


def test_babylon_is_babil_in_an_iraq_story(gaz: Gazetteer) -> None:
    assert top(gaz, "Babylon", ("IQ",)).name == "Babil"
    new_york = [p for p in gaz.lookup("Babylon", countries=("US",)) if p.country == "US"]
    assert new_york and new_york[0].admin1 == "New York"
    assert gaz.lookup("Babylon", countries=("US",))[0].country == "US"


def test_balad_is_the_iraqi_town_in_an_iraq_story(gaz: Gazetteer) -> None:
    place = top(gaz, "Balad", ("IQ",))
    assert place.country == "IQ"
    assert place.admin1 == "Salah al-Din"
    assert km(place, 34.015, 44.146) < 10


def test_context_country_wins_over_a_bigger_namesake(gaz: Gazetteer) -> None:
    assert top(gaz, "Georgia", ("US",)).country == "US"
    assert top(gaz, "Georgia", ("GE", "RU")).country == "GE"
    assert top(gaz, "Paris").country == "FR"
    assert top(gaz, "Paris", ("US",)).country == "US"


def test_a_town_beats_its_namesake_province(gaz: Gazetteer) -> None:
    for name, country in [("Aleppo", "SY"), ("Kirkuk", "IQ"), ("Idlib", "SY"), ("Baghdad", "IQ")]:
        place = top(gaz, name, (country,))
        assert place.precision is GeoPrecision.PLACE, name
        assert place.gazetteer_id is not None and place.gazetteer_id.startswith("geonames:"), name


def test_a_village_abroad_is_not_taken_for_a_missing_one_at_home(gaz: Gazetteer) -> None:
    # A Syrian village missing from GeoNames must not land on a similarly spelled one abroad.
    assert resolve_place("Zzqarbat", gazetteer=gaz, countries=("SY",)) is None
    # ... but a large foreign city named in the same story still resolves.
    assert resolved(gaz, "Paris", ("SY",)).country == "FR"


# -- precision -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "context", "precision"),
    [
        ("Hajin", "", GeoPrecision.PLACE),
        ("Hajin", "clashes on the outskirts of", GeoPrecision.NEAR),
        ("Hajin", "fighting near the", GeoPrecision.NEAR),
        ("Hajin", "an IED exploded 5 km north of", GeoPrecision.NEAR),
        ("Hajin", "a convoy 20 kilometres from", GeoPrecision.NEAR),
        ("outskirts of Hajin", "", GeoPrecision.NEAR),
        ("Al-Bukamal district", "", GeoPrecision.NEAR),
        ("Deir-ez-Zor eastern countryside", "", GeoPrecision.REGION),  # the province's rural east
        ("northern Deir ez-Zor", "", GeoPrecision.NEAR),  # the town and its surroundings
        ("northern Homs province", "", GeoPrecision.REGION),
        ("Idlib province", "", GeoPrecision.REGION),
        ("Homs governorate", "", GeoPrecision.REGION),
        ("Syria", "", GeoPrecision.COUNTRY),
        ("northern Syria", "", GeoPrecision.REGION),
    ],
)
def test_precision_cues(gaz: Gazetteer, text: str, context: str, precision: GeoPrecision) -> None:
    place = resolved(gaz, text, ("SY",), context)
    assert place.precision is precision


def test_iraq_precision_examples(gaz: Gazetteer) -> None:
    babylon = resolved(gaz, "Babylon province", ("IQ",))
    assert (babylon.admin1, babylon.precision) == ("Babil", GeoPrecision.REGION)
    west = resolved(gaz, "western Iraq")
    assert (west.country, west.admin1, west.precision) == ("IQ", None, GeoPrecision.REGION)
    anbar = resolved(gaz, "Anbar", ("IQ",))
    assert (anbar.admin1, anbar.precision) == ("Al Anbar", GeoPrecision.REGION)
    assert resolved(gaz, "Iraq").precision is GeoPrecision.COUNTRY
    assert resolved(gaz, "central Baghdad", ("IQ",)).precision is GeoPrecision.PLACE
    assert resolved(gaz, "northern Baghdad", ("IQ",)).precision is GeoPrecision.NEAR
    near_base = resolved(gaz, "Balad air base", ("IQ",), "rockets landed near")
    assert (near_base.name, near_base.precision) == ("Balad Air Base", GeoPrecision.NEAR)


def test_span_is_kept(gaz: Gazetteer) -> None:
    span = Span(start=10, end=17, text="Babylon")
    place = resolve_place("Babylon", gazetteer=gaz, countries=("IQ",), span=span)
    assert place is not None and place.span == span


def test_cue_words_live_in_the_data_file() -> None:
    text = (places._data_dir() / "cues.toml").read_text(encoding="utf-8")
    for phrase in ('"on the outskirts of"', '"governorate"', '"western"', '"countryside"'):
        assert phrase in text


# -- facilities ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "admin1", "lat", "lon"),
    [
        ("Tower 22", "JO", "Mafraq", 33.32, 38.69),
        ("the Green Zone", "IQ", "Baghdad", 33.30, 44.39),
        ("al-Tanf garrison", "SY", "Homs", 33.49, 38.62),
        ("Jurf al-Sakhar", "IQ", "Babil", 32.87, 44.17),
        ("Camp Taji", "IQ", "Baghdad", 33.52, 44.26),
        ("Harir base", "IQ", "Erbil", 36.53, 44.34),
        ("Camp Victory", "IQ", "Baghdad", 33.29, 44.26),
        ("Baghdad International Airport", "IQ", "Baghdad", 33.26, 44.23),
        ("Baghdad airport", "IQ", "Baghdad", 33.26, 44.23),
        ("Erbil airport", "IQ", "Erbil", 36.24, 43.96),
        ("US embassy in Baghdad", "IQ", "Baghdad", 33.30, 44.40),
        ("Muwaffaq Salti air base", "JO", "Zarqa", 31.83, 36.78),
        ("al-Omar oil field", "SY", "Deir ez Zor", 35.06, 40.52),
        ("Conoco gas field", "SY", "Deir ez Zor", 35.40, 40.28),
        ("Rmelan", "SY", "Al Hasakeh", 37.0, 41.95),
        ("Shaddadi", "SY", "Al Hasakeh", 36.06, 40.74),
        ("Kharab al-Jir", "SY", "Al Hasakeh", 37.0, 42.09),
        ("Qaim border crossing", "IQ", "Al Anbar", 34.43, 40.95),
    ],
)
def test_curated_facilities(
    gaz: Gazetteer, text: str, country: str, admin1: str, lat: float, lon: float
) -> None:
    place = resolved(gaz, text, (country,))
    assert (place.country, place.admin1) == (country, admin1)
    assert place.precision is GeoPrecision.PLACE
    assert km(place, lat, lon) < 5


def test_airports_come_from_airportsdata(gaz: Gazetteer) -> None:
    place = top(gaz, "Incirlik Air Base")  # curated
    assert place.country == "TR"
    sulaymaniyah = top(gaz, "Sulaymaniyah International Airport", ("IQ",))
    assert sulaymaniyah.gazetteer_id == "airportsdata:ORSU"
    assert sulaymaniyah.admin1 == "Sulaymaniyah"  # the nearest town's province


def test_the_world_is_covered(gaz: Gazetteer) -> None:
    assert top(gaz, "Nairobi").country == "KE"
    assert top(gaz, "Pandi", ("PH",)).country == "PH"
    assert top(gaz, "Queensland", ("AU",)).precision is GeoPrecision.REGION
    assert top(gaz, "Africa").precision is GeoPrecision.COUNTRY


# -- the user's own places and malformed files -----------------------------------------------------


def test_user_file_extends_the_gazetteer(tmp_path: Path, gaz: Gazetteer) -> None:
    mine = tmp_path / "my_places.tsv"
    mine.write_text(
        "# my outposts\n"
        + HEADER
        + "Patrol Base Quxite\toutpost\tIQ\tAl Anbar\t33.9\t42.1\t\tPB Quxite|Quxite base\n",
        encoding="utf-8",
    )
    assert gaz.lookup("Quxite base") == []
    extended = Gazetteer.load([mine])
    place = top(extended, "PB Quxite", ("IQ",))
    assert (place.name, place.country, place.admin1, place.lat) == (
        "Patrol Base Quxite",
        "IQ",
        "Al Anbar",
        33.9,
    )
    assert place.gazetteer_id is not None and place.gazetteer_id.startswith("user:")
    assert top(extended, "Tower 22").country == "JO"  # the base data is still there
    assert Gazetteer.load([mine]) is extended  # loaded once


@pytest.mark.parametrize(
    ("content", "in_message"),
    [
        ("name\tkind\tcountry\n", "header"),
        (HEADER + "Camp X\tbase\tIraq\t\t33\t44\t\t\n", "ISO 3166-1"),
        (HEADER + "Camp X\tbase\tIQ\t\tnorth\t44\t\t\n", "latitude"),
        (HEADER + "Camp X\tbase\tIQ\t\t33\t244\t\t\n", "longitude"),
        (HEADER + "Camp X\tBase Camp\tIQ\t\t33\t44\t\t\n", "kind"),
        (HEADER + "Camp X\tbase\tIQ\t\t33\t44\t\ta\tb\n", "fields"),
        (HEADER + "\tbase\tIQ\t\t33\t44\t\t\n", "name is empty"),
        ("# only a comment\n", "no header"),
    ],
)
def test_malformed_file_names_the_fix(tmp_path: Path, content: str, in_message: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        Gazetteer.load([bad])
    assert in_message in info.value.message
    assert "bad.tsv" in info.value.message
    assert info.value.fix


def test_parse_errors_give_the_line_number() -> None:
    with pytest.raises(DataFileError, match=r"x\.tsv:3:"):
        parse_curated(HEADER + "A\tbase\tIQ\t\t1\t2\t\t\nB\tbase\tIQ\t\t1\tlon\t\t\n", "x.tsv")


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        Gazetteer.load([tmp_path / "absent.tsv"])


def test_our_data_files_parse() -> None:
    for name in ("admin1.tsv", "facilities.tsv"):
        rows = parse_curated((places._data_dir() / name).read_text(encoding="utf-8"), name)
        assert rows
        for row in rows:
            assert row.country and -90 <= row.lat <= 90


# -- unknown names, lists, article countries -------------------------------------------------------


def test_unknown_names(gaz: Gazetteer) -> None:
    assert resolve_place("Qwxzvbnm", gazetteer=gaz) is None
    assert resolve_place("", gazetteer=gaz) is None
    assert resolve_place("the", gazetteer=gaz) is None
    assert gaz.lookup("Qwxzvbnm") == []
    assert gaz.lookup("   ") == []


def test_split_places(gaz: Gazetteer) -> None:
    assert split_places("Iraq and Syria") == ["Iraq", "Syria"]
    assert split_places("Erbil, Duhok and Sulaymaniyah", gaz) == ["Erbil", "Duhok", "Sulaymaniyah"]
    assert split_places("Bosnia and Herzegovina", gaz) == ["Bosnia and Herzegovina"]
    assert split_places("Iraq, Trinidad and Tobago", gaz) == ["Iraq", "Trinidad and Tobago"]
    assert split_places("") == []


def test_country_context(gaz: Gazetteer) -> None:
    text = (
        "The U.S. military said Iraqi forces and US aircraft struck targets in Syria. "
        "Kataib Hezbollah, based in Baghdad, denied it. Iraq's government protested. Let us see."
    )
    assert country_context(text, gaz) == ["IQ", "US", "SY"]
    assert country_context("nothing here", gaz) == []


# -- speed -----------------------------------------------------------------------------------------


def test_loaded_once_and_lookups_are_dict_hits(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz
    names = ["Baghdad", "Ain al-Asad", "Babylon", "Deir ez-Zor", "Tower 22", "Paris", "Nairobi", "Idlib"]
    started = time.perf_counter()
    for _ in range(250):
        for name in names:
            gaz.lookup(name, countries=("IQ", "SY"))
    per_lookup = (time.perf_counter() - started) / (250 * len(names))
    assert per_lookup < 0.002, f"{per_lookup * 1e3:.2f} ms per lookup"


def test_cached_index_loads_fast(gaz: Gazetteer) -> None:
    path = places.cache_dir()
    if not any(path.glob("places-*.marshal")):
        pytest.skip(f"no index cache in {path} (read-only?)")
    places._base_tables.cache_clear()
    started = time.perf_counter()
    tables = places._base_tables()
    elapsed = time.perf_counter() - started
    assert len(tables) == len(gaz._base)
    # About a second on the project's 2-core VM; the bound leaves room for a busy machine.
    assert elapsed < 5.0, f"loading the cached index took {elapsed:.1f} s"


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    broken = tmp_path / "places-x.marshal"
    broken.write_bytes(b"not marshal data")
    assert places._load_cached(broken) is None
    assert places._load_cached(tmp_path / "absent.marshal") is None


# -- the seed articles (../shared) -----------------------------------------------------------------


@pytest.mark.shared
def test_seed_gold_locations_resolve(gaz: Gazetteer, seeds: Path) -> None:
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    checked = 0
    for event in gold["events"]:
        loc = event.get("location")
        if not loc or not loc.get("name"):
            continue
        place = resolve_place(loc["name"], gazetteer=gaz, countries=[loc["country"]])
        assert place is not None, loc["name"]
        assert place.country == loc["country"], loc["name"]
        if loc["precision"] <= 2:
            assert km(place, loc["lat"], loc["lon"]) <= 25, loc["name"]
        elif loc["precision"] == 3 and loc.get("admin1"):
            assert place.admin1 == gaz.canonical_admin1(loc["admin1"], loc["country"]), loc["name"]
        checked += 1
    assert checked >= 10


@pytest.mark.shared
def test_seed_articles_country_context(gaz: Gazetteer, seeds: Path) -> None:
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))
    expected: dict[str, set[str]] = {}
    for event in gold["events"]:
        loc = event.get("location")
        if event.get("required") and loc and loc.get("country"):
            for mention in event["mentions"]:
                expected.setdefault(mention["doc"], set()).add(loc["country"])
    need(bool(expected), "the seed gold has no located events")
    for doc, countries in expected.items():
        text = (seeds / "articles" / f"{doc}.txt").read_text(encoding="utf-8")
        found = country_context(text, gaz)
        assert countries <= set(found), (doc, countries, found)
        assert found[0] in {"IQ", "US", "JO"}, (doc, found)


def test_distance_helper() -> None:
    # Baghdad to Erbil is about 320 km.
    assert math.isclose(places._distance_km(33.3152, 44.3661, 36.19, 44.01), 321, abs_tol=10)
