"""The spaCy component: wirewatch events inside an ordinary spaCy pipeline."""

from __future__ import annotations

import datetime as dt

import spacy

import wirewatch.spacy_component
from wirewatch.schema import SubEventType
from wirewatch.settings import DEFAULT_SPACY_MODEL


def test_component_adds_resolved_mentions_and_claims() -> None:
    nlp = spacy.load(DEFAULT_SPACY_MODEL)
    nlp.add_pipe(wirewatch.spacy_component.FACTORY, config={"published": "2024-02-10"})
    doc = nlp(
        "A drone strike killed three fighters near the town of Qaim early Friday, a security official said. "
        "At least 60 attacks have targeted the base since January."
    )
    mentions = doc._.wirewatch_mentions
    assert [m.sub_event_type for m in mentions] == [SubEventType.AIR_DRONE_STRIKE]
    assert mentions[0].date is not None and mentions[0].date.start == dt.date(2024, 2, 9)
    assert [c.count.value for c in doc._.wirewatch_claims] == [60]


def test_a_documents_own_date_wins() -> None:
    nlp = spacy.load(DEFAULT_SPACY_MODEL)
    nlp.add_pipe(wirewatch.spacy_component.FACTORY, config={"published": "2024-02-10"})
    doc = nlp.make_doc("Rockets hit the air base on Sunday, wounding two soldiers, the army said.")
    doc._.wirewatch_published = "2021-04-06"
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert doc._.wirewatch_mentions[0].date.start == dt.date(2021, 4, 4)
