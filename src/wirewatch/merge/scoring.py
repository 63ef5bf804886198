"""How alike two mentions are: the evidence that they report one real-world happening.

:func:`score_pair` adds up independent pieces of evidence (each a :class:`ScoreComponent`, so a
merge can be explained), and names a *veto* when the two can never be one event, whatever else
they share. :func:`wirewatch.merge.cluster.merge_mentions` links pairs whose total reaches
:data:`MERGE_THRESHOLD` and never puts two vetoed mentions in one event.

Vetoes (the rules of issue 6):

* **type**: different ACLED event types, unless both carry the same PLOVER category (an
  "armed clash" and an "air strike" can both be the ASSAULT a later article recaps); two
  different PLOVER categories (a THREATEN is not the ASSAULT it threatens).
* **mode**: the modes fall in two kinds. *Realis* modes (asserted, claimed, denied, historical)
  all speak of something that (allegedly) took place: a claim of responsibility, a denial and a
  recap are views of the same happening and merge with each other. *Irrealis* modes
  (threatened, planned, hypothetical) speak of something that has not happened: such a mention
  merges only with mentions of the very same mode (two reports of one threat), never with a
  realis one (the talks planned for Monday are not the talks held on Monday; a threat is not
  the attack).
* **date**: both ranges known and disjoint. Ranges carry their precision (a month-precision
  recap spans the whole month and overlaps every day in it), so no slack is added: strikes on
  consecutive days stay apart. Two mentions from different articles also need a date each:
  without one nothing tells a recap from a second attack on the same place. A date only the
  sentence before gives (a narrative's) weighs as one resolution supplied, not as one stated.
* **direction**: an actor that is the initiator in one mention and the target in the other
  (a strike and the retaliation it provoked). Battles are symmetric and exempt.
* **place**: both placed inside a country (precision 1-3) and the countries differ; or both
  placed precisely (precision 1-2) more than :data:`PLACE_CONFLICT_KM` apart; or, for mentions
  of different articles, at two spots (the place component at :data:`W_PLACE_OTHER_SPOT` or
  below): two villages named on one day are two clashes, and an event that holds one of them
  cannot take the other through a third report that names neither (session 7, 9,450 ACLED
  notes: 2.49% of notes joined to another's event without this veto, 2.36% with it; the seeds
  and examples unchanged).

Identity (issue: cross-article joins of distinct ACLED events): a type and an overlapping date are
what every clash of a busy day shares, so mentions of *different articles* join only with at
least one piece of positive evidence that they are the same happening (:attr:`MergeScore.identity`):

* **place**: at or near the same town or facility (within :data:`PLACE_SAME_KM`, or the same
  name where the gazetteer knows neither); not a city named like its province, since reports
  of a busy day place many clashes "in Aleppo" or "in the countryside of Aleppo";
* **entities**: a shared uncommon named entity (one word of weight at least
  :data:`IDENTITY_ENTITY_WEIGHT`; a named operation or a common word is not enough);
* **actors**: both sides agree (actor1 and actor2), each actor not a common one; a side is its
  main actor and the actors joined to it ("the IRGC and its proxies"), compared when the main
  ones disagree;
* **casualties**: the same count of dead (or injured) of :data:`COUNT_FULL_FROM` or more;
* **cause**: each text says its mention followed an event (``Mention.after``), and those two
  events are one (the parliament vote "after Soleimani's killing" and the one "in reaction to
  the strike"): found by :func:`~wirewatch.merge.cluster.merge_mentions` in a second round.

Having no place on either side is no evidence either way (two thirds of the ACLED notes have no
resolved place), so such pairs need one of the other kinds. When both mentions name a town or
facility (precision 1) and no two of them are at the same spot, they are two spots (two villages
of one province on one day are two clashes): the place counts against the pair
(:data:`W_PLACE_OTHER_SPOT`), whatever coarser places (the district, the province) they share.
The spot (at or near a town, village or facility) each text names first after its trigger
decides when the two differ: "Jahbal village in the countryside of Ein Issa" and "Mushayrifah
village in the countryside of Ein Issa" are two spots, though both name Ein Issa.

Everything else is a weight (log-odds-like, positive for agreement, negative for conflict):
type, mode, date overlap, place distance, actors, casualties, weapon, named entities shared by
the evidence sentences (a named victim in both reports is strong evidence), and whether the
two are the same sentence of one article, and whether the extractor read one as the other told
again by another source (``Mention.refers_to``).

Named entities are the capitalised words of the evidence that are not at the start of a
sentence, not acronyms, not calendar words and not the names of the mentions' own places
(already weighed by the place component) or the demonyms built on them ("Iraqi" on "Iraq").
Common words and actors are discounted through :class:`Weights`, which
:func:`~wirewatch.merge.cluster.merge_mentions` derives from how many articles of the batch name
each (so "Islamic" or the Syrian army count for nothing in a corpus about Syria). The module
holds no list of names.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from wirewatch.schema import (
    IRREALIS_MODES,
    ActorRef,
    DateRange,
    EventType,
    GeoPrecision,
    Mention,
    Mode,
    Place,
    Qualifier,
    Quantity,
    ScoreComponent,
)

__all__ = [
    "FULL_WEIGHTS",
    "IRREALIS_MODES",
    "MERGE_THRESHOLD",
    "EntityWeight",
    "MergeScore",
    "Weights",
    "actor_key",
    "blocking_keys",
    "date_overlap",
    "entity_tokens",
    "fold_word",
    "haversine_km",
    "is_derived",
    "place_words",
    "places_compatible",
    "quantity_bounds",
    "score_pair",
    "shared_entities",
]

#: A pair whose total reaches this joins (when nothing vetoes it). How it was chosen: a
#: same-type, same-day pair with nothing else in common scores 1.0 (type) + 1.5 (date) = 2.5,
#: which is not enough on its own (two clashes in one country on one day are often distinct);
#: one more agreeing argument (the same precise place, a shared uncommon actor, a shared named
#: victim) lifts it over. A recap ("the strike in January that killed X") has a weak date (a
#: month) and gets there through shared names, actors and counts. Measured with
#: ``bench/merge_quick.py`` (seeds, examples, 2,000 ACLED notes): 3.0 keeps every seed event
#: whose mentions upstream lets through together (the Tower 22 recap pair scores 3.2) with no
#: event mixing two gold events, and joins 2.6% of ACLED notes (5.4% when each note is dated);
#: 3.5 joins 1.1% (3.3%) but loses the Tower 22 pair. See the bench's JSON for the sweep.
#: Since cross-article joins also need identity evidence (module docstring): 0.6% (3.2%), the
#: seeds and examples unchanged (Tower 22 joins on its 3 dead, Soleimani on the names).
MERGE_THRESHOLD = 3.0

#: The kinds of identity evidence (see the module docstring).
IDENTITY_PLACE = "place"
IDENTITY_ENTITY = "entities"
IDENTITY_ACTORS = "actors"
IDENTITY_CASUALTIES = "casualties"
IDENTITY_CAUSE = "cause"
#: A shared named-entity word this rare (its batch weight) identifies the happening.
IDENTITY_ENTITY_WEIGHT = 0.75
#: Each side's actor agreement must reach this share of its full weight (common actors do not).
IDENTITY_ACTOR_SHARE = 0.5

#: Week key of a mention without a usable date (it is compared within its article only).
UNDATED_WEEK = "????-W??"
#: Country key of a mention without a located place.
NO_COUNTRY = "??"

# --- weights (see the module docstring) -------------------------------------------------------
W_SAME_SUB_TYPE = 1.0
W_SAME_TYPE_OTHER_SUB = -0.5
W_SAME_PLOVER_OTHER_TYPE = -0.7
W_MODE_DIFFERS = -0.3
#: Modes that differ only in who tells the act: "X claimed to have killed a commander" and "a
#: drone strike killed a commander" are one happening in two voices, so they are not penalised.
VOICES_OF_AN_ACT = frozenset({Mode.ASSERTED, Mode.CLAIMED})
#: Date: a base for any overlap plus this much times the overlap's Jaccard index (same day: 1).
#: A date the text does not state (resolution defaulted it to the days before publication)
#: gets the base only: two such dates agree because the articles appeared in the same week.
W_DATE_BASE = 0.3
W_DATE_JACCARD = 1.2
W_PLACE_SAME_SPOT = 1.5  # precise places within PLACE_SAME_KM
#: Both at or near a city named like its province ("in Aleppo", "the countryside of Aleppo"):
#: the same area, which many events of a day share, so it is no identity evidence on its own.
W_PLACE_SAME_AREA = 1.0
W_PLACE_NEAR = 0.8  # precise places within PLACE_NEAR_KM
W_PLACE_FAR = -3.0  # precise places further apart, up to PLACE_CONFLICT_KM
#: Both name towns or facilities (or the first spots after their triggers differ), none at the
#: same spot, within PLACE_NEAR_KM.
#: As strong as a type and a shared day together (session 6, 9,450 ACLED notes: -1.0 left
#: 4.0% of notes joined to another's event, -3.0 leaves 3.1%; seeds and examples unchanged):
#: two villages named is two events unless the reports share much more than the day.
W_PLACE_OTHER_SPOT = -3.0
W_PLACE_SAME_ADMIN1 = 0.5
W_PLACE_OTHER_ADMIN1 = -1.5
W_PLACE_SAME_COUNTRY = 0.1
W_PLACE_OTHER_COUNTRY = -1.5  # only one side placed inside the country
W_ACTOR1_SAME = 1.0
W_ACTOR1_DIFFERENT = -1.5
W_ACTOR2_SAME = 0.7
W_ACTOR2_DIFFERENT = -1.0
#: Two unresolved actors written the same way ("combatants") count this share of agreement.
UNRESOLVED_ACTOR_SHARE = 0.5
W_COUNT_AGREE = 0.5  # the same count of dead, from COUNT_FULL_FROM dead up (less below)
#: Agreeing on 1 dead is weak evidence (most reports of a clash say one or two); on 3 or more,
#: stronger. The agreement weight grows linearly up to this count.
COUNT_FULL_FROM = 3
W_COUNT_ZERO_AGREE = 0.1
W_COUNT_NEAR = -0.3  # counts that differ by less than a factor COUNT_NEAR_RATIO
W_COUNT_FAR = -1.0
INJURY_FACTOR = 0.5  # injuries weigh half as much as fatalities
W_WEAPON_SAME = 0.2
W_WEAPON_DIFFERENT = -0.2
W_ENTITY = 1.2  # per shared named entity (times its weight) ...
ENTITY_CAP = 2.0  # ... up to this many
#: Both evidences name distinctive things (weight at least DISTINCT_NAME_WEIGHT), none shared.
W_DISJOINT_NAMES = -0.7
DISTINCT_NAME_WEIGHT = 0.5
W_SAME_SENTENCE = 0.5
#: The extractor read one mention as the other told again in another source's words
#: (``Mention.refers_to``). Chosen to reach MERGE_THRESHOLD on its own, so that only a veto or
#: real disagreement (other places, other actors, far-apart counts) keeps the accounts apart.
W_RETOLD = 3.0
#: Within one article, a mention with no time expression of its own is most often the article's
#: main event told again (a lede without a date, the dated quote below it). Small: it tips a
#: same-type pair that already agrees on its actors (2.5 with the date base) over the
#: threshold, never a pair with nothing else in common (1.3).
W_SAME_ARTICLE_UNDATED = 0.5
#: Both texts say their mention followed an event ("voted after Soleimani's killing", "in
#: reaction to the strike"), and those two are one event. Positive identity evidence, of the
#: weight of an agreeing actor: with the same type and initiator (2.3 with the date base) it
#: crosses the threshold, alone with a type (1.3) it does not.
W_SAME_CAUSE = 1.0

PLACE_SAME_KM = 5.0
PLACE_NEAR_KM = 25.0
#: Precise places further apart than this are different happenings (a veto).
PLACE_CONFLICT_KM = 100.0
COUNT_NEAR_RATIO = 2.0
#: "about N" is read as N ± this share.
ABOUT_SHARE = 0.3
#: Words at least this long match with one letter of difference (transliterations: "Qassem" and
#: "Qasem", "Kataib" and "Kataeb", "Hashd" and "Hashed").
FUZZY_MIN_LETTERS = 5
#: Shortest named-entity word that counts (after folding): drops "Al", "Abu"-like particles.
ENTITY_MIN_LETTERS = 4
#: A word that extends a place name by at most this many letters is its demonym ("Iraq-i").
DEMONYM_SUFFIX_LETTERS = 3
EARTH_RADIUS_KM = 6371.0
#: Name of the named-entity component (followed by ": " and the shared words).
ENTITIES = "entities"

#: How much a shared named-entity word or actor counts (1 for a rare one, 0 for one every
#: article names).
EntityWeight = Callable[[str], float]
SameActor = Callable[[str, str], bool]


def _full(_key: str) -> float:
    return 1.0


@dataclass(frozen=True, slots=True)
class Weights:
    """How much agreement counts, by how common the thing agreed on is in the batch: a shared
    named-entity word (folded), a shared actor (canonical name, or ``"text:"`` plus the folded
    text of an unresolved one). Agreeing on the government forces every report names is no
    evidence; agreeing on a named commander is."""

    entity: EntityWeight = _full
    actor: EntityWeight = _full


#: Every word and actor counts fully (small batches, single pairs).
FULL_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class MergeScore:
    """The evidence that two mentions report one event."""

    total: float
    components: tuple[ScoreComponent, ...]
    #: Why the two can never be in one event (None: they can).
    veto: str | None = None
    #: The kinds of positive identity evidence found (see the module docstring).
    identity: tuple[str, ...] = ()
    #: Must the pair show identity evidence to join (mentions of different articles)?
    needs_identity: bool = False

    @property
    def compatible(self) -> bool:
        return self.veto is None

    @property
    def identified(self) -> bool:
        return bool(self.identity) or not self.needs_identity

    @property
    def joins(self) -> bool:
        return self.veto is None and self.total >= MERGE_THRESHOLD and self.identified


# --------------------------------------------------------------------------------------------
# Blocking
# --------------------------------------------------------------------------------------------


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def date_bounds(date: DateRange | None) -> tuple[dt.date, dt.date] | None:
    """The range of a usable date (None for no date or a date without a year)."""
    if date is None or date.start is None or date.end is None:
        return None
    return date.start, date.end


def mention_countries(mention: Mention) -> frozenset[str]:
    return frozenset(p.country for p in mention.places if p.country)


def blocking_keys(mention: Mention) -> list[tuple[str, str]]:
    """(country or "??", ISO week) for every country of its places and every week its date range
    touches (a month-precision date touches all the weeks of its month).

    Only mentions sharing a key are compared across articles, except that a "??" mention (no
    located place) is compared with every country of its week. A mention without a usable date
    has the week ``????-W??`` and is compared within its own article only.
    """
    countries = sorted(mention_countries(mention)) or [NO_COUNTRY]
    bounds = date_bounds(mention.date)
    if bounds is None:
        weeks = [UNDATED_WEEK]
    else:
        start, end = bounds
        weeks = []
        day = start - dt.timedelta(days=start.weekday())  # the Monday of the first week
        while day <= end:
            weeks.append(_iso_week(day))
            day += dt.timedelta(days=7)
    return [(country, week) for country in countries for week in weeks]


# --------------------------------------------------------------------------------------------
# Pieces of evidence
# --------------------------------------------------------------------------------------------


def date_overlap(a: DateRange | None, b: DateRange | None) -> float | None:
    """Jaccard index of two date ranges in days (0: disjoint), or None when either is unknown."""
    first, second = date_bounds(a), date_bounds(b)
    if first is None or second is None:
        return None
    common = (min(first[1], second[1]) - max(first[0], second[0])).days + 1
    if common <= 0:
        return 0.0
    union = (max(first[1], second[1]) - min(first[0], second[0])).days + 1
    return common / union


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _distance(a: Place, b: Place) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _nearest(mine: Sequence[Place], theirs: Sequence[Place]) -> float | None:
    """The shortest distance between a place of one list and a place of the other, in km."""
    return min((d for a in mine for b in theirs if (d := _distance(a, b)) is not None), default=None)


def _precise(place: Place) -> bool:
    return place.precision <= GeoPrecision.NEAR and place.lat is not None and place.lon is not None


def fold_word(text: str) -> str:
    """Case-, accent- and possessive-blind form of a word, as named entities are compared."""
    return _POSSESSIVE.sub("", _fold(text)).replace("'", "").replace("\u2019", "")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def places_compatible(a: Place, b: Place) -> bool:
    """Can the two places be where one event happened (at their precisions)?"""
    if a.country and b.country and a.country != b.country:
        return False
    if _precise(a) and _precise(b):
        distance = _distance(a, b)
        return distance is not None and distance <= PLACE_CONFLICT_KM
    if GeoPrecision.COUNTRY in (a.precision, b.precision):
        return True
    if a.admin1 and b.admin1:
        return _fold(a.admin1) == _fold(b.admin1)
    return True


def _same_town(places_a: Sequence[Place], places_b: Sequence[Place]) -> bool:
    """Do both name the same town, leaving out cities named like their province?"""
    towns_a = [p for p in places_a if not _named_like_province(p)]
    towns_b = [p for p in places_b if not _named_like_province(p)]
    nearest = _nearest(towns_a, towns_b) if towns_a and towns_b else None
    return nearest is not None and nearest <= PLACE_SAME_KM


def _named_like_province(place: Place) -> bool:
    """Does a town share its province's name (Aleppo in Aleppo, Deir ez-Zor in Deir ez Zor)?"""
    if place.admin1 is None:
        return False
    return _alnum(place.name) == _alnum(place.admin1)


