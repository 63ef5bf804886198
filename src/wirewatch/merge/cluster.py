"""Merging mentions into events: best-first linking under cannot-link constraints.

:func:`merge_mentions` is deterministic and does not depend on the order of its input:

1. mentions are sorted by id (a mention given twice counts once);
2. candidate pairs are the mentions of one article and the mentions sharing a blocking key
   (:func:`~wirewatch.merge.scoring.blocking_keys`: country and ISO week; a mention without a
   located place meets every country of its weeks);
3. every candidate pair is scored (:func:`~wirewatch.merge.scoring.score_pair`); pairs at or
   above :data:`~wirewatch.merge.scoring.MERGE_THRESHOLD` are links;
4. links are taken best first (ties by mention ids); a link joins two events only when no
   mention of one is incompatible (vetoed) with a mention of the other, so no event ever mixes
   two incompatible mentions ("two attacks a week apart" stay apart even when a vague recap
   matches both: the recap joins the one it matches best);
5. a second round adds evidence only the first could give: mentions that each followed an
   event (``Mention.after``: "voted after Soleimani's killing", "in reaction to the strike")
   whose two events the first round made one have a common cause
   (:func:`_same_cause_pairs`); their pairs are scored again with it and steps 3-4 rerun;
6. each event's fields are its :func:`consensus`; every mention keeps a
   :class:`~wirewatch.schema.MergeReason`: the link that attached it, walking the accepted
   links outward from the event's founder (its smallest mention id).

Named-entity words are weighted by how many articles of the batch use them (see
:func:`batch_weights`), and so are actors: the words and the forces every report names count
for nothing.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from wirewatch.merge.events import event_id
from wirewatch.merge.scoring import (
    IRREALIS_MODES,
    NO_COUNTRY,
    EntityWeight,
    MergeScore,
    SameActor,
    Weights,
    actor_key,
    blocking_keys,
    date_bounds,
    entity_tokens,
    fold_word,
    haversine_km,
    is_derived,
    place_words,
    places_compatible,
    quantity_bounds,
    score_pair,
)
from wirewatch.schema import (
    ActorRef,
    DatePrecision,
    DateRange,
    Disagreement,
    Event,
    GeoPrecision,
    Mention,
    MergeReason,
    Mode,
    Place,
    Qualifier,
    Quantity,
    SourcedValue,
)

__all__ = [
    "batch_weights",
    "canonical_same_actor",
    "consensus",
    "link_reasons",
    "merge_mentions",
]

_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")

#: Below this many articles a batch says nothing about which words are common: all count 1.
ENTITY_WEIGHT_MIN_ARTICLES = 20
#: A word used by at most this share of the batch's articles counts fully ...
ENTITY_RARE_SHARE = 0.01
#: ... one used by this share or more counts nothing (log-linear in between).
ENTITY_COMMON_SHARE = 0.10

#: Date precision for a consensus range of at most this many days.
_PRECISION_BY_DAYS = ((1, DatePrecision.DAY), (7, DatePrecision.WEEK), (31, DatePrecision.MONTH))

_QUALIFIER_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.ABOUT: "about ",
    Qualifier.UP_TO: "up to ",
}


def canonical_same_actor(a: str, b: str) -> bool:
    """The fallback actor comparison: equal canonical names (the pipeline passes
    ``ActorDictionary.same_actor``, which also knows that a group contains its factions)."""
    return a == b


# --------------------------------------------------------------------------------------------
# Entity weights
# --------------------------------------------------------------------------------------------


def _rarity(frequency: Counter[str], articles: int) -> EntityWeight:
    low, high = math.log(ENTITY_RARE_SHARE), math.log(ENTITY_COMMON_SHARE)

    def weight(key: str) -> float:
        if articles < ENTITY_WEIGHT_MIN_ARTICLES:
            return 1.0
        share = max(frequency.get(key, 1), 1) / articles
        if share <= ENTITY_RARE_SHARE:
            return 1.0
        if share >= ENTITY_COMMON_SHARE:
            return 0.0
        return (high - math.log(share)) / (high - low)

    return weight


def batch_weights(mentions: Sequence[Mention], generic_words: Iterable[str] = ()) -> Weights:
    """How much agreement on each named-entity word and actor counts, from the batch itself.

    Words: 0 for ``generic_words`` (the pipeline passes the actor dictionary's country names and
    demonyms), for the name of any place resolved anywhere in the batch, and for their demonyms
    ("Iraqi"). Words and actors: in a batch of :data:`ENTITY_WEIGHT_MIN_ARTICLES` articles or
    more, one named by many of its articles counts less (nothing from
    :data:`ENTITY_COMMON_SHARE` of them); else 1.
    """
    stems = {fold_word(w) for words in generic_words for w in _WORDS.findall(words)}
    words_of: dict[str, set[str]] = defaultdict(set)
    actors_of: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        stems |= place_words(mention)
        words_of[mention.article_id] |= entity_tokens(mention)
        actors_of[mention.article_id].update(actor_key(a) for a in (mention.actor1, mention.actor2) if a)
    generic = frozenset(w for w in stems if len(w) >= 2)
    articles = len(words_of)
    word_rarity = _rarity(Counter(w for words in words_of.values() for w in words), articles)
    actor_rarity = _rarity(Counter(a for actors in actors_of.values() for a in actors), articles)

    def entity(word: str) -> float:
        return 0.0 if is_derived(word, generic) else word_rarity(word)

    return Weights(entity=entity, actor=actor_rarity)


# --------------------------------------------------------------------------------------------
# Linking
# --------------------------------------------------------------------------------------------


def _candidate_pairs(mentions: Sequence[Mention]) -> set[tuple[int, int]]:
    """Index pairs (i < j) worth scoring: same article, or a shared blocking key."""
    pairs: set[tuple[int, int]] = set()
    by_article: dict[str, list[int]] = defaultdict(list)
    by_week: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, mention in enumerate(mentions):
        by_article[mention.article_id].append(index)
        for country, week in blocking_keys(mention):
            by_week[week][country].append(index)
    for members in by_article.values():
        pairs.update((a, b) for pos, a in enumerate(members) for b in members[pos + 1 :])
    for week, countries in by_week.items():
        if week.startswith("?"):
            continue  # undated: within its article only
        blocks = [members for country, members in countries.items() if country != NO_COUNTRY]
        wildcard = countries.get(NO_COUNTRY, [])
        for members in [*blocks, wildcard]:
            pairs.update((min(a, b), max(a, b)) for pos, a in enumerate(members) for b in members[pos + 1 :])
        for members in blocks:
            pairs.update((min(a, b), max(a, b)) for a in wildcard for b in members if a != b)
    return pairs


class _Scores:
    """Pair scores, computed once and on demand (for the cannot-link checks)."""

    def __init__(self, mentions: Sequence[Mention], same_actor: SameActor, weights: Weights) -> None:
        self.mentions = mentions
        self.same_actor = same_actor
        self.weights = weights
        self._cache: dict[tuple[int, int], MergeScore] = {}
        #: Index pairs (i < j) whose mentions followed one event (see :func:`_same_cause_pairs`).
        self.same_cause: set[tuple[int, int]] = set()

    def add_same_cause(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Score these pairs again, now knowing that each followed one event."""
        for pair in pairs:
            self.same_cause.add(pair)
            self._cache.pop(pair, None)

    def __call__(self, a: int, b: int) -> MergeScore:
        key = (a, b) if a < b else (b, a)
        found = self._cache.get(key)
        if found is None:
            found = score_pair(
                self.mentions[key[0]],
                self.mentions[key[1]],
                same_actor=self.same_actor,
                weights=self.weights,
                same_cause=key in self.same_cause,
            )
            self._cache[key] = found
        return found


