"""Scoring predicted events against gold, by the rules of ../shared/seeds/README.md.

- A prediction matches a gold event when they share an article, their types are compatible
  (same ACLED event_type, or same PLOVER category) and their date ranges overlap with one day
  of slack. Matching is one-to-one, best pairs first.
- Detection: precision over predictions (those matched to an optional gold event are left
  out), recall over required gold events.
- Fields on matched pairs: sub_event_type and plover exact; date right when the predicted
  range lies within the gold range (one day of slack); location within 25 km at gold
  precision 1-2, same admin1 at 3, same country at 4; counts when the values agree (a gold 0
  also accepts "none reported"); actors when the prediction resolves to one of the gold names.
  A null gold field is not scored.
- Merge: B-cubed over (article, gold event) items of gold events reported by 2+ articles.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from wirewatch.evaluate.gold import Gold, GoldEvent

#: One day of slack on every date comparison, as the gold format specifies.
DATE_SLACK = dt.timedelta(days=1)
#: Distance within which a location at gold precision 1 or 2 is right (the format's rule).
LOCATION_TOLERANCE_KM = 25.0
EARTH_RADIUS_KM = 6371.0

FIELDS = (
    "event_type",
    "sub_event_type",
    "plover",
    "date",
    "location",
    "fatalities",
    "injuries",
    "actor1",
    "actor2",
)

ActorMatcher = Callable[[str, Sequence[str]], bool]
CountryKey = Callable[[str], str]
#: (admin1, country) → a comparable key, so "Anbar" and "Al Anbar" compare equal.
Admin1Key = Callable[[str, str | None], str]


def plain_admin1_key(admin1: str, _country: str | None) -> str:
    return normalise_name(admin1)


@dataclass(frozen=True)
class PredictedMention:
    doc: str  # the article's input id (how the gold names it)
    article_id: str
    start: int  # evidence offsets in the article text
    end: int
    text: str


@dataclass(frozen=True)
class PredictedEvent:
    id: str
    event_type: str
    sub_event_type: str
    plover: str | None
    mode: str
    date_from: dt.date | None
    date_to: dt.date | None
    place: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    fatalities: int | None
    injuries: int | None
    actor1: str | None
    actor2: str | None
    mentions: tuple[PredictedMention, ...]

    @property
    def docs(self) -> frozenset[str]:
        return frozenset(m.doc for m in self.mentions)

    @property
    def evidence(self) -> str:
        return self.mentions[0].text if self.mentions else ""


@dataclass(frozen=True)
class PredictedClaim:
    doc: str
    count: int
    what: str
    text: str


@dataclass(frozen=True)
class FieldError:
    field: str
    expected: str
    got: str


@dataclass(frozen=True)
class MatchedPair:
    gold: GoldEvent
    predicted: PredictedEvent
    errors: tuple[FieldError, ...]


@dataclass
class Score:
    events: dict[str, float | int]
    fields: dict[str, float | None]
    merge: dict[str, float] | None
    aggregates: dict[str, float] | None
    bodies: dict[str, float] | None
    pairs: list[MatchedPair] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)
    spurious: list[PredictedEvent] = field(default_factory=list)
    field_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # right, scored


def normalise_name(value: str) -> str:
    """Case-, accent- and punctuation-blind form of a name ('Deir ez-Zor' == 'deir ez zor')."""
    text = unicodedata.normalize("NFKD", value)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _overlaps(
    a_from: dt.date | None, a_to: dt.date | None, b_from: dt.date | None, b_to: dt.date | None
) -> bool:
    if a_from is None or a_to is None or b_from is None or b_to is None:
        return True  # an unknown date cannot contradict
    return a_from <= b_to + DATE_SLACK and a_to >= b_from - DATE_SLACK


def _types_compatible(gold: GoldEvent, pred: PredictedEvent) -> bool:
    same_type = gold.event_type is not None and gold.event_type == pred.event_type
    same_plover = gold.plover is not None and gold.plover == pred.plover
    return same_type or same_plover


def compatible(gold: GoldEvent, pred: PredictedEvent) -> bool:
    return (
        bool(gold.docs & pred.docs)
        and _types_compatible(gold, pred)
        and _overlaps(gold.date_from, gold.date_to, pred.date_from, pred.date_to)
    )


def _evidence_overlap(
    gold: GoldEvent, pred: PredictedEvent, quote_spans: Mapping[tuple[str, str], tuple[int, int]]
) -> int:
    """Characters the prediction's evidence shares with the gold quotes, per article."""
    total = 0
    for mention in pred.mentions:
        for gold_mention in gold.mentions:
            if gold_mention.doc != mention.doc:
                continue
            span = quote_spans.get((gold_mention.doc, gold_mention.quote))
            if span is not None:
                total += max(0, min(span[1], mention.end) - max(span[0], mention.start))
    return total


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _field_checks(
    gold: GoldEvent,
    pred: PredictedEvent,
    same_actor: ActorMatcher,
    country_key: CountryKey,
    admin1_key: Admin1Key,
) -> dict[str, tuple[bool, str, str]]:
    """For every scorable field: (right?, expected, got)."""
    checks: dict[str, tuple[bool, str, str]] = {}
    if gold.event_type is not None:
        checks["event_type"] = (gold.event_type == pred.event_type, gold.event_type, pred.event_type)
    if gold.sub_event_type is not None:
        checks["sub_event_type"] = (
            gold.sub_event_type == pred.sub_event_type,
            gold.sub_event_type,
            pred.sub_event_type,
        )
    if gold.plover is not None:
        checks["plover"] = (gold.plover == pred.plover, gold.plover, str(pred.plover))
    if gold.date_from is not None and gold.date_to is not None:
        right = (
            pred.date_from is not None
            and pred.date_to is not None
            and pred.date_from >= gold.date_from - DATE_SLACK
            and pred.date_to <= gold.date_to + DATE_SLACK
        )
        checks["date"] = (right, f"{gold.date_from}..{gold.date_to}", f"{pred.date_from}..{pred.date_to}")
    location = gold.location
    if location is not None and location.precision is not None:
        got = f"{pred.place} ({pred.admin1}, {pred.country}; {pred.lat}, {pred.lon})"
        expected = f"{location.name} ({location.admin1}, {location.country}; {location.lat}, {location.lon})"
        if location.precision <= 2 and location.lat is not None and location.lon is not None:
            right = (
                pred.lat is not None
                and pred.lon is not None
                and haversine_km(location.lat, location.lon, pred.lat, pred.lon) <= LOCATION_TOLERANCE_KM
            )
            checks["location"] = (right, expected, got)
        elif location.precision == 3 and location.admin1:
            gold_country = country_key(location.country) if location.country else None
            right = pred.admin1 is not None and admin1_key(pred.admin1, pred.country) == admin1_key(
                location.admin1, gold_country
            )
            checks["location"] = (right, expected, got)
        elif location.country:
            right = pred.country is not None and country_key(pred.country) == country_key(location.country)
            checks["location"] = (right, expected, got)
    for name, gold_value, pred_value in (
        ("fatalities", gold.fatalities, pred.fatalities),
        ("injuries", gold.injuries, pred.injuries),
    ):
        if gold_value is not None:
            right = pred_value == gold_value or (gold_value == 0 and pred_value is None)
            checks[name] = (right, str(gold_value), str(pred_value))
    for name, gold_names, pred_name in (
        ("actor1", gold.actor1, pred.actor1),
        ("actor2", gold.actor2, pred.actor2),
    ):
        if gold_names:
            right = pred_name is not None and same_actor(pred_name, gold_names)
            checks[name] = (right, " | ".join(gold_names), str(pred_name))
    return checks