def _alnum(text: str) -> str:
    return "".join(c for c in _fold(text) if c.isalnum())


def _unlocated_spots(mention: Mention) -> set[str]:
    """Folded names of the towns or facilities a mention places it at or near that the gazetteer did not
    locate (kept as written, without coordinates)."""
    return {
        _fold(p.name)
        for p in mention.places
        if p.lat is None and p.country is None and p.precision <= GeoPrecision.NEAR
    }


def _finest_spot(mention: Mention) -> Place | None:
    """The town, village or facility (at or near it, located or not) the text names first after
    the mention's trigger, else first: "clashed on the frontline of Jahbal in the countryside of
    Ein Issa" is at Jahbal; "rockets hit Ain al-Asad, and a roadside bomb killed a driver near
    Nasiriyah" puts the bomb near Nasiriyah."""
    spots = sorted(
        (p for p in mention.places if p.precision <= GeoPrecision.NEAR and p.span is not None),
        key=lambda p: p.span.start if p.span else 0,
    )
    after = [p for p in spots if p.span is not None and p.span.start >= mention.trigger.start]
    return after[0] if after else (spots[0] if spots else None)


def _place_component(mention: Mention, other: Mention) -> tuple[float | None, str | None]:
    """(score, veto) from the places; score None when there is nothing to compare."""
    finest = _finest_spot(mention), _finest_spot(other)
    if finest[0] is not None and finest[1] is not None and _fold(finest[0].name) != _fold(finest[1].name):
        # Each is told at its own town or village first ("in Jahbal village in the countryside
        # of Ein Issa"): those decide, not the town both name around them.
        apart = _distance(finest[0], finest[1])
        if apart is None:
            return W_PLACE_OTHER_SPOT, None
        if apart > PLACE_CONFLICT_KM:
            return None, f"place: {apart:.0f} km apart"
        if apart > PLACE_SAME_KM:
            return (W_PLACE_OTHER_SPOT if apart <= PLACE_NEAR_KM else W_PLACE_FAR), None
    unlocated = _unlocated_spots(mention), _unlocated_spots(other)
    if unlocated[0] and unlocated[1]:
        # Villages the gazetteer does not know, compared by name: the same name is the same
        # spot; two different ones are two spots, whatever province both are in.
        return (W_PLACE_SAME_SPOT if unlocated[0] & unlocated[1] else W_PLACE_OTHER_SPOT), None
    mine = [p for p in mention.places if p.country or p.lat is not None]
    theirs = [p for p in other.places if p.country or p.lat is not None]
    if not mine or not theirs:
        return None, None
    countries_a = {p.country for p in mine if p.country}
    countries_b = {p.country for p in theirs if p.country}
    inside_a = {p.country for p in mine if p.country and p.precision < GeoPrecision.COUNTRY}
    inside_b = {p.country for p in theirs if p.country and p.precision < GeoPrecision.COUNTRY}
    if countries_a and countries_b and not countries_a & countries_b:
        if inside_a and inside_b:
            return None, "place: different countries"
        return W_PLACE_OTHER_COUNTRY, None
    precise_a = [p for p in mine if _precise(p)]
    precise_b = [p for p in theirs if _precise(p)]
    spots_a = [p for p in precise_a if p.precision <= GeoPrecision.PLACE]
    spots_b = [p for p in precise_b if p.precision <= GeoPrecision.PLACE]
    if spots_a and spots_b:
        # Both name towns or facilities: compare those, not the district around them.
        nearest = _nearest(spots_a, spots_b)
        if nearest is not None:
            if nearest > PLACE_CONFLICT_KM:
                return None, f"place: {nearest:.0f} km apart"
            if nearest <= PLACE_SAME_KM:
                # A city named like its province ("in Deir ez-Zor", "in Aleppo") is as often the
                # province: without a town of another name, the same area, not the same spot.
                return (W_PLACE_SAME_SPOT if _same_town(spots_a, spots_b) else W_PLACE_SAME_AREA), None
            return (W_PLACE_OTHER_SPOT if nearest <= PLACE_NEAR_KM else W_PLACE_FAR), None
    if precise_a and precise_b:
        nearest = _nearest(precise_a, precise_b)
        if nearest is not None:
            if nearest > PLACE_CONFLICT_KM:
                return None, f"place: {nearest:.0f} km apart"
            if nearest <= PLACE_SAME_KM:
                # near the same town ("outside al-Qaim", "near al-Qaim"): the same spot, unless
                # the town is named like its province ("the countryside of Aleppo")
                return (W_PLACE_SAME_SPOT if _same_town(precise_a, precise_b) else W_PLACE_SAME_AREA), None
            if nearest <= PLACE_NEAR_KM:
                return W_PLACE_NEAR, None
            return W_PLACE_FAR, None
    admin_a = {_fold(p.admin1) for p in mine if p.admin1 and p.precision <= GeoPrecision.REGION}
    admin_b = {_fold(p.admin1) for p in theirs if p.admin1 and p.precision <= GeoPrecision.REGION}
    if admin_a and admin_b:
        return (W_PLACE_SAME_ADMIN1 if admin_a & admin_b else W_PLACE_OTHER_ADMIN1), None
    if countries_a & countries_b:
        return W_PLACE_SAME_COUNTRY, None
    return None, None


