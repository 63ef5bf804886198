"""Linguistic analysis: the spaCy model and the parsed articles handed to extraction."""

from wirewatch.nlp.model import load_model
from wirewatch.nlp.parse import parse_article, parse_articles

__all__ = ["load_model", "parse_article", "parse_articles"]
