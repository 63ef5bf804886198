"""The lexicon is data: it loads, users extend it, and a broken file says how to fix it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wirewatch.errors import DataFileError
from wirewatch.extraction import Lexicon, RuleExtractor
from wirewatch.nlp import load_model, parse_article
from wirewatch.schema import Article, SubEventType
from wirewatch.settings import DEFAULT_SPACY_MODEL


def test_package_lexicon_covers_every_sub_event_type() -> None:
    lexicon = Lexicon.load()
    reachable = {t.sub_event_type for t in lexicon.triggers} | {r.target for r in lexicon.refinements}
    reachable |= {w.sub_event_type for w in lexicon.weapons if w.sub_event_type}
    assert reachable == set(SubEventType)


def test_a_user_file_adds_a_trigger(tmp_path: Path) -> None:
    extra = tmp_path / "mine.toml"
    extra.write_text(
        'format = "lexicon/1"\n\n[[trigger]]\nphrases = ["zorble"]\nsub_event_type = "Armed clash"\n'
        'plover = "ASSAULT"\n',
        encoding="utf-8",
    )
    text = "Rebels zorbled the garrison in Tessit on Monday."
    article = Article(id="u", text=text, source="test", published=dt.date(2024, 1, 1))
    parsed = parse_article(article, load_model(DEFAULT_SPACY_MODEL))
    assert RuleExtractor(Lexicon.load()).extract(parsed).mentions == ()
    found = RuleExtractor(Lexicon.load([extra])).extract(parsed).mentions
    assert [m.sub_event_type for m in found] == [SubEventType.ARMED_CLASH]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('format = "other/1"\n', "format"),
        (
            'format = "lexicon/1"\n[[trigger]]\nphrases = ["x"]\nsub_event_type = "Battle royale"\n',
            "sub-event",
        ),
        (
            'format = "lexicon/1"\n[[trigger]]\nphrases = ["x"]\n'
            'sub_event_type = "Armed clash"\nplover = "HIT"\n',
            "PLOVER",
        ),
        (
            'format = "lexicon/1"\n[[trigger]]\nphrases = ["x"]\n'
            'sub_event_type = "Armed clash"\ncolour = 1\n',
            "unknown keys",
        ),
        ('format = "lexicon/1"\n[numbers]\nthree = "3"\n', "whole number"),
        ("format = [\n", "TOML"),
    ],
)
def test_malformed_files_name_the_fix(tmp_path: Path, body: str, message: str) -> None:
    bad = tmp_path / f"bad{abs(hash(body))}.toml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        Lexicon.load([bad])
    assert message in str(error.value)
    assert error.value.fix


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        Lexicon.load([tmp_path / "nope.toml"])
