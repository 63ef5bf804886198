"""What flows inside the ingest stage: a raw document from a reader, and a cleaned text.

These never leave ``wirewatch.ingest``; the stage hands :class:`wirewatch.schema.Article` or
:class:`wirewatch.schema.Rejected` to the rest of the system.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal["text", "html"]


@dataclass(frozen=True)
class RawDocument:
    """One input document as a reader found it: decoded, but with its page furniture."""

    source: str  # "path", "path#3" (3rd JSONL line), "path#<WARC-Record-ID>", "<stdin>"
    content: str
    kind: DocumentKind
    input_id: str | None = None  # JSONL "id", WARC-Record-ID, or a file's name without extension
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | dt.datetime | None = None
    language: str | None = None  # declared by the input (JSONL field, sidecar), if any
    #: (field, origin) for metadata the reader set, e.g. ("published", "jsonl").
    provenance: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DatelineSection:
    """A dateline found in the body and the stretch of body text it governs."""

    start: int  # offset into CleanedText.body
    end: int
    dateline: str  # as printed, e.g. "Baghdad (AFP) Sept 28, 2020"
    published: dt.date | dt.datetime | None


@dataclass(frozen=True)
class CleanedText:
    """The article body with page furniture removed, and the metadata found around it."""

    body: str
    title: str | None = None
    published: dt.date | dt.datetime | None = None
    outlet: str | None = None
    url: str | None = None
    sections: tuple[DatelineSection, ...] = field(default_factory=tuple)
