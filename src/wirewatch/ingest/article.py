"""From a raw document to an :class:`~wirewatch.schema.Article` (or a reasoned rejection)."""

from __future__ import annotations

import datetime as dt
import re

from wirewatch.ingest.document import CleanedText, RawDocument
from wirewatch.ingest.html import HtmlFurnitureRules, extract_html
from wirewatch.ingest.identity import article_id
from wirewatch.ingest.language import detect_language
from wirewatch.ingest.plaintext import FurnitureRules, clean_plaintext
from wirewatch.schema import Article, Rejected, RejectReason, Section
from wirewatch.settings import Settings

#: Below this language-identification confidence a non-allowed language is not trusted enough
#: to reject an article; py3langid gives > 0.99 on any paragraph of ordinary prose, and mixed
#: or very short texts (a headline and a table) fall well under 0.9.
LANGUAGE_REJECT_CONFIDENCE = 0.9


#: An HTML start tag, end tag, comment or doctype: what tells markup from plain text.
_MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")


def clean(
    raw: RawDocument, furniture: FurnitureRules | None = None, html_rules: HtmlFurnitureRules | None = None
) -> CleanedText:
    """Remove page furniture and read the metadata printed around the body."""
    if raw.kind == "html":
        cleaned = extract_html(raw.content, raw.url, html_rules)
        # A feed's "html" field or a mislabelled .html file sometimes holds plain text.
        if cleaned.body.strip() or _MARKUP.search(raw.content):
            return cleaned
    return clean_plaintext(raw.content, furniture)


def _pick(
    field: str,
    reader_value: str | dt.date | None,
    cleaned_value: str | dt.date | None,
    raw: RawDocument,
    cleaned_origin: str,
    provenance: list[tuple[str, str]],
) -> str | dt.date | None:
    """The reader's value (sidecar, JSONL, WARC) wins over what the text itself prints."""
    if reader_value is not None:
        origin = dict(raw.provenance).get(field, "reader")
        provenance.append((field, origin))
        return reader_value
    if cleaned_value is not None:
        provenance.append((field, cleaned_origin))
    return cleaned_value


def to_article(
    raw: RawDocument,
    settings: Settings,
    furniture: FurnitureRules | None = None,
    html_rules: HtmlFurnitureRules | None = None,
) -> Article | Rejected:
    """Clean one raw document and decide whether it becomes an article."""
    cleaned = clean(raw, furniture, html_rules)
    body = cleaned.body
    if not body.strip():
        return Rejected(
            source=raw.source,
            reason=RejectReason.EMPTY,
            detail="no article text left after removing page furniture",
        )
    identifier = article_id(body)
    allowed = ", ".join(settings.allowed_languages)
    if raw.language:
        language = raw.language.lower()
        if language not in settings.allowed_languages:
            return Rejected(
                source=raw.source,
                reason=RejectReason.NOT_ENGLISH,
                detail=f"declared language is {language!r}, allowed: {allowed}; "
                "add it to WIREWATCH_LANGUAGES to keep it",
                article_id=identifier,
            )
    else:
        detected, confidence = detect_language(body)
        if detected not in settings.allowed_languages and confidence >= LANGUAGE_REJECT_CONFIDENCE:
            return Rejected(
                source=raw.source,
                reason=RejectReason.NOT_ENGLISH,
                detail=f"language is {detected!r} (confidence {confidence:.2f}), allowed: {allowed}; "
                "add it to WIREWATCH_LANGUAGES to keep it",
                article_id=identifier,
            )
        # Too short or too mixed to tell: keep it under the first allowed language.
        language = detected if detected in settings.allowed_languages else settings.allowed_languages[0]

    origin = "html" if raw.kind == "html" else "text"
    provenance: list[tuple[str, str]] = []
    title = _pick("title", raw.title, cleaned.title, raw, origin, provenance)
    outlet = _pick("outlet", raw.outlet, cleaned.outlet, raw, origin, provenance)
    url = _pick("url", raw.url, cleaned.url, raw, origin, provenance)
    published = _pick("published", raw.published, cleaned.published, raw, origin, provenance)
    sections = tuple(
        Section(start=s.start, end=s.end, dateline=s.dateline, published=s.published)
        for s in cleaned.sections
        if 0 <= s.start <= s.end <= len(body)
    )
    return Article(
        id=identifier,
        text=body,
        title=str(title) if title is not None else None,
        url=str(url) if url is not None else None,
        outlet=str(outlet) if outlet is not None else None,
        published=published if isinstance(published, dt.date) else None,
        language=language,
        source=raw.source,
        input_id=raw.input_id,
        sections=sections,
        provenance=tuple(provenance),
    )
