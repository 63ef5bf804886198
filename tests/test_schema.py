"""The schema: ACLED and PLOVER vocabularies spelled exactly, frozen records, checked invariants."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pydantic
import pytest

from wirewatch.schema import (
    EVENT_TYPE_OF,
    DatePrecision,
    DateRange,
    EventType,
    Mention,
    Plover,
    Span,
    SubEventType,
    json_schema,
)

REPO = Path(__file__).resolve().parents[1]

# ACLED's codebook, as ACLED spells it.
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}


def test_acled_vocabulary_is_spelled_exactly() -> None:
    assert {t.value for t in EventType} == set(ACLED)
    assert len(SubEventType) == 25
    grouped: dict[str, set[str]] = {}
    for sub, parent in EVENT_TYPE_OF.items():
        grouped.setdefault(parent.value, set()).add(sub.value)
    assert grouped == ACLED


def test_plover_has_its_sixteen_categories() -> None:
    assert len(Plover) == 16
    assert {"THREATEN", "REQUEST", "ACCUSE", "RETREAT", "CONSULT", "ASSAULT", "AGREE"} <= {
        p.value for p in Plover
    }


def span(text: str, start: int = 0) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def test_records_are_frozen() -> None:
    evidence = span("A drone strike hit the convoy.")
    mention = Mention(
        id="a:2",
        article_id="a",
        event_type=EventType.EXPLOSIONS_REMOTE_VIOLENCE,
        sub_event_type=SubEventType.AIR_DRONE_STRIKE,
        trigger=span("drone strike", 2),
        evidence=(evidence,),
        extractor="test",
    )
    with pytest.raises(pydantic.ValidationError):
        mention.weapon = "drone"  # type: ignore[misc]


def test_sub_event_type_must_belong_to_event_type() -> None:
    with pytest.raises(pydantic.ValidationError, match="belongs to"):
        Mention(
            id="a:2",
            article_id="a",
            event_type=EventType.BATTLES,
            sub_event_type=SubEventType.AIR_DRONE_STRIKE,
            trigger=span("strike"),
            evidence=(span("strike"),),
            extractor="test",
        )


def test_span_and_date_range_check_themselves() -> None:
    with pytest.raises(pydantic.ValidationError):
        Span(start=5, end=2, text="")
    with pytest.raises(pydantic.ValidationError):
        Span(start=0, end=3, text="four")
    with pytest.raises(pydantic.ValidationError):
        DateRange(start=dt.date(2020, 2, 1), end=dt.date(2020, 1, 1), precision=DatePrecision.DAY)
    with pytest.raises(pydantic.ValidationError):
        DateRange(start=None, end=None, precision=DatePrecision.YEAR_UNKNOWN)
    unknown_year = DateRange(start=None, end=None, precision=DatePrecision.YEAR_UNKNOWN, partial="--02-08")
    assert unknown_year.partial == "--02-08"


def test_checked_in_event_schema_is_current() -> None:
    checked_in = json.loads((REPO / "docs" / "event.schema.json").read_text(encoding="utf-8"))
    assert checked_in == json_schema(), "docs/event.schema.json is stale: run `make docs` and commit it"
