"""The HTTP API over a real store: filters, pages, errors, GeoJSON, statistics, articles and
posting articles through the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.event_factory import sample_events, synthetic_events
from wirewatch.api import create_app, models
from wirewatch.geojson import rfc7946_problems
from wirewatch.settings import Settings
from wirewatch.store import Store

TOKEN = "correct horse battery staple"

# Self-written reports (no seed text): one event each, in English, and one in French.
ROCKETS = (
    "Two rockets struck a military base near Erbil airport on Tuesday night, wounding three "
    "soldiers, a coalition spokesman said on Wednesday. Nobody claimed responsibility for the "
    "attack, the second on the base this month."
)
CLASH = (
    "<html><head><title>Clashes in the east</title></head><body><article><p>Fighters clashed with "
    "soldiers at a checkpoint outside Deir ez-Zor on Monday, killing four of them, a war monitor "
    "said. The fighting lasted until dawn, residents said.</p></article></body></html>"
)
FRENCH = (
    "Des roquettes sont tombées samedi soir près de l'aéroport de la capitale, sans faire de "
    "victimes, selon une source de sécurité. Les autorités ont ouvert une enquête."
)


def assert_error(response: Any, status: int, code: str, *fix_parts: str) -> dict[str, Any]:
    """Every failure has exactly the contract's shape; returns the error member."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "fix"}
    assert error["status"] == status
    assert error["code"] == code
    assert error["message"] and error["fix"]
    for part in fix_parts:
        assert part in error["fix"], error
    return dict(error)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with Store.open(url) as store:
        store.replace_events(sample_events())
    return url


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), raise_server_exceptions=False) as opened:
        yield opened


def event_ids(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/api/events?limit=1000&{query}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return sorted(item["id"] for item in body["items"])


def test_health(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["events"] == 6
    assert body["articles"] == 0
    assert body["database"].startswith("sqlite:///")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["ev-a", "ev-b", "ev-c", "ev-d", "ev-e", "ev-f"]),
        ("start=2024-01-10&end=2024-02-01", ["ev-b", "ev-c"]),
        ("event_type=Battles&event_type=Protests", ["ev-c", "ev-d"]),
        ("event_type=Battles,Protests", ["ev-c", "ev-d"]),
        ("sub_event_type=Shelling/artillery/missile attack", ["ev-b"]),
        ("plover=THREATEN,PROTEST", ["ev-d", "ev-e"]),
        ("mode=claimed", ["ev-c"]),
        ("actor=KATAIB", ["ev-a"]),
        ("country=sy&country=TR", ["ev-c", "ev-d"]),
        ("admin1=ERBIL", ["ev-b"]),
        ("bbox=43,33,45,34", ["ev-a"]),
        ("bbox=170,-20,-170,-10", ["ev-e"]),
        ("min_fatalities=4", ["ev-a", "ev-c", "ev-f"]),
        ("q=Drone%20Strike", ["ev-a"]),
        ("q=100%25", ["ev-d"]),
        ("country=IQ&min_fatalities=1&q=strike", ["ev-a"]),
    ],
)
def test_every_filter(client: TestClient, query: str, expected: list[str]) -> None:
    assert event_ids(client, query) == expected


@pytest.mark.parametrize(
    "path",
    [
        "/api/events",
        "/api/events?format=geojson",
        "/api/events/ev-a",
        "/api/health",
        "/api/events?limit=0",
        "/x",
    ],
)
def test_responses_are_never_sniffed_as_html(client: TestClient, path: str) -> None:
    # Article text is untrusted: a browser must treat these bodies as data, whatever they quote.
    assert client.get(path).headers["x-content-type-options"] == "nosniff"


def test_summary_fields(client: TestClient) -> None:
    item = client.get("/api/events?q=drone").json()["items"][0]
    assert set(item) == {
        "id",
        "event_type",
        "sub_event_type",
        "plover",
        "mode",
        "date",
        "place",
        "places",
        "actor1",
        "actor2",
        "fatalities",
        "injuries",
        "weapon",
        "mention_count",
        "article_count",
        "summary",
    }
    assert item["date"] == {"start": "2024-01-05", "end": "2024-01-05", "precision": "day", "partial": None}
    assert item["place"]["name"] == "Baghdad" and item["places"] == [item["place"]]
    assert item["fatalities"] == {"value": 4, "qualifier": "at_least"}
    assert item["summary"].startswith("A US drone strike")


