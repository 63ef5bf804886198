"""The record types and vocabularies of wirewatch.

This module is the single owner of every type that crosses a stage boundary (ingest → nlp →
extract → resolve → merge → store → interfaces). Every model is frozen: a stage never mutates
what it was handed, it returns a new value (``model.model_copy(update=...)``).

Vocabularies are spelled exactly as their owners spell them, so that wirewatch output can be
compared with ACLED and PLOVER data by plain string equality.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum, StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------


class EventType(StrEnum):
    """ACLED's six event types."""

    BATTLES = "Battles"
    EXPLOSIONS_REMOTE_VIOLENCE = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    """ACLED's 25 sub-event types; each belongs to exactly one :class:`EventType`."""

    # Battles
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    # Explosions/Remote violence
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING_ARTILLERY_MISSILE_ATTACK = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE_LANDMINE_IED = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    # Violence against civilians
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION_FORCED_DISAPPEARANCE = "Abduction/forced disappearance"
    # Protests
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE_AGAINST_PROTESTERS = "Excessive force against protesters"
    # Riots
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    # Strategic developments
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP_ACTIVITY = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_OR_BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING_PROPERTY_DESTRUCTION = "Looting/property destruction"
    NON_VIOLENT_TRANSFER_OF_TERRITORY = "Non-violent transfer of territory"
    OTHER = "Other"


_E = EventType
_S = SubEventType

#: The ACLED hierarchy: which event type each sub-event type belongs to.
EVENT_TYPE_OF: dict[SubEventType, EventType] = {
    _S.ARMED_CLASH: _E.BATTLES,
    _S.GOVERNMENT_REGAINS_TERRITORY: _E.BATTLES,
    _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY: _E.BATTLES,
    _S.CHEMICAL_WEAPON: _E.EXPLOSIONS_REMOTE_VIOLENCE,
    _S.AIR_DRONE_STRIKE: _E.EXPLOSIONS_REMOTE_VIOLENCE,
    _S.SUICIDE_BOMB: _E.EXPLOSIONS_REMOTE_VIOLENCE,
    _S.SHELLING_ARTILLERY_MISSILE_ATTACK: _E.EXPLOSIONS_REMOTE_VIOLENCE,
    _S.REMOTE_EXPLOSIVE_LANDMINE_IED: _E.EXPLOSIONS_REMOTE_VIOLENCE,
    _S.GRENADE: _E.EXPLOSIONS_REMOTE_VIOLENCE,
    _S.SEXUAL_VIOLENCE: _E.VIOLENCE_AGAINST_CIVILIANS,
    _S.ATTACK: _E.VIOLENCE_AGAINST_CIVILIANS,
    _S.ABDUCTION_FORCED_DISAPPEARANCE: _E.VIOLENCE_AGAINST_CIVILIANS,
    _S.PEACEFUL_PROTEST: _E.PROTESTS,
    _S.PROTEST_WITH_INTERVENTION: _E.PROTESTS,
    _S.EXCESSIVE_FORCE_AGAINST_PROTESTERS: _E.PROTESTS,
    _S.VIOLENT_DEMONSTRATION: _E.RIOTS,
    _S.MOB_VIOLENCE: _E.RIOTS,
    _S.AGREEMENT: _E.STRATEGIC_DEVELOPMENTS,
    _S.ARRESTS: _E.STRATEGIC_DEVELOPMENTS,
    _S.CHANGE_TO_GROUP_ACTIVITY: _E.STRATEGIC_DEVELOPMENTS,
    _S.DISRUPTED_WEAPONS_USE: _E.STRATEGIC_DEVELOPMENTS,
    _S.HEADQUARTERS_OR_BASE_ESTABLISHED: _E.STRATEGIC_DEVELOPMENTS,
    _S.LOOTING_PROPERTY_DESTRUCTION: _E.STRATEGIC_DEVELOPMENTS,
    _S.NON_VIOLENT_TRANSFER_OF_TERRITORY: _E.STRATEGIC_DEVELOPMENTS,
    _S.OTHER: _E.STRATEGIC_DEVELOPMENTS,
}


