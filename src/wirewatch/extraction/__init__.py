"""Event extraction: from a parsed article to event mentions and aggregate claims.

Extractors are pluggable: each is registered in :data:`EXTRACTORS` under a versioned name
("rules-v1") and satisfies the :class:`Extractor` protocol, so that a learned or LLM-backed
extractor can sit beside the rule-based one and every mention records which one made it.

    from wirewatch.extraction import EXTRACTORS
    extraction = EXTRACTORS.create("rules-v1").extract(parsed_article)
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from wirewatch.extraction.lexicon import LEXICON_FORMAT, Lexicon
from wirewatch.extraction.rules import RuleExtractor
from wirewatch.registry import Registry
from wirewatch.schema import Extraction, ParsedArticle

__all__ = ["EXTRACTORS", "LEXICON_FORMAT", "Extractor", "Lexicon", "RuleExtractor"]


@runtime_checkable
class Extractor(Protocol):
    """Anything that turns a parsed article into mentions and aggregate claims."""

    @property
    def name(self) -> str:
        """Registry name and version, recorded on every mention ("rules-v1")."""
        ...

    def extract(self, parsed: ParsedArticle) -> Extraction:
        """Every event mention and aggregate claim the article reports."""
        ...


#: The extractors wirewatch knows, by name.
EXTRACTORS: Registry[Extractor] = Registry("extractor")


@EXTRACTORS.register("rules-v1")
def _rules_v1() -> Extractor:
    return RuleExtractor()