@pytest.mark.parametrize("sort", ["date", "-date", "fatalities", "-fatalities"])
def test_pages_cover_every_event_once(db_url: str, sort: str) -> None:
    with Store.open(db_url) as store:
        store.replace_events(synthetic_events(120))
    with TestClient(create_app(db_url)) as client:
        seen: list[str] = []
        query = f"/api/events?limit=25&sort={sort}&country=IQ,SY,YE"
        url = query
        while True:
            body = client.get(url).json()
            seen += [item["id"] for item in body["items"]]
            total = body["total"]
            if body["next_cursor"] is None:
                break
            url = f"{query}&cursor={body['next_cursor']}"
        all_at_once = client.get(f"/api/events?limit=1000&sort={sort}&country=IQ,SY,YE").json()
    assert len(seen) == len(set(seen)) == total > 50
    assert seen == [item["id"] for item in all_at_once["items"]]


@pytest.mark.parametrize(
    ("query", "fix_part"),
    [
        ("limit=0", "limit=1..1000"),
        ("limit=1001", "limit=1..1000"),
        ("limit=ten", "limit=1..1000"),
        ("start=2024-02-30", "YYYY-MM-DD"),
        ("end=yesterday", "YYYY-MM-DD"),
        ("start=2024-03-01&end=2024-01-01", "before the end"),
        ("bbox=1,2,3", "min_lon,min_lat,max_lon,max_lat"),
        ("bbox=0,95,10,96", "min_lon,min_lat,max_lon,max_lat"),
        ("event_type=Battle", "Battles"),
        ("event_type=battles", "did you mean 'Battles'"),
        ("sub_event_type=Drone", "Air/drone strike"),
        ("plover=fight", "ASSAULT"),
        ("mode=happened", "asserted"),
        ("country=Iraq", "two-letter"),
        ("min_fatalities=-1", "0 or more"),
        ("sort=newest", "-date"),
        ("format=kml", "geojson"),
        ("cursor=garbage", "next_cursor"),
        ("evnt_type=Battles", "event_type"),
        ("start=2024-01-01&start=2024-02-01", "give start once"),
    ],
)
def test_bad_parameters_are_400_with_reason_and_fix(client: TestClient, query: str, fix_part: str) -> None:
    assert_error(client.get(f"/api/events?{query}"), 400, "bad_parameter", fix_part)


def test_a_cursor_is_refused_under_other_filters(client: TestClient) -> None:
    cursor = client.get("/api/events?limit=2").json()["next_cursor"]
    assert cursor
    assert_error(
        client.get(f"/api/events?limit=2&country=IQ&cursor={cursor}"), 400, "bad_parameter", "filters"
    )


def test_unknown_ids_routes_and_methods(client: TestClient) -> None:
    assert_error(client.get("/api/events/ev-nope"), 404, "not_found", "/api/events")
    assert_error(client.get("/api/articles/0000000000000000"), 404, "not_found", "/api/articles")
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


def test_a_crash_is_a_500_in_the_same_shape(db: str) -> None:
    def broken(app: FastAPI) -> None:
        @app.get("/broken")
        def fail() -> None:
            raise RuntimeError("secret internals")

    with TestClient(create_app(db, mounts=[broken]), raise_server_exceptions=False) as client:
        error = assert_error(client.get("/broken"), 500, "internal_error", "bug")
    assert "secret internals" not in error["message"]


def test_mounts_come_after_the_api_routes(db: str) -> None:
    def catch_all(app: FastAPI) -> None:
        @app.get("/{path:path}")
        def page(path: str) -> dict[str, str]:
            return {"page": path}

    with TestClient(create_app(db, mounts=[catch_all])) as client:
        assert client.get("/api/health").json()["status"] == "ok"  # the API answers first
        assert client.get("/map").json() == {"page": "map"}


