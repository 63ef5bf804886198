"""rules-v1 on the seed articles (../shared/seeds), scored by bench/extract_quick.py's rules.

The floors are the figures rules-v1 reaches today (see the issue's targets in the report);
raise them as it improves, never lower them to make a change pass.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "extract_quick.py"


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_quick", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_quick", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def figures(shared: Path) -> dict[str, Any]:
    quick = bench()
    gold = json.loads((shared / "seeds" / "gold.json").read_text(encoding="utf-8"))
    result: dict[str, Any] = quick.run_set("seeds", quick.seed_articles(shared), gold, True, 1, False)
    return result


@pytest.mark.shared
def test_detection(figures: dict[str, Any]) -> None:
    assert figures["recall_events"] >= 0.92
    assert figures["precision"] >= 0.65


@pytest.mark.shared
def test_fields(figures: dict[str, Any]) -> None:
    fields = figures["fields"]
    assert fields["sub_event_type"]["accuracy"] >= 0.85
    assert fields["plover"]["accuracy"] >= 0.85
    assert fields["fatalities"]["accuracy"] >= 0.75


@pytest.mark.shared
def test_every_aggregate_claim_found_and_none_recorded_as_an_event(figures: dict[str, Any]) -> None:
    claims = figures["aggregate_claims"]
    assert claims["found"] == claims["gold"] == 4
    assert claims["recorded_as_event"] == 0


@pytest.mark.shared
def test_no_event_from_page_furniture(shared: Path) -> None:
    quick = bench()
    gold = json.loads((shared / "seeds" / "gold.json").read_text(encoding="utf-8"))["articles"]
    from wirewatch.extraction import EXTRACTORS

    extractor = EXTRACTORS.create("rules-v1")
    articles = quick.seed_articles(shared)
    parsed, _ = quick.parsed(articles, "seeds")
    for article, parse in zip(articles, parsed, strict=True):
        expected = gold[article.input_id]
        start = article.text.find(expected["body_starts_with"])
        end = article.text.rfind(expected["body_ends_with"]) + len(expected["body_ends_with"])
        assert start >= 0 and end > start, article.input_id
        for mention in extractor.extract(parse).mentions:
            assert start <= mention.trigger.start < end, (article.input_id, mention.trigger.text)