class Plover(StrEnum):
    """PLOVER's 16 event categories (Political Language Ontology for Verifiable Event Records)."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Mode(StrEnum):
    """Whether the text says the event happened, or only that it was claimed, threatened, …"""

    ASSERTED = "asserted"  # it happened, per the text
    CLAIMED = "claimed"  # responsibility claimed, or the event alleged by a party
    DENIED = "denied"  # a party denies it happened / denies involvement
    THREATENED = "threatened"  # a threat to do it
    PLANNED = "planned"  # scheduled or announced for the future
    HYPOTHETICAL = "hypothetical"  # conditional ("if the attacks cost American lives …")
    HISTORICAL = "historical"  # background far from the report's date


#: Modes that say the event has not (yet) happened: it may still come, so its dates look
#: forward, and it is never the same happening as one that took place.
IRREALIS_MODES = frozenset({Mode.THREATENED, Mode.PLANNED, Mode.HYPOTHETICAL})


class DatePrecision(StrEnum):
    """How finely a :class:`DateRange` is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    #: Month and day known, year not (``DateRange.partial`` holds ``--MM-DD``).
    YEAR_UNKNOWN = "year_unknown"


class GeoPrecision(IntEnum):
    """ACLED's geo_precision, plus 4 for a country-only location."""

    PLACE = 1  # the named town, village or facility
    NEAR = 2  # near / outside / on the outskirts of it, or its district
    REGION = 3  # a province or region ("western Iraq", "Babylon province")
    COUNTRY = 4  # only the country is known


class Qualifier(StrEnum):
    """How a reported count relates to the true number."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    ABOUT = "about"
    UP_TO = "up_to"


class ActorType(IntEnum):
    """ACLED's actor 'inter' codes."""

    STATE_FORCES = 1
    REBEL_GROUP = 2
    POLITICAL_MILITIA = 3
    IDENTITY_MILITIA = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_OTHER = 8


class RejectReason(StrEnum):
    """Why an input did not become a stored article. Discards are data, not silence."""

    EMPTY = "empty"  # no text at all, or nothing left after removing page furniture
    BINARY = "binary"  # not text (NUL bytes, control characters, a known binary signature)
    TOO_LARGE = "too_large"  # over the configured size limit
    UNDECODABLE = "undecodable"  # neither the declared nor a detected encoding decodes it
    TRUNCATED = "truncated"  # a compressed stream that ends early
    MALFORMED = "malformed"  # a record that cannot be parsed (bad JSON line, broken WARC)
    NOT_ENGLISH = "not_english"  # the detected language is not in the allowed set
    DUPLICATE = "duplicate"  # a (near-)copy of an article already stored
    UNREADABLE = "unreadable"  # the file cannot be opened (missing, permission denied)
    NO_EVENT = "no_event"  # stored, but no event found in it


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------


class Frozen(BaseModel):
    """Base of every record: immutable, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


NonNegativeInt = Annotated[int, Field(ge=0)]


class Span(Frozen):
    """A half-open character range ``[start, end)`` of an article's ``text``: the evidence."""

    start: NonNegativeInt = Field(description="Offset of the first character.")
    end: NonNegativeInt = Field(description="Offset one past the last character.")
    text: str = Field(description="The characters the span covers, for display without the article.")

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self


class DateRange(Frozen):
    """When something happened: a closed range of days and how finely it is known."""

    start: dt.date | None = Field(description="First possible day (None when the year is unknown).")
    end: dt.date | None = Field(description="Last possible day (None when the year is unknown).")
    precision: DatePrecision = Field(description="day, week, month, year or year_unknown.")
    partial: str | None = Field(
        default=None,
        description="ISO 8601 date without a year ('--02-08') when only month and day are known.",
    )
    span: Span | None = Field(default=None, description="The time expression in the text, if any.")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.precision is DatePrecision.YEAR_UNKNOWN:
            if self.partial is None:
                raise ValueError("a date with an unknown year needs 'partial' (--MM-DD)")
        elif self.start is None or self.end is None:
            raise ValueError("start and end are required unless the year is unknown")
        elif self.end < self.start:
            raise ValueError(f"date range ends ({self.end}) before it starts ({self.start})")
        return self


class Quantity(Frozen):
    """A reported count: 'at least four' is Quantity(value=4, qualifier=at_least)."""

    value: NonNegativeInt = Field(description="The number as reported.")
    qualifier: Qualifier = Field(default=Qualifier.EXACT, description="exact, at_least, …")
    span: Span | None = Field(default=None, description="Where the text gives the number.")


