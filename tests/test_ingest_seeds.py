"""Ingesting the seed articles end to end (../shared/seeds), with and without sidecar metadata."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from wirewatch.pipeline import Outcome, Pipeline
from wirewatch.schema import DatePrecision
from wirewatch.settings import Settings
from wirewatch.store import Store


def doc_id(source: str) -> str:
    return Path(source).name.removesuffix(".txt")


def test_with_meta_stores_five_articles_with_outlet_and_date(seeds: Path, settings: Settings) -> None:
    meta = {
        row["file"].removesuffix(".txt"): row
        for row in map(json.loads, (seeds / "articles.meta.jsonl").read_text(encoding="utf-8").splitlines())
    }
    with Store.open(settings.db_url) as store:
        summary = Pipeline(store, settings).ingest(
            [str(seeds / "articles")], meta=seeds / "articles.meta.jsonl"
        )
        assert summary.stored == 5
        articles = {doc_id(a.source): a for a in store.articles()}
    assert set(articles) == set(meta)
    for key, article in articles.items():
        assert article.outlet == meta[key]["outlet"]
        published = meta[key]["published"]
        expected = (
            dt.date.fromisoformat(published) if len(published) == 10 else dt.datetime.fromisoformat(published)
        )
        assert article.published == expected
        assert article.language == "en"
        assert ("outlet", "sidecar") in article.provenance


def test_without_meta_titles_dates_and_bodies_match_gold(seeds: Path, settings: Settings) -> None:
    gold = json.loads((seeds / "gold.json").read_text(encoding="utf-8"))["articles"]
    with Store.open(settings.db_url) as store:
        Pipeline(store, settings).ingest([str(seeds / "articles")])
        articles = {doc_id(a.source): a for a in store.articles()}
    assert set(articles) == set(gold)
    for key, expected in gold.items():
        article = articles[key]
        assert article.title == expected["title"], key
        printed = article.published.isoformat()[:10] if article.published else None
        assert printed == expected["published"], key
        assert article.text.startswith(expected["body_starts_with"]), key
        assert article.text.rstrip().endswith(expected["body_ends_with"]), key


def test_ingesting_again_stores_nothing_new(seeds: Path, settings: Settings) -> None:
    with Store.open(settings.db_url) as store:
        pipeline = Pipeline(store, settings)
        first = pipeline.ingest([str(seeds / "articles")], meta=seeds / "articles.meta.jsonl")
        before = store.articles()
        second = pipeline.ingest([str(seeds / "articles")], meta=seeds / "articles.meta.jsonl")
        assert (first.stored, second.stored, second.already_stored) == (5, 0, 5)
        assert store.articles() == before
        results = list(pipeline.iter_ingest([str(seeds / "articles")]))
        assert {r.outcome for r in results} == {Outcome.ALREADY_STORED}


def test_articles_keep_the_name_their_input_gave_them(seeds: Path, settings: Settings) -> None:
    with Store.open(settings.db_url) as store:
        Pipeline(store, settings).ingest([str(seeds / "articles")])
        assert {a.input_id for a in store.articles()} == {
            p.name.removesuffix(".txt") for p in (seeds / "articles").glob("*.txt")
        }


def test_without_meta_no_event_gets_a_day_the_text_does_not_give(seeds: Path, settings: Settings) -> None:
    """Without publication dates, a day-precise date must come from a time expression of the
    text (the mention's own, or the narrative's it continues), never from a guess."""
    with Store.open(settings.db_url) as store:
        Pipeline(store, settings).ingest([str(seeds / "articles")])
        mentions = store.mentions()
        events = store.events()
    assert mentions
    for mention in mentions:
        if mention.date is not None and mention.date.precision is DatePrecision.DAY:
            assert mention.time is not None, mention.evidence[0].text
    day_events = [e for e in events if e.date is not None and e.date.precision is DatePrecision.DAY]
    assert day_events  # the seeds do name days ("early Friday" in a dated report)
    for event in day_events:
        assert any(m.time is not None for m in event.mentions), event.id
