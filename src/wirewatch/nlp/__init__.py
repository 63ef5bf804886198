"""Linguistic analysis: the spaCy model and the parsed articles handed to extraction."""

from wirewatch.nlp.model import load_model
from wirewatch.nlp.parse import model_name, parse_article, parse_articles, parsed_from_doc

__all__ = ["load_model", "model_name", "parse_article", "parse_articles", "parsed_from_doc"]
