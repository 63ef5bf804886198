"""The dashboard's server side without a browser: pages, the npm asset allow-list, what happens
when `npm ci` has not run, the tile setting, and the rules the static files must keep."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.conftest import need
from wirewatch.errors import ConfigError
from wirewatch.web import content_security_policy, mount_dashboard, tile_source_from_env
from wirewatch.web.dashboard import STATIC_DIR
from wirewatch.web.vendor import NODE_MODULES, VENDOR_FILES, missing_vendor_files

WEB = STATIC_DIR.parent
NOT_INSTALLED = "the npm packages are not installed: run `make install` (npm ci --prefix src/wirewatch/web)"


def client(node_modules: Path = NODE_MODULES) -> TestClient:
    app = FastAPI()
    mount_dashboard(app, node_modules=node_modules)
    return TestClient(app)


def test_without_npm_packages_the_page_says_to_run_make_install(tmp_path: Path) -> None:
    bare = client(node_modules=tmp_path)
    page = bare.get("/")
    assert page.status_code == 503
    assert "make install" in page.text and "npm ci --prefix src/wirewatch/web" in page.text
    library = bare.get("/vendor/leaflet/leaflet.js")
    assert library.status_code == 503
    assert "make install" in library.json()["error"]["fix"]
    assert bare.get("/dashboard/config.json").json()["vendor_missing"] == list(VENDOR_FILES)


def test_the_api_docs_page_uses_the_npm_copy_of_swagger_ui() -> None:
    need(not missing_vendor_files(), NOT_INSTALLED)
    served = client()
    page = served.get("/docs")
    assert page.status_code == 200
    scripts = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page.text)
    assert "/vendor/swagger-ui/swagger-ui-bundle.js" in scripts
    assert all(url.startswith("/") and not url.startswith("//") for url in scripts), scripts
    assert served.get("/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_only_allow_listed_npm_files_are_served() -> None:
    need(not missing_vendor_files(), NOT_INSTALLED)
    served = client()
    leaflet = served.get("/vendor/leaflet/leaflet.js")
    assert leaflet.status_code == 200
    assert leaflet.headers["content-type"].startswith("text/javascript")
    assert "max-age" in leaflet.headers["cache-control"]
    outlines = served.get("/vendor/world-atlas/countries-50m.json")
    assert outlines.json()["type"] == "Topology"
    for path in (
        "/vendor/leaflet/package.json",
        "/vendor/leaflet/dist/leaflet-src.js",
        "/vendor/../package.json",
        "/vendor/world-atlas/countries-10m.json",
        "/vendor/.package-lock.json",
    ):
        assert served.get(path).status_code == 404, path


def test_every_allow_listed_file_is_installed_by_npm_ci() -> None:
    need(NODE_MODULES.is_dir(), NOT_INSTALLED)
    assert missing_vendor_files() == []


def test_npm_packages_are_pinned_exactly_and_locked() -> None:
    manifest = json.loads((WEB / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))
    assert manifest["dependencies"], "no npm dependencies declared"
    for name, version in manifest["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} must be pinned exactly, not {version!r}"
        locked = lock["packages"][f"node_modules/{name}"]
        assert locked["version"] == version and locked["integrity"].startswith("sha512-")
    sources = {entry.source.split("/")[0] for entry in VENDOR_FILES.values()}
    assert sources <= set(manifest["dependencies"])
    assert (WEB / ".gitignore").read_text(encoding="utf-8").split() == ["node_modules/"]


def test_pages_carry_a_strict_content_security_policy(tmp_path: Path) -> None:
    served = client()
    for path in ("/", "/events/ev-123"):
        response = served.get(path)
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"
    # Even the page that says the packages are missing.
    assert "content-security-policy" in client(node_modules=tmp_path).get("/").headers


def test_tiles_are_off_unless_configured() -> None:
    assert tile_source_from_env({}) is None
    assert "img-src 'self';" in content_security_policy(None)


def test_a_tile_template_opens_exactly_its_host() -> None:
    tiles = tile_source_from_env({"WIREWATCH_TILE_URL": "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"})
    assert tiles is not None
    assert tiles.origin == "https://*.tile.openstreetmap.org"
    assert "OpenStreetMap" in tiles.attribution
    assert "img-src 'self' data: https://*.tile.openstreetmap.org;" in content_security_policy(tiles)
    custom = tile_source_from_env(
        {
            "WIREWATCH_TILE_URL": "http://tiles.local:8080/{z}/{x}/{y}.png",
            "WIREWATCH_TILE_ATTRIBUTION": "Ours",
        }
    )
    assert custom is not None and custom.origin == "http://tiles.local:8080" and custom.attribution == "Ours"


@pytest.mark.parametrize(
    "template",
    [
        "tile.openstreetmap.org/{z}/{x}/{y}.png",
        "https://example.org/tiles.png",
        "ftp://h/{z}/{x}/{y}",
        "https://a{s}.h/{z}/{x}/{y}",
    ],
)
def test_a_bad_tile_template_names_the_setting(template: str) -> None:
    with pytest.raises(ConfigError) as raised:
        tile_source_from_env({"WIREWATCH_TILE_URL": template})
    assert raised.value.fix and "WIREWATCH_TILE_URL" in str(raised.value)


def test_the_configured_tile_host_reaches_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    served = client()
    assert "https://tile.openstreetmap.org" in served.get("/").headers["content-security-policy"]
    config = served.get("/dashboard/config.json").json()
    assert config["tiles"]["url"].startswith("https://tile.openstreetmap.org/")
    assert config["event_types"][0]["name"] == "Battles"
    assert "asserted" in config["modes"]


#: Ways to turn a string into markup or code; data must only ever reach textContent.
UNSAFE_JS = re.compile(r"\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval|new Function)\b")


def test_scripts_never_turn_text_into_markup() -> None:
    scripts = sorted((STATIC_DIR / "js").glob("*.js"))
    assert scripts
    for script in scripts:
        code = "\n".join(
            line
            for line in script.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("//")
        )
        assert not UNSAFE_JS.search(code), f"{script.name}: {UNSAFE_JS.search(code)}"


class _InlineCode(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "style" or "style" in names or any(name.startswith("on") for name in names):
            self.problems.append(f"inline style or handler on <{tag}>")
        if tag == "script":
            self._in_script = True
            if "src" not in names:
                self.problems.append("a <script> without src")
        for name, value in attrs:
            if name in {"src", "href"} and value and re.match(r"(https?:)?//", value):
                self.problems.append(f"{name}={value} leaves the server")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.problems.append("inline script code")


@pytest.mark.parametrize("page", ["index.html", "event.html", "missing.html"])
def test_pages_hold_no_inline_code_and_no_outside_links(page: str) -> None:
    parser = _InlineCode()
    parser.feed((STATIC_DIR / page).read_text(encoding="utf-8"))
    assert parser.problems == []