class Place(Frozen):
    """A resolved (or, before resolution, only named) location."""

    name: str = Field(description="Place name as the gazetteer spells it (or as written).")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 country code.")
    admin1: str | None = Field(default=None, description="First-level division (province).")
    admin2: str | None = Field(default=None, description="Second-level division (district).")
    lat: float | None = Field(default=None, ge=-90, le=90, description="Latitude (WGS84).")
    lon: float | None = Field(default=None, ge=-180, le=180, description="Longitude (WGS84).")
    precision: GeoPrecision = Field(description="1 place, 2 near it, 3 region, 4 country.")
    gazetteer_id: str | None = Field(
        default=None, description="Identifier in the gazetteer it came from ('geonames:98182')."
    )
    span: Span | None = Field(default=None, description="The place expression in the text.")


class ActorRef(Frozen):
    """Who did something or had it done to them."""

    text: str = Field(description="The actor as written in the article.")
    span: Span | None = Field(default=None, description="Where it is written.")
    canonical: str | None = Field(
        default=None, description="Canonical name from the actor dictionary, once resolved."
    )
    actor_type: ActorType | None = Field(default=None, description="ACLED inter code.")
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-2 of the actor.")


class Attribution(Frozen):
    """Who says so: 'according to a US official', 'the Hashed said'."""

    source: str = Field(description="The speaker or source as written.")
    span: Span | None = Field(default=None, description="The attribution phrase in the text.")
    actor: ActorRef | None = Field(default=None, description="The speaker, resolved if possible.")


class Section(Frozen):
    """A stretch of an article governed by one dateline (a sidebar story has its own)."""

    start: NonNegativeInt = Field(description="Offset in the article text where it starts.")
    end: NonNegativeInt = Field(description="Offset one past where it ends.")
    dateline: str | None = Field(default=None, description="The dateline as printed.")
    published: dt.date | dt.datetime | None = Field(
        default=None, description="The date the dateline gives; relative dates resolve against it."
    )


# --------------------------------------------------------------------------------------------
# Linguistic analysis: what the nlp stage hands to extraction (never a spaCy Doc)
# --------------------------------------------------------------------------------------------


class Token(Frozen):
    """One token of a parsed article, with its offsets in the article text."""

    i: NonNegativeInt = Field(description="Index of the token in the article.")
    text: str = Field(description="The token as written.")
    start: NonNegativeInt = Field(description="Offset of its first character in the article text.")
    end: NonNegativeInt = Field(description="Offset one past its last character.")
    lemma: str = Field(description="Base form ('killed' → 'kill').")
    pos: str = Field(description="Universal part of speech (NOUN, VERB, PROPN, NUM, …).")
    tag: str = Field(description="Fine-grained (Penn Treebank) tag.")
    dep: str = Field(description="Dependency relation to its head (nsubj, dobj, …).")
    head: NonNegativeInt = Field(description="Index of its syntactic head (itself for a root).")
    ent_type: str = Field(default="", description="Named-entity label it belongs to ('' if none).")
    ent_iob: str = Field(default="O", description="B (begins an entity), I (inside) or O (outside).")
    like_num: bool = Field(default=False, description="True for digits and number words.")


class SentenceSpan(Frozen):
    """A sentence: a range of tokens and of characters."""

    start: NonNegativeInt = Field(description="Offset of its first character.")
    end: NonNegativeInt = Field(description="Offset one past its last character.")
    token_start: NonNegativeInt = Field(description="Index of its first token.")
    token_end: NonNegativeInt = Field(description="Index one past its last token.")


class EntityMention(Frozen):
    """A named entity the model found (a person, place, organisation, date, number, …)."""

    start: NonNegativeInt = Field(description="Offset of its first character.")
    end: NonNegativeInt = Field(description="Offset one past its last character.")
    token_start: NonNegativeInt = Field(description="Index of its first token.")
    token_end: NonNegativeInt = Field(description="Index one past its last token.")
    label: str = Field(description="spaCy label: PERSON, GPE, LOC, FAC, ORG, NORP, DATE, CARDINAL, …")
    text: str = Field(description="The entity as written.")


class ParsedArticle(Frozen):
    """An article with its tokens, sentences and entities: the nlp stage's output."""

    article: Article = Field(description="The article that was parsed.")
    model: str = Field(description="Name and version of the spaCy model that parsed it.")
    tokens: tuple[Token, ...] = Field(description="Every token, in order.")
    sentences: tuple[SentenceSpan, ...] = Field(description="Every sentence, in order.")
    entities: tuple[EntityMention, ...] = Field(description="Every named entity, in order.")


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


