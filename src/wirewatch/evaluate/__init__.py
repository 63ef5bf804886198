"""Scoring the pipeline against gold files (`wirewatch evaluate`)."""

from wirewatch.evaluate.gold import Gold, load_gold
from wirewatch.evaluate.runner import Evaluation, evaluate, write_predictions
from wirewatch.evaluate.scoring import Score, score

__all__ = ["Evaluation", "Gold", "Score", "evaluate", "load_gold", "score", "write_predictions"]