def _link(
    mentions: Sequence[Mention], scores: _Scores, candidates: Sequence[tuple[int, int]]
) -> tuple[dict[int, list[int]], dict[int, list[tuple[int, int]]]]:
    """Events as index lists (keyed by a root index) and the links accepted inside each."""
    links = []
    for a, b in candidates:
        score = scores(a, b)
        if score.joins:
            links.append((score.total, a, b))
    links.sort(key=lambda link: (-link[0], mentions[link[1]].id, mentions[link[2]].id))

    cluster_of = list(range(len(mentions)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(mentions))}
    accepted: dict[int, list[tuple[int, int]]] = {i: [] for i in range(len(mentions))}
    for _, a, b in links:
        ca, cb = cluster_of[a], cluster_of[b]
        if ca == cb:
            accepted[ca].append((a, b))  # a second link inside an event: more explanation
            continue
        if any(not scores(x, y).compatible for x in members[ca] for y in members[cb]):
            continue
        if len(members[ca]) < len(members[cb]):
            ca, cb = cb, ca
        for index in members[cb]:
            cluster_of[index] = ca
        members[ca].extend(members.pop(cb))
        accepted[ca].extend(accepted.pop(cb))
        accepted[ca].append((a, b))
    return members, accepted


def _same_cause_pairs(
    mentions: Sequence[Mention], candidates: Sequence[tuple[int, int]], members: dict[int, list[int]]
) -> set[tuple[int, int]]:
    """Candidate pairs of different articles whose mentions each followed an event
    (``Mention.after``) and whose two events are one."""
    index_of = {m.id: i for i, m in enumerate(mentions)}
    event_of = {i: root for root, indexes in members.items() for i in indexes}
    cause: dict[int, int] = {}
    for i, mention in enumerate(mentions):
        followed = index_of.get(mention.after) if mention.after is not None else None
        if followed is not None:
            cause[i] = event_of[followed]
    return {
        (a, b)
        for a, b in candidates
        if a in cause
        and b in cause
        and cause[a] == cause[b]
        and mentions[a].article_id != mentions[b].article_id
        and event_of[a] != event_of[b]
    }