class Article(Frozen):
    """One news report after page furniture has been removed."""

    id: str = Field(description="Stable id: a hash of the normalised body text.")
    text: str = Field(description="The article body; every Span offset points into this text.")
    title: str | None = Field(default=None, description="Headline.")
    url: str | None = Field(default=None, description="Where it was published.")
    outlet: str | None = Field(default=None, description="Publisher or wire service.")
    published: dt.date | dt.datetime | None = Field(
        default=None, description="Publication date or datetime; never a string."
    )
    language: str = Field(default="en", description="ISO 639-1 code of the body language.")
    source: str = Field(description="Where wirewatch read it: a path, 'path#line', a WARC record.")
    input_id: str | None = Field(
        default=None,
        description="The input's own name for it: a JSONL record's id, a WARC-Record-ID, or a "
        "file's name without extension (how gold files and sidecars refer to it).",
    )
    sections: tuple[Section, ...] = Field(
        default=(), description="Dateline sections; empty when the whole text has one date."
    )
    provenance: tuple[tuple[str, str], ...] = Field(
        default=(),
        description="Where each metadata field came from, as (field, origin) pairs "
        "(origin: sidecar, jsonl, html, dateline, header).",
    )


class Mention(Frozen):
    """One event as one article tells it; every field points back to its evidence."""

    id: str = Field(description="Stable id: article id plus the trigger offset.")
    article_id: str = Field(description="The article the mention comes from.")
    event_type: EventType = Field(description="ACLED event type.")
    sub_event_type: SubEventType = Field(description="ACLED sub-event type.")
    plover: Plover | None = Field(default=None, description="PLOVER category.")
    mode: Mode = Field(default=Mode.ASSERTED, description="asserted, claimed, denied, …")
    time: Span | None = Field(
        default=None, description="The time expression extraction found ('early Friday'), if any."
    )
    narrative_time: bool = Field(
        default=False,
        description="The time is the narrative's: the sentence before gives it, not the mention's own.",
    )
    date: DateRange | None = Field(default=None, description="When, as resolved.")
    places: tuple[Place, ...] = Field(default=(), description="Where; several for multi-place events.")
    actor1: ActorRef | None = Field(default=None, description="The initiator.")
    actor2: ActorRef | None = Field(default=None, description="The target.")
    assoc_actors1: tuple[ActorRef, ...] = Field(default=(), description="Allies of actor1.")
    assoc_actors2: tuple[ActorRef, ...] = Field(default=(), description="Allies of actor2.")
    fatalities: Quantity | None = Field(default=None, description="Killed; None if not reported.")
    injuries: Quantity | None = Field(default=None, description="Injured; None if not reported.")
    weapon: str | None = Field(default=None, description="drone, rocket, missile, aircraft, IED, …")
    attribution: Attribution | None = Field(default=None, description="Who says so.")
    refers_to: str | None = Field(
        default=None,
        description="Id of an earlier mention of the same article that this one tells again in "
        "another source's words ('This strike, reported by local sources to have killed four'): "
        "kept apart so each account keeps its figures, joined into one event by the merge.",
    )
    after: str | None = Field(
        default=None,
        description="Id of an earlier-told mention of the same article that the text says this "
        "one followed ('voted after Soleimani's killing', 'In retaliation, US forces struck …'): "
        "without a time of its own it is dated from that event's start to the report. (Clashes "
        "'following an attack by the latter' may still be one event with it.)",
    )
    trigger: Span = Field(description="The word(s) that signal the event.")
    evidence: tuple[Span, ...] = Field(description="The sentence(s) that report it.")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, description="Extractor confidence.")
    extractor: str = Field(description="Registry name and version of the extractor.")

    @model_validator(mode="after")
    def _sub_type_fits(self) -> Self:
        if EVENT_TYPE_OF[self.sub_event_type] is not self.event_type:
            raise ValueError(
                f"sub_event_type {self.sub_event_type.value!r} belongs to "
                f"{EVENT_TYPE_OF[self.sub_event_type].value!r}, not {self.event_type.value!r}"
            )
        return self


class SourcedValue(Frozen):
    """One source's version of a disputed field."""

    value: str = Field(description="The value, rendered as text.")
    mention_id: str = Field(description="The mention that gives it.")
    attribution: str | None = Field(default=None, description="Who says so, if stated.")


