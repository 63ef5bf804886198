"""The pinned spaCy model is installed and loads by its configured name; a wrong name says the fix."""

from __future__ import annotations

import pytest

from wirewatch.errors import ModelNotInstalledError
from wirewatch.nlp import load_model
from wirewatch.settings import DEFAULT_SPACY_MODEL, Settings


def test_configured_model_loads_and_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIREWATCH_SPACY_MODEL", raising=False)
    name = Settings.from_env().spacy_model
    assert name == DEFAULT_SPACY_MODEL
    nlp = load_model(name)
    doc = nlp("A drone strike killed three fighters near Baghdad airport on Friday.")
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    assert any(ent.label_ == "GPE" for ent in doc.ents)
    assert nlp.meta["version"].startswith("3.8")


def test_model_name_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_SPACY_MODEL", "en_core_web_sm")
    assert Settings.from_env().spacy_model == "en_core_web_sm"


def test_a_missing_model_names_the_fix() -> None:
    with pytest.raises(ModelNotInstalledError, match="WIREWATCH_SPACY_MODEL"):
        load_model("no_such_model_package")
