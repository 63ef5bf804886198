"""wirewatch: news reports about armed conflict in, one trustworthy record per event out."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
