"""The HTTP API: :func:`create_app` builds the FastAPI app that ``wirewatch serve`` runs."""

from wirewatch.api.app import create_app

__all__ = ["create_app"]
