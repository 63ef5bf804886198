"""POST /api/articles: request bodies into the pipeline, exactly as `wirewatch ingest` reads them.

Every accepted body (text/plain, text/html, a JSON object or a list of them) is turned into
JSON Lines records and read by the same reader as ``wirewatch ingest -``, so the API applies
the same checks (binary, encoding, size, language, near-duplicates) and the same metadata
parsing. Only one ingest runs at a time: the store has one writer, and events are re-merged
after each request that stored something, as `wirewatch ingest` does after a run.
"""

from __future__ import annotations

import io
import json
import threading
from dataclasses import dataclass
from typing import Any

from wirewatch.api.errors import ApiError
from wirewatch.pipeline import IngestResult, Outcome, Pipeline
from wirewatch.schema import RejectReason
from wirewatch.settings import Settings
from wirewatch.store import Store

#: Fields a posted JSON article may have (the JSON Lines input's fields).
ARTICLE_FIELDS = ("text", "html", "url", "title", "outlet", "published", "language", "id")

#: Metadata a text/plain or text/html body may carry in the query string.
METADATA_PARAMETERS = ("url", "title", "outlet", "published", "language")

_JSON_FIX = (
    'send {"text": "...", "url": ..., "title": ..., "outlet": ..., "published": "YYYY-MM-DD"} '
    "or a list of such objects"
)


def _bad_body(message: str, fix: str = _JSON_FIX) -> ApiError:
    return ApiError(400, "bad_body", message, fix)


def records_from_json(body: bytes) -> list[dict[str, Any]]:
    """The article objects of a JSON body (one object or a list of them)."""
    try:
        parsed = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad_body(f"the body is not valid JSON: {exc}") from None
    items = parsed if isinstance(parsed, list) else [parsed]
    if not items:
        raise _bad_body("the body is an empty list")
    for index, item in enumerate(items):
        where = f"item {index}" if isinstance(parsed, list) else "the body"
        if not isinstance(item, dict):
            raise _bad_body(f"{where} is not a JSON object")
        unknown = sorted(set(item) - set(ARTICLE_FIELDS))
        if unknown:
            raise _bad_body(
                f"{where} has unknown field(s) {', '.join(map(repr, unknown))}",
                f"use only: {', '.join(ARTICLE_FIELDS)}",
            )
        if "text" not in item and "html" not in item:
            raise _bad_body(f"{where} has neither 'text' nor 'html'")
    return items


def record_from_text(
    body: bytes, charset: str | None, field: str, metadata: dict[str, str]
) -> dict[str, Any]:
    """A text/plain or text/html body, with metadata from the query string, as one record."""
    try:
        text = body.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError) as exc:
        raise _bad_body(
            f"the body cannot be decoded as {charset or 'utf-8'}: {exc}",
            "send UTF-8, or name the encoding: Content-Type: text/plain; charset=...",
        ) from None
    return {field: text, **metadata}


@dataclass(frozen=True)
class PostedResult:
    outcome: str  # stored | duplicate | rejected
    article_id: str | None
    reason: str | None
    detail: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "article_id": self.article_id,
            "reason": self.reason,
            "detail": self.detail,
        }


def _posted(result: IngestResult) -> PostedResult:
    if result.outcome is Outcome.STORED:
        return PostedResult("stored", result.article.id if result.article else None, None, None)
    if result.outcome is Outcome.ALREADY_STORED:
        return PostedResult(
            "duplicate",
            result.article.id if result.article else None,
            "already_stored",
            "this article (or this exact input) is already in the store",
        )
    rejected = result.rejected
    assert rejected is not None, "a rejected result carries its rejection"
    if rejected.reason is RejectReason.DUPLICATE:
        return PostedResult("duplicate", rejected.duplicate_of, rejected.reason.value, rejected.detail)
    return PostedResult("rejected", rejected.article_id, rejected.reason.value, rejected.detail)


class ArticleIngest:
    """The app's one writer: a pipeline built on first use, and a lock around every ingest."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def ingest(self, records: list[dict[str, Any]]) -> list[PostedResult]:
        # ensure_ascii keeps a lone surrogate as an escape, which the reader then rejects by name.
        lines = b"".join(json.dumps(record, ensure_ascii=True).encode("ascii") + b"\n" for record in records)
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self.store, self.settings)
            results = list(self._pipeline.iter_ingest(["-"], stdin=io.BytesIO(lines)))
            if any(result.outcome is Outcome.STORED for result in results):
                self._pipeline.remerge()
        return [_posted(result) for result in results]
