"""The Python interface: ``wirewatch.extract(text)`` for one article, no store needed."""

from __future__ import annotations

import datetime as dt
import functools
import re

from wirewatch.errors import InputError
from wirewatch.ingest.document import RawDocument
from wirewatch.pipeline import Preparer
from wirewatch.schema import Article, Extraction, Mention, Rejected
from wirewatch.settings import Settings

_MARKUP = re.compile(r"<\s*(?:html|body|p|div|article)\b", re.IGNORECASE)


@functools.cache
def _preparer() -> Preparer:
    return Preparer(Settings.from_env())


def analyse(
    text: str,
    published: dt.date | dt.datetime | str | None = None,
    url: str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
) -> tuple[Article, Extraction]:
    """Clean, parse, extract and resolve one article (text or HTML); the article and what it reports."""
    if isinstance(published, str):
        try:
            published = dt.datetime.fromisoformat(published)
        except ValueError as exc:
            raise InputError(f"published={published!r} is not an ISO date", "pass e.g. '2024-02-08'") from exc
        if published.time() == dt.time(0) and published.tzinfo is None:
            published = published.date()
    provenance = tuple(
        (name, "caller")
        for name, value in (("published", published), ("url", url), ("title", title), ("outlet", outlet))
        if value is not None
    )
    raw = RawDocument(
        source="<python>",
        content=text,
        kind="html" if _MARKUP.search(text) else "text",
        url=url,
        outlet=outlet,
        title=title,
        published=published,
        provenance=provenance,
    )
    preparer = _preparer()
    prepared = preparer(raw, None)
    if isinstance(prepared.result, Rejected):
        raise InputError(
            f"the text was not accepted: {prepared.result.detail}", "pass an English news article"
        )
    assert prepared.extraction is not None
    return prepared.result, prepared.extraction


def extract(
    text: str,
    published: dt.date | dt.datetime | str | None = None,
    url: str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
) -> list[Mention]:
    """Every event mention one article reports, resolved against ``published``.

    >>> import wirewatch
    >>> mentions = wirewatch.extract("A drone strike killed two fighters near Baghdad on Friday.",
    ...                              published="2024-02-09")
    """
    return list(analyse(text, published, url, title=title, outlet=outlet)[1].mentions)
