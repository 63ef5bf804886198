"""`wirewatch serve`: the API and the dashboard from the command line, over real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from tests.event_factory import sample_events
from wirewatch.cli import cli
from wirewatch.store import Store

#: How long the server may take to start (imports FastAPI, opens and migrates the store).
STARTUP_SECONDS = 60


def test_serve_help_explains_with_examples() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for part in ("--host", "--port", "--db", "Examples:", "WIREWATCH_TOKEN", "/docs"):
        assert part in result.output


def test_serve_answers_the_api_and_the_dashboard(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    with Store.open(f"sqlite:///{db}") as store:
        store.replace_events(sample_events())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {key: value for key, value in os.environ.items() if key not in ("WIREWATCH_DB", "WIREWATCH_TOKEN")}
    server = subprocess.Popen(
        [sys.executable, "-m", "wirewatch", "serve", "--port", str(port), "--db", str(db)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP_SECONDS
        health = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                health = httpx.get(f"{base}/api/health", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert health is not None and health.json()["events"] == 6
        assert httpx.get(f"{base}/api/events?country=SY").json()["total"] == 1
        dashboard = httpx.get(f"{base}/")
        assert dashboard.status_code == 200
        assert dashboard.headers["content-type"].startswith("text/html")
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in stderr  # the address it serves on is printed
