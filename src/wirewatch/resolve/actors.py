"""The actor dictionary and actor resolution.

Who did what to whom, as ACLED names it. The dictionary maps the many ways reporters write an
actor ("Kataeb Hezbollah", "Kata'ib Hizballah", "KH") to one canonical entry with an ACLED
actor type (the inter code), a country and a place in a hierarchy (Kataib Hezbollah within the
Islamic Resistance in Iraq; "Military Forces of Syria (2000-) 5th Assault Corps" within the
Military Forces of Syria).

All names are data, in ``wirewatch/data/actors/*.toml`` (the format is described at the top of
``actors.toml``); users add their own files through :meth:`ActorDictionary.load`. The code holds
the rules only:

* **Normalisation** (for every alias, name and text): Unicode compatibility folding without
  accents, case folding, apostrophes and full stops dropped ("Kata'ib" = "Kataib", "U.S." =
  "US"), a possessive "'s" dropped ("Iraq's" = "Iraq"), hyphens, slashes, brackets and other
  punctuation split words ("al-Hashd" = "al Hashd"), then each word replaced by its canonical
  spelling from the ``[spellings]`` table ("Kataeb" → "kataib", "Hizballah" → "hezbollah").
* **Case in running text**: an alias written without lower-case letters is an acronym and
  matches only capitals ("IS", "US", "KH"; acronyms of four letters or more also in title case:
  "Isis", "Centcom"); an alias with a capital letter needs a capitalised word in the text
  ("the Hashed said", never "hashed out"); an all-lower-case alias ("regime forces") matches
  any case. :meth:`ActorDictionary.lookup` of a whole name ignores case.
* **Resolution of a noun phrase** (:func:`resolve_actor`), in this order:

  1. the whole phrase is a name in the dictionary (or fits an ACLED naming pattern);
  2. the best dictionary name inside the phrase: a name is skipped when it only modifies
     another ("Iran-backed", "US-led", "pro-Turkish"), or when it is no more than a role noun
     the nationality rule handles ("civilians" in "Iraqi civilians"); of the rest, the most
     specific wins (an actor beats its own ancestors: "pro-Iran militia Kataib Hezbollah
     fighters" is Kataib Hezbollah), then the longest, then the rightmost (English puts the
     head of a noun phrase last);
  3. nationality + role noun ("US troops", "Iraqi children", "three U.S. service members",
     "Jordanian soldiers"): the entry that plays that role for that country (its military,
     police, government, civilians, protesters, rioters, unidentified armed group). Roles whose
     data say ``context_country = true`` fall back on the article's main country when the
     phrase names none ("gunmen" → "Unidentified Armed Group (Iraq)"; "children" → "Civilians
     (Iraq)"); a bare military noun ("troops") does not, because in this domain foreign troops
     are reported as often as local ones;
  4. a bare country name ("the United States") is the country's actor in the
     ``[nationality] alone_role`` (its military: in conflict reporting a country as the subject
     of a violent event stands for its armed forces);
  5. otherwise the text is kept unresolved (``canonical=None``): an unknown person, a
     description.

  Entries marked ``localise`` (Islamic State, Civilians, Unidentified Armed Group) resolve to
  their child for the article's main country when one exists ("IS" in a Syrian report →
  "Islamic State (Syria)").
* **Actor type** follows ACLED's coding rule: state forces operating outside their own country
  are External/Other forces (inter code 8), so "US forces" in a report about Iraq carry type 8
  while the dictionary stores 1.
* **Same actor** (:meth:`ActorDictionary.same_actor`): two names are the same actor when they
  resolve to the same entry *or one entry is an ancestor of the other* ("Unidentified armed
  group" and "Unidentified Armed Group (Iraq)"; "Islamic Resistance in Iraq" and "Kataib
  Hezbollah"): reports name an actor at different levels of detail and a scorer or merger
  must not count that as a disagreement. Siblings are different actors (Kataib Hezbollah is
  not Harakat al-Nujaba; "Civilians (Iraq)" is not "Civilians (Syria)").
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wirewatch.errors import DataFileError
from wirewatch.schema import ActorRef, ActorType, Span

__all__ = [
    "ACTORS_FORMAT",
    "ActorDictionary",
    "ActorEntry",
    "Country",
    "EntryKind",
    "find_actors",
    "resolve_actor",
]

#: The ``format`` every actor file declares.
ACTORS_FORMAT = "actors/1"
_PACKAGE_DIR = ("data", "actors")
#: Read first: it holds the format description, the vocabularies and the generic actors.
_MAIN_FILE = "actors.toml"

#: Acronyms of at least this many letters also match in title case: outlets write "Isis",
#: "Isil", "Centcom"; shorter ones are English words in title case ("Is", "Us").
ACRONYM_TITLE_CASE_MIN_LETTERS = 4
#: Upper bound on the spellings one alias with ``{a|b}`` alternatives may expand to. The
#: largest alias in the package data expands to a few hundred; more is a typo that would
#: otherwise slow every load.
MAX_ALIAS_EXPANSIONS = 2000
#: find_actors pairs a nationality with a role noun at most this many words after it
#: ("Iraqi security forces": 0 words between; "US and allied troops": 2).
ROLE_NATIONALITY_WINDOW = 2

_APOSTROPHES = "'\u2019\u2018`\u02bc\u02bf\u02be\u00b4"
#: A word: letters and digits, with apostrophes and full stops inside ("Kata'ib", "U.S"); the
#: full stop after an abbreviation ("U.S.") belongs to it, a sentence's full stop does not.
_TOKEN = re.compile(rf"[^\W_]+(?:[.{_APOSTROPHES}][^\W_]+)*")
_ABBREVIATION = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")
_POSSESSIVE = re.compile(rf"[{_APOSTROPHES}]s$")
_DROPPED = re.compile(rf"[.{_APOSTROPHES}]")
_ALTERNATION = re.compile(r"\{([^{}]*)\}")
#: An ACLED period in a name: "(2017-2021)", "(2000-)", "(2000- )".
_PERIOD = re.compile(r"\((\d{4})\s*-\s*(\d{4})?\s*\)")
#: Between a nationality and its role noun: find_actors never pairs across these.
_SENTENCE_BREAK = re.compile(r"[.!?;\n]")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


class EntryKind(enum.StrEnum):
    """What an entry names."""

    GROUP = "group"  # an organisation, a force, a category of people
    PERSON = "person"  # one named person (the type is the organisation's)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor of the dictionary."""

    name: str
    actor_type: ActorType
    country: str | None = None
    aliases: tuple[str, ...] = ()
    local_aliases: tuple[str, ...] = ()
    parent: str | None = None
    kind: EntryKind = EntryKind.GROUP
    #: The role (military, police, government, civilians, ...) it plays for its country.
    role: str | None = None
    #: Resolve to the child for the article's country ("Civilians" → "Civilians (Iraq)").
    localise: bool = False
    #: Countries where its local aliases apply (default: its own country).
    active_in: tuple[str, ...] = ()
    #: The file (or template, or pattern) that defined it.
    source: str = ""

    def acled_name(self, on: dt.date | None = None) -> str:
        """The ACLED name for an event on ``on``.

        ACLED renames state actors with each government ("Military Forces of the United States
        (2017-2021)", "... (2021-)"). Among the entry's name and aliases that carry such a
        period, the one whose period covers the date wins (the later one on a boundary year);
        without a date, or without a covering period, the canonical name.
        """
        if on is None:
            return self.name
        best: tuple[int, str] | None = None
        for candidate in (self.name, *self.aliases):
            found = _PERIOD.search(candidate)
            if found is None:
                continue
            start, end = int(found[1]), int(found[2]) if found[2] else None
            if start <= on.year and (end is None or on.year <= end) and (best is None or start > best[0]):
                best = (start, candidate)
        return best[1] if best else self.name