def quantity_bounds(quantity: Quantity) -> tuple[float, float]:
    """The values a reported count allows ("at least 4": 4 to infinity)."""
    value = float(quantity.value)
    if quantity.qualifier is Qualifier.AT_LEAST:
        return value, math.inf
    if quantity.qualifier is Qualifier.MORE_THAN:
        return value + 1, math.inf
    if quantity.qualifier is Qualifier.UP_TO:
        return 0.0, value
    if quantity.qualifier is Qualifier.ABOUT:
        return value * (1 - ABOUT_SHARE), value * (1 + ABOUT_SHARE)
    return value, value


def _count_component(a: Quantity | None, b: Quantity | None) -> float | None:
    if a is None or b is None:
        return None
    low_a, high_a = quantity_bounds(a)
    low_b, high_b = quantity_bounds(b)
    if max(low_a, low_b) <= min(high_a, high_b):
        if a.value == 0 and b.value == 0:
            return W_COUNT_ZERO_AGREE
        return W_COUNT_AGREE * min(1.0, (min(a.value, b.value) + 1) / (COUNT_FULL_FROM + 1))
    smaller, larger = sorted((a.value, b.value))
    if smaller > 0 and larger / smaller <= COUNT_NEAR_RATIO:
        return W_COUNT_NEAR
    return W_COUNT_FAR


