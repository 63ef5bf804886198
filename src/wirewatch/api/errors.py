"""One JSON error shape for every failure of the HTTP API.

Every error response, whatever raised it (a bad parameter, FastAPI's own request validation,
an unknown route, a wrong token, a bug), has the body::

    {"error": {"status": 400, "code": "bad_parameter", "message": "...", "fix": "..."}}
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirewatch.errors import InputError, NotFoundError, StoreError, WirewatchError
from wirewatch.store.query import MAX_PAGE_SIZE, FilterError

log = logging.getLogger(__name__)

#: How to fix a bad value of each query parameter FastAPI itself validates.
PARAMETER_FIXES = {
    "limit": f"pass limit=1..{MAX_PAGE_SIZE} and follow next_cursor for more",
}

#: The code of each HTTP status the API answers with, when nothing more specific is known.
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    500: "internal_error",
    503: "store_unavailable",
}

#: Errors without a better fix of their own.
STATUS_FIXES = {
    404: "see /docs for the API's paths",
    405: "see /docs for the methods each path accepts",
    500: "this is a wirewatch bug: please report it with the request that caused it",
}


#: Sent with every API response: JSON that quotes untrusted article text must never be
#: sniffed and rendered as HTML by a browser.
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff"}


class NoSniffMixin:
    def init_headers(self, headers: Mapping[str, str] | None = None) -> None:
        super().init_headers({**SECURITY_HEADERS, **(headers or {})})  # type: ignore[misc]


class ApiJSONResponse(NoSniffMixin, JSONResponse):
    """The API's JSON responses (errors included)."""


class ApiError(Exception):
    """An error the API answers with as it is: status, code, message and fix."""

    def __init__(
        self, status: int, code: str, message: str, fix: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fix = fix
        self.headers = headers


def error_response(
    status: int, code: str, message: str, fix: str | None, headers: dict[str, str] | None = None
) -> ApiJSONResponse:
    body = {"error": {"status": status, "code": code, "message": message, "fix": fix}}
    return ApiJSONResponse(body, status_code=status, headers=headers)


def _api_error(_request: Request, exc: Exception) -> ApiJSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.fix, exc.headers)


def _wirewatch_error(_request: Request, exc: Exception) -> ApiJSONResponse:
    assert isinstance(exc, WirewatchError)
    if isinstance(exc, FilterError | InputError):
        return error_response(400, "bad_parameter", exc.message, exc.fix)
    if isinstance(exc, NotFoundError):
        return error_response(404, "not_found", exc.message, exc.fix)
    if isinstance(exc, StoreError):
        log.error("store error: %s", exc)
        return error_response(503, "store_unavailable", exc.message, exc.fix)
    log.error("unexpected wirewatch error: %s", exc)
    return error_response(500, "internal_error", exc.message, exc.fix or STATUS_FIXES[500])


def _validation_error(_request: Request, exc: Exception) -> ApiJSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    fixes = []
    for error in exc.errors():
        location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "body")]
        name = ".".join(location) or "request"
        given = error.get("input")
        shown = f" (got {given!r})" if isinstance(given, str | int | float) else ""
        problems.append(f"{name}: {error.get('msg', 'invalid value')}{shown}")
        fixes.append(PARAMETER_FIXES.get(name, f"see /docs for the format of {name}"))
    return error_response(400, "bad_parameter", "; ".join(problems), "; ".join(dict.fromkeys(fixes)))


def _http_error(_request: Request, exc: Exception) -> ApiJSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if status == 404 and message == "Not Found":
        message = "no such path"
    headers: dict[str, Any] | None = getattr(exc, "headers", None)
    return error_response(
        status,
        STATUS_CODES.get(status, "http_error"),
        message,
        STATUS_FIXES.get(status, "see /docs"),
        headers,
    )


def _unhandled_error(_request: Request, exc: Exception) -> ApiJSONResponse:
    # Logged with its traceback here; the client gets no internals, only the shape and a fix.
    log.error("unhandled error", exc_info=exc)
    return error_response(500, "internal_error", "the server failed on this request", STATUS_FIXES[500])


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(WirewatchError, _wirewatch_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unhandled_error)
