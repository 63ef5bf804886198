"""The scorer on hand-made gold and predictions: matching, detection, fields, B-cubed, claims."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from wirewatch.errors import InputError
from wirewatch.evaluate.gold import (
    Gold,
    GoldArticle,
    GoldClaim,
    GoldEvent,
    GoldLocation,
    GoldMention,
    load_gold,
)
from wirewatch.evaluate.scoring import (
    PredictedClaim,
    PredictedEvent,
    PredictedMention,
    haversine_km,
    normalise_name,
    score,
)

BODY_A = "Rockets hit the base on Monday. Two soldiers were killed. Officials met on Tuesday."
BODY_B = "A rocket attack on the base killed two soldiers, the army said."


def same_actor(predicted: str, gold_names: tuple[str, ...] | list[str]) -> bool:
    return normalise_name(predicted) in {normalise_name(n) for n in gold_names}


def gold_event(event_id: str, docs: list[tuple[str, str]], **fields: object) -> GoldEvent:
    values: dict[str, object] = {
        "id": event_id,
        "required": True,
        "summary": "",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "plover": "ASSAULT",
        "date_from": dt.date(2024, 3, 4),
        "date_to": dt.date(2024, 3, 4),
        "actor1": None,
        "actor2": ("Military Forces of Iraq (2022-)",),
        "location": GoldLocation("Ain al-Asad", "IQ", "Al Anbar", 33.80, 42.44, 1),
        "fatalities": 2,
        "injuries": None,
        "weapon": "rocket",
        "mentions": tuple(GoldMention(doc, quote) for doc, quote in docs),
    }
    values.update(fields)
    return GoldEvent(**values)  # type: ignore[arg-type]


def predicted(event_id: str, mentions: list[tuple[str, int, int]], **fields: object) -> PredictedEvent:
    bodies = {"a": BODY_A, "b": BODY_B}
    values: dict[str, object] = {
        "id": event_id,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "plover": "ASSAULT",
        "mode": "asserted",
        "date_from": dt.date(2024, 3, 4),
        "date_to": dt.date(2024, 3, 4),
        "place": "Ain al-Asad",
        "country": "IQ",
        "admin1": "Al Anbar",
        "lat": 33.79,
        "lon": 42.45,
        "fatalities": 2,
        "injuries": None,
        "actor1": None,
        "actor2": "Military Forces of Iraq (2022-)",
        "mentions": tuple(PredictedMention(doc, doc, s, e, bodies[doc][s:e]) for doc, s, e in mentions),
    }
    values.update(fields)
    return PredictedEvent(**values)  # type: ignore[arg-type]


def run(gold: Gold, preds: list[PredictedEvent], claims: tuple[PredictedClaim, ...] = ()) -> object:
    return score(
        gold,
        preds,
        list(claims),
        {"a": BODY_A, "b": BODY_B},
        same_actor=same_actor,
        country_key=normalise_name,
    )


ATTACK = gold_event(
    "G1", [("a", "Rockets hit the base on Monday."), ("b", "A rocket attack on the base killed two soldiers")]
)
TALKS = gold_event(
    "G2",
    [("a", "Officials met on Tuesday.")],
    event_type="Strategic developments",
    sub_event_type="Other",
    plover="CONSULT",
    date_from=dt.date(2024, 3, 5),
    date_to=dt.date(2024, 3, 5),
    location=None,
    fatalities=None,
    actor2=None,
    required=False,
)


def test_perfect_predictions_score_one() -> None:
    gold = Gold(events=(ATTACK,), claims=(), articles=())
    result = run(gold, [predicted("p1", [("a", 0, 31), ("b", 0, 62)])])
    assert result.events == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    assert result.fields["sub_event_type"] == 1.0
    assert result.fields["location"] == 1.0
    assert result.fields["actor2"] == 1.0
    assert result.fields["actor1"] is None  # gold gives none: not scored
    assert result.merge == {"b3_precision": 1.0, "b3_recall": 1.0, "b3_f1": 1.0}


def test_two_predictions_for_one_event_split_the_merge_and_cost_precision() -> None:
    gold = Gold(events=(ATTACK,), claims=(), articles=())
    result = run(gold, [predicted("p1", [("a", 0, 31)]), predicted("p2", [("b", 0, 62)])])
    assert result.events["tp"] == 1 and result.events["fp"] == 1
    assert result.events["precision"] == 0.5
    assert (
        result.merge is not None and result.merge["b3_recall"] == 0.5 and result.merge["b3_precision"] == 1.0
    )


def test_incompatible_types_or_dates_do_not_match() -> None:
    gold = Gold(events=(ATTACK,), claims=(), articles=())
    wrong_type = predicted(
        "p1", [("a", 0, 31)], event_type="Protests", sub_event_type="Peaceful protest", plover="PROTEST"
    )
    wrong_date = predicted("p2", [("a", 0, 31)], date_from=dt.date(2024, 3, 10), date_to=dt.date(2024, 3, 10))
    result = run(gold, [wrong_type, wrong_date])
    assert result.events["tp"] == 0 and result.events["fn"] == 1 and result.events["fp"] == 2


def test_one_day_of_slack_on_dates() -> None:
    gold = Gold(events=(ATTACK,), claims=(), articles=())
    result = run(
        gold, [predicted("p1", [("a", 0, 31)], date_from=dt.date(2024, 3, 5), date_to=dt.date(2024, 3, 5))]
    )
    assert result.events["tp"] == 1 and result.fields["date"] == 1.0
    wide = run(
        gold, [predicted("p1", [("a", 0, 31)], date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 7))]
    )
    assert wide.events["tp"] == 1 and wide.fields["date"] == 0.0  # overlaps, but not within gold


def test_a_match_to_an_optional_event_is_neither_rewarded_nor_penalised() -> None:
    gold = Gold(events=(ATTACK, TALKS), claims=(), articles=())
    talks = predicted(
        "p2",
        [("a", 59, 84)],
        event_type="Strategic developments",
        sub_event_type="Other",
        plover="CONSULT",
        date_from=dt.date(2024, 3, 5),
        date_to=dt.date(2024, 3, 5),
    )
    result = run(gold, [predicted("p1", [("a", 0, 31)]), talks])
    assert result.events["precision"] == 1.0 and result.events["tp"] == 1 and result.events["fp"] == 0


def test_wrong_fields_are_listed_with_expected_and_got() -> None:
    gold = Gold(events=(ATTACK,), claims=(), articles=())
    result = run(
        gold, [predicted("p1", [("a", 0, 31)], fatalities=3, lat=34.5, lon=43.5, actor2="Civilians (Iraq)")]
    )
    errors = {e.field: e for e in result.pairs[0].errors}
    assert set(errors) == {"fatalities", "location", "actor2"}
    assert errors["fatalities"].expected == "2" and errors["fatalities"].got == "3"


def test_gold_zero_accepts_none_reported() -> None:
    gold = Gold(
        events=(gold_event("G1", [("a", "Rockets hit the base on Monday.")], fatalities=0),),
        claims=(),
        articles=(),
    )
    assert run(gold, [predicted("p1", [("a", 0, 31)], fatalities=None)]).fields["fatalities"] == 1.0


def test_region_precision_compares_admin1_and_country_precision_the_country() -> None:
    region = gold_event(
        "G1",
        [("a", "Rockets hit the base on Monday.")],
        location=GoldLocation("Anbar", "IQ", "Al Anbar", None, None, 3),
    )
    assert (
        run(Gold((region,), (), ()), [predicted("p1", [("a", 0, 31)], admin1="al-Anbar")]).fields["location"]
        == 1.0
    )
    country = gold_event(
        "G1",
        [("a", "Rockets hit the base on Monday.")],
        location=GoldLocation(None, "IQ", None, None, None, 4),
    )
    assert (
        run(Gold((country,), (), ()), [predicted("p1", [("a", 0, 31)], country="SY")]).fields["location"]
        == 0.0
    )


def test_claims_and_bodies() -> None:
    claim = GoldClaim("C1", "a", "rocket attacks", 39, None, None, "at least 39 rocket attacks")
    article = GoldArticle("a", None, None, "Rockets hit the base", "met on Tuesday.")
    missing = GoldArticle("zz", None, None, "Nothing", "here")
    gold = Gold(events=(), claims=(claim,), articles=(article, missing))
    result = run(gold, [], (PredictedClaim("a", 39, "rocket attacks", "…"), PredictedClaim("a", 5, "x", "…")))
    assert result.aggregates == {"precision": 0.5, "recall": 1.0}
    assert result.bodies == {"exact_start": 0.5, "exact_end": 0.5}
    assert result.merge is None


def test_haversine_is_right_on_a_known_distance() -> None:
    # Baghdad to Basra is about 447 km as the crow flies.
    assert haversine_km(33.3152, 44.3661, 30.5085, 47.7804) == pytest.approx(447, abs=5)


def test_gold_file_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(
        json.dumps(
            {
                "format": "event-gold/1",
                "events": [
                    {
                        "id": "E",
                        "mentions": [{"doc": "d", "quote": "q"}],
                        "fatalities": {"value": 3, "qualifier": "at_least"},
                        "date_from": "2024-01-02",
                    }
                ],
            }
        )
    )
    gold = load_gold(path)
    assert gold.events[0].fatalities == 3 and gold.events[0].date_to == dt.date(2024, 1, 2)
    path.write_text(json.dumps({"format": "other"}))
    with pytest.raises(InputError, match="event-gold/1"):
        load_gold(path)


def test_seeds_gold_loads(seeds: Path) -> None:
    gold = load_gold(seeds / "gold.json")
    assert len(gold.events) >= 10 and len(gold.claims) == 4 and len(gold.articles) == 5
