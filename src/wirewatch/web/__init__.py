"""The web dashboard: a map, a timeline, filters and event pages, served by the API's app.

``mount_dashboard(app)`` adds the pages to a FastAPI app; ``wirewatch serve`` passes it to
``create_app``. The browser libraries come from npm (``make install``), never from a CDN.
"""

from __future__ import annotations

from wirewatch.web.dashboard import content_security_policy, mount_dashboard, tile_source_from_env

__all__ = ["content_security_policy", "mount_dashboard", "tile_source_from_env"]