def link_reasons(
    mentions: Sequence[Mention],
    links: Iterable[tuple[str, str, MergeScore]],
    *,
    manual: Iterable[tuple[str, str]] = (),
) -> tuple[MergeReason, ...]:
    """A reason per mention: walk the links from the founder (smallest id), best links first.

    ``links`` are (mention id, mention id, score); ``manual`` pairs are links a person forced
    (their reasons carry ``manual=True``). Mentions no link reaches get a manual reason joined
    to the founder (only a correction can produce that).
    """
    ids = sorted({m.id for m in mentions})
    founder = ids[0]
    forced = {frozenset(pair) for pair in manual}
    adjacency: dict[str, list[tuple[float, str, MergeScore]]] = defaultdict(list)
    for a, b, score in links:
        adjacency[a].append((score.total, b, score))
        adjacency[b].append((score.total, a, score))
    reasons = {founder: MergeReason(mention_id=founder, joined_with=None, score=0.0)}
    # Prim's walk: always take the best link leaving the reached set (a maximum spanning tree).
    frontier: list[tuple[float, str, str]] = []

    def reach(node: str) -> None:
        for total, other, _ in adjacency[node]:
            if other not in reasons:
                heapq.heappush(frontier, (-total, other, node))

    reach(founder)
    while frontier:
        _, node, parent = heapq.heappop(frontier)
        if node in reasons:
            continue
        score = next(s for t, o, s in adjacency[parent] if o == node)
        reasons[node] = MergeReason(
            mention_id=node,
            joined_with=parent,
            score=score.total if math.isfinite(score.total) else 0.0,
            components=score.components,
            manual=frozenset((node, parent)) in forced,
        )
        reach(node)
    for node in ids:
        if node not in reasons:
            reasons[node] = MergeReason(mention_id=node, joined_with=founder, score=0.0, manual=True)
    return tuple(reasons[node] for node in ids)


