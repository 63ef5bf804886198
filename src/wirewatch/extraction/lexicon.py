"""The extraction vocabulary: event triggers, weapons, refinements and cue words, as data.

The words live in TOML files of format ``lexicon/1`` under ``wirewatch/data/lexicon/`` (their
layout is described at the top of ``events.toml`` and ``cues.toml``). :meth:`Lexicon.load`
reads them once, merges user files into them and compiles the result into a frozen
:class:`Lexicon`. A malformed file raises :class:`~wirewatch.errors.DataFileError` naming the
file, the entry and the fix.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wirewatch.datafiles import load_merged
from wirewatch.errors import DataFileError
from wirewatch.schema import EVENT_TYPE_OF, Mode, Plover, Qualifier, SubEventType

__all__ = ["LEXICON_FORMAT", "Lexicon", "PhraseIndex", "Refinement", "TriggerEntry", "WeaponEntry"]

#: The ``format`` every lexicon file declares.
LEXICON_FORMAT = "lexicon/1"
#: The package's own lexicon files, in load order.
PACKAGE_FILES = ("events.toml", "cues.toml")

Phrase = tuple[str, ...]


def phrase_of(text: str) -> Phrase:
    """A phrase as the matcher sees it: lower-case words, hyphens between words dropped."""
    words: list[str] = []
    for word in text.lower().split():
        parts = [p for p in word.split("-") if p] if "-" in word.strip("-") else [word]
        words.extend(parts)
    return tuple(words)


@dataclass(frozen=True)
class TriggerEntry:
    """One family of triggers (one ``[[trigger]]`` table)."""

    phrases: tuple[Phrase, ...]
    sub_event_type: SubEventType
    plover: Plover | None
    weapon: str | None
    pos: frozenset[str]
    generic: bool
    needs_weapon: bool
    needs_any: tuple[Phrase, ...]
    needs_place: bool
    needs_event: bool
    deps: frozenset[str]
    not_deps: frozenset[str]
    plural_ok: bool
    casualty: bool
    verbal: bool
    priority: int
    mode: Mode | None
    absorbs: frozenset[SubEventType] = frozenset()
    object_any: tuple[Phrase, ...] = ()
    #: False: the trigger's subject did not do it ("police found the bodies").
    initiator: bool = True


@dataclass(frozen=True)
class WeaponEntry:
    """One weapon (one ``[[weapon]]`` table)."""

    name: str
    phrases: tuple[Phrase, ...]
    sub_event_type: SubEventType | None
    priority: int


@dataclass(frozen=True)
class Refinement:
    """One ``[[refine]]`` rule: a sub-event type that becomes another when cues are present."""

    sources: frozenset[SubEventType]
    target: SubEventType
    plover: Plover | None
    cues: tuple[Phrase, ...]
    actor1_cues: tuple[Phrase, ...]
    target_cues: tuple[Phrase, ...]
    unless_target_cues: tuple[Phrase, ...] = ()
    unless_cues: tuple[Phrase, ...] = ()
    unless_actor1_cues: tuple[Phrase, ...] = ()
    #: Trigger words the rule leaves alone ("clashes": civilians hurt in a battle do not make
    #: it an attack on civilians).
    unless_triggers: tuple[Phrase, ...] = ()


class PhraseIndex:
    """Phrases indexed by their first word, longest first, for matching over token words."""

    def __init__(self, items: Iterable[tuple[Phrase, object]]) -> None:
        items_list = list(items)
        by_first: dict[str, list[tuple[Phrase, object]]] = {}
        prefixes: list[tuple[Phrase, object]] = []
        for phrase, value in items_list:
            if not phrase:
                continue
            if phrase[0].endswith("*"):
                prefixes.append((phrase, value))
            else:
                by_first.setdefault(phrase[0], []).append((phrase, value))
        for entries in by_first.values():
            entries.sort(key=lambda item: -len(item[0]))
        self._by_first = {k: tuple(v) for k, v in by_first.items()}
        self._singles = frozenset(p[0] for p, _ in items_list if len(p) == 1)
        self._prefixes = tuple(prefixes)

    def candidates(self, forms: Sequence[str]) -> Iterable[tuple[Phrase, object]]:
        """Phrases whose first word is one of ``forms`` (a token's lemma and text)."""
        seen: set[str] = set()
        for form in forms:
            if form in seen:
                continue
            seen.add(form)
            yield from self._by_first.get(form, ())
        for phrase, value in self._prefixes:
            if any(f.startswith(phrase[0][:-1]) for f in forms):
                yield phrase, value

    def __contains__(self, word: str) -> bool:
        """True when ``word`` is a phrase of one word."""
        return word in self._singles


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The compiled vocabulary. Build with :meth:`load`; immutable and shareable."""

    triggers: tuple[TriggerEntry, ...]
    weapons: tuple[WeaponEntry, ...]
    refinements: tuple[Refinement, ...]
    trigger_index: PhraseIndex
    weapon_index: PhraseIndex
    modes: Mapping[str, tuple[Phrase, ...]]
    historical_years: int
    attribution_verbs: frozenset[str]
    attribution_phrases: tuple[Phrase, ...]
    attribution_agent_verbs: frozenset[str]
    fatal_nouns: frozenset[str]
    injury_nouns: frozenset[str]
    fatal_words: tuple[Phrase, ...]
    injury_words: tuple[Phrase, ...]
    total_words: tuple[Phrase, ...]
    others: tuple[Phrase, ...]
    companions: tuple[Phrase, ...]
    none_phrases: tuple[tuple[Phrase, bool, bool], ...]
    numbers: Mapping[str, int]
    qualifiers: tuple[tuple[Phrase, Qualifier], ...]
    facilities: tuple[Phrase, ...]
    near: tuple[Phrase, ...]
    region_words: frozenset[str]
    organisation_words: frozenset[str]
    demonym_endings: tuple[str, ...]
    settlements: frozenset[str]
    locative: frozenset[str]
    directions: frozenset[str]
    place_prepositions: frozenset[str]
    countries: frozenset[str]
    territory: frozenset[str]
    time_words: tuple[Phrase, ...]
    months: frozenset[str]
    period_cues: tuple[Phrase, ...]
    frequency: tuple[tuple[Phrase, int], ...]
    count_nouns: frozenset[str]
    min_count: int
    actor_skip: frozenset[str]
    date_words: frozenset[str] = frozenset()
    time_of_day: frozenset[str] = frozenset()
    approximate_time: frozenset[str] = frozenset()
    prior_words: frozenset[str] = frozenset()
    after_phrases: tuple[Phrase, ...] = ()
    actor_through: frozenset[str] = frozenset()
    held_things: frozenset[str] = frozenset()
    unknown_words: frozenset[str] = frozenset()
    believed_phrases: tuple[Phrase, ...] = ()
    representatives: frozenset[str] = frozenset()
    outside_prepositions: frozenset[str] = frozenset()
    inanimate: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    hosting: frozenset[str] = frozenset()
    contact_verbs: frozenset[str] = frozenset()
    telling_verbs: frozenset[str] = frozenset()
    ordinals: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    sources: tuple[str, ...] = ()

    @classmethod
    def load(cls, extra_files: Sequence[Path | str] = ()) -> Lexicon:
        """The package lexicon merged with ``extra_files`` (loaded once per set of paths)."""
        return _load_cached(tuple(Path(p) for p in extra_files))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], sources: Sequence[str] = ()) -> Lexicon:
        """Compile an already merged lexicon document (the layout of the package files)."""
        where = ", ".join(sources) or "lexicon"
        triggers = tuple(_trigger(entry, i, where) for i, entry in enumerate(_tables(data, "trigger", where)))
        weapons = tuple(_weapon(entry, i, where) for i, entry in enumerate(_tables(data, "weapon", where)))
        refinements = tuple(
            _refine(entry, i, where) for i, entry in enumerate(_tables(data, "refine", where))
        )
        modes_table = _table(data, "modes", where)
        mode_keys = (
            "claimed",
            "denied",
            "planned",
            "hypothetical",
            "negation",
            "habitual",
            "embedding",
            "fresh",
            "definite",
            "demonstrative",
            "separate",
            "vehicle",
            "attempt",
        )
        modes = {key: _phrases(modes_table, key, f"[modes] {key}", where) for key in mode_keys}
        attribution = _table(data, "attribution", where)
        casualties = _table(data, "casualties", where)
        places = _table(data, "places", where)
        aggregates = _table(data, "aggregates", where)
        sequence = _table(data, "sequence", where)
        none_phrases = []
        for i, entry in enumerate(_tables(casualties, "none", where)):
            phrase = _string(entry, "phrase", f"[[casualties.none]] #{i + 1}", where)
            none_phrases.append(
                (phrase_of(phrase), bool(entry.get("fatalities", False)), bool(entry.get("injuries", False)))
            )
        numbers: dict[str, int] = {}
        for word, value in _table(data, "numbers", where).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise DataFileError(
                    f"[numbers] {word} = {value!r} in {where} is not a whole number",
                    f"write e.g. {word} = 3 (a non-negative integer)",
                )
            numbers[str(word).lower()] = value
        qualifiers: list[tuple[Phrase, Qualifier]] = []
        for name, words in _table(data, "qualifiers", where).items():
            try:
                qualifier = Qualifier(name)
            except ValueError:
                raise DataFileError(
                    f"[qualifiers] {name} in {where} is not a qualifier",
                    f"use one of: {', '.join(q.value for q in Qualifier)}",
                ) from None
            qualifiers.extend(
                (phrase_of(w), qualifier) for w in _string_list(words, f"[qualifiers] {name}", where)
            )
        qualifiers.sort(key=lambda item: -len(item[0]))
        frequency: list[tuple[Phrase, int]] = []
        for word, value in _table(aggregates, "frequency", where).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise DataFileError(
                    f"[aggregates.frequency] {word} = {value!r} in {where} is not a whole number",
                    "write e.g. twice = 2",
                )
            frequency.append((phrase_of(str(word)), value))
        ordinals: dict[str, int] = {}
        for word, value in _table(aggregates, "ordinals", where).items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise DataFileError(
                    f"[aggregates.ordinals] {word} = {value!r} in {where} is not a positive whole number",
                    "write e.g. fifth = 5",
                )
            ordinals[str(word).lower()] = value
        trigger_items = [(p, t) for t in triggers for p in t.phrases]
        weapon_items = [(p, w) for w in weapons for p in w.phrases]
        actors, time = _table(data, "actors", where), _table(data, "time", where)

        def actor_set(key: str) -> frozenset[str]:
            return _words(actors, key, f"[actors] {key}", where)

        def time_set(key: str) -> frozenset[str]:
            return _words(time, key, f"[time] {key}", where)

        return cls(
            triggers=triggers,
            weapons=weapons,
            refinements=refinements,
            trigger_index=PhraseIndex(trigger_items),
            weapon_index=PhraseIndex(weapon_items),
            modes=MappingProxyType(modes),
            historical_years=int(modes_table.get("historical_years", 2)),
            attribution_verbs=_words(attribution, "verbs", "[attribution] verbs", where),
            attribution_phrases=_phrases(attribution, "phrases", "[attribution] phrases", where),
            attribution_agent_verbs=_words(attribution, "agent_verbs", "[attribution] agent_verbs", where),
            fatal_nouns=_words(casualties, "fatal_nouns", "[casualties] fatal_nouns", where),
            injury_nouns=_words(casualties, "injury_nouns", "[casualties] injury_nouns", where),
            fatal_words=_phrases(casualties, "fatal_words", "[casualties] fatal_words", where),
            injury_words=_phrases(casualties, "injury_words", "[casualties] injury_words", where),
            total_words=_phrases(casualties, "total_words", "[casualties] total_words", where),
            others=_phrases(casualties, "others", "[casualties] others", where),
            companions=_phrases(casualties, "companions", "[casualties] companions", where),
            none_phrases=tuple(none_phrases),
            numbers=MappingProxyType(numbers),
            qualifiers=tuple(qualifiers),
            facilities=_phrases(places, "facilities", "[places] facilities", where),
            near=_phrases(places, "near", "[places] near", where),
            region_words=_words(places, "region_words", "[places] region_words", where),
            organisation_words=_words(places, "organisations", "[places] organisations", where),
            demonym_endings=tuple(
                _string_list(places.get("demonym_endings", []), "[places] demonym_endings", where)
            ),
            settlements=_words(places, "settlements", "[places] settlements", where),
            locative=_words(places, "locative", "[places] locative", where),
            directions=_words(places, "directions", "[places] directions", where),
            place_prepositions=_words(places, "prepositions", "[places] prepositions", where),
            countries=frozenset(
                " ".join(phrase_of(c))
                for c in _string_list(places.get("countries", []), "[places] countries", where)
            ),
            territory=_words(places, "territory", "[places] territory", where),
            time_words=_phrases(time, "words", "[time] words", where),
            months=time_set("months"),
            period_cues=_phrases(aggregates, "period", "[aggregates] period", where),
            frequency=tuple(sorted(frequency, key=lambda item: -len(item[0]))),
            ordinals=MappingProxyType(ordinals),
            count_nouns=_words(aggregates, "count_nouns", "[aggregates] count_nouns", where),
            min_count=int(aggregates.get("min_count", 2)),
            actor_skip=actor_set("skip"),
            date_words=time_set("date_words"),
            time_of_day=time_set("time_of_day"),
            approximate_time=time_set("approximate"),
            prior_words=time_set("prior"),
            after_phrases=_phrases(sequence, "after", "[sequence] after", where),
            actor_through=actor_set("through"),
            held_things=actor_set("held"),
            unknown_words=actor_set("unknown"),
            believed_phrases=_phrases(actors, "believed", "[actors] believed", where),
            representatives=actor_set("representatives"),
            inanimate=actor_set("inanimate"),
            outside_prepositions=actor_set("outside_prepositions"),
            people=actor_set("people"),
            hosting=actor_set("hosting"),
            contact_verbs=actor_set("contact"),
            telling_verbs=actor_set("telling"),
            sources=tuple(sources),
        )


# --------------------------------------------------------------------------------------------
# Reading and checking entries
# --------------------------------------------------------------------------------------------


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, Mapping):
        raise DataFileError(f"[{key}] in {where} is not a table", f"write it as [{key}] with keys under it")
    return value


def _tables(data: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise DataFileError(
            f"{key!r} in {where} is not an array of tables", f"write each entry as a [[{key}]] table"
        )
    return value


def _string(entry: Mapping[str, Any], key: str, what: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(f"{what} in {where} has no {key!r} (a non-empty string)", f'add {key} = "..."')
    return value


def _string_list(value: Any, what: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(
            f"{what} in {where} is not a list of strings", 'write it as ["word", "two words"]'
        )
    return value


def _phrases(entry: Mapping[str, Any], key: str, what: str, where: str) -> tuple[Phrase, ...]:
    return tuple(p for p in (phrase_of(w) for w in _string_list(entry.get(key, []), what, where)) if p)


def _words(entry: Mapping[str, Any], key: str, what: str, where: str) -> frozenset[str]:
    return frozenset(" ".join(p) for p in _phrases(entry, key, what, where))


def _sub_type(value: Any, what: str, where: str) -> SubEventType:
    try:
        return SubEventType(value)
    except ValueError:
        raise DataFileError(
            f"{what} in {where}: {value!r} is not an ACLED sub-event type",
            f"use one of: {', '.join(s.value for s in EVENT_TYPE_OF)}",
        ) from None


def _plover(value: Any, what: str, where: str) -> Plover | None:
    if value is None:
        return None
    try:
        return Plover(value)
    except ValueError:
        raise DataFileError(
            f"{what} in {where}: {value!r} is not a PLOVER category",
            f"use one of: {', '.join(p.value for p in Plover)}",
        ) from None


_TRIGGER_KEYS = {
    "phrases",
    "sub_event_type",
    "plover",
    "weapon",
    "pos",
    "generic",
    "needs_weapon",
    "needs_any",
    "object_any",
    "needs_place",
    "needs_event",
    "absorbs",
    "deps",
    "not_deps",
    "plural_ok",
    "casualty",
    "verbal",
    "priority",
    "mode",
    "initiator",
}


def _trigger(entry: Mapping[str, Any], i: int, where: str) -> TriggerEntry:
    what = f"[[trigger]] #{i + 1}"
    unknown = set(entry) - _TRIGGER_KEYS
    if unknown:
        raise DataFileError(
            f"{what} in {where} has unknown keys {sorted(unknown)}",
            f"use only: {', '.join(sorted(_TRIGGER_KEYS))}",
        )
    phrases = _phrases(entry, "phrases", f"{what} phrases", where)
    if not phrases:
        raise DataFileError(f"{what} in {where} has no phrases", 'add phrases = ["word", ...]')
    what = f"{what} ({' '.join(phrases[0])!r})"
    mode = entry.get("mode")
    try:
        parsed_mode = Mode(mode) if mode is not None else None
    except ValueError:
        raise DataFileError(
            f"{what} in {where}: mode {mode!r} is unknown", f"use one of: {', '.join(m.value for m in Mode)}"
        ) from None
    priority = entry.get("priority", 0)
    if not isinstance(priority, int):
        raise DataFileError(
            f"{what} in {where}: priority {priority!r} is not a whole number", "write priority = 3"
        )
    return TriggerEntry(
        phrases=phrases,
        sub_event_type=_sub_type(entry.get("sub_event_type"), what, where),
        plover=_plover(entry.get("plover"), what, where),
        weapon=entry.get("weapon"),
        pos=frozenset(_string_list(entry.get("pos", []), f"{what} pos", where)),
        generic=bool(entry.get("generic", False)),
        needs_weapon=bool(entry.get("needs_weapon", False)),
        needs_any=_phrases(entry, "needs_any", f"{what} needs_any", where),
        object_any=_phrases(entry, "object_any", f"{what} object_any", where),
        needs_place=bool(entry.get("needs_place", False)),
        needs_event=bool(entry.get("needs_event", False)),
        initiator=bool(entry.get("initiator", True)),
        deps=frozenset(_string_list(entry.get("deps", []), f"{what} deps", where)),
        not_deps=frozenset(_string_list(entry.get("not_deps", []), f"{what} not_deps", where)),
        plural_ok=bool(entry.get("plural_ok", False)),
        casualty=bool(entry.get("casualty", False)),
        verbal=bool(entry.get("verbal", False)),
        priority=priority,
        mode=parsed_mode,
        absorbs=frozenset(
            _sub_type(a, f"{what} absorbs", where)
            for a in _string_list(entry.get("absorbs", []), what, where)
        ),
    )


def _weapon(entry: Mapping[str, Any], i: int, where: str) -> WeaponEntry:
    what = f"[[weapon]] #{i + 1}"
    name = _string(entry, "name", what, where)
    sub = entry.get("sub_event_type")
    return WeaponEntry(
        name=name,
        phrases=_phrases(entry, "phrases", f"{what} ({name}) phrases", where),
        sub_event_type=_sub_type(sub, f"{what} ({name})", where) if sub is not None else None,
        priority=int(entry.get("priority", 0)),
    )


def _refine(entry: Mapping[str, Any], i: int, where: str) -> Refinement:
    what = f"[[refine]] #{i + 1}"
    sources = frozenset(
        _sub_type(s, f"{what} from", where) for s in _string_list(entry.get("from", []), what, where)
    )
    if not sources:
        raise DataFileError(f"{what} in {where} has no 'from'", 'add from = ["Armed clash"]')
    rule = Refinement(
        sources=sources,
        target=_sub_type(entry.get("to"), f"{what} to", where),
        plover=_plover(entry.get("plover"), f"{what} plover", where),
        cues=_phrases(entry, "cues", f"{what} cues", where),
        actor1_cues=_phrases(entry, "actor1_cues", f"{what} actor1_cues", where),
        target_cues=_phrases(entry, "target_cues", f"{what} target_cues", where),
        unless_target_cues=_phrases(entry, "unless_target_cues", f"{what} unless_target_cues", where),
        unless_cues=_phrases(entry, "unless_cues", f"{what} unless_cues", where),
        unless_actor1_cues=_phrases(entry, "unless_actor1_cues", f"{what} unless_actor1_cues", where),
        unless_triggers=_phrases(entry, "unless_triggers", f"{what} unless_triggers", where),
    )
    if not (rule.cues or rule.actor1_cues or rule.target_cues):
        raise DataFileError(f"{what} in {where} has no cues", "add cues, actor1_cues or target_cues")
    return rule


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


def _read_toml(text: str, source: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(
            f"lexicon file {source} is not valid TOML: {error}", "fix the TOML syntax"
        ) from error
    declared = data.get("format")
    if declared != LEXICON_FORMAT:
        raise DataFileError(
            f"lexicon file {source} declares format {declared!r}",
            f'put format = "{LEXICON_FORMAT}" at the top of the file',
        )
    return data


@functools.cache
def _load_cached(extra_files: tuple[Path, ...]) -> Lexicon:
    package = [f"lexicon/{name}" for name in PACKAGE_FILES]
    merged, sources = load_merged(package, extra_files, _read_toml, "lexicon")
    return Lexicon.from_mapping(merged, sources)