def match_events(
    gold: Sequence[GoldEvent],
    predicted: Sequence[PredictedEvent],
    quote_spans: Mapping[tuple[str, str], tuple[int, int]],
) -> list[tuple[GoldEvent, PredictedEvent]]:
    """One-to-one matching, best pairs first (deterministic on ties)."""
    # Only predictions that share an article can match: index them by article, so scoring a
    # corpus of 10,000 notes costs a few comparisons per gold event, not 10,000.
    by_doc: dict[str, list[int]] = defaultdict(list)
    for p_index, p in enumerate(predicted):
        for doc in p.docs:
            by_doc[doc].append(p_index)
    candidates = []
    for g_index, g in enumerate(gold):
        sharing = sorted({p_index for doc in g.docs for p_index in by_doc.get(doc, ())})
        for p_index in sharing:
            p = predicted[p_index]
            if not compatible(g, p):
                continue
            quality = (
                _evidence_overlap(g, p, quote_spans) > 0,
                g.sub_event_type == p.sub_event_type,
                g.plover is not None and g.plover == p.plover,
                len(g.docs & p.docs),
                _evidence_overlap(g, p, quote_spans),
            )
            candidates.append((quality, g_index, p_index))
    candidates.sort(key=lambda c: (tuple(-int(q) for q in c[0]), c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g_index, p_index in candidates:
        if g_index in used_gold or p_index in used_pred:
            continue
        used_gold.add(g_index)
        used_pred.add(p_index)
        pairs.append((gold[g_index], predicted[p_index]))
    return pairs


def _b_cubed(
    gold: Sequence[GoldEvent],
    predicted: Sequence[PredictedEvent],
    pairs: Sequence[tuple[GoldEvent, PredictedEvent]],
) -> dict[str, float] | None:
    """B-cubed over (article, gold event) items of multi-article gold events."""
    multi = [g for g in gold if len(g.docs) >= 2]
    if not multi:
        return None
    matched = {g.id: p for g, p in pairs}
    # Which predicted event holds each item: the matched event if it has the article, else the
    # best compatible event with that article, else the item is a cluster of its own.
    items: list[tuple[str, str]] = []  # (gold id, predicted cluster id)
    for g in multi:
        for doc in sorted(g.docs):
            holder = matched.get(g.id)
            if holder is None or doc not in holder.docs:
                holder = next(
                    (
                        p
                        for p in predicted
                        if doc in p.docs
                        and _types_compatible(g, p)
                        and _overlaps(g.date_from, g.date_to, p.date_from, p.date_to)
                    ),
                    None,
                )
            items.append((g.id, holder.id if holder is not None else f"unassigned:{g.id}:{doc}"))
    by_pred: dict[str, list[str]] = defaultdict(list)
    by_gold: dict[str, list[str]] = defaultdict(list)
    for gold_id, pred_id in items:
        by_pred[pred_id].append(gold_id)
        by_gold[gold_id].append(pred_id)
    precision = recall = 0.0
    for gold_id, pred_id in items:
        together = sum(1 for other in by_pred[pred_id] if other == gold_id)
        precision += together / len(by_pred[pred_id])
        recall += together / len(by_gold[gold_id])
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"b3_precision": precision, "b3_recall": recall, "b3_f1": f1}


def _ratio(right: int, total: int) -> float | None:
    return right / total if total else None


def score(
    gold: Gold,
    predicted: Sequence[PredictedEvent],
    claims: Sequence[PredictedClaim],
    bodies: Mapping[str, str],
    *,
    same_actor: ActorMatcher,
    country_key: CountryKey,
    admin1_key: Admin1Key = plain_admin1_key,
) -> Score:
    """Score predictions; ``bodies`` maps each article's input id to its stored text."""
    quote_spans: dict[tuple[str, str], tuple[int, int]] = {}
    for event in gold.events:
        for mention in event.mentions:
            text = bodies.get(mention.doc)
            where = text.find(mention.quote) if text and mention.quote else -1
            if where >= 0:
                quote_spans[(mention.doc, mention.quote)] = (where, where + len(mention.quote))

    pairs = match_events(gold.events, predicted, quote_spans)
    matched_gold = {g.id for g, _ in pairs}
    matched_to_optional = {p.id for g, p in pairs if not g.required}
    true_positives = sum(1 for g, _ in pairs if g.required)
    counted_predictions = len(predicted) - len(matched_to_optional)
    matched_pred = {p.id for _, p in pairs}
    false_positives = counted_predictions - true_positives
    required = [g for g in gold.events if g.required]
    false_negatives = sum(1 for g in required if g.id not in matched_gold)
    precision = true_positives / counted_predictions if counted_predictions else 0.0
    recall = true_positives / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    field_right = dict.fromkeys(FIELDS, 0)
    field_total = dict.fromkeys(FIELDS, 0)
    matched_pairs = []
    for g, p in pairs:
        errors = []
        for name, (right, expected, got) in _field_checks(g, p, same_actor, country_key, admin1_key).items():
            field_total[name] += 1
            field_right[name] += int(right)
            if not right:
                errors.append(FieldError(name, expected, got))
        matched_pairs.append(MatchedPair(g, p, tuple(errors)))

    aggregates = None
    if gold.claims:
        found = set()
        correct_predictions = 0
        for claim in claims:
            hit = next(
                (
                    c.id
                    for c in gold.claims
                    if c.id not in found
                    and c.doc == claim.doc
                    and c.count is not None
                    and c.count == claim.count
                ),
                None,
            )
            if hit is not None:
                found.add(hit)
                correct_predictions += 1
        aggregates = {
            "precision": correct_predictions / len(claims) if claims else 0.0,
            "recall": len(found) / len(gold.claims),
        }

    body_scores = None
    if gold.articles:
        starts = ends = 0
        for article in gold.articles:
            text = bodies.get(article.doc, "")
            starts += int(
                bool(text)
                and article.body_starts_with is not None
                and text.startswith(article.body_starts_with)
            )
            ends += int(
                bool(text)
                and article.body_ends_with is not None
                and text.rstrip().endswith(article.body_ends_with)
            )
        body_scores = {"exact_start": starts / len(gold.articles), "exact_end": ends / len(gold.articles)}

    return Score(
        events={
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "tp": true_positives,
            "fp": false_positives,
            "fn": false_negatives,
        },
        fields={name: _ratio(field_right[name], field_total[name]) for name in FIELDS},
        merge=_b_cubed(gold.events, predicted, pairs),
        aggregates=aggregates,
        bodies=body_scores,
        pairs=matched_pairs,
        missed=[g for g in required if g.id not in matched_gold],
        spurious=[p for p in predicted if p.id not in matched_pred],
        field_counts={name: (field_right[name], field_total[name]) for name in FIELDS},
    )
