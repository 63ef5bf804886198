"""Helpers shared by every loader of user-extendable data files (lexicons, furniture, actors)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any


def merge_documents(base: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """Merge a parsed data file into ``base``: lists are appended, tables merged key by key,
    other values replaced; the ``format`` key is the file's own and is never merged."""
    for key, value in extra.items():
        if key == "format":
            continue
        current = base.get(key)
        if isinstance(current, list) and isinstance(value, list):
            current.extend(value)
        elif isinstance(current, dict) and isinstance(value, Mapping):
            merge_documents(current, value)
        else:
            base[key] = copy.deepcopy(value)  # later merges must not change the parsed file
