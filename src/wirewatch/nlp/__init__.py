"""Linguistic analysis: the spaCy model and the parsed sentences handed to extraction."""

from wirewatch.nlp.model import load_model

__all__ = ["load_model"]
