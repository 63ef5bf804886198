"""The command line end to end on our own sample articles: ingest, articles, events, show,
rejected, evaluate, schema, and errors that name the fix."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import REPO
from wirewatch import __version__
from wirewatch.cli import cli

EXAMPLES = REPO / "examples"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def test_ingest_list_show_and_reject(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    code, out = run(
        "ingest",
        str(EXAMPLES / "articles"),
        "--meta",
        str(EXAMPLES / "articles.meta.jsonl"),
        "--db",
        db,
        "--json",
        "--no-progress",
    )
    assert code == 0
    summary = json.loads(out.strip().splitlines()[-1])
    assert summary["stored"] == 7 and summary["duplicates"] == 1

    code, out = run("articles", "--db", db, "--format", "json")
    articles = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(articles) == 7 and all(a["published"] for a in articles)

    code, out = run("events", "--db", db, "--format", "json")
    events = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and events
    assert all(e["mentions"] and e["mentions"][0]["evidence"] for e in events)

    code, out = run("show", events[0]["id"], "--db", db)
    assert code == 0 and "sources" in out and "merge reasons" in out

    code, out = run("rejected", "--db", db, "--format", "json")
    rejected = [json.loads(line) for line in out.splitlines()]
    assert [r["reason"] for r in rejected] == ["duplicate"] and rejected[0]["duplicate_of"]

    code, out = run("ingest", str(EXAMPLES / "articles"), "--db", db, "--json", "--no-progress")
    assert json.loads(out.strip().splitlines()[-1])["stored"] == 0


def test_unknown_event_names_the_fix(tmp_path: Path) -> None:
    code, out = run("show", "ev-nothing", "--db", str(tmp_path / "x.db"))
    assert code == 2 and "fix:" in out and "wirewatch events" in out


def test_evaluate_json_has_every_key(seeds: Path) -> None:
    code, out = run(
        "evaluate",
        "--articles",
        str(seeds / "articles"),
        "--meta",
        str(seeds / "articles.meta.jsonl"),
        "--gold",
        str(seeds / "gold.json"),
        "--json",
        "--workers",
        "1",
    )
    assert code == 0
    report = json.loads(out)
    assert {"articles", "seconds", "events", "fields", "merge", "aggregates", "bodies"} <= set(report)
    assert set(report["events"]) >= {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert set(report["fields"]) == {
        "event_type",
        "sub_event_type",
        "plover",
        "date",
        "location",
        "fatalities",
        "injuries",
        "actor1",
        "actor2",
    }
    assert set(report["merge"]) == {"b3_precision", "b3_recall", "b3_f1"}
    assert set(report["aggregates"]) == {"precision", "recall"}
    assert set(report["bodies"]) == {"exact_start", "exact_end"}


def test_evaluate_writes_predictions(seeds: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "predictions.jsonl"
    code, out = run(
        "evaluate",
        "--articles",
        str(seeds / "articles"),
        "--meta",
        str(seeds / "articles.meta.jsonl"),
        "--gold",
        str(seeds / "gold.json"),
        "--predictions",
        str(out_file),
        "--workers",
        "1",
    )
    assert code == 0
    assert "events precision" in out and "spurious predictions" in out
    lines = [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()]
    kinds = {line["kind"] for line in lines}
    assert kinds == {"event", "aggregate_claim"}
    event = next(line for line in lines if line["kind"] == "event")
    assert {
        "event_type",
        "sub_event_type",
        "plover",
        "mode",
        "date_from",
        "date_to",
        "lat",
        "lon",
        "actor1",
        "fatalities",
        "mentions",
    } <= set(event)


def test_version_and_help() -> None:
    assert run("--version")[1].strip().endswith(__version__)
    code, out = run("ingest", "--help")
    assert code == 0 and "Examples:" in out


def test_schema_prints_the_event_schema() -> None:
    code, out = run("schema")
    assert code == 0 and json.loads(out)["title"] == "Event"


def test_split_and_merge_commands(seeds: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "corrections.db")
    run(
        "ingest",
        str(seeds / "articles"),
        "--meta",
        str(seeds / "articles.meta.jsonl"),
        "--db",
        db,
        "--no-progress",
    )
    events = [json.loads(line) for line in run("events", "--db", db, "--format", "json")[1].splitlines()]
    merged = next(e for e in events if len(e["mentions"]) > 1)
    code, out = run("split", merged["id"], "--mention", "nope", "--db", db)
    assert code == 2 and "pick one of" in out
    code, _ = run("split", merged["id"], "--mention", merged["mentions"][-1]["id"], "--db", db)
    assert code == 0
    after = [json.loads(line) for line in run("events", "--db", db, "--format", "json")[1].splitlines()]
    assert len(after) == len(events) + 1
    singles = sorted(e["id"] for e in after if len(e["mentions"]) == 1)
    code, _ = run("merge", singles[0], singles[1], "--db", db)
    assert code == 0
    final = [json.loads(line) for line in run("events", "--db", db, "--format", "json")[1].splitlines()]
    assert len(final) == len(after) - 1