def test_one_event_with_its_evidence(client: TestClient) -> None:
    body = client.get("/api/events/ev-a").json()
    event = body["event"]
    assert event["id"] == "ev-a"
    mention = event["mentions"][0]
    evidence = mention["evidence"][0]
    trigger = mention["trigger"]
    # Span offsets point into the article text; inside the sentence they are offset - start.
    assert (
        evidence["text"][trigger["start"] - evidence["start"] : trigger["end"] - evidence["start"]]
        == "strike"
    )
    assert body["articles"] == {}  # the hand-made events cite no stored article


@pytest.mark.parametrize("how", ["format", "accept"])
def test_geojson(client: TestClient, how: str) -> None:
    if how == "format":
        response = client.get("/api/events?format=geojson&limit=4&sort=date")
    else:
        response = client.get("/api/events?limit=4&sort=date", headers={"Accept": "application/geo+json"})
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert rfc7946_problems(collection) == []
    assert collection["type"] == "FeatureCollection"
    assert collection["next_cursor"] is not None and collection["total"] == 6
    plain = client.get("/api/events?limit=4&sort=date").json()
    assert [f["id"] for f in collection["features"]] == [item["id"] for item in plain["items"]]
    by_id = {feature["id"]: feature for feature in collection["features"]}
    baghdad = by_id["ev-a"]
    assert baghdad["geometry"] == {"type": "Point", "coordinates": [44.40, 33.34]}  # [lon, lat]
    assert baghdad["properties"]["location"] == "Baghdad"
    assert baghdad["properties"]["country"] == "IQ"
    assert baghdad["properties"]["geo_precision"] == 1
    assert "place" not in baghdad["properties"]
    assert by_id["ev-f"]["geometry"] is None  # an event without a place


def test_timeseries(client: TestClient) -> None:
    body = client.get("/api/stats/timeseries?interval=month&group_by=event_type&country=IQ").json()
    assert body["interval"] == "month" and body["group_by"] == "event_type"
    assert body["series"] == [
        {
            "key": "Explosions/Remote violence",
            "points": [{"period": "2024-01-01", "events": 2, "fatalities": 4}],
        }
    ]
    default = client.get("/api/stats/timeseries").json()
    assert default["interval"] == "week" and default["series"][0]["key"] == "all"
    assert sum(point["events"] for point in default["series"][0]["points"]) == 5
    assert_error(client.get("/api/stats/timeseries?interval=year"), 400, "bad_parameter", "month")
    assert_error(client.get("/api/stats/timeseries?group_by=outlet"), 400, "bad_parameter", "actor")


def test_actors(client: TestClient) -> None:
    body = client.get("/api/actors?q=islamic").json()
    assert body == {
        "items": [
            {"name": "Islamic Resistance in Iraq", "events": 1},
            {"name": "Islamic State", "events": 1},
        ]
    }
    assert client.get("/api/actors?limit=1").json()["items"] == [{"name": "United States", "events": 2}]
    assert_error(client.get("/api/actors?limit=0"), 400, "bad_parameter")


def post(
    client: TestClient, body: bytes, content_type: str, token: str | None = TOKEN, query: str = ""
) -> Any:
    headers = {"Content-Type": content_type}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return client.post(f"/api/articles{query}", content=body, headers=headers)