# --------------------------------------------------------------------------------------------
# Named entities in the evidence
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['\u2019]s$")
_SENTENCE_END = re.compile(r"[.!?:;\"\u201c\u201d(\[]\s*$")


@functools.cache
def _calendar_words() -> frozenset[str]:
    words: set[str] = set()
    for names in (calendar.month_name, calendar.month_abbr, calendar.day_name, calendar.day_abbr):
        words.update(_fold(name) for name in names if name)
    return frozenset(words)


def place_words(mention: Mention) -> set[str]:
    """The folded words of a mention's place names (and admin divisions)."""
    return _place_words(mention)


def is_derived(word: str, stems: frozenset[str] | set[str]) -> bool:
    """Is ``word`` one of ``stems`` or a demonym/inflection of one ("iraqi", "iraqis" on "iraq")?"""
    return any(
        word[: len(word) - extra] in stems
        for extra in range(DEMONYM_SUFFIX_LETTERS + 1)
        if len(word) - extra >= ENTITY_MIN_LETTERS or extra == 0
    )


def _place_words(mention: Mention) -> set[str]:
    words: set[str] = set()
    for place in mention.places:
        for name in (place.name, place.admin1, place.admin2, place.span.text if place.span else None):
            if name:
                words.update(_fold(w) for w in _WORD.findall(name))
    return words


def _actor_words(mention: Mention) -> set[str]:
    """The words of the canonical names of a mention's actors. A name both mentions' actors
    bear ("Hurras al Deen") is weighed by the actor components, not again as a shared entity:
    the same two groups fight in many places in a day."""
    words: set[str] = set()
    for actor in (mention.actor1, mention.actor2, *mention.assoc_actors1, *mention.assoc_actors2):
        if actor is not None and actor.canonical:
            words.update(_fold(w) for w in _WORD.findall(actor.canonical))
    return words


def _capitalised_words(text: str) -> set[str]:
    found: set[str] = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() or word.isupper():  # lower case, or an acronym
            continue
        before = text[: match.start()]
        if not before.strip() or _SENTENCE_END.search(before):  # sentence-initial
            continue
        folded = _POSSESSIVE.sub("", _fold(word)).replace("'", "").replace("\u2019", "")
        if len(folded) >= ENTITY_MIN_LETTERS:
            found.add(folded)
    return found


def entity_tokens(mention: Mention, exclude: Iterable[str] = ()) -> frozenset[str]:
    """The named-entity words of a mention's evidence (folded), without calendar words and
    without the words (and demonyms) of its places and of ``exclude``."""
    words: set[str] = set()
    for span in mention.evidence:
        words |= _capitalised_words(span.text)
    places = _place_words(mention) | set(exclude)
    calendar_words = _calendar_words()

    return frozenset(w for w in words if w not in calendar_words and not is_derived(w, places))


def _one_edit(a: str, b: str) -> bool:
    """Are the words equal but for one inserted, deleted or replaced letter?"""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def shared_entities(first: frozenset[str], second: frozenset[str]) -> list[tuple[str, str]]:
    """Pairs of words the two sets share: equal, or (long words) one letter apart."""
    pairs = [(w, w) for w in sorted(first & second)]
    rest = sorted(second - first)
    for word in sorted(first - second):
        if len(word) < FUZZY_MIN_LETTERS:
            continue
        match = next((o for o in rest if len(o) >= FUZZY_MIN_LETTERS and _one_edit(word, o)), None)
        if match is not None:
            pairs.append((word, match))
            rest.remove(match)
    return pairs


def _entity_component(
    mention: Mention, other: Mention, entity_weight: EntityWeight
) -> tuple[float | None, list[str], float]:
    """(score, the shared words, the weight of the rarest shared word)."""
    weighed = _place_words(mention) | _place_words(other) | (_actor_words(mention) & _actor_words(other))
    pairs = shared_entities(entity_tokens(mention, weighed), entity_tokens(other, weighed))
    pairs = [(a, b) for a, b in pairs if min(entity_weight(a), entity_weight(b)) > 0]
    shared = [a if a == b else f"{a}~{b}" for a, b in pairs]
    if not pairs:
        # Each names someone or somewhere distinctive, and not the same: two happenings (two
        # villages the gazetteer does not know, two commanders).
        mine = [w for w in entity_tokens(mention, weighed) if entity_weight(w) >= DISTINCT_NAME_WEIGHT]
        theirs = [w for w in entity_tokens(other, weighed) if entity_weight(w) >= DISTINCT_NAME_WEIGHT]
        return (W_DISJOINT_NAMES if mine and theirs else None), [], 0.0
    each = [min(entity_weight(a), entity_weight(b)) for a, b in pairs]
    weight = sum(each)
    if weight <= 0:
        return None, shared, 0.0
    return W_ENTITY * min(ENTITY_CAP, weight), shared, max(each)


# --------------------------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------------------------


def _canonical(actor: ActorRef | None) -> str | None:
    return actor.canonical if actor is not None else None


def actor_key(actor: ActorRef) -> str:
    """What :class:`Weights` ``actor`` is asked about: the canonical name or the folded text."""
    return actor.canonical or "text:" + " ".join(_fold(actor.text).split())


def _actor_component(
    a: ActorRef | None,
    b: ActorRef | None,
    same_actor: SameActor,
    weight: EntityWeight,
    agree: float,
    disagree: float,
) -> float | None:
    if a is None or b is None:
        return None
    rarity = min(weight(actor_key(a)), weight(actor_key(b)))
    if a.canonical is None or b.canonical is None:
        both_unresolved = a.canonical is None and b.canonical is None
        if both_unresolved and actor_key(a) == actor_key(b):
            return agree * UNRESOLVED_ACTOR_SHARE * rarity
        return None
    return agree * rarity if same_actor(a.canonical, b.canonical) else disagree


def _side_component(
    mine: Sequence[ActorRef | None],
    theirs: Sequence[ActorRef | None],
    same_actor: SameActor,
    weight: EntityWeight,
    agree: float,
    disagree: float,
) -> float | None:
    """One side of the event (the main actor first, then those joined to it): the main actors
    compared, unless an actor joined to one is the other's ("the IRGC and its proxies" against
    "Iran-backed fighters")."""
    value = _actor_component(mine[0], theirs[0], same_actor, weight, agree, disagree)
    if value is not None and value >= 0:
        return value
    joined = [
        found
        for a in mine
        for b in theirs
        if a is not None
        and b is not None
        and (found := _actor_component(a, b, same_actor, weight, agree, disagree)) is not None
        and found > 0
    ]
    return max(joined) if joined else value


def _direction_conflict(mention: Mention, other: Mention, same_actor: SameActor) -> bool:
    """An actor that initiates in one mention and is the target in the other."""
    if EventType.BATTLES in (mention.event_type, other.event_type):
        return False
    a1, a2 = _canonical(mention.actor1), _canonical(mention.actor2)
    b1, b2 = _canonical(other.actor1), _canonical(other.actor2)

    def same(x: str | None, y: str | None) -> bool:
        return x is not None and y is not None and same_actor(x, y)

    crossed = same(a1, b2) or same(a2, b1)
    straight = same(a1, b1) or same(a2, b2)
    return crossed and not straight


# --------------------------------------------------------------------------------------------
# The score
# --------------------------------------------------------------------------------------------


def _type_component(mention: Mention, other: Mention) -> tuple[float | None, str | None]:
    if mention.plover and other.plover and mention.plover is not other.plover:
        return None, f"type: {mention.plover.value} vs {other.plover.value}"
    if mention.event_type is other.event_type:
        same = mention.sub_event_type is other.sub_event_type
        return (W_SAME_SUB_TYPE if same else W_SAME_TYPE_OTHER_SUB), None
    if mention.plover is not None and mention.plover is other.plover:
        return W_SAME_PLOVER_OTHER_TYPE, None
    return None, f"type: {mention.event_type.value} vs {other.event_type.value}"


def _mode_component(mention: Mention, other: Mention) -> tuple[float, str | None]:
    if mention.mode is other.mode or {mention.mode, other.mode} == VOICES_OF_AN_ACT:
        return 0.0, None
    if mention.mode in IRREALIS_MODES or other.mode in IRREALIS_MODES:
        return 0.0, f"mode: {mention.mode.value} vs {other.mode.value}"
    return W_MODE_DIFFERS, None


def _stated(date: DateRange | None) -> bool:
    """Does the text give this date (not resolution's default of the report's days)?"""
    return date is not None and date.span is not None


def _same_sentence(mention: Mention, other: Mention) -> bool:
    return any(a.start < b.end and b.start < a.end for a in mention.evidence for b in other.evidence)


def score_pair(
    mention: Mention,
    other: Mention,
    *,
    same_actor: SameActor,
    weights: Weights = FULL_WEIGHTS,
    same_cause: bool = False,
) -> MergeScore:
    """How strongly the evidence says the two mentions report one event (symmetric).

    ``same_actor`` compares two canonical actor names (``ActorDictionary.same_actor``);
    ``weights`` discount agreement on common words and actors (default: all count fully);
    ``same_cause``: each text says its mention followed an event, and those two are one event
    (the merge finds this out in a first round).
    """
    components: list[ScoreComponent] = []

    def add(name: str, value: float | None) -> None:
        if value is not None and value != 0.0:
            components.append(ScoreComponent(name=name, score=round(value, 4)))

    def vetoed(reason: str) -> MergeScore:
        return MergeScore(total=-math.inf, components=tuple(components), veto=reason)

    value, veto = _type_component(mention, other)
    if veto:
        return vetoed(veto)
    add("type", value)

    mode_value, veto = _mode_component(mention, other)
    if veto:
        return vetoed(veto)
    add("mode", mode_value)

    same_article = mention.article_id == other.article_id
    overlap = date_overlap(mention.date, other.date)
    if overlap is None:
        if not same_article:
            return vetoed("date: unknown")
    elif overlap <= 0.0:
        return vetoed("date: no overlap")
    else:
        stated = _stated(mention.date) and _stated(other.date)
        if not same_article and (mention.narrative_time or other.narrative_time):
            # dated only by the sentence before ("On 3 May, X clashed with Y. Clashes were
            # accompanied by shelling."): no report's word on when this one happened
            stated = False
        add("date", W_DATE_BASE + (W_DATE_JACCARD * overlap if stated else 0.0))

    if _direction_conflict(mention, other, same_actor):
        return vetoed("actors: initiator and target swapped")
    place_value, veto = _place_component(mention, other)
    if veto:
        return vetoed(veto)
    add("place", place_value)
    if not same_article and place_value is not None and place_value <= W_PLACE_OTHER_SPOT:
        return vetoed("place: two spots")

    actor_values = (
        _side_component(
            (mention.actor1, *mention.assoc_actors1),
            (other.actor1, *other.assoc_actors1),
            same_actor,
            weights.actor,
            W_ACTOR1_SAME,
            W_ACTOR1_DIFFERENT,
        ),
        _side_component(
            (mention.actor2, *mention.assoc_actors2),
            (other.actor2, *other.assoc_actors2),
            same_actor,
            weights.actor,
            W_ACTOR2_SAME,
            W_ACTOR2_DIFFERENT,
        ),
    )
    add("actor1", actor_values[0])
    add("actor2", actor_values[1])
    fatalities = _count_component(mention.fatalities, other.fatalities)
    add("fatalities", fatalities)
    injuries = _count_component(mention.injuries, other.injuries)
    add("injuries", injuries * INJURY_FACTOR if injuries is not None else None)
    if mention.weapon and other.weapon:
        add("weapon", W_WEAPON_SAME if mention.weapon == other.weapon else W_WEAPON_DIFFERENT)
    entity_value, shared, rarest = _entity_component(mention, other, weights.entity)
    # The words are part of the name, so a reason reads "entities: muhandis, soleimani".
    add(f"{ENTITIES}: {', '.join(shared)}" if shared else ENTITIES, entity_value)
    if same_article and _same_sentence(mention, other):
        add("same_sentence", W_SAME_SENTENCE)
    # A mention the text places after another event ("In retaliation, ...") is not the
    # article's main event told again, whatever its date.
    if (
        same_article
        and overlap is not None
        and any(not _stated(m.date) and m.after is None for m in (mention, other))
    ):
        add("same_article_undated", W_SAME_ARTICLE_UNDATED)
    if same_article and (mention.refers_to == other.id or other.refers_to == mention.id):
        add("retold", W_RETOLD)
    if same_cause:
        add("cause", W_SAME_CAUSE)
    total = sum(c.score for c in components)
    identity = _identity(
        place_value,
        actor_values,
        (fatalities, injuries),
        rarest,
    ) + ((IDENTITY_CAUSE,) if same_cause else ())
    return MergeScore(
        total=round(total, 4),
        components=tuple(components),
        identity=identity,
        needs_identity=not same_article,
    )


def _identity(
    place: float | None,
    actors: tuple[float | None, float | None],
    counts: tuple[float | None, float | None],
    rarest_entity: float,
) -> tuple[str, ...]:
    """The kinds of positive evidence that the two report one happening (module docstring)."""
    found = []
    if place is not None and place >= W_PLACE_SAME_SPOT:
        found.append(IDENTITY_PLACE)
    if rarest_entity >= IDENTITY_ENTITY_WEIGHT:
        found.append(IDENTITY_ENTITY)
    actor1, actor2 = actors
    if (
        actor1 is not None
        and actor2 is not None
        and actor1 >= W_ACTOR1_SAME * IDENTITY_ACTOR_SHARE
        and actor2 >= W_ACTOR2_SAME * IDENTITY_ACTOR_SHARE
    ):
        found.append(IDENTITY_ACTORS)
    if any(count is not None and count >= W_COUNT_AGREE for count in counts):
        found.append(IDENTITY_CASUALTIES)
    return tuple(found)