class Disagreement(Frozen):
    """Sources that describe one field of an event differently, side by side."""

    field: str = Field(description="The disputed field (fatalities, actor1, description, …).")
    values: tuple[SourcedValue, ...] = Field(description="Each source's version.")


class ScoreComponent(Frozen):
    """One part of a merge score."""

    name: str = Field(description="type, date, place, actors, casualties, entities, …")
    score: float = Field(description="Its contribution.")


class MergeReason(Frozen):
    """Why a mention joined an event: explainable and reversible."""

    mention_id: str = Field(description="The mention that joined.")
    joined_with: str | None = Field(description="The mention it matched best (None: it started the event).")
    score: float = Field(description="The total score.")
    components: tuple[ScoreComponent, ...] = Field(default=(), description="The score's parts.")
    manual: bool = Field(default=False, description="True when a person made or forced this link.")


class Event(Frozen):
    """One real-world happening, merged from every mention of it across outlets."""

    id: str = Field(description="Stable event id.")
    event_type: EventType = Field(description="Consensus ACLED event type.")
    sub_event_type: SubEventType = Field(description="Consensus ACLED sub-event type.")
    plover: Plover | None = Field(default=None, description="Consensus PLOVER category.")
    mode: Mode = Field(default=Mode.ASSERTED, description="Consensus mode.")
    date: DateRange | None = Field(
        default=None, description="Most precise date consistent with all mentions."
    )
    places: tuple[Place, ...] = Field(
        default=(), description="Most precise places consistent with all mentions."
    )
    actor1: ActorRef | None = Field(default=None, description="The initiator most sources agree on.")
    actor2: ActorRef | None = Field(default=None, description="The target most sources agree on.")
    assoc_actors1: tuple[ActorRef, ...] = Field(default=(), description="Allies of actor1.")
    assoc_actors2: tuple[ActorRef, ...] = Field(default=(), description="Allies of actor2.")
    fatalities: Quantity | None = Field(default=None, description="ACLED's rule: the lowest credible figure.")
    fatalities_range: tuple[int, int] | None = Field(
        default=None, description="Lowest and highest figure across sources."
    )
    injuries: Quantity | None = Field(default=None, description="Lowest credible injured count.")
    weapon: str | None = Field(default=None, description="Consensus weapon.")
    mentions: tuple[Mention, ...] = Field(description="Every mention of it, from every source.")
    disagreements: tuple[Disagreement, ...] = Field(
        default=(), description="Who said what, where sources differ."
    )
    merge_reasons: tuple[MergeReason, ...] = Field(default=(), description="Why each mention joined.")


class AggregateClaim(Frozen):
    """'At least 39 rocket attacks between October and July': a count of events, never an event."""

    id: str = Field(description="Stable id: article id plus the evidence offset.")
    article_id: str = Field(description="The article that states it.")
    what: str = Field(description="What is counted ('rocket attacks targeting US interests').")
    count: Quantity = Field(description="How many, with qualifier.")
    period: DateRange | None = Field(default=None, description="The period it covers.")
    attribution: Attribution | None = Field(default=None, description="Who says so.")
    evidence: Span = Field(description="The sentence that states it.")


class Extraction(Frozen):
    """What extraction (and then resolution) found in one article."""

    article_id: str = Field(description="The article.")
    mentions: tuple[Mention, ...] = Field(default=(), description="Every event mention, in text order.")
    claims: tuple[AggregateClaim, ...] = Field(default=(), description="Every aggregate claim.")


class Rejected(Frozen):
    """An expected discard: an input that did not become a stored article, and why."""

    source: str = Field(description="The input: a path, 'path#line', a WARC record id.")
    reason: RejectReason = Field(description="The kind of problem.")
    detail: str = Field(description="One line a person can act on.")
    duplicate_of: str | None = Field(default=None, description="For duplicates: the stored article's id.")
    article_id: str | None = Field(default=None, description="The article's id, where one was computed.")


#: Records that are written to the store, in one place for the store's sake.
RECORD_TYPES: tuple[type[Frozen], ...] = (Article, Mention, Event, AggregateClaim, Rejected)


def json_schema(record: type[Frozen] = Event) -> dict[str, object]:
    """The JSON Schema of a record type (docs/event.schema.json is this for Event)."""
    schema = record.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


ParsedArticle.model_rebuild()
