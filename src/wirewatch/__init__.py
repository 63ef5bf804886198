"""wirewatch: news reports about armed conflict in, one trustworthy record per event out.

import wirewatch
mentions = wirewatch.extract(text, published="2024-02-08")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "analyse", "extract"]


def __getattr__(name: str) -> Any:
    # Loaded on first use: `import wirewatch` stays instant for the CLI and for tools that
    # only need the schema, while wirewatch.extract(...) pulls in spaCy when it is called.
    if name in {"extract", "analyse"}:
        from wirewatch import library

        return getattr(library, name)
    raise AttributeError(f"module 'wirewatch' has no attribute {name!r}")
