"""The nlp stage turns spaCy's analysis into plain records whose offsets point into the text."""

from __future__ import annotations

from wirewatch.ingest.identity import article_id
from wirewatch.nlp import load_model, parse_article, parse_articles
from wirewatch.schema import Article
from wirewatch.settings import DEFAULT_SPACY_MODEL

TEXT = (
    "A drone strike killed three fighters near Baghdad airport early Friday, officials said. "
    "The Pentagon denied any role in a second attack on Sunday."
)


def make(text: str) -> Article:
    return Article(id=article_id(text), text=text, source="test")


def test_offsets_sentences_and_entities_point_into_the_text() -> None:
    parsed = parse_article(make(TEXT), load_model(DEFAULT_SPACY_MODEL))
    assert len(parsed.sentences) == 2
    for token in parsed.tokens:
        assert TEXT[token.start : token.end] == token.text
        assert 0 <= token.head < len(parsed.tokens)
    for entity in parsed.entities:
        assert TEXT[entity.start : entity.end] == entity.text
    assert "Baghdad" in {e.text for e in parsed.entities if e.label in {"GPE", "FAC", "LOC"}}
    killed = next(t for t in parsed.tokens if t.text == "killed")
    assert killed.lemma == "kill" and killed.pos == "VERB"
    three = next(t for t in parsed.tokens if t.text == "three")
    assert three.like_num
    assert parsed.model.startswith("en_core_web_sm")


def test_batches_keep_input_order() -> None:
    texts = [f"Rockets hit base number {n} on Monday, the army said." for n in range(5)]
    parsed = list(parse_articles([make(t) for t in texts], load_model(DEFAULT_SPACY_MODEL), batch_size=2))
    assert [p.article.text for p in parsed] == texts
