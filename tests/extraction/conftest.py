"""Fixtures for the extraction tests: parse short self-written sentences once per session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from wirewatch.extraction import EXTRACTORS, Extractor
from wirewatch.nlp import load_model, parse_article
from wirewatch.schema import Article, Extraction
from wirewatch.settings import DEFAULT_SPACY_MODEL


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return EXTRACTORS.create("rules-v1")


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Callable[..., Extraction]:
    nlp = load_model(DEFAULT_SPACY_MODEL)

    def run(text: str, published: dt.date | None = dt.date(2024, 3, 1)) -> Extraction:
        article = Article(id="t", text=text, source="test", published=published)
        return extractor.extract(parse_article(article, nlp))

    return run