def test_posting_needs_a_configured_token(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WIREWATCH_TOKEN", raising=False)
    with TestClient(create_app(db)) as client:
        assert_error(post(client, ROCKETS.encode(), "text/plain"), 403, "forbidden", "WIREWATCH_TOKEN")
        assert client.get("/api/health").json()["articles"] == 0


@pytest.fixture
def writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setenv("WIREWATCH_TOKEN", TOKEN)
    settings = Settings().with_(db_url=f"sqlite:///{tmp_path / 'posted.db'}", max_input_bytes=4096)
    with TestClient(create_app(settings=settings)) as client:
        yield client


def test_wrong_or_missing_token_is_401(writer: TestClient) -> None:
    missing = post(writer, ROCKETS.encode(), "text/plain", token=None)
    assert_error(missing, 401, "unauthorized", "Authorization: Bearer")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert_error(post(writer, ROCKETS.encode(), "text/plain", token="guess"), 401, "unauthorized")
    assert writer.get("/api/health").json()["articles"] == 0


def test_posted_articles_become_queryable(writer: TestClient) -> None:
    stored = post(writer, ROCKETS.encode(), "text/plain", query="?published=2024-03-06&outlet=Test%20Wire")
    assert stored.status_code == 201, stored.text
    [result] = stored.json()["results"]
    assert result["outcome"] == "stored" and result["reason"] is None
    article_id = result["article_id"]

    models.PostResults.model_validate(stored.json())
    listed = writer.get("/api/articles").json()
    models.ArticleList.model_validate(listed)
    assert listed["total"] == 1
    assert listed["items"][0]["id"] == article_id
    assert listed["items"][0]["outlet"] == "Test Wire"
    assert listed["items"][0]["published"] == "2024-03-06"

    events = writer.get("/api/events?q=rockets%20struck").json()
    assert events["total"] == 1
    event_id = events["items"][0]["id"]
    detail = writer.get(f"/api/events/{event_id}").json()
    assert list(detail["articles"]) == [article_id]
    assert detail["articles"][article_id]["outlet"] == "Test Wire"

    article = writer.get(f"/api/articles/{article_id}").json()
    models.ArticleDetail.model_validate(article)
    models.EventDetail.model_validate(detail)
    assert article["article"]["text"] == ROCKETS
    assert article["rejected"] is None
    assert [m["article_id"] for m in article["mentions"]] == [article_id]

    # The same text again, an HTML page and a French report, in one JSON list.
    batch = writer.post(
        "/api/articles",
        json=[{"text": ROCKETS}, {"html": CLASH, "outlet": "Monitor"}, {"text": FRENCH}],
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert batch.status_code == 201, batch.text
    outcomes = [(r["outcome"], r["reason"]) for r in batch.json()["results"]]
    assert outcomes == [("duplicate", "already_stored"), ("stored", None), ("rejected", "not_english")]
    assert writer.get("/api/health").json()["articles"] == 2
    assert writer.get("/api/events?q=clashed").json()["total"] == 1


def test_posted_bodies_are_checked(writer: TestClient) -> None:
    assert_error(
        post(writer, b"x" * 5000, "text/plain"), 413, "payload_too_large", "WIREWATCH_MAX_INPUT_BYTES"
    )
    assert_error(post(writer, b"%PDF-1.4", "application/pdf"), 415, "unsupported_media_type", "text/plain")
    assert_error(post(writer, b"{not json", "application/json"), 400, "bad_body")
    assert_error(post(writer, b"[]", "application/json"), 400, "bad_body")
    assert_error(post(writer, b'{"txt": "typo"}', "application/json"), 400, "bad_body", "text")
    assert_error(post(writer, b"\xff\xfe", "text/plain; charset=utf-8"), 400, "bad_body", "charset")
    assert writer.get("/api/health").json()["articles"] == 0


def test_openapi_documents_every_parameter(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method in methods.values():
            for parameter in method.get("parameters", []):
                assert parameter.get("description"), f"{path} {parameter['name']} has no description"
    listed = {parameter["name"] for parameter in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert listed == {
        *("start", "end", "event_type", "sub_event_type", "plover", "mode", "actor", "country", "admin1"),
        *("bbox", "min_fatalities", "q", "sort", "limit", "cursor", "format"),
    }
    # The API alone has no /docs page (FastAPI's loads a CDN); the dashboard mount serves one.
    assert client.get("/docs").status_code == 404
    documented = spec["paths"]["/api/events"]["get"]["responses"]
    assert documented["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/EventList")
    assert documented["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def test_responses_match_their_documented_models(client: TestClient) -> None:
    models.EventList.model_validate(client.get("/api/events").json())
    models.EventDetail.model_validate(client.get("/api/events/ev-a").json())
    models.TimeSeriesBody.model_validate(client.get("/api/stats/timeseries?group_by=actor").json())
    models.ActorList.model_validate(client.get("/api/actors").json())
    models.Health.model_validate(client.get("/api/health").json())
    models.ArticleList.model_validate(client.get("/api/articles").json())
    models.ErrorBody.model_validate(client.get("/api/events?limit=0").json())
