"""What the extraction tests share: the type of the ``extract`` fixture and a one-mention check."""

from __future__ import annotations

from collections.abc import Callable

from wirewatch.schema import Extraction, Mention, SubEventType

Run = Callable[..., Extraction]
S = SubEventType


def only(extraction: Extraction) -> Mention:
    """The one mention of an extraction (the test fails, naming the triggers, otherwise)."""
    assert len(extraction.mentions) == 1, [m.trigger.text for m in extraction.mentions]
    return extraction.mentions[0]