def merge_mentions(
    mentions: Sequence[Mention],
    *,
    same_actor: SameActor = canonical_same_actor,
    generic_words: Iterable[str] = (),
    weights: Weights | None = None,
) -> list[Event]:
    """One event per real-world happening (see the module docstring); sorted by event id.

    ``same_actor`` compares canonical actor names (pass ``ActorDictionary.same_actor``);
    ``generic_words`` are capitalised words that name no one in particular (pass the actor
    dictionary's country names and demonyms); ``weights`` replaces :func:`batch_weights` of
    ``mentions`` and ``generic_words``.
    """
    unique = sorted({m.id: m for m in mentions}.values(), key=lambda m: m.id)
    if not unique:
        return []
    weight = weights if weights is not None else batch_weights(unique, generic_words)
    scores = _Scores(unique, same_actor, weight)
    candidates = sorted(_candidate_pairs(unique))
    members, accepted = _link(unique, scores, candidates)
    # Second round: mentions that each followed an event of the first round's same event
    # ("voted after Soleimani's killing", "in reaction to the strike") have a common cause.
    cause_pairs = _same_cause_pairs(unique, candidates, members)
    if cause_pairs:
        scores.add_same_cause(cause_pairs)
        members, accepted = _link(unique, scores, candidates)

    events = []
    for root, indexes in members.items():
        group = [unique[i] for i in sorted(indexes)]
        reasons = link_reasons(group, [(unique[a].id, unique[b].id, scores(a, b)) for a, b in accepted[root]])
        events.append(consensus(group, reasons, same_actor=same_actor))
    return sorted(events, key=lambda e: e.id)


# --------------------------------------------------------------------------------------------
# Consensus
# --------------------------------------------------------------------------------------------


def _attribution(mention: Mention) -> str | None:
    return mention.attribution.source if mention.attribution else None


def _sourced(value: str, mention: Mention) -> SourcedValue:
    return SourcedValue(value=value, mention_id=mention.id, attribution=_attribution(mention))


def _disagreement(field: str, pairs: Sequence[tuple[str, Mention]]) -> Disagreement | None:
    """Who said what, one value per (value, source); None when everyone says the same."""
    if len({value for value, _ in pairs}) < 2:
        return None
    seen: set[tuple[str, str | None]] = set()
    values = []
    for value, mention in pairs:
        key = (value, _attribution(mention))
        if key not in seen:
            seen.add(key)
            values.append(_sourced(value, mention))
    return Disagreement(field=field, values=tuple(values))


def _vote(values: Sequence[str]) -> str:
    """The most common value; ties go to the value that came first."""
    counts = Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def _consensus_mode(mentions: Sequence[Mention]) -> Mode:
    """Asserted if any source asserts it; else claimed; else denied; else historical; an
    irrealis event (all its mentions share the mode) keeps that mode."""
    modes = {m.mode for m in mentions}
    for mode in (Mode.ASSERTED, Mode.CLAIMED, Mode.DENIED, Mode.HISTORICAL):
        if mode in modes:
            return mode
    return sorted(modes & IRREALIS_MODES)[0] if modes & IRREALIS_MODES else Mode.ASSERTED


def _consensus_date(mentions: Sequence[Mention]) -> DateRange | None:
    """The intersection of every known range (non-empty for compatible mentions: ranges that
    overlap pairwise share a day), at the precision its length implies; the span of the mention
    that gives exactly that range is kept. Forced (manual) merges with disjoint ranges get the
    narrowest range."""
    dated = [(bounds, m) for m in mentions if (bounds := date_bounds(m.date)) is not None]
    if not dated:
        undated = [m.date for m in mentions if m.date is not None]
        return undated[0] if undated else None
    start = max(b[0] for b, _ in dated)
    end = min(b[1] for b, _ in dated)
    if start > end:
        narrowest = min(dated, key=lambda item: ((item[0][1] - item[0][0]).days, item[1].id))
        return narrowest[1].date
    exact = [m.date for b, m in dated if b == (start, end) and m.date is not None]
    with_span = [d for d in exact if d.span is not None]
    if with_span or exact:
        return (with_span or exact)[0]
    days = (end - start).days + 1
    precision = next((p for limit, p in _PRECISION_BY_DAYS if days <= limit), DatePrecision.YEAR)
    return DateRange(start=start, end=end, precision=precision)


def _place_fits(place: Place, mention: Mention) -> bool:
    located = [p for p in mention.places if p.country or p.lat is not None]
    return not located or any(places_compatible(place, p) for p in located)


