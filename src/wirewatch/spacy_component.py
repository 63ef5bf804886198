"""A spaCy pipeline component for people who already run spaCy.

    import spacy
    import wirewatch.spacy_component  # registers the factory

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("wirewatch_events", config={"published": "2024-02-08"})
    doc = nlp(text)
    doc._.wirewatch_mentions    # event mentions, resolved (dates, places, actors)
    doc._.wirewatch_claims      # aggregate claims ("at least 39 rocket attacks since October")

The component needs the parser and the entity recogniser to have run before it. A document's
own publication date can be set on ``doc._.wirewatch_published`` (a date, datetime or ISO
string) before the component runs; otherwise the ``published`` setting is used.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.errors import ConfigError
from wirewatch.extraction import EXTRACTORS, Extractor
from wirewatch.ingest.identity import article_id
from wirewatch.nlp import model_name, parsed_from_doc
from wirewatch.resolve import Resolver
from wirewatch.schema import Article
from wirewatch.settings import DEFAULT_EXTRACTOR, Settings

FACTORY = "wirewatch_events"

for _name in ("wirewatch_mentions", "wirewatch_claims"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())
if not Doc.has_extension("wirewatch_published"):
    Doc.set_extension("wirewatch_published", default=None)


def _as_date(value: Any) -> dt.date | dt.datetime | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise ConfigError(f"published={value!r} is not an ISO date", "use e.g. '2024-02-08'") from exc
    return parsed.date() if parsed.time() == dt.time(0) and parsed.tzinfo is None else parsed


class EventComponent:
    """Finds event mentions and aggregate claims in a parsed Doc."""

    def __init__(self, nlp: Language, name: str, published: str | None, extractor: str) -> None:
        self.name = name
        self.model = model_name(nlp)
        self.published = _as_date(published)
        self.extractor: Extractor = EXTRACTORS.create(extractor)
        self.resolver = Resolver(Settings.from_env())

    def __call__(self, doc: Doc) -> Doc:
        published = _as_date(doc._.wirewatch_published) or self.published
        article = Article(id=article_id(doc.text), text=doc.text, source="<spacy>", published=published)
        parsed = parsed_from_doc(article, doc, self.model)
        extraction = self.resolver.resolve(self.extractor.extract(parsed), article)
        doc._.wirewatch_mentions = extraction.mentions
        doc._.wirewatch_claims = extraction.claims
        return doc


@Language.factory(
    FACTORY,
    default_config={"published": None, "extractor": DEFAULT_EXTRACTOR},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.wirewatch_mentions", "doc._.wirewatch_claims"],
)
def make_event_component(nlp: Language, name: str, published: str | None, extractor: str) -> EventComponent:
    return EventComponent(nlp, name, published, extractor)
