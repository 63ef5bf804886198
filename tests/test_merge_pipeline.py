"""Merging in the pipeline: events do not depend on the order articles arrive in."""

from __future__ import annotations

import random
from pathlib import Path

from wirewatch.pipeline import Pipeline
from wirewatch.settings import Settings
from wirewatch.store import Store

#: Orders tried; each is a full ingest with NLP, so a few keep the test under a minute.
SHUFFLES = 3


def events_after_ingest(files: list[str], meta: Path, db: Path) -> set[tuple[str, frozenset[str]]]:
    settings = Settings().with_(db_url=f"sqlite:///{db}")
    with Store.open(settings.db_url) as store:
        Pipeline(store, settings).ingest(files, meta=meta)
        return {(event.id, frozenset(m.id for m in event.mentions)) for event in store.events()}


def test_seeds_in_shuffled_orders_give_the_same_events(seeds: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in (seeds / "articles").glob("*.txt"))
    meta = seeds / "articles.meta.jsonl"
    reference = events_after_ingest(files, meta, tmp_path / "sorted.db")
    assert any(len(mentions) > 1 for _, mentions in reference), "nothing was merged"
    rng = random.Random(20240208)
    for attempt in range(SHUFFLES):
        order = files[:]
        rng.shuffle(order)
        assert events_after_ingest(order, meta, tmp_path / f"shuffled{attempt}.db") == reference


def test_remerge_rebuilds_the_same_events(seeds: Path, tmp_path: Path) -> None:
    settings = Settings().with_(db_url=f"sqlite:///{tmp_path / 'remerge.db'}")
    with Store.open(settings.db_url) as store:
        pipeline = Pipeline(store, settings)
        pipeline.ingest([str(seeds / "articles")], meta=seeds / "articles.meta.jsonl")
        before = store.events()
        assert pipeline.remerge() == len(before)
        assert store.events() == before
        assert all(m.id for e in before for m in e.mentions)


def test_a_manual_split_and_merge_survive_ingest_and_remerge(seeds: Path, tmp_path: Path) -> None:
    settings = Settings().with_(db_url=f"sqlite:///{tmp_path / 'corrections.db'}")
    with Store.open(settings.db_url) as store:
        pipeline = Pipeline(store, settings)
        pipeline.ingest([str(seeds / "articles")], meta=seeds / "articles.meta.jsonl")
        merged = next(e for e in store.events() if len(e.mentions) > 1)
        taken = merged.mentions[-1].id
        store.add_correction("split", [taken], note="test")
        pipeline.remerge()

        def holder(mention_id: str) -> set[str]:
            return next(
                {m.id for m in e.mentions} for e in store.events() if mention_id in {m.id for m in e.mentions}
            )

        assert holder(taken) == {taken}
        others = sorted(
            (e for e in store.events() if len(e.mentions) == 1 and e.mentions[0].id != taken),
            key=lambda e: e.id,
        )
        a, b = others[0].mentions[0].id, others[1].mentions[0].id
        store.add_correction("merge", [a, b], note="test")
        pipeline.ingest([str(seeds / "articles")], meta=seeds / "articles.meta.jsonl")  # nothing new
        pipeline.remerge()
        assert holder(taken) == {taken}
        assert {a, b} <= holder(a)
        manual = next(e for e in store.events() if a in {m.id for m in e.mentions})
        assert any(reason.manual for reason in manual.merge_reasons)
