"""A running wirewatch (API + dashboard) over a store of the example articles plus one hostile
article, and a headless Chromium that may talk to nothing but that server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Route, sync_playwright

from tests.conftest import REPO, need
from wirewatch.api.app import create_app
from wirewatch.pipeline import Pipeline
from wirewatch.settings import Settings
from wirewatch.store import Store
from wirewatch.web import mount_dashboard
from wirewatch.web.vendor import INSTALL_FIX, missing_vendor_files

EXAMPLES = REPO / "examples"
CHROMIUM_VARIABLE = "WIREWATCH_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
#: Flags for a quiet, offline headless Chromium: no sandbox (containers run it as root), no
#: GPU, and none of the background requests (updates, sync, QUIC probes) a browser makes.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Long enough for a slow CI machine to start uvicorn; a server that has not started by then
#: has failed.
SERVER_START_LIMIT_S = 30.0
VIEWPORT = {"width": 1280, "height": 800}

#: Markup and script in every field a page shows: if any of it runs, window.__pwned is set.
SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
IMAGE_PAYLOAD = '<img src=x onerror="window.__pwned=1">'
HOSTILE_ARTICLE = {
    "id": "hostile-1",
    "title": f"Strike kills four {IMAGE_PAYLOAD}",
    "url": "javascript:window.__pwned=1",
    "outlet": f"{SCRIPT_PAYLOAD} Wire",
    "published": "2025-03-10",
    "text": (
        "A drone strike killed four fighters near the town of Al-Qaim in Iraq's Anbar province "
        f"on Sunday {SCRIPT_PAYLOAD}, a security official said. The strike hit a car {IMAGE_PAYLOAD} "
        "carrying members of a militia, the official added, speaking on condition of anonymity "
        "because he was not authorised to brief the media."
    ),
}


def pytest_configure(config: pytest.Config) -> None:
    # Also declared in pyproject.toml; declared here too so this folder runs on its own.
    config.addinivalue_line("markers", "browser: drives a headless Chromium (WIREWATCH_CHROMIUM)")


def chromium_path() -> str | None:
    return shutil.which(os.environ.get(CHROMIUM_VARIABLE) or DEFAULT_CHROMIUM)


@pytest.fixture(scope="session")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The example articles and the hostile one, ingested through the real pipeline."""
    folder = tmp_path_factory.mktemp("dashboard")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_ARTICLE) + "\n", encoding="utf-8")
    url = f"sqlite:///{folder / 'dashboard.db'}"
    with Store.open(url) as store:
        pipeline = Pipeline(store, Settings().with_(db_url=url))
        pipeline.ingest([str(EXAMPLES / "articles")], meta=EXAMPLES / "articles.meta.jsonl")
        summary = pipeline.ingest([str(hostile)])
    assert summary.stored == 1, "the hostile article must be stored for the escaping tests to mean anything"
    return url


@pytest.fixture(scope="session")
def base_url(store_url: str) -> Iterator[str]:
    """wirewatch serving the API and the dashboard on a free local port, in a thread."""
    need(not missing_vendor_files(), f"the dashboard's npm packages are not installed: {INSTALL_FIX}")
    app = create_app(store_url, mounts=[mount_dashboard])
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_LIMIT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the wirewatch server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=SERVER_START_LIMIT_S)
    listener.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    need(
        executable is not None,
        f"no Chromium for the browser tests: `apt-get install chromium`, or set {CHROMIUM_VARIABLE} "
        "to a Chromium binary (`playwright install` downloads are not used)",
    )
    assert executable is not None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Watched:
    """What a page did besides rendering: requests it tried beyond the server, dialogs, errors."""

    page: Page
    local_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser: Browser, base_url: str) -> Iterator[Watched]:
    """A fresh page that blocks and records every request not for the test server."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    record = Watched(page=page)
    server = urlsplit(base_url).netloc

    def route(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == server:
            record.local_requests.append(url)
            route.continue_()
        else:
            record.outside_requests.append(url)
            route.abort()

    def dialog(dialog: Dialog) -> None:
        record.dialogs.append(dialog.message)
        dialog.dismiss()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            record.errors.append(message.text)

    context.route("**/*", route)
    page.on("dialog", dialog)
    page.on("console", console)
    page.on("pageerror", lambda error: record.errors.append(str(error)))
    yield record
    context.close()
    assert record.outside_requests == [], "the dashboard must work offline"
    assert record.dialogs == []


def screenshot_targets(name: str, tmp_path: Path) -> list[Path]:
    """Screenshots go to the test's folder; with WIREWATCH_UPDATE_SCREENSHOTS=1 also to docs/
    (the README shows them), so an ordinary test run leaves the checkout untouched."""
    targets = [tmp_path / name]
    if os.environ.get("WIREWATCH_UPDATE_SCREENSHOTS") == "1":
        targets.append(REPO / "docs" / name)
    return targets