@dataclass(frozen=True, slots=True)
class Country:
    """A country as the dictionary knows it: for nationality + role and for ACLED names."""

    code: str
    name: str
    iso3: str | None = None
    #: ACLED writes "Military Forces of *the* United States".
    the: bool = False
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    #: The capital standing for the state; matched only as a whole actor phrase.
    capitals: tuple[str, ...] = ()

    @property
    def name_with_article(self) -> str:
        return f"the {self.name}" if self.the else self.name


@dataclass(frozen=True, slots=True)
class _Role:
    key: str
    uses: str
    nouns: tuple[str, ...]
    template: str | None
    actor_type: ActorType | None
    parent: str | None
    context_country: bool


@dataclass(frozen=True, slots=True)
class _NamePattern:
    regex: re.Pattern[str]
    actor_type: ActorType | None
    child: bool
    parent: str | None  # a template: "Communal Militia ({country})"
    source: str


class _Case(enum.Enum):
    ANY = "any"  # all lower case in the data: any case in the text
    CAPITAL = "capital"  # some capital in the data: a capitalised word in the text
    ACRONYM = "acronym"  # no lower case in the data: capitals in the text


@dataclass(frozen=True, slots=True)
class _Target:
    entry: str
    case: _Case
    local: bool


@dataclass(frozen=True, slots=True)
class _Tok:
    norm: str  # folded, then respelled by [spellings]
    raw: str  # folded only
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # token indexes, half-open
    end: int
    value: str  # entry name, country code or role key

    @property
    def length(self) -> int:
        return self.end - self.start

    def within(self, other: _Match) -> bool:
        return other.start <= self.start and self.end <= other.end


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------


#: Distinct words folded at once; a dictionary has about 5,000, a day of news a few 10,000.
FOLD_CACHE_SIZE = 1 << 16


@functools.lru_cache(maxsize=FOLD_CACHE_SIZE)
def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _DROPPED.sub("", _POSSESSIVE.sub("", folded))


def _raw_tokens(text: str) -> list[_Tok]:
    tokens = []
    for found in _TOKEN.finditer(text):
        end = found.end()
        if "." in found.group() and _ABBREVIATION.match(found.group()) and text[end : end + 1] == ".":
            end += 1
        norm = _fold(found.group())
        if norm:
            tokens.append(_Tok(norm, norm, text[found.start() : end], found.start(), end))
    return tokens


def _case_of(alias: str) -> _Case:
    letters = [c for c in alias if c.isalpha()]
    if letters and not any(c.islower() for c in letters):
        return _Case.ACRONYM
    if any(c.isupper() for c in letters):
        return _Case.CAPITAL
    return _Case.ANY


def _case_ok(case: _Case, tokens: Sequence[_Tok]) -> bool:
    if case is _Case.ANY:
        return True
    if case is _Case.CAPITAL:
        return any(t.text[:1].isupper() for t in tokens)
    for token in tokens:
        letters = [c for c in token.text if c.isalpha()]
        if not letters or not any(c.islower() for c in letters):
            continue
        title = letters[0].isupper() and not any(c.isupper() for c in letters[1:])
        if not (title and len(letters) >= ACRONYM_TITLE_CASE_MIN_LETTERS):
            return False
    return True


def _expand(alias: str, source: str, where: str) -> list[str]:
    """``"{Iran|Iranian}-backed {militia|militias}"`` → its four spellings."""
    parts = _ALTERNATION.split(alias)
    if any("{" in literal or "}" in literal for literal in parts[::2]):
        raise DataFileError(
            f"actor file {source}: {where}: unbalanced or nested braces in {alias!r}",
            "write alternatives as {a|b|c}, without nesting",
        )
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    count = 1
    for options in choices:
        count *= len(options)
    if count > MAX_ALIAS_EXPANSIONS:
        raise DataFileError(
            f"actor file {source}: {where}: {alias!r} expands to {count} spellings "
            f"(more than {MAX_ALIAS_EXPANSIONS})",
            "split it into several aliases with fewer alternatives",
        )
    return [re.sub(r"\s+", " ", "".join(combo)).strip() for combo in itertools.product(*choices)]


# --------------------------------------------------------------------------------------------
# Reading and checking data files
# --------------------------------------------------------------------------------------------

_STR = "a string"
_STR_LIST = "a list of strings"
_BOOL = "true or false"
_TYPE = 'an ACLED actor type: 1-8 or its name ("state forces", "rebel group", ...)'

_KEYS: dict[str, dict[str, str]] = {
    "actor": {
        "name": _STR,
        "aliases": _STR_LIST,
        "local_aliases": _STR_LIST,
        "type": _TYPE,
        "country": _STR,
        "parent": _STR,
        "kind": _STR,
        "role": _STR,
        "localise": _BOOL,
        "active_in": _STR_LIST,
        "about": _STR,
    },
    "country": {
        "code": _STR,
        "iso3": _STR,
        "name": _STR,
        "the": _BOOL,
        "names": _STR_LIST,
        "demonyms": _STR_LIST,
        "capitals": _STR_LIST,
    },
    "roles": {
        "nouns": _STR_LIST,
        "template": _STR,
        "type": _TYPE,
        "parent": _STR,
        "context_country": _BOOL,
        "uses": _STR,
    },
    "pattern": {"regex": _STR, "type": _TYPE, "child": _BOOL, "parent": _STR, "about": _STR},
    "nationality": {
        "not_followed_by": _STR_LIST,
        "not_preceded_by": _STR_LIST,
        "passive_by": _STR_LIST,
        "alone_role": _STR,
        "possessives": _STR_LIST,
        "foreign": _STR_LIST,
    },
    "normalise": {"drop_leading": _STR_LIST},
}
_TOP_LEVEL = ("format", "normalise", "spellings", "nationality", "roles", "country", "actor", "pattern")


