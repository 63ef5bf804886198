"""The resolve stage: dates, places and actors of every mention and claim of one article."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from wirewatch.resolve.actors import ActorDictionary, resolve_actor
from wirewatch.resolve.dates import (
    find_time_expressions,
    following_range,
    reference_for,
    report_date_range,
    resolve_time,
)
from wirewatch.resolve.places import (
    Gazetteer,
    country_context,
    place_skeleton,
    resolve_place,
    with_neighbours,
)
from wirewatch.schema import (
    ActorRef,
    AggregateClaim,
    Article,
    DatePrecision,
    DateRange,
    Event,
    EventType,
    Extraction,
    Mention,
    Mode,
    Plover,
    Span,
)
from wirewatch.settings import Settings

#: Event types whose initiator ACLED codes as "Unidentified Armed Group (<country>)" when no
#: report names one (ACLED codebook: unknown perpetrators of attacks, explosions and of one side
#: of a clash). Protests, riots and strategic developments have no perpetrator to leave unnamed.
UNNAMED_PERPETRATOR_TYPES = frozenset(
    {EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE, EventType.VIOLENCE_AGAINST_CIVILIANS}
)
#: The phrase resolved (through the actor dictionary, so users may rename it) for that actor.
UNNAMED_PERPETRATOR = "unidentified armed group"
#: Modes in which something was done by someone: a claim names its claimant, and threats or
#: plans have not happened.
PERPETRATED_MODES = frozenset({Mode.ASSERTED, Mode.HISTORICAL})

#: Events placed at the report's dateline when the text names no place for them: statements,
#: votes and decisions are most often made where the report is filed; violence is not (a
#: Baghdad bureau reports strikes all over the country), so it stays unplaced.
DATELINE_PLACED_TYPES = frozenset({EventType.STRATEGIC_DEVELOPMENTS})
#: A body that opens with its filing place and a colon: "Baghdad: A deadly US drone strike ...".
_COLON_DATELINE = re.compile(r"\s*([A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){0,3}): ")
#: Where a printed dateline's place ends: "Baghdad (AFP) Sept 28, 2020", "BEIRUT, March 3".
_DATELINE_PLACE_END = re.compile(r"\s*[(,\d\u2013\u2014-]")

#: Characters before a place name searched for "near", "outside", "5 km north of": enough for
#: the longest cue phrase plus a distance, short enough not to reach an earlier clause.
CONTEXT_CHARS = 60


#: Consonants a place name needs before a town of a neighbouring country may match it: "Tal
#: Tamer" (t-l-t-m-r) is distinctive, "Qdeiran" (k-d-r-n) meets a village in another country.
NEIGHBOUR_MIN_CONSONANTS = 5


def _distinctive(name: str) -> bool:
    return len(place_skeleton(name)) >= NEIGHBOUR_MIN_CONSONANTS


class Resolver:
    """Resolves extractions; build one per process and reuse it (data files load once)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.gazetteer = Gazetteer.load(self.settings.user_data_files("places*.tsv"))
        self.actors = ActorDictionary.load(self.settings.user_data_files("actors*.toml"))

    def resolve(self, extraction: Extraction, article: Article) -> Extraction:
        countries = country_context(article.text, self.gazetteer)
        mentions = self._resolve_dates(extraction.mentions, article)
        placed = [self._resolve_places(m, article, countries) for m in mentions]
        placed = [self._at_dateline(m, article, countries) for m in placed]
        # Without a country in the text ("IS attacked a bus near Palmyra"), the mention's own
        # places say which country's branch of a group is meant.
        mentions = tuple(
            self._resolve_actors(
                m, countries or list(dict.fromkeys(p.country for p in m.places if p.country))
            )
            for m in placed
        )
        # A phrase no country above serves ("pro-Turkish rebel faction fighters" in a text
        # whose only country words are "Turkish" and a foreign town's namesake) takes the
        # countries of the actors the text names outright ("QSD": Syria), most named first.
        named = Counter(a.country for m in mentions for a in _actors_of(m) if a.canonical and a.country)
        fallback = [c for c, _ in named.most_common()]
        if fallback:
            mentions = tuple(self._resolve_actors(m, fallback) for m in mentions)
        claims = tuple(self._resolve_claim(claim, article) for claim in extraction.claims)
        return extraction.model_copy(update={"mentions": mentions, "claims": claims})

    def _resolve_dates(self, mentions: tuple[Mention, ...], article: Article) -> tuple[Mention, ...]:
        resolved = []
        # The day of the last event narrated with a day-precise date: "the following day"
        # and "two days later" count from it.
        anchor: dt.date | None = None
        # One expression means one time, whichever mentions it dates ("The following day, a
        # general said troops were leaving, but the Pentagon denied it").
        resolved_at: dict[int, DateRange | None] = {}
        for mention in mentions:
            reference = reference_for(mention.trigger.start, article.sections, article.published)
            date: DateRange | None = None
            if mention.time is not None and mention.time.start in resolved_at:
                date = resolved_at[mention.time.start]
            elif mention.time is not None:
                # A THREATEN event is the act of threatening: "On Friday, X said it would strike"
                # dates the threat to last Friday, not to the strike it promises.
                mode = Mode.ASSERTED if mention.plover is Plover.THREATEN else mention.mode
                date = resolve_time(mention.time.text, reference, mode=mode, span=mention.time, anchor=anchor)
                resolved_at[mention.time.start] = date
            if date is None:
                date = report_date_range(reference)
            if date is not None and date.precision is DatePrecision.DAY:
                anchor = date.start
            resolved.append(mention.model_copy(update={"date": date}))
        return tuple(self._date_followers(resolved, article))

    def _date_followers(self, mentions: list[Mention], article: Article) -> list[Mention]:
        """A mention with no time of its own that the text says followed an earlier one ("voted
        after Soleimani's killing") happened between that event and the report: its range
        starts on that event's first day, not a week before the report."""
        by_id = {m.id: m for m in mentions}
        out = []
        for mention in mentions:
            followed = by_id.get(mention.after) if mention.after is not None else None
            if mention.time is None and followed is not None and followed.date is not None:
                reference = reference_for(mention.trigger.start, article.sections, article.published)
                date = following_range(followed.date, report_date_range(reference))
                if date is not None:
                    mention = mention.model_copy(update={"date": date})
            out.append(mention)
        return out

    def _at_dateline(self, mention: Mention, article: Article, countries: list[str]) -> Mention:
        """A statement or decision the text places nowhere: where the report was filed (the
        dateline governing it), at that place's precision."""
        if mention.places or mention.event_type not in DATELINE_PLACED_TYPES:
            return mention
        found = dateline_place(article, mention.trigger.start)
        if found is None:
            return mention
        name, span = found
        place = resolve_place(name, gazetteer=self.gazetteer, countries=countries, span=span)
        if place is None or place.lat is None:
            return mention
        return mention.model_copy(update={"places": (place,)})

    def _resolve_places(self, mention: Mention, article: Article, countries: list[str]) -> Mention:
        """Each place span against the gazetteer; a place that cannot be found is kept as
        written (no coordinates) so nothing the text says is lost."""
        if not mention.places:
            return mention
        sentence_start = min((span.start for span in mention.evidence), default=0)
        resolved = []
        neighbours = with_neighbours(countries)
        for place in mention.places:
            span = place.span
            context = article.text[sentence_start : span.start] if span is not None else ""
            text = span.text if span is not None else place.name
            found = None
            for context_countries in (countries, neighbours):
                # Then a border town of a neighbouring country ("Turkish forces clashed ... in the
                # Tal Tamer area" names no Syrian place but this one); only a distinctive name,
                # since a short one matches some hamlet across the border by transliteration alone.
                if context_countries is neighbours and (
                    len(neighbours) == len(countries) or not _distinctive(text)
                ):
                    break
                found = resolve_place(
                    text,
                    gazetteer=self.gazetteer,
                    countries=context_countries,
                    context=context[-CONTEXT_CHARS:],
                    span=span,
                )
                if found is not None:
                    break
            resolved.append(found if found is not None else place)
        # The finest located place comes first (ACLED codes the most precise location). A place
        # the gazetteer does not know (a village) stays, after the ones it locates: the event's
        # map position is then the nearest known place named with it ("Areedah village in the
        # countryside of Tell Abiad" is mapped near Tell Abiad), as ACLED codes it.
        located = sorted((p for p in resolved if p.lat is not None), key=lambda p: int(p.precision))
        unlocated = [p for p in resolved if p.lat is None]
        return mention.model_copy(update={"places": tuple(located + unlocated)})

    def _actor(
        self, actor: ActorRef | None, countries: list[str], owner: ActorRef | None = None
    ) -> ActorRef | None:
        if actor is None or actor.canonical is not None:
            return actor
        return resolve_actor(
            actor.text, dictionary=self.actors, countries=countries, span=actor.span, owner=owner
        )

    def _resolve_actors(self, mention: Mention, countries: list[str]) -> Mention:
        actor1 = self._actor(mention.actor1, countries)
        actor2 = self._actor(mention.actor2, countries)
        return mention.model_copy(
            update={
                "actor1": actor1,
                "actor2": actor2,
                "assoc_actors1": tuple(
                    a
                    for a in (self._actor(x, countries, actor1) for x in mention.assoc_actors1)
                    if a is not None
                ),
                "assoc_actors2": tuple(
                    a
                    for a in (self._actor(x, countries, actor2) for x in mention.assoc_actors2)
                    if a is not None
                ),
            }
        )

    def complete_event(self, event: Event) -> Event:
        """An event's fields that only the whole event can settle, after merging: an attack that
        no source attributes gets ACLED's unnamed perpetrator, of the event's country (mentions
        keep "nobody named", so merging never weighs an inferred actor as evidence)."""
        if (
            event.actor1 is not None
            or event.event_type not in UNNAMED_PERPETRATOR_TYPES
            or event.mode not in PERPETRATED_MODES
        ):
            return event
        countries = [p.country for p in event.places if p.country is not None]
        actor = resolve_actor(UNNAMED_PERPETRATOR, dictionary=self.actors, countries=countries[:1])
        if actor.canonical is None:
            return event
        # Nothing in the text names it: the reference carries the dictionary's name, no span.
        return event.model_copy(update={"actor1": actor.model_copy(update={"text": actor.canonical})})

    def _resolve_claim(self, claim: AggregateClaim, article: Article) -> AggregateClaim:
        if claim.period is not None:
            return claim
        evidence = claim.evidence
        reference = reference_for(evidence.start, article.sections, article.published)
        for start, end in find_time_expressions(evidence.text):
            span = Span(start=evidence.start + start, end=evidence.start + end, text=evidence.text[start:end])
            period = resolve_time(span.text, reference, span=span)
            if period is not None:
                return claim.model_copy(update={"period": period})
        return claim


def _actors_of(mention: Mention) -> list[ActorRef]:
    return [a for a in (mention.actor1, mention.actor2, *mention.assoc_actors1, *mention.assoc_actors2) if a]


def dateline_place(article: Article, offset: int) -> tuple[str, Span | None] | None:
    """The place of the dateline governing ``offset`` ("Baghdad (AFP) Sept 28, 2020": Baghdad),
    else of a body that opens with one ("Baghdad: A deadly ..."), with where the text prints
    it (None when the dateline was taken out of the body); None without a dateline."""
    for section in article.sections:
        if section.start <= offset < section.end and section.dateline:
            name = _DATELINE_PLACE_END.split(section.dateline, maxsplit=1)[0].strip()
            if not name:
                return None
            at = article.text.find(
                name, section.start, min(section.end, section.start + len(section.dateline) + 1)
            )
            return name, (Span(start=at, end=at + len(name), text=name) if at >= 0 else None)
    opening = _COLON_DATELINE.match(article.text)
    if opening is None:
        return None
    name = opening.group(1)
    return name, Span(start=opening.start(1), end=opening.end(1), text=name)
