"""The quality gate: evaluation figures on the seeds and our examples stay at or above the floors
pinned in quality/floors.json, and floors are never lowered silently."""

from __future__ import annotations

import itertools
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from wirewatch.evaluate import evaluate

FLOORS_FILE = REPO / "quality" / "floors.json"


def floors() -> dict[str, Any]:
    return dict(json.loads(FLOORS_FILE.read_text(encoding="utf-8")))


def figure(report: dict[str, Any], dotted: str) -> float:
    value: Any = report
    for part in dotted.split("."):
        value = value[part]
    assert isinstance(value, int | float), f"{dotted} is {value!r}, not a number"
    return float(value)


def check(report: dict[str, Any], pinned: dict[str, float]) -> list[str]:
    return [
        f"{key} = {figure(report, key):.4f} < floor {floor}"
        for key, floor in sorted(pinned.items())
        if figure(report, key) + 1e-9 < floor
    ]


def test_seeds_meet_their_floors(seeds: Path) -> None:
    report = evaluate(seeds / "articles", seeds / "gold.json", meta=seeds / "articles.meta.jsonl").as_json()
    assert check(report, floors()["seeds"]) == []


def test_examples_meet_their_floors() -> None:
    examples = REPO / "examples"
    report = evaluate(
        examples / "articles", examples / "gold.json", meta=examples / "articles.meta.jsonl"
    ).as_json()
    assert check(report, floors()["examples"]) == []


def test_evaluation_is_deterministic(seeds: Path) -> None:
    runs = [
        evaluate(seeds / "articles", seeds / "gold.json", meta=seeds / "articles.meta.jsonl").as_json()
        for _ in range(2)
    ]
    for run in runs:
        run.pop("seconds")
    assert runs[0] == runs[1]


def test_the_gate_catches_a_drop() -> None:
    report = {"events": {"recall": 0.5}}
    assert check(report, {"events.recall": 0.9}) == ["events.recall = 0.5000 < floor 0.9"]
    assert check(report, {"events.recall": 0.5}) == []


def _git(*args: str) -> str | None:
    try:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def earlier_floors() -> list[dict[str, Any]]:
    """The floors file as the last two commits that changed it left it (newest first)."""
    commits = (_git("log", "-n", "2", "--format=%H", "--", "quality/floors.json") or "").split()
    versions = []
    for commit in commits:
        shown = _git("show", f"{commit}:quality/floors.json")
        if shown:
            versions.append(dict(json.loads(shown)))
    return versions


def lowered_floors(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Floors that went down or disappeared between two versions without a stated reason."""
    problems = []
    reasons = new.get("lowered", {})
    for corpus in ("seeds", "examples"):
        for key, before in old.get(corpus, {}).items():
            after = new.get(corpus, {}).get(key)
            dotted = f"{corpus}.{key}"
            if (after is None or after < before) and dotted not in reasons:
                problems.append(f"{dotted}: {before} -> {after}")
    return problems


def test_floors_only_go_up() -> None:
    history = earlier_floors()
    if not history:
        pytest.skip("no committed history of quality/floors.json to compare with")
    # The working copy against the last commit, and each commit against the one before it.
    chain = [floors(), *history]
    for newer, older in itertools.pairwise(chain):
        assert lowered_floors(older, newer) == []


def test_the_history_check_catches_a_silent_lowering() -> None:
    old = {"seeds": {"events.recall": 0.9}}
    assert lowered_floors(old, {"seeds": {"events.recall": 0.8}}) == ["seeds.events.recall: 0.9 -> 0.8"]
    assert lowered_floors(old, {"seeds": {}}) == ["seeds.events.recall: 0.9 -> None"]
    reviewed = {"seeds": {"events.recall": 0.8}, "lowered": {"seeds.events.recall": "gold corrected"}}
    assert lowered_floors(old, reviewed) == []