def _covered(place: Place, chosen: Sequence[Place]) -> bool:
    """Is ``place`` no more than a coarser (or the same) description of a chosen place?"""
    for other in chosen:
        if place.country and other.country and place.country != other.country:
            continue
        if place.precision == GeoPrecision.COUNTRY:
            return True
        if (
            place.lat is not None
            and place.lon is not None
            and other.lat is not None
            and other.lon is not None
            and haversine_km(place.lat, place.lon, other.lat, other.lon) <= 25.0
        ):
            return True
        if place.precision == GeoPrecision.REGION and place.admin1 and place.admin1 == other.admin1:
            return True
    return False


def _consensus_places(mentions: Sequence[Mention]) -> tuple[Place, ...]:
    """The most precise places every mention allows, the best supported first."""
    candidates: list[Place] = []
    for mention in mentions:
        candidates.extend(p for p in mention.places if p.country or p.lat is not None)
    if not candidates:
        return ()

    def support(place: Place) -> int:
        return sum(1 for m in mentions if any(places_compatible(place, p) for p in m.places))

    fitting = [p for p in candidates if all(_place_fits(p, m) for m in mentions)]
    ranked = sorted(
        fitting or candidates, key=lambda p: (int(p.precision), -support(p), p.name, p.country or "")
    )
    chosen: list[Place] = []
    for place in ranked:
        if not _covered(place, chosen):
            chosen.append(place)
    return tuple(chosen)


def _consensus_actor(
    actors: Sequence[tuple[ActorRef, Mention]], same_actor: SameActor
) -> tuple[ActorRef | None, list[list[tuple[ActorRef, Mention]]]]:
    """The actor most sources agree on (resolved names first), and the groups of agreeing
    sources (for the disagreement)."""
    resolved = [(a, m) for a, m in actors if a.canonical]
    if not resolved:
        if not actors:
            return None, []
        texts = [a.text for a, _ in actors]
        best = _vote(texts)
        return next(a for a, _ in actors if a.text == best), []
    groups: list[list[tuple[ActorRef, Mention]]] = []
    for actor, mention in resolved:
        assert actor.canonical is not None
        for group in groups:
            head = group[0][0].canonical
            assert head is not None
            if same_actor(actor.canonical, head):
                group.append((actor, mention))
                break
        else:
            groups.append([(actor, mention)])
    best_group = max(groups, key=lambda g: (len({m.article_id for _, m in g}), len(g), -groups.index(g)))
    names = [a.canonical for a, _ in best_group if a.canonical]
    best_name = _vote(names)
    return next(a for a, _ in best_group if a.canonical == best_name), groups


def _sentence(mention: Mention) -> str:
    return " ".join(s.text for s in mention.evidence) or mention.trigger.text


def _render(quantity: Quantity) -> str:
    return f"{_QUALIFIER_WORDS[quantity.qualifier]}{quantity.value}"


def _lowest_credible(quantities: Sequence[tuple[Quantity, Mention]]) -> Quantity | None:
    """ACLED's rule: the lowest figure. Figures from denials and upper bounds ("up to 10") are
    not credible lows and are used only when nothing else is given."""
    credible = [
        (q, m) for q, m in quantities if m.mode is not Mode.DENIED and q.qualifier is not Qualifier.UP_TO
    ]
    pool = credible or list(quantities)
    if not pool:
        return None
    order = list(Qualifier)
    return min(
        pool, key=lambda item: (quantity_bounds(item[0])[0], order.index(item[0].qualifier), item[1].id)
    )[0]


