"""The browser libraries the dashboard uses, installed by npm into ``web/node_modules``.

Only the files named here are ever served (under ``/vendor/``), never the whole tree: the
npm packages also hold build scripts, source maps and READMEs nobody asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Where ``npm ci --prefix src/wirewatch/web`` (run by ``make install``) puts the packages.
NODE_MODULES = Path(__file__).resolve().parent / "node_modules"

#: How to get the libraries when they are missing; shown by the page and by /vendor/ errors.
INSTALL_FIX = "run `make install` (it runs `npm ci --prefix src/wirewatch/web`), then reload the page"


@dataclass(frozen=True)
class VendorFile:
    """One servable file: its path inside node_modules and its media type."""

    source: str
    media_type: str


_JS = "text/javascript; charset=utf-8"
_CSS = "text/css; charset=utf-8"
_PNG = "image/png"
_JSON = "application/json"

#: URL path under /vendor/ -> file in node_modules. The versions are pinned in package.json.
VENDOR_FILES: dict[str, VendorFile] = {
    "leaflet/leaflet.js": VendorFile("leaflet/dist/leaflet.js", _JS),
    "leaflet/leaflet.css": VendorFile("leaflet/dist/leaflet.css", _CSS),
    # leaflet.css refers to these relative to itself (controls and the default marker).
    "leaflet/images/layers.png": VendorFile("leaflet/dist/images/layers.png", _PNG),
    "leaflet/images/layers-2x.png": VendorFile("leaflet/dist/images/layers-2x.png", _PNG),
    "leaflet/images/marker-icon.png": VendorFile("leaflet/dist/images/marker-icon.png", _PNG),
    "leaflet/images/marker-icon-2x.png": VendorFile("leaflet/dist/images/marker-icon-2x.png", _PNG),
    "leaflet/images/marker-shadow.png": VendorFile("leaflet/dist/images/marker-shadow.png", _PNG),
    "leaflet.markercluster/leaflet.markercluster.js": VendorFile(
        "leaflet.markercluster/dist/leaflet.markercluster.js", _JS
    ),
    "leaflet.markercluster/MarkerCluster.css": VendorFile(
        "leaflet.markercluster/dist/MarkerCluster.css", _CSS
    ),
    "topojson-client/topojson-client.min.js": VendorFile("topojson-client/dist/topojson-client.min.js", _JS),
    # 1:50m Natural Earth outlines: the 1:110m set drops small countries (Bahrain, Lebanon's
    # coast is a few points) and the 1:10m set is 3.5 MB for detail a dashboard never shows.
    "world-atlas/countries-50m.json": VendorFile("world-atlas/countries-50m.json", _JSON),
    # The API's interactive documentation at /docs (FastAPI's default loads these from a CDN).
    "swagger-ui/swagger-ui-bundle.js": VendorFile("swagger-ui-dist/swagger-ui-bundle.js", _JS),
    "swagger-ui/swagger-ui.css": VendorFile("swagger-ui-dist/swagger-ui.css", _CSS),
    "swagger-ui/favicon-32x32.png": VendorFile("swagger-ui-dist/favicon-32x32.png", _PNG),
}


def missing_vendor_files(root: Path = NODE_MODULES) -> list[str]:
    """Allow-listed files that are not installed (all of them before ``npm ci`` has run)."""
    return [name for name, entry in VENDOR_FILES.items() if not (root / entry.source).is_file()]