def _type_words() -> dict[str, ActorType]:
    """ "state forces", "external other", ... from the enum itself: no second list of names."""
    return {member.name.lower().replace("_", " "): member for member in ActorType}


def _parse_type(value: object, source: str, where: str) -> ActorType:
    if isinstance(value, int) and not isinstance(value, bool) and value in {m.value for m in ActorType}:
        return ActorType(value)
    if isinstance(value, str):
        key = re.sub(r"[\s/_-]+", " ", value.strip().lower())
        words = _type_words()
        if key in words:
            return words[key]
    raise DataFileError(
        f"actor file {source}: {where}: type {value!r} is not an ACLED actor type",
        "use 1-8 or one of: " + ", ".join(f'"{w}"' for w in _type_words()),
    )


def _check_value(value: object, expected: str, source: str, where: str, key: str) -> None:
    if expected == _STR:
        ok = isinstance(value, str) and bool(value.strip())
    elif expected == _STR_LIST:
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    elif expected == _BOOL:
        ok = isinstance(value, bool)
    else:  # _TYPE: checked by _parse_type
        _parse_type(value, source, f"{where} {key}")
        return
    if not ok:
        raise DataFileError(
            f"actor file {source}: {where}: {key} must be {expected}", f"write {key} as {expected}"
        )


def _check_table(table: object, kind: str, source: str, where: str) -> dict[str, Any]:
    if not isinstance(table, dict):
        raise DataFileError(
            f"actor file {source}: {where} must be a table", f"write it as a TOML table ({kind})"
        )
    allowed = _KEYS[kind]
    for key, value in table.items():
        if key not in allowed:
            raise DataFileError(
                f"actor file {source}: {where}: unknown key {key!r}",
                f"the keys of {kind} are: " + ", ".join(allowed),
            )
        _check_value(value, allowed[key], source, where, key)
    return table


