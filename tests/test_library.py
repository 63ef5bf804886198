"""The Python interface: wirewatch.extract(text, published=..., url=...)."""

from __future__ import annotations

import datetime as dt

import pytest

import wirewatch
from wirewatch.errors import InputError
from wirewatch.schema import SubEventType


def test_extract_returns_resolved_mentions() -> None:
    mentions = wirewatch.extract(
        "A drone strike killed three fighters near the town of Qaim early Friday, a security official said.",
        published="2024-02-10",
        url="https://news.example/a",
    )
    assert [m.sub_event_type for m in mentions] == [SubEventType.AIR_DRONE_STRIKE]
    strike = mentions[0]
    assert strike.date is not None and strike.date.start == dt.date(2024, 2, 9)
    assert strike.fatalities is not None and strike.fatalities.value == 3
    assert strike.evidence[0].text.startswith("A drone strike")


def test_a_text_that_is_not_english_is_refused_with_the_reason() -> None:
    with pytest.raises(InputError, match="language"):
        wirewatch.extract(
            "Des roquettes sont tombées samedi soir près de l'aéroport de la capitale, selon une source."
        )
