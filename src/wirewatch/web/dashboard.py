"""Serve the dashboard pages, their static files and the npm-installed libraries on an app."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from wirewatch.errors import ConfigError
from wirewatch.schema import EVENT_TYPE_OF, EventType, Mode
from wirewatch.web.vendor import INSTALL_FIX, NODE_MODULES, VENDOR_FILES, missing_vendor_files

STATIC_DIR = Path(__file__).resolve().parent / "static"

log = logging.getLogger(__name__)

TILE_URL_VARIABLE = "WIREWATCH_TILE_URL"
TILE_ATTRIBUTION_VARIABLE = "WIREWATCH_TILE_ATTRIBUTION"
_TILE_EXAMPLE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
_OSM_ATTRIBUTION = "© OpenStreetMap contributors"

#: The libraries are pinned to exact versions in package.json, so a day of browser caching
#: never serves a stale file for long and saves refetching ~1 MB of outlines on every visit.
VENDOR_CACHE_SECONDS = 86_400


@dataclass(frozen=True)
class TileSource:
    """An online tile server the map may use (off unless WIREWATCH_TILE_URL is set)."""

    url: str
    attribution: str
    #: The CSP host-source that lets the page load images from it.
    origin: str


def tile_source_from_env(env: Mapping[str, str] | None = None) -> TileSource | None:
    """Read WIREWATCH_TILE_URL (and WIREWATCH_TILE_ATTRIBUTION); None when tiles are off."""
    env = os.environ if env is None else env
    url = env.get(TILE_URL_VARIABLE, "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    placeholders_present = all(token in url for token in ("{z}", "{x}", "{y}"))
    if parts.scheme not in {"http", "https"} or not parts.netloc or not placeholders_present:
        raise ConfigError(
            f"{TILE_URL_VARIABLE}={url!r} is not a tile URL template",
            f"set {TILE_URL_VARIABLE} to an http(s) template with {{z}}, {{x}} and {{y}}, "
            f"e.g. {_TILE_EXAMPLE}, or unset it for the offline map",
        )
    host = parts.netloc
    if host.startswith("{s}."):
        # Leaflet fills {s} with a subdomain (a., b., c.); CSP allows a wildcard only there.
        host = "*." + host[len("{s}.") :]
    if "{" in host or "}" in host:
        raise ConfigError(
            f"{TILE_URL_VARIABLE} has a placeholder inside the host name ({parts.netloc})",
            "only a leading {s}. subdomain placeholder is supported in the host name",
        )
    attribution = env.get(TILE_ATTRIBUTION_VARIABLE, "").strip()
    if not attribution and "openstreetmap" in host:
        attribution = _OSM_ATTRIBUTION
    return TileSource(url=url, attribution=attribution, origin=f"{parts.scheme}://{host}")


def content_security_policy(tiles: TileSource | None) -> str:
    """The CSP of the dashboard pages: only our own scripts, styles and data, no inline code.

    Article text is escaped by building the DOM with textContent; this is the second line of
    defence should a bug ever let markup through.
    """
    # Leaflet blanks a tile it unloads with a 1-pixel data: GIF; an image cannot run script.
    image_sources = "'self'" + (f" data: {tiles.origin}" if tiles else "")
    return "; ".join(
        (
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {image_sources}",
            "connect-src 'self'",
            "font-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def _error(status: int, code: str, message: str, fix: str) -> JSONResponse:
    """The API's error shape, so a client handles dashboard errors the same way."""
    return JSONResponse(
        {"error": {"status": status, "code": code, "message": message, "fix": fix}}, status_code=status
    )


def _vocabularies() -> dict[str, object]:
    return {
        "event_types": [
            {
                "name": event_type.value,
                "sub_event_types": [
                    sub.value for sub, parent in EVENT_TYPE_OF.items() if parent is event_type
                ],
            }
            for event_type in EventType
        ],
        "modes": [mode.value for mode in Mode],
    }


def mount_dashboard(app: FastAPI, *, node_modules: Path = NODE_MODULES) -> None:
    """Serve the dashboard on ``app``: ``/`` (map, timeline, filters, list), ``/events/{id}``
    (one event with its evidence), ``/static/`` (our HTML, CSS, JS) and ``/vendor/`` (the
    allow-listed npm files). Tile settings are read from the environment once, here."""
    tiles = tile_source_from_env()
    if missing_vendor_files(node_modules):
        log.warning("the dashboard's browser libraries are missing from %s: %s", node_modules, INSTALL_FIX)
    page_headers = {
        "Content-Security-Policy": content_security_policy(tiles),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-cache",
    }

    def page(name: str) -> HTMLResponse:
        missing = missing_vendor_files(node_modules)
        if missing:
            body = (STATIC_DIR / "missing.html").read_text(encoding="utf-8")
            return HTMLResponse(body, status_code=503, headers=page_headers)
        return HTMLResponse((STATIC_DIR / name).read_text(encoding="utf-8"), headers=page_headers)

    @app.get("/", include_in_schema=False)
    def dashboard_page() -> HTMLResponse:
        return page("index.html")

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(event_id: str) -> HTMLResponse:
        # The page reads the id from its own address and asks /api/events/{id}; an unknown
        # id is reported there, with the API's message.
        del event_id
        return page("event.html")

    # An app made with FastAPI's defaults has /docs and /redoc pages that load a CDN: replace them.
    app.router.routes[:] = [
        route for route in app.router.routes if getattr(route, "path", None) not in {"/docs", "/redoc"}
    ]

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        # FastAPI's own /docs page loads Swagger UI from a CDN; this one uses the npm copy.
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="wirewatch API",
            swagger_js_url="/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/vendor/swagger-ui/favicon-32x32.png",
        )

    @app.get("/dashboard/config.json", include_in_schema=False)
    def dashboard_config() -> dict[str, object]:
        return {
            "tiles": None if tiles is None else {"url": tiles.url, "attribution": tiles.attribution},
            "vendor_missing": missing_vendor_files(node_modules),
            "install_fix": INSTALL_FIX,
            **_vocabularies(),
        }

    @app.get("/vendor/{name:path}", include_in_schema=False)
    def vendor_file(name: str) -> Response:
        entry = VENDOR_FILES.get(name)
        if entry is None:
            return _error(
                404,
                "not_found",
                f"/vendor/{name} is not a dashboard asset",
                "the dashboard serves only the npm files listed in wirewatch/web/vendor.py",
            )
        path = node_modules / entry.source
        if not path.is_file():
            return _error(
                503, "assets_missing", f"the dashboard library file {name} is not installed", INSTALL_FIX
            )
        response = FileResponse(path, media_type=entry.media_type)
        response.headers["Cache-Control"] = f"public, max-age={VENDOR_CACHE_SECONDS}"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="wirewatch-dashboard-static")