def _read_file(text: str, source: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(
            f"actor file {source} is not valid TOML: {error}", "fix the TOML syntax"
        ) from error
    if data.get("format") != ACTORS_FORMAT:
        raise DataFileError(
            f"actor file {source} declares format {data.get('format')!r}",
            f'start the file with format = "{ACTORS_FORMAT}" (see wirewatch/data/actors/actors.toml)',
        )
    for key in data:
        if key not in _TOP_LEVEL:
            raise DataFileError(
                f"actor file {source}: unknown top-level key {key!r}",
                "known keys: "
                + ", ".join(_TOP_LEVEL)
                + " ([[actor]], [[country]] and [[pattern]] are arrays)",
            )
    for kind in ("normalise", "nationality"):
        if kind in data:
            _check_table(data[kind], kind, source, f"[{kind}]")
    spellings = data.get("spellings", {})
    if not isinstance(spellings, dict):
        raise DataFileError(
            f"actor file {source}: [spellings] must be a table", 'write word = ["variant", ...]'
        )
    for word, variants in spellings.items():
        _check_value(variants, _STR_LIST, source, "[spellings]", word)
    roles = data.get("roles", {})
    if not isinstance(roles, dict):
        raise DataFileError(f"actor file {source}: [roles] must be a table", "write [roles.<name>] tables")
    for key, role in roles.items():
        _check_table(role, "roles", source, f"[roles.{key}]")
    for kind, required in (("country", ("code",)), ("actor", ("name",)), ("pattern", ("regex",))):
        items = data.get(kind, [])
        if not isinstance(items, list):
            raise DataFileError(
                f"actor file {source}: {kind} must be an array of tables", f"write [[{kind}]]"
            )
        for i, item in enumerate(items, 1):
            label = item.get(required[0]) if isinstance(item, dict) else None
            where = f"[[{kind}]] #{i}" + (f" ({label!r})" if label else "")
            _check_table(item, kind, source, where)
            for key in required:
                if key not in item:
                    raise DataFileError(f"actor file {source}: {where} has no {key}", f"add {key} = ...")
    return data


@dataclass
class _Merged:
    """Every file's contents merged: user files extend and override package files."""

    drop_leading: list[str] = field(default_factory=list)
    spellings: dict[str, list[str]] = field(default_factory=dict)
    nationality: dict[str, Any] = field(default_factory=dict)
    roles: dict[str, dict[str, Any]] = field(default_factory=dict)
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    patterns: list[tuple[dict[str, Any], str]] = field(default_factory=list)

    def add(self, data: Mapping[str, Any], source: str, *, extend: bool) -> None:
        self.drop_leading += data.get("normalise", {}).get("drop_leading", [])
        for word, variants in data.get("spellings", {}).items():
            self.spellings.setdefault(word, []).extend(variants)
        for key, value in data.get("nationality", {}).items():
            if isinstance(value, list):
                self.nationality.setdefault(key, []).extend(value)
            else:
                self.nationality[key] = value
        for key, role in data.get("roles", {}).items():
            target = self.roles.setdefault(key, {})
            for name, value in role.items():
                target[name] = [*target.get(name, []), *value] if isinstance(value, list) else value
        for item in data.get("country", []):
            self._merge_item(self.countries, item["code"], item, source, "country", extend=extend)
        for item in data.get("actor", []):
            self._merge_item(self.actors, item["name"].strip(), item, source, "actor", extend=extend)
        self.patterns += [(item, source) for item in data.get("pattern", [])]

    @staticmethod
    def _merge_item(
        into: dict[str, dict[str, Any]],
        key: str,
        item: Mapping[str, Any],
        source: str,
        kind: str,
        *,
        extend: bool,
    ) -> None:
        if key in into and not extend:
            raise DataFileError(
                f"actor file {source}: {kind} {key!r} is already defined in {into[key]['_source']}",
                "define it once (package files never extend each other; a user file may)",
            )
        target = into.setdefault(key, {"_source": source})
        for name, value in item.items():
            target[name] = [*target.get(name, []), *value] if isinstance(value, list) else value


# --------------------------------------------------------------------------------------------
# The dictionary
# --------------------------------------------------------------------------------------------


class ActorDictionary:
    """Canonical actors, their aliases, countries, roles and hierarchy.

    Build it with :meth:`load`; it is immutable afterwards and safe to share between threads.
    """

    def __init__(self, merged: _Merged, sources: Sequence[str]) -> None:
        self.sources: tuple[str, ...] = tuple(sources)
        self._spelling: dict[str, str] = {}
        for word, variants in merged.spellings.items():
            canonical = self._single_word(word, "[spellings]")
            for variant in variants:
                self._spelling[self._single_word(variant, f"[spellings] {word}")] = canonical
        self._drop_leading = frozenset(t.raw for w in merged.drop_leading for t in _raw_tokens(w))
        self.countries: Mapping[str, Country] = MappingProxyType(self._build_countries(merged))
        self._roles = self._build_roles(merged)
        entries = self._build_entries(merged)
        self._add_templated(entries)
        self.entries: Mapping[str, ActorEntry] = MappingProxyType(entries)
        self._children: dict[str, list[str]] = {}
        for entry in entries.values():
            if entry.parent is not None:
                self._children.setdefault(entry.parent, []).append(entry.name)
        self._check_hierarchy()
        self._by_role = {(e.role, e.country): e.name for e in entries.values() if e.role and e.country}
        self._aliases, self._max_alias = self._build_alias_index()
        self._nationalities = self._build_nationality_index()
        self._max_nationality = max((len(k) for k in self._nationalities), default=0)
        self._role_nouns = self._build_role_index()
        self._max_role = max((len(k) for k in self._role_nouns), default=0)
        self._country_lookup = self._build_country_lookup()
        self._capitals = {
            self._lookup_key(capital): code
            for code, country in self.countries.items()
            for capital in country.capitals
        }
        self._not_followed_by = frozenset(
            self._norm_key(w) for w in merged.nationality.get("not_followed_by", [])
        )
        self._not_preceded_by = frozenset(
            self._norm_key(w) for w in merged.nationality.get("not_preceded_by", [])
        )
        self._passive_by = frozenset(self._norm_key(w) for w in merged.nationality.get("passive_by", []))
        alone = merged.nationality.get("alone_role")
        if alone is not None and alone not in self._roles:
            raise DataFileError(
                f"[nationality] alone_role {alone!r} is not a role", "name a [roles.<name>] table"
            )
        self._alone_role: str | None = alone
        self._possessives = frozenset(w.casefold() for w in merged.nationality.get("possessives", []))
        self._foreign = frozenset(w.casefold() for w in merged.nationality.get("foreign", []))
        self._patterns = self._build_patterns(merged)
        self._pattern_cache: dict[tuple[str, ...], ActorEntry | None] = {}

    # ---- loading ------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> ActorDictionary:
        """The package dictionary, extended by ``extra_files`` (read in order).

        A user file has the package files' format (``format = "actors/1"``). An ``[[actor]]``
        whose name already exists extends that entry: its aliases are added and any other key
        it sets replaces the old value. Raises :class:`DataFileError` naming the file, the
        entry and the fix when a file is unreadable or malformed.
        """
        return _load_cached(tuple(Path(p) for p in extra_files))

    # ---- public queries -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.lookup(name) is not None

    def get(self, canonical: str) -> ActorEntry | None:
        """The entry with exactly this canonical name."""
        return self.entries.get(canonical)

    def lookup(self, name: str) -> ActorEntry | None:
        """The entry one of whose names or aliases equals ``name`` after normalisation.

        Case is ignored and a leading "the" is dropped. Names no alias covers but that follow
        one of the data's ACLED naming patterns ("<place> Communal Militia (<country>)",
        "Former <actor>", "<state force> <unit>") give an entry built from the pattern.
        Local aliases (valid only for an article's country) are not used here.
        """
        key = self._lookup_key(name)
        if not key:
            return None
        for target in self._aliases.get(key, ()):
            if not target.local:
                return self.entries[target.entry]
        return self._from_pattern(name, key)

    def same_actor(self, a: str, b: str) -> bool:
        """Do ``a`` and ``b`` name the same actor, or one an actor that contains the other?

        Each name is looked up, or failing that resolved as a noun phrase ("US troops").
        True when both give the same entry or one entry is an ancestor of the other (see the
        module docstring for why); two names neither of which resolves are the same only when
        they are equal after normalisation.
        """
        first, second = self._resolve_name(a), self._resolve_name(b)
        if first is None or second is None:
            return (
                first is None
                and second is None
                and bool(self._lookup_key(a))
                and (self._lookup_key(a) == self._lookup_key(b))
            )
        if first.name == second.name:
            return True
        return first.name in self.ancestors(second) or second.name in self.ancestors(first)

    def ancestors(self, actor: str | ActorEntry) -> tuple[str, ...]:
        """Canonical names of an entry's parent, grandparent, ... (nearest first).

        ``actor`` is an entry or a canonical name (or a name an ACLED pattern covers).
        """
        entry = actor if isinstance(actor, ActorEntry) else self.entries.get(actor) or self.lookup(actor)
        chain: list[str] = []
        while entry is not None and entry.parent is not None:
            chain.append(entry.parent)
            entry = self.entries.get(entry.parent)
        return tuple(chain)

    def children(self, name: str) -> tuple[str, ...]:
        """Canonical names of the entries directly within this one."""
        return tuple(self._children.get(name, ()))

    def country_code(self, name: str) -> str | None:
        """ISO 3166-1 alpha-2 of a country given by code (ISO2 or ISO3), name or demonym."""
        stripped = name.strip()
        if stripped.upper() in self.countries:
            return stripped.upper()
        return self._country_lookup.get(self._lookup_key(stripped))

    def _owned(self, text: str, owner: ActorRef | None) -> str | None:
        """``text`` with a leading possessive pronoun replaced by the owner's country ("its
        proxies" joined to the IRGC: "Iran's proxies"), else None."""
        first, _, rest = text.strip().partition(" ")
        if owner is None or owner.country is None or first.casefold() not in self._possessives or not rest:
            return None
        country = self.countries.get(owner.country)
        return f"{country.name}'s {rest}" if country is not None else None

    def _foreign_reading(self, text: str, countries: Sequence[str]) -> str | None:
        """``text`` with "foreign" read as the report's foreign country: "foreign troops" in a
        report about Iraq that is also about the US are US troops (the second country of
        ``countries``), else None."""
        words = text.strip().split()
        at = next((i for i, w in enumerate(words) if w.casefold() in self._foreign), None)
        if at is None or at == len(words) - 1 or len(countries) < 2:
            return None
        # only armed forces ("foreign troops"), not "foreign minister"
        role = self._role_nouns.get(self._norm_key(" ".join(words[at + 1 :])))
        if role is None or self._alone_role not in (role, self._roles[role].uses):
            return None
        country = self.countries.get(countries[1].upper())
        if country is None:
            return None
        return " ".join([*words[:at], country.name, *words[at + 1 :]])

    def for_role(self, role: str, country: str) -> ActorEntry | None:
        """The entry that plays ``role`` (military, civilians, ...) for ``country`` (ISO2)."""
        uses = self._roles[role].uses if role in self._roles else role
        name = self._by_role.get((uses, country))
        return self.entries[name] if name else None

    # ---- normalisation ------------------------------------------------------------------

    def _tokens(self, text: str) -> list[_Tok]:
        return [
            _Tok(self._spelling.get(t.raw, t.raw), t.raw, t.text, t.start, t.end) for t in _raw_tokens(text)
        ]

    def _norm_key(self, text: str) -> tuple[str, ...]:
        return tuple(t.norm for t in self._tokens(text))

    def _lookup_key(self, text: str) -> tuple[str, ...]:
        """The normalised words of a whole name, without a leading "the"."""
        tokens = self._tokens(text)
        while len(tokens) > 1 and tokens[0].raw in self._drop_leading:
            tokens = tokens[1:]
        return tuple(t.norm for t in tokens)

    def _single_word(self, word: str, where: str) -> str:
        tokens = [t.norm for t in _raw_tokens(word)]
        if len(tokens) != 1:
            raise DataFileError(
                f"actor data {where}: spelling {word!r} is not one word after normalisation",
                "list single words only (write multi-word variants as aliases)",
            )
        return tokens[0]

    # ---- building -----------------------------------------------------------------------

    @staticmethod
    def _build_countries(merged: _Merged) -> dict[str, Country]:
        countries = {}
        for code, item in merged.countries.items():
            source = item["_source"]
            if not _ISO2.match(code) or "name" not in item:
                raise DataFileError(
                    f"actor file {source}: [[country]] {code!r} needs an ISO 3166-1 alpha-2 code "
                    "(two capital letters) and a name",
                    'write code = "IQ" and name = "Iraq"',
                )
            iso3 = item.get("iso3")
            if iso3 is not None and not _ISO3.match(iso3):
                raise DataFileError(
                    f"actor file {source}: [[country]] {code}: iso3 {iso3!r}", 'write iso3 = "IRQ"'
                )
            countries[code] = Country(
                code=code,
                name=item["name"],
                iso3=iso3,
                the=bool(item.get("the", False)),
                names=tuple(dict.fromkeys([item["name"], *item.get("names", [])])),
                demonyms=tuple(dict.fromkeys(item.get("demonyms", []))),
                capitals=tuple(dict.fromkeys(item.get("capitals", []))),
            )
        return countries

    def _build_roles(self, merged: _Merged) -> dict[str, _Role]:
        roles = {}
        for key, item in merged.roles.items():
            uses = item.get("uses", key)
            template = item.get("template")
            if uses != key and template is not None:
                raise DataFileError(
                    f"[roles.{key}] uses {uses!r} and has its own template",
                    "a role that borrows another role's entries (uses) has no template",
                )
            if template is not None:
                try:
                    template.format(country="X", the_country="the X")
                except (KeyError, IndexError, ValueError) as error:
                    raise DataFileError(
                        f"[roles.{key}] template {template!r} is malformed: {error}",
                        "use only the placeholders {country} and {the_country}",
                    ) from error
            roles[key] = _Role(
                key=key,
                uses=uses,
                nouns=tuple(item.get("nouns", [])),
                template=template,
                actor_type=_parse_type(item["type"], "roles", key) if "type" in item else None,
                parent=item.get("parent"),
                context_country=bool(item.get("context_country", False)),
            )
        for role in roles.values():
            if role.uses not in roles:
                raise DataFileError(
                    f"[roles.{role.key}] uses unknown role {role.uses!r}", "name a defined role"
                )
            if role.template is not None and role.actor_type is None:
                raise DataFileError(f"[roles.{role.key}] has a template but no type", "add type = ...")
        return roles

    def _build_entries(self, merged: _Merged) -> dict[str, ActorEntry]:
        entries: dict[str, ActorEntry] = {}
        # Persons may inherit their type from their organisation: resolve parents first.
        pending = dict(merged.actors)
        while pending:
            progressed = False
            for name, item in list(pending.items()):
                parent = item.get("parent")
                if "type" not in item and parent in pending:
                    continue
                entries[name] = self._entry(name, item, entries)
                del pending[name]
                progressed = True
            if not progressed:
                name = next(iter(pending))
                raise DataFileError(
                    f"actor file {pending[name]['_source']}: actor {name!r} has no type and its "
                    "parents form a cycle",
                    "give it a type or fix the parent links",
                )
        return entries

    def _entry(self, name: str, item: Mapping[str, Any], done: Mapping[str, ActorEntry]) -> ActorEntry:
        source = item["_source"]
        where = f"actor {name!r}"
        if "type" in item:
            actor_type = _parse_type(item["type"], source, where)
        elif item.get("parent") in done:
            actor_type = done[item["parent"]].actor_type
        else:
            raise DataFileError(
                f"actor file {source}: {where} has no type",
                'add type = "political militia" (or another ACLED type), or a parent to inherit it from',
            )
        country = item.get("country")
        if country is not None and country not in self.countries:
            raise DataFileError(
                f"actor file {source}: {where}: country {country!r} is not in the dictionary's countries",
                "use an ISO 3166-1 alpha-2 code defined by a [[country]] table (e.g. IQ, SY, US)",
            )
        role = item.get("role")
        if role is not None and role not in self._roles:
            raise DataFileError(
                f"actor file {source}: {where}: role {role!r} is not defined",
                "use one of: " + ", ".join(self._roles),
            )
        if role is not None and country is None:
            raise DataFileError(
                f"actor file {source}: {where} has a role but no country", "add country = ..."
            )
        try:
            kind = EntryKind(item.get("kind", EntryKind.GROUP.value))
        except ValueError as error:
            raise DataFileError(
                f"actor file {source}: {where}: kind {item.get('kind')!r}", 'write kind = "group" or "person"'
            ) from error
        active_in = tuple(item.get("active_in", [country] if country else []))
        for code in active_in:
            if code not in self.countries:
                raise DataFileError(f"actor file {source}: {where}: active_in {code!r}", "use ISO2 codes")
        if item.get("local_aliases") and not active_in:
            raise DataFileError(
                f"actor file {source}: {where} has local aliases but no country",
                "add country = ... or active_in = [...] (where the local aliases apply)",
            )
        aliases = [a for alias in item.get("aliases", []) for a in _expand(alias, source, where)]
        local = [a for alias in item.get("local_aliases", []) for a in _expand(alias, source, where)]
        return ActorEntry(
            name=name,
            actor_type=actor_type,
            country=country,
            aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
            local_aliases=tuple(dict.fromkeys(local)),
            parent=item.get("parent"),
            kind=kind,
            role=self._roles[role].uses if role else None,
            localise=bool(item.get("localise", False)),
            active_in=active_in,
            source=source,
        )

    def _add_templated(self, entries: dict[str, ActorEntry]) -> None:
        """Every country gets its military, police, civilians, ... from the role templates."""
        taken = {(e.role, e.country) for e in entries.values() if e.role}
        for role in self._roles.values():
            if role.template is None or role.actor_type is None:
                continue
            for country in self.countries.values():
                if (role.key, country.code) in taken:
                    continue
                name = role.template.format(country=country.name, the_country=country.name_with_article)
                existing = entries.get(name)
                if existing is not None:
                    if existing.role is None:
                        entries[name] = _replace(
                            existing, role=role.key, country=existing.country or country.code
                        )
                    continue
                entries[name] = ActorEntry(
                    name=name,
                    actor_type=role.actor_type,
                    country=country.code,
                    parent=role.parent,
                    role=role.key,
                    active_in=(country.code,),
                    source=f"template [roles.{role.key}]",
                )

    def _check_hierarchy(self) -> None:
        for entry in self.entries.values():
            if entry.parent is not None and entry.parent not in self.entries:
                raise DataFileError(
                    f"actor file {entry.source}: actor {entry.name!r} has parent {entry.parent!r}, "
                    "which is not in the dictionary",
                    "spell the parent's canonical name exactly (its name =, not an alias)",
                )
            seen = {entry.name}
            parent = entry.parent
            while parent is not None:
                if parent in seen:
                    raise DataFileError(
                        f"actor file {entry.source}: actor {entry.name!r} is its own ancestor",
                        "remove one of the parent links of the cycle",
                    )
                seen.add(parent)
                parent = self.entries[parent].parent

    def _build_alias_index(self) -> tuple[dict[tuple[str, ...], list[_Target]], int]:
        index: dict[tuple[str, ...], list[_Target]] = {}
        for entry in self.entries.values():
            spellings = [(a, False) for a in (entry.name, *entry.aliases)]
            spellings += [(a, True) for a in entry.local_aliases]
            for alias, local in spellings:
                key = self._lookup_key(alias)
                if not key:
                    raise DataFileError(
                        f"actor file {entry.source}: actor {entry.name!r}: alias {alias!r} has no words",
                        "remove it",
                    )
                targets = index.setdefault(key, [])
                if any(t.entry == entry.name for t in targets):
                    continue
                for other in targets:
                    clash = (not local and not other.local) or (
                        local
                        and other.local
                        and set(entry.active_in) & set(self.entries[other.entry].active_in)
                    )
                    if clash:
                        raise DataFileError(
                            f"actor file {entry.source}: alias {alias!r} of {entry.name!r} is also a name "
                            f"of {other.entry!r} ({self.entries[other.entry].source})",
                            "an alias names one actor: remove it from one of them (or make it a "
                            "local_alias of actors active in different countries)",
                        )
                targets.append(_Target(entry.name, _case_of(alias), local))
        longest = max((len(k) for k in index), default=0)
        return index, longest

    def _build_nationality_index(self) -> dict[tuple[str, ...], tuple[str, _Case, bool]]:
        index: dict[tuple[str, ...], tuple[str, _Case, bool]] = {}
        for country in self.countries.values():
            words = [(n, True) for n in country.names] + [(d, False) for d in country.demonyms]
            for word, is_name in words:
                key = self._norm_key(word)
                if key in index and index[key][0] != country.code:
                    raise DataFileError(
                        f"country word {word!r} names both {index[key][0]} and {country.code}",
                        "give each name or demonym to one country",
                    )
                if key not in index or is_name:
                    index[key] = (country.code, _case_of(word), is_name)
        return index

    def _build_role_index(self) -> dict[tuple[str, ...], str]:
        index: dict[tuple[str, ...], str] = {}
        for role in self._roles.values():
            for noun in role.nouns:
                key = self._norm_key(noun)
                if key in index and index[key] != role.key:
                    raise DataFileError(
                        f"role noun {noun!r} is in both [roles.{index[key]}] and [roles.{role.key}]",
                        "keep it in one role",
                    )
                index[key] = role.key
        return index

    def _build_country_lookup(self) -> dict[tuple[str, ...], str]:
        lookup: dict[tuple[str, ...], str] = {}
        for country in self.countries.values():
            for word in (*country.names, *country.demonyms, *([country.iso3] if country.iso3 else [])):
                lookup.setdefault(self._lookup_key(word), country.code)
        return lookup

    def _build_patterns(self, merged: _Merged) -> list[_NamePattern]:
        patterns = []
        for item, source in merged.patterns:
            try:
                regex = re.compile(item["regex"], re.IGNORECASE)
            except re.error as error:
                raise DataFileError(
                    f"actor file {source}: [[pattern]] {item['regex']!r} is not a valid regular "
                    f"expression: {error}",
                    "fix the regex (write it as a TOML literal string '...')",
                ) from error
            if not {"actor", "country"} & set(regex.groupindex) and "type" not in item:
                raise DataFileError(
                    f"actor file {source}: [[pattern]] {item['regex']!r} gives neither a type nor "
                    "an (?P<actor>...) group to take one from",
                    "add type = ... or an (?P<actor>...) group",
                )
            template = item.get("parent")
            if template is not None:
                try:
                    template.format(country="X", the_country="the X")
                except (KeyError, IndexError, ValueError) as error:
                    raise DataFileError(
                        f"actor file {source}: [[pattern]] parent {template!r} is malformed: {error}",
                        "use only the placeholders {country} and {the_country}",
                    ) from error
            patterns.append(
                _NamePattern(
                    regex=regex,
                    actor_type=_parse_type(item["type"], source, "[[pattern]]") if "type" in item else None,
                    child=bool(item.get("child", False)),
                    parent=item.get("parent"),
                    source=source,
                )
            )
        return patterns

    # ---- matching -----------------------------------------------------------------------

    def _from_pattern(self, name: str, key: tuple[str, ...]) -> ActorEntry | None:
        # No recursion guard needed: an (?P<actor>...) group is always shorter than the name.
        if key in self._pattern_cache:
            return self._pattern_cache[key]
        written = re.sub(r"\s+", " ", name).strip()
        found: ActorEntry | None = None
        for pattern in self._patterns:
            match = pattern.regex.fullmatch(written)
            if match is None:
                continue
            groups = match.groupdict()
            inner = self.lookup(groups["actor"]) if groups.get("actor") else None
            if groups.get("actor") and inner is None:
                continue
            country = self.country_code(groups["country"]) if groups.get("country") else None
            if groups.get("country") and country is None:
                continue
            actor_type = pattern.actor_type or (inner.actor_type if inner else None)
            if actor_type is None:
                continue
            parent = inner.name if inner and pattern.child else None
            if pattern.parent and country is not None:
                place = self.countries[country]
                named = pattern.parent.format(country=place.name, the_country=place.name_with_article)
                parent = named if named in self.entries else parent
            found = ActorEntry(
                name=written,
                actor_type=actor_type,
                country=country or (inner.country if inner else None),
                parent=parent,
                source=f"pattern {pattern.regex.pattern!r} ({pattern.source})",
            )
            break
        self._pattern_cache[key] = found
        return found

    def _resolve_name(self, name: str) -> ActorEntry | None:
        entry = self.lookup(name)
        if entry is None:
            canonical = resolve_actor(name, dictionary=self).canonical
            entry = self.entries.get(canonical) if canonical else None
        return entry

    def _active(self, entry: ActorEntry, countries: Sequence[str]) -> bool:
        return bool(set(entry.active_in) & set(countries))

    def _blocked(self, tokens: Sequence[_Tok], start: int, end: int) -> bool:
        """Is tokens[start:end] a modifier of something else ("Iran-backed", "pro-Turkish")?

        Not when the participle opens a passive ("rebels backed by Turkey": the rebels act).
        """
        before = tokens[start - 1].norm if start > 0 else None
        if before is not None and (before,) in self._not_preceded_by:
            return True
        if end >= len(tokens) or (tokens[end].norm,) not in self._not_followed_by:
            return False
        return end + 1 >= len(tokens) or (tokens[end + 1].norm,) not in self._passive_by

    def _named(self, tokens: Sequence[_Tok], countries: Sequence[str]) -> list[_Match]:
        """Dictionary names in the tokens, leftmost-longest and not overlapping."""
        found: list[_Match] = []
        start = 0
        while start < len(tokens):
            for end in range(min(len(tokens), start + self._max_alias), start, -1):
                targets = self._aliases.get(tuple(t.norm for t in tokens[start:end]))
                entry = self._pick(targets, tokens[start:end], countries) if targets else None
                if entry is None:
                    continue
                if not self._blocked(tokens, start, end):
                    found.append(_Match(start, end, entry))
                start = end
                break
            else:
                start += 1
        return found

    def _pick(
        self, targets: Sequence[_Target], tokens: Sequence[_Tok], countries: Sequence[str]
    ) -> str | None:
        fallback = None
        for target in targets:
            if not _case_ok(target.case, tokens):
                continue
            if not target.local:
                fallback = target.entry
            elif self._active(self.entries[target.entry], countries):
                return target.entry
        return fallback

    def _scan(
        self, tokens: Sequence[_Tok], index: Mapping[tuple[str, ...], Any], longest: int, *, cased: bool
    ) -> list[tuple[int, int, Any]]:
        found = []
        start = 0
        while start < len(tokens):
            for end in range(min(len(tokens), start + longest), start, -1):
                value = index.get(tuple(t.norm for t in tokens[start:end]))
                if value is not None and (not cased or _case_ok(value[1], tokens[start:end])):
                    found.append((start, end, value))
                    start = end
                    break
            else:
                start += 1
        return found

    def _nationality_matches(self, tokens: Sequence[_Tok]) -> list[_Match]:
        return [
            _Match(s, e, value[0])
            for s, e, value in self._scan(tokens, self._nationalities, self._max_nationality, cased=True)
            if not self._blocked(tokens, s, e)
        ]

    def _role_matches(self, tokens: Sequence[_Tok]) -> list[_Match]:
        return [
            _Match(s, e, role)
            for s, e, role in self._scan(tokens, self._role_nouns, self._max_role, cased=False)
        ]

    def _localised(self, entry: ActorEntry, country: str | None) -> ActorEntry:
        if not entry.localise or country is None:
            return entry
        for child in self._children.get(entry.name, ()):
            if self.entries[child].country == country:
                return self.entries[child]
        return entry

    def _role_entry(self, role_key: str, country: str | None) -> ActorEntry | None:
        role = self._roles[role_key]
        if country is not None:
            entry = self.for_role(role.key, country)
            if entry is not None:
                return entry
        parent = self._roles[role.uses].parent
        return self.entries.get(parent) if parent else None

    def _role_country(
        self, role: _Match, nationalities: Sequence[_Match], countries: Sequence[str]
    ) -> tuple[bool, str | None]:
        """Can this role noun be resolved here, and for which country (None: the generic)?"""
        before = [n for n in nationalities if n.end <= role.start]
        if before:
            return True, before[0].value
        if self._roles[role.value].context_country:
            return True, countries[0] if countries else None
        return False, None

    def _best(self, tokens: Sequence[_Tok], countries: Sequence[str]) -> ActorEntry | None:
        named = self._named(tokens, countries)
        roles = self._role_matches(tokens)
        nationalities = self._nationality_matches(tokens)
        # A name that is only a role noun ("Civilians") leaves it to the role when the role
        # resolves ("Iraqi civilians"); "regime forces" with no country stays a name.
        resolvable = [r for r in roles if self._role_country(r, nationalities, countries)[0]]
        named = [m for m in named if not any(m.within(r) for r in resolvable)]
        if named:
            specific = [
                m for m in named if not any(m.value in self.ancestors(o.value) for o in named if o is not m)
            ]
            pick = max(specific or named, key=lambda m: (m.length, m.start))
            return self._localised(self.entries[pick.value], countries[0] if countries else None)
        for role in resolvable:
            entry = self._role_entry(role.value, self._role_country(role, nationalities, countries)[1])
            if entry is not None:
                return entry
        content = [t for t in tokens if t.raw not in self._drop_leading]
        capital_of = self._capitals.get(tuple(t.norm for t in content))
        if self._alone_role and capital_of is not None:
            return self._role_entry(self._alone_role, capital_of)
        if self._alone_role and len(nationalities) == 1:
            only = nationalities[0]
            words = tuple(t.norm for t in tokens[only.start : only.end])
            is_name = self._nationalities[words][2]
            if is_name and only.length == len(content):
                return self._role_entry(self._alone_role, only.value)
            # A bare adjective, as the extractor hands on the maker of "a Turkish drone strike"
            # (never "an Iraqi", a person, nor "Iraqis", people)
            if only.length == len(tokens) and not self._plural_demonym(words, only.value):
                return self._role_entry(self._alone_role, only.value)
        return None

    def _plural_demonym(self, words: tuple[str, ...], country: str) -> bool:
        """Is the demonym the plural of another of the country's ("Iraqis" of "Iraqi")?"""
        demonyms = {self._norm_key(d) for d in self.countries[country].demonyms}
        return any((*words[:-1], words[-1][:-k]) in demonyms for k in (1, 2) if len(words[-1]) > k)

    def _ref(
        self, entry: ActorEntry | None, text: str, span: Span | None, countries: Sequence[str]
    ) -> ActorRef:
        if entry is None:
            return ActorRef(text=text, span=span)
        actor_type = entry.actor_type
        if (
            actor_type is ActorType.STATE_FORCES
            and countries
            and entry.country is not None
            and entry.country != countries[0]
        ):
            actor_type = ActorType.EXTERNAL_OTHER
        return ActorRef(
            text=text, span=span, canonical=entry.name, actor_type=actor_type, country=entry.country
        )


def _replace(entry: ActorEntry, **changes: Any) -> ActorEntry:
    values = {name: getattr(entry, name) for name in ActorEntry.__slots__}
    values.update(changes)
    return ActorEntry(**values)


def _package_files() -> Iterator[tuple[str, str]]:
    folder = resources.files("wirewatch").joinpath(*_PACKAGE_DIR)
    try:
        names = sorted(item.name for item in folder.iterdir() if item.name.endswith(".toml"))
    except OSError as error:
        raise DataFileError(
            "the package's actor data (wirewatch/data/actors) is missing",
            "reinstall wirewatch (pip install -e .)",
        ) from error
    if _MAIN_FILE not in names:
        raise DataFileError(
            f"the package's {_MAIN_FILE} is missing", "reinstall wirewatch (pip install -e .)"
        )
    for name in [_MAIN_FILE, *(n for n in names if n != _MAIN_FILE)]:
        yield f"wirewatch/data/actors/{name}", folder.joinpath(name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=8)
def _load_cached(extra_files: tuple[Path, ...]) -> ActorDictionary:
    merged = _Merged()
    sources = []
    for source, text in _package_files():
        merged.add(_read_file(text, source), source, extend=False)
        sources.append(source)
    for path in extra_files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise DataFileError(
                f"cannot read actor file {path}: {error}", "check the path and that the file is UTF-8"
            ) from error
        merged.add(_read_file(text, str(path)), str(path), extend=True)
        sources.append(str(path))
    return ActorDictionary(merged, sources)


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------


def resolve_actor(
    text: str,
    *,
    dictionary: ActorDictionary,
    countries: Sequence[str] = (),
    span: Span | None = None,
    owner: ActorRef | None = None,
) -> ActorRef:
    """Resolve one noun phrase naming an actor ("the Hashed", "three U.S. service members").

    ``countries`` is the article's country context (ISO2, the main country first): it picks
    the local entry ("Islamic State (Syria)"), serves roles that default to the local country
    ("gunmen", "children") and decides whether state forces are foreign (type 8). ``span`` is
    where ``text`` is written in the article; the returned reference keeps ``text`` and
    ``span`` as given and adds the canonical name, type and country, or leaves them None when
    nothing in the phrase resolves. ``owner`` is the resolved actor the phrase is joined to:
    a possessive pronoun then stands for its country ("the IRGC and its proxies": Iran's
    proxies; the pronouns are ``[nationality] possessives``). "Foreign" (``[nationality]
    foreign``) stands for the second country of ``countries``: the foreign state the report
    is about.
    """
    for reading in (dictionary._owned(text, owner), dictionary._foreign_reading(text, countries)):
        if reading is not None:
            found = resolve_actor(reading, dictionary=dictionary, countries=countries)
            if found.canonical is not None:
                return found.model_copy(update={"text": text, "span": span})
    context = tuple(c.upper() for c in countries)
    entry = dictionary.lookup(text)
    if entry is not None:
        entry = dictionary._localised(entry, context[0] if context else None)
    else:
        tokens = dictionary._tokens(text)
        entry = dictionary._best(tokens, context) if tokens else None
    return dictionary._ref(entry, text, span, context)


def find_actors(text: str, *, dictionary: ActorDictionary, countries: Sequence[str] = ()) -> list[ActorRef]:
    """Every actor named in a running text, in text order, each with its span.

    A scan without parsing: dictionary names (as in :func:`resolve_actor`), nationality + role
    noun pairs at most :data:`ROLE_NATIONALITY_WINDOW` words apart, and roles that default to
    the article's country. Meant for quick candidate lists and benchmarks; extraction resolves
    the noun phrases it parsed with :func:`resolve_actor` instead.
    """
    context = tuple(c.upper() for c in countries)
    tokens = dictionary._tokens(text)
    nationalities = dictionary._nationality_matches(tokens)
    # (role noun, where the actor's words start, country) for every role noun that resolves
    roles: list[tuple[_Match, int, str | None]] = []
    role_matches = dictionary._role_matches(tokens)
    for role in role_matches:
        # the nearest nationality before the role noun, in the same sentence, no other role
        # noun between them ("Iraqi officials and armed groups": the armed groups are not Iraqi)
        near = [
            n
            for n in nationalities
            if 0 <= role.start - n.end <= ROLE_NATIONALITY_WINDOW
            and not _SENTENCE_BREAK.search(text, tokens[n.end - 1].end, tokens[role.start].start)
            and not any(n.end <= r.start < role.start for r in role_matches)
        ]
        if near:
            roles.append((role, near[0].start, near[0].value))
        elif dictionary._roles[role.value].context_country:
            roles.append((role, role.start, context[0] if context else None))
    named = [m for m in dictionary._named(tokens, context) if not any(m.within(r) for r, _, _ in roles)]
    found: list[tuple[int, int, ActorEntry]] = []
    for match in named:
        entry = dictionary._localised(dictionary.entries[match.value], context[0] if context else None)
        found.append((match.start, match.end, entry))
    for role, start, country in roles:
        if any(start < m.end and m.start < role.end for m in named):
            continue
        role_entry = dictionary._role_entry(role.value, country)
        if role_entry is not None:
            found.append((start, role.end, role_entry))
    refs = []
    for start, end, entry in sorted(found, key=lambda f: (f[0], f[1])):
        begin, finish = tokens[start].start, tokens[end - 1].end
        span = Span(start=begin, end=finish, text=text[begin:finish])
        refs.append(dictionary._ref(entry, span.text, span, context))
    return refs