def consensus(
    mentions: Sequence[Mention],
    reasons: Sequence[MergeReason] = (),
    *,
    same_actor: SameActor = canonical_same_actor,
) -> Event:
    """The event the mentions report together: one field at a time, with the disagreements.

    * type: the sub-event type most mentions give (ties: the earliest mention id), the plover
      most of those give;
    * mode: see :func:`_consensus_mode`; date: the intersection of the ranges (the most precise
      date consistent with all); places: the most precise places consistent with all;
    * actors: the actor most articles agree on, counting a group and its factions as one;
    * fatalities and injuries: the lowest credible figure (ACLED), with the range of figures;
    * disagreements: type, mode, actors, counts and weapon where sources differ, and each
      attributed source's own sentence when two or more sources are named.
    """
    if not mentions:
        raise ValueError("an event needs at least one mention")
    ordered = sorted({m.id: m for m in mentions}.values(), key=lambda m: m.id)
    sub_type = _vote([m.sub_event_type.value for m in ordered])
    typed = [m for m in ordered if m.sub_event_type.value == sub_type]
    first = typed[0]
    plovers = [m.plover.value for m in typed if m.plover is not None]
    plover = (
        next(m.plover for m in typed if m.plover is not None and m.plover.value == _vote(plovers))
        if plovers
        else None
    )

    actor1, groups1 = _consensus_actor([(m.actor1, m) for m in ordered if m.actor1], same_actor)
    actor2, groups2 = _consensus_actor([(m.actor2, m) for m in ordered if m.actor2], same_actor)
    fatalities = [(m.fatalities, m) for m in ordered if m.fatalities is not None]
    injuries = [(m.injuries, m) for m in ordered if m.injuries is not None]
    weapons = [m.weapon for m in ordered if m.weapon]

    disagreements = [
        _disagreement("sub_event_type", [(m.sub_event_type.value, m) for m in ordered]),
        _disagreement("mode", [(m.mode.value, m) for m in ordered]),
        _disagreement("fatalities", [(_render(q), m) for q, m in fatalities]),
        _disagreement("injuries", [(_render(q), m) for q, m in injuries]),
        _disagreement("weapon", [(m.weapon, m) for m in ordered if m.weapon]),
    ]
    for field, groups in (("actor1", groups1), ("actor2", groups2)):
        if len(groups) > 1:
            disagreements.append(
                _disagreement(field, [(a.canonical or a.text, m) for g in groups for a, m in g])
            )
    attributed = [m for m in ordered if _attribution(m)]
    if len({_attribution(m) for m in attributed}) > 1:
        disagreements.append(
            _disagreement(
                "description",
                [(" ".join(s.text for s in m.evidence) or m.trigger.text, m) for m in attributed],
            )
        )

    ids = [m.id for m in ordered]
    return Event(
        id=event_id(ids),
        event_type=first.event_type,
        sub_event_type=first.sub_event_type,
        plover=plover,
        mode=_consensus_mode(ordered),
        date=_consensus_date(ordered),
        places=_consensus_places(ordered),
        actor1=actor1,
        actor2=actor2,
        assoc_actors1=_union_actors(ordered, lambda m: m.assoc_actors1),
        assoc_actors2=_union_actors(ordered, lambda m: m.assoc_actors2),
        fatalities=_lowest_credible(fatalities),
        fatalities_range=(min(q.value for q, _ in fatalities), max(q.value for q, _ in fatalities))
        if fatalities
        else None,
        injuries=_lowest_credible(injuries),
        weapon=_vote(weapons) if weapons else None,
        mentions=tuple(ordered),
        disagreements=tuple(d for d in disagreements if d is not None),
        merge_reasons=tuple(reasons) if reasons else _scored_reasons(ordered, same_actor),
    )


def _scored_reasons(mentions: Sequence[Mention], same_actor: SameActor) -> tuple[MergeReason, ...]:
    """Reasons for mentions grouped without them: the best-scoring compatible pairs."""
    links = []
    for pos, a in enumerate(mentions):
        for b in mentions[pos + 1 :]:
            score = score_pair(a, b, same_actor=same_actor)
            if score.compatible:
                links.append((a.id, b.id, score))
    return link_reasons(mentions, links)


def _union_actors(
    mentions: Sequence[Mention], get: Callable[[Mention], Sequence[ActorRef]]
) -> tuple[ActorRef, ...]:
    seen: set[str] = set()
    out = []
    for mention in mentions:
        for actor in get(mention):
            key = actor.canonical or actor.text
            if key not in seen:
                seen.add(key)
                out.append(actor)
    return tuple(out)
