"""Input readers: every supported format in, :class:`RawDocument` or :class:`Rejected` out.

Formats: ``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.warc``, their ``.gz`` variants (also
recognised by the gzip signature), folders of them, and ``-`` for stdin (format sniffed).

Bad content never raises: each bad file, JSONL line or WARC record becomes a
:class:`~wirewatch.schema.Rejected` with a one-line detail, and reading goes on with the next
one. Only usage errors raise :class:`~wirewatch.errors.InputError` (an unusable sidecar).

Size limit: ``settings.max_input_bytes`` bounds what is held in memory at once. For whole-file
formats (text, HTML) that is the file (decompressed); for the streaming formats (JSONL, WARC)
it is each line or record, because those files are read one record at a time and a crawl's
WARC file is routinely a gigabyte.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import gzip
import io
import json
import logging
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader

from wirewatch.errors import InputError
from wirewatch.ingest.decode import (
    DecodeError,
    charset_from_content_type,
    decode_bytes,
    looks_binary_text,
    normalise_newlines,
    sniff_html_charset,
)
from wirewatch.ingest.document import DocumentKind, RawDocument
from wirewatch.schema import Rejected, RejectReason
from wirewatch.settings import Settings

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["Sidecar", "SidecarEntry", "count_inputs", "iter_documents", "load_sidecar"]

logger = logging.getLogger(__name__)

InputFormat = Literal["text", "html", "jsonl", "warc"]

_EXTENSIONS: Mapping[str, InputFormat] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".warc": "warc",
}

STDIN_SOURCE = "<stdin>"
_GZIP_MAGIC = b"\x1f\x8b"

#: Bytes read ahead to recognise gzip, WARC, JSONL or HTML: several JSONL lines of an article
#: batch (a news article is a few KiB), or a page's <head>. A JSONL record longer than this is
#: still recognised by its opening '{"'. Reading it costs one buffered read.
SNIFF_BYTES = 64 * 1024

#: Chunk for draining an over-long JSONL line or the rest of a WARC record without holding it.
_DRAIN_CHUNK = 1024 * 1024

#: Longest detail kept in a Rejected; longer ones (a parser quoting a whole line) are cut.
_DETAIL_MAX_CHARS = 240

_GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)

_HTML_TYPES = ("text/html", "application/xhtml+xml")

_HTML_SIGNS = re.compile(
    rb"<!doctype\s+html|<(?:html|head|body|meta|title|p|div|article|section|br|span|a|h[1-6])[\s>/]",
    re.IGNORECASE,
)

_SURROGATE = re.compile("[\ud800-\udfff]")

#: Metadata fields a sidecar may set, in the order provenance lists them.
_META_FIELDS = ("url", "outlet", "title", "published", "language")


# --------------------------------------------------------------------------------------------
# Rejections
# --------------------------------------------------------------------------------------------


class _RejectError(Exception):
    """Raised inside a reader to turn into a :class:`Rejected` one level up."""

    def __init__(self, reason: RejectReason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _one_line(text: str) -> str:
    # File names and parser messages can carry newlines or control characters; a detail is
    # printed as one row of a table or one JSON field.
    flat = " ".join(text[: _DETAIL_MAX_CHARS * 2].split())
    flat = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in flat)
    if len(flat) > _DETAIL_MAX_CHARS:
        flat = flat[: _DETAIL_MAX_CHARS - 1] + "…"
    return flat


def _rejected(source: str, reason: RejectReason, detail: str) -> Rejected:
    return Rejected(source=source, reason=reason, detail=_one_line(detail))


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n / (1024 * 1024):.1f} MiB"


def _limit_hint(limit: int) -> str:
    return f"the {_size(limit)} limit (raise WIREWATCH_MAX_INPUT_BYTES to read it)"


def _os_problem(exc: OSError) -> str:
    what = exc.strerror or type(exc).__name__
    return f"cannot read it: {what.lower()}"


def _gzip_problem(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "the gzip stream ends early (the file is cut short)"
    return f"the gzip stream is corrupt ({exc})"


# --------------------------------------------------------------------------------------------
# Sidecar metadata
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SidecarEntry:
    """Metadata a sidecar line gives for one file or record; None means 'leave as found'."""

    line: int
    outlet: str | None = None
    published: dt.date | dt.datetime | None = None
    language: str | None = None
    url: str | None = None
    title: str | None = None


def _sidecar_key(name: str) -> str:
    key = name.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key


@dataclass(frozen=True, eq=False)
class Sidecar:
    """Metadata from ``--meta FILE``, keyed by file name (relative path or basename) or record id."""

    entries: Mapping[str, SidecarEntry] = field(default_factory=lambda: MappingProxyType({}))
    #: The sidecar file itself, so that a folder walk does not read it as a JSONL input.
    path: Path | None = None

    def lookup(self, keys: Iterable[str]) -> SidecarEntry | None:
        """The entry for the first of ``keys`` the sidecar names (most specific key first)."""
        for key in keys:
            entry = self.entries.get(_sidecar_key(key))
            if entry is not None:
                return entry
        return None

    def __len__(self) -> int:
        return len(self.entries)


_SIDECAR_FIELDS = ("file", "outlet", "published", "language", "url", "title")
_SIDECAR_EXAMPLE = '{"file": "a.txt", "outlet": "Reuters", "published": "2024-02-08", "language": "en"}'


def load_sidecar(path: Path) -> Sidecar:
    """Read a sidecar JSONL file; raises :class:`InputError` naming the bad line and the fix."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read the metadata file {path}: {(exc.strerror or str(exc)).lower()}",
            "check the path given to --meta",
        ) from exc
    fix = f"make every line one JSON object such as {_SIDECAR_EXAMPLE}"
    entries: dict[str, SidecarEntry] = {}
    for number, line in enumerate(raw.removeprefix(codecs.BOM_UTF8).split(b"\n"), start=1):
        where = f"{path} line {number}"
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where} is not valid UTF-8", "save the metadata file as UTF-8") from exc
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise InputError(f"{where} is not valid JSON ({_one_line(str(exc))})", fix) from exc
        if not isinstance(record, dict):
            raise InputError(f"{where} is a JSON {_json_type(record)}, not an object", fix)
        unknown = sorted(set(record) - set(_SIDECAR_FIELDS))
        if unknown:
            raise InputError(
                f"{where} has unknown field(s) {', '.join(map(repr, unknown))}",
                f"use only {', '.join(_SIDECAR_FIELDS)}",
            )
        for name in _SIDECAR_FIELDS:
            value = record.get(name)
            if value is not None and not isinstance(value, str):
                raise InputError(
                    f"{where}: field {name!r} is a JSON {_json_type(value)}, not a string",
                    f'write it as a string, e.g. "{name}": "…"',
                )
        key = _sidecar_key(record.get("file") or "")
        if not key:
            raise InputError(f"{where} has no 'file'", f"name the file or record id it describes; {fix}")
        try:
            published = _parse_published(record.get("published"))
        except ValueError as exc:
            raise InputError(
                f"{where}: 'published' {record['published']!r} is not a date",
                "use ISO 8601, e.g. 2024-02-08 or 2024-02-08T09:56:00+05:30",
            ) from exc
        if key in entries:
            raise InputError(
                f"{where} names {key!r} again (first on line {entries[key].line})",
                "keep one line per file",
            )
        language = _clean(record.get("language"))
        entries[key] = SidecarEntry(
            line=number,
            outlet=_clean(record.get("outlet")),
            published=published,
            language=language.lower() if language else None,
            url=_clean(record.get("url")),
            title=_clean(record.get("title")),
        )
    return Sidecar(entries=MappingProxyType(entries), path=path)


# --------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _parse_published(value: object) -> dt.date | dt.datetime | None:
    """A date for a bare day, a datetime when a time is given; raises ValueError otherwise."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got a JSON {_json_type(value)}")
    text = value.strip()
    if not text:
        return None
    # date first: datetime.fromisoformat would turn "2024-02-08" into a midnight datetime and
    # claim a precision the source never gave.
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        # RSS and HTTP dates ("Tue, 07 Jan 2020 09:56:00 +0530").
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"unrecognised date {text!r}") from exc


@dataclass
class _Meta:
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | dt.datetime | None = None
    language: str | None = None
    origin: dict[str, str] = field(default_factory=dict)

    def set(self, name: str, value: object, origin: str) -> None:
        if value is not None:
            setattr(self, name, value)
            self.origin[name] = origin

    def overlay(self, entry: SidecarEntry | None) -> None:
        if entry is None:
            return
        for name in _META_FIELDS:
            self.set(name, getattr(entry, name), "sidecar")

    def provenance(self) -> tuple[tuple[str, str], ...]:
        return tuple((name, self.origin[name]) for name in _META_FIELDS if name in self.origin)


@dataclass(frozen=True)
class _Context:
    settings: Settings
    sidecar: Sidecar | None
    #: The sidecar's resolved path, so that a folder walk does not read it as an input.
    sidecar_path: Path | None = None

    @property
    def limit(self) -> int:
        return self.settings.max_input_bytes

    def lookup(self, keys: Iterable[str]) -> SidecarEntry | None:
        return self.sidecar.lookup(keys) if self.sidecar is not None else None

    def is_sidecar(self, path: Path) -> bool:
        if self.sidecar_path is None or path.name != self.sidecar_path.name:
            return False
        try:
            return path.resolve() == self.sidecar_path
        except OSError:
            return False


def _document(
    source: str,
    content: str,
    kind: DocumentKind,
    meta: _Meta,
    entry: SidecarEntry | None,
    input_id: str | None,
) -> RawDocument:
    meta.overlay(entry)
    return RawDocument(
        source=source,
        input_id=input_id,
        content=content,
        kind=kind,
        url=meta.url,
        outlet=meta.outlet,
        title=meta.title,
        published=meta.published,
        language=meta.language,
        provenance=meta.provenance(),
    )


# --------------------------------------------------------------------------------------------
# Streams
# --------------------------------------------------------------------------------------------


class _Prefixed(io.RawIOBase):
    """A stream that replays the bytes already read for sniffing, then reads on (for stdin)."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def _read_up_to(stream: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes; loops because warcio's readers return short reads mid-stream."""
    parts: list[bytes] = []
    got = 0
    while got < limit:
        chunk = stream.read(min(limit - got, _DRAIN_CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def _read_whole(stream: BinaryIO, limit: int, compressed: bool) -> bytes:
    try:
        data = _read_up_to(stream, limit + 1)
    except _GZIP_ERRORS as exc:
        raise _RejectError(RejectReason.TRUNCATED, _gzip_problem(exc)) from exc
    except OSError as exc:
        raise _RejectError(RejectReason.UNREADABLE, _os_problem(exc)) from exc
    if len(data) > limit:
        what = "decompresses to more than" if compressed else "is larger than"
        # Reading stopped at limit + 1 bytes: a gzip bomb costs no more memory than that.
        raise _RejectError(RejectReason.TOO_LARGE, f"{what} {_limit_hint(limit)}")
    return data


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(head, SNIFF_BYTES)
    except zlib.error:
        return b""


def _sniff_format(head: bytes, complete: bool) -> InputFormat:
    """WARC, then JSONL (every line an object), then HTML (markup), else text."""
    body = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if body.startswith(b"WARC/"):
        return "warc"
    if body.startswith(b"{"):
        pieces = body.split(b"\n")
        if not complete:
            pieces = pieces[:-1]  # the last line may be cut by the sniff window
        lines = [line.strip() for line in pieces if line.strip()]
        if not lines:
            # One record longer than the sniff window: an object with a key is all we can see.
            if re.match(rb'\{\s*"', body):
                return "jsonl"
        # Later lines only need to look like objects: one broken line in a batch should be
        # rejected as malformed, not turn the whole batch into one text document.
        elif _is_json_object(lines[0]) and all(line.startswith(b"{") for line in lines):
            return "jsonl"
    if _HTML_SIGNS.search(body[:SNIFF_BYTES]) and (body.startswith(b"<") or b"<html" in body.lower()):
        return "html"
    return "text"


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


# --------------------------------------------------------------------------------------------
# Whole documents: text and HTML
# --------------------------------------------------------------------------------------------


def _whole_document(
    data: bytes,
    kind: DocumentKind,
    source: str,
    keys: Sequence[str],
    ctx: _Context,
    meta: _Meta | None = None,
    declared: str | None = None,
    input_id: str | None = None,
) -> RawDocument | Rejected:
    if not data:
        return _rejected(source, RejectReason.EMPTY, "is empty (0 bytes)")
    if declared is None and kind == "html":
        declared = sniff_html_charset(data)
    try:
        text = decode_bytes(data, declared)
    except DecodeError as exc:
        return _rejected(source, exc.reason, exc.detail)
    if not text.strip():
        return _rejected(source, RejectReason.EMPTY, "holds only whitespace")
    return _document(source, text, kind, meta or _Meta(), ctx.lookup(keys), input_id)


# --------------------------------------------------------------------------------------------
# JSON Lines
# --------------------------------------------------------------------------------------------


def _read_line(stream: BinaryIO, limit: int) -> bytes | None:
    """The next line (b"" at the end), or None for a line over ``limit``, which is skipped."""
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line
    while True:
        chunk = stream.readline(_DRAIN_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return None


def _iter_jsonl(
    stream: BinaryIO, prefix: str, keys: Sequence[str], ctx: _Context
) -> Iterator[RawDocument | Rejected]:
    number = 0
    while True:
        try:
            line = _read_line(stream, ctx.limit)
        except _GZIP_ERRORS as exc:
            kept = f"lines 1-{number} were read, the rest is lost" if number else "no line could be read"
            yield _rejected(
                prefix, RejectReason.TRUNCATED, f"{_gzip_problem(exc)} after line {number}; {kept}"
            )
            return
        except OSError as exc:
            yield _rejected(prefix, RejectReason.UNREADABLE, f"{_os_problem(exc)} after line {number}")
            return
        if line == b"":
            return
        number += 1
        source = f"{prefix}#{number}"
        if line is None:
            yield _rejected(source, RejectReason.TOO_LARGE, f"line is larger than {_limit_hint(ctx.limit)}")
            continue
        result = _jsonl_record(line.removeprefix(codecs.BOM_UTF8) if number == 1 else line, source, keys, ctx)
        if result is not None:
            yield result


def _jsonl_record(
    line: bytes, source: str, keys: Sequence[str], ctx: _Context
) -> RawDocument | Rejected | None:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _rejected(
            source,
            RejectReason.UNDECODABLE,
            f"line is not valid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1}); "
            "JSON Lines files must be UTF-8",
        )
    if not text.strip():
        return None  # blank lines separate nothing in JSONL; skipping them loses nothing
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return _rejected(source, RejectReason.MALFORMED, f"not valid JSON: {exc.msg} at column {exc.colno}")
    except (ValueError, RecursionError) as exc:
        return _rejected(source, RejectReason.MALFORMED, f"not valid JSON: {exc}")
    if not isinstance(record, dict):
        return _rejected(
            source,
            RejectReason.MALFORMED,
            f"is a JSON {_json_type(record)}, expected an object with 'text' or 'html'",
        )
    for name in ("text", "html"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return _rejected(
                source,
                RejectReason.MALFORMED,
                f"field {name!r} is a JSON {_json_type(value)}, expected a string",
            )
    kind: DocumentKind
    text_value, html_value = record.get("text"), record.get("html")
    if isinstance(text_value, str) and text_value.strip():
        kind, content = "text", text_value
    elif isinstance(html_value, str) and html_value.strip():
        kind, content = "html", html_value
    elif text_value is None and html_value is None:
        return _rejected(source, RejectReason.EMPTY, "record has neither 'text' nor 'html'")
    else:
        return _rejected(source, RejectReason.EMPTY, "record's 'text'/'html' holds only whitespace")
    binary = looks_binary_text(content)
    if binary is not None:
        return _rejected(source, RejectReason.BINARY, f"'{kind}' looks binary: {binary}")
    surrogate = _SURROGATE.search(content)
    if surrogate is not None:
        # A lone surrogate (from a \\ud800 escape) cannot be stored or printed as UTF-8.
        return _rejected(
            source,
            RejectReason.UNDECODABLE,
            f"'{kind}' holds a lone surrogate \\u{ord(surrogate.group()):04x} at offset {surrogate.start()}",
        )
    meta = _Meta()
    for name in ("url", "outlet", "title", "language"):
        value = _jsonl_string(record, name, source)
        meta.set(name, value.lower() if name == "language" and value else value, "jsonl")
    try:
        meta.set("published", _parse_published(record.get("published")), "jsonl")
    except ValueError as exc:
        logger.warning("%s: 'published' left empty: %s", source, exc)
    record_id = record.get("id")
    id_keys = [str(record_id)] if isinstance(record_id, str | int) and not isinstance(record_id, bool) else []
    content = normalise_newlines(content.removeprefix("\ufeff"))
    return _document(
        source, content, kind, meta, ctx.lookup([*id_keys, *keys]), id_keys[0] if id_keys else None
    )


def _jsonl_string(record: Mapping[str, object], name: str, source: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    # A metadata field of the wrong type costs that field, not the article.
    if not isinstance(value, str) or _SURROGATE.search(value):
        logger.warning("%s: ignoring %r, which is not a usable string", source, name)
        return None
    return _clean(value)


# --------------------------------------------------------------------------------------------
# WARC
# --------------------------------------------------------------------------------------------


def _iter_warc(
    raw: BinaryIO, prefix: str, keys: Sequence[str], ctx: _Context
) -> Iterator[RawDocument | Rejected]:
    read = 0
    position = 0

    def kept() -> str:
        if not read:
            return "no record could be read"
        return f"the {read} record{'s' if read > 1 else ''} before it {'were' if read > 1 else 'was'} read"

    try:
        archive = ArchiveIterator(raw)
        records = iter(archive)
    except Exception as exc:  # noqa: BLE001 - warcio raises assorted types on garbage input
        yield _rejected(prefix, RejectReason.MALFORMED, f"not a readable WARC file: {exc}")
        return
    while True:
        try:
            record = next(records)
        except StopIteration:
            if _unparsed_tail(archive):
                detail = f"the file ends inside the headers of record {position + 1}; {kept()}"
                yield _rejected(prefix, RejectReason.TRUNCATED, detail)
            return
        except _GZIP_ERRORS as exc:
            yield _rejected(
                prefix, RejectReason.TRUNCATED, f"{_gzip_problem(exc)} after record {position}; {kept()}"
            )
            return
        except Exception as exc:  # noqa: BLE001 - warcio raises assorted types on garbage input
            detail = f"record {position + 1} cannot be parsed ({type(exc).__name__}: {exc}); {kept()}"
            yield _rejected(prefix, RejectReason.MALFORMED, detail)
            return
        position += 1
        if record.format not in ("warc", "arc2warc"):
            # warcio falls back to the old ARC format for any line of five words.
            detail = f"not a WARC file: record {position} reads as {record.format or 'nothing known'}"
            yield _rejected(prefix, RejectReason.MALFORMED, detail)
            return
        if record.rec_headers.get_header("Content-Length") is None:
            # Every WARC record has one; without it warcio cannot find the record's end. With
            # nothing after the headers the file stops inside them, otherwise it is not WARC.
            if record.rec_type and _at_end(record.raw_stream):
                detail = f"record {position} has no Content-Length (headers cut short); {kept()}"
                yield _rejected(prefix, RejectReason.TRUNCATED, detail)
            else:
                detail = f"record {position} has no Content-Length header, so it cannot be parsed; {kept()}"
                yield _rejected(prefix, RejectReason.MALFORMED, detail)
            return
        result = _warc_record(record, prefix, position, keys, ctx)
        if result is None:
            # A skipped record must still be whole: a file cut inside it is reported.
            try:
                missing = _drain(record.raw_stream)
            except _GZIP_ERRORS:
                missing = 1
            except Exception:  # noqa: BLE001 - warcio raises assorted types on garbage input
                missing = 0  # a body we do not use; the next record's parse will tell
            if missing:
                detail = f"the file ends inside record {position} ({record.rec_type}); {kept()}"
                yield _rejected(prefix, RejectReason.TRUNCATED, detail)
                return
            continue
        read += 1
        yield result
        if isinstance(result, Rejected) and result.reason is RejectReason.TRUNCATED:
            return  # nothing follows a record the file ends inside


def _at_end(stream: Any) -> bool:
    try:
        return not stream.read(1)
    except Exception:  # noqa: BLE001 - a stream that cannot even be read is at its end for us
        return True


def _unparsed_tail(archive: Any) -> bool:
    """True when bytes follow the last whole record: warcio ends quietly on cut-off headers."""
    try:
        return int(archive.fh.tell()) > int(archive.offset)
    except (AttributeError, OSError, TypeError, ValueError):
        return False


def _is_html_type(content_type: str | None) -> bool:
    return content_type is not None and content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _drain(stream: object) -> int:
    """Read a record's raw stream to its end; return how many promised bytes never came."""
    if not isinstance(stream, LimitReader):
        return 0
    while stream.read(_DRAIN_CHUNK):
        pass
    missing: int = stream.limit
    return missing


def _warc_record(
    record: Any, prefix: str, position: int, keys: Sequence[str], ctx: _Context
) -> RawDocument | Rejected | None:
    rec_headers = record.rec_headers
    if record.rec_type == "response":
        if record.http_headers is None:
            return None  # a dns: or other non-HTTP response
        content_type = record.http_headers.get_header("Content-Type")
        status = str(record.http_headers.get_statuscode() or "")
        if _is_html_type(content_type) and not status.startswith("2"):
            # Redirects and error pages are HTML too, but not the article the URL promised.
            logger.debug("%s: skipping HTTP %s response", prefix, status)
            return None
    elif record.rec_type == "resource":
        content_type = rec_headers.get_header("Content-Type")
    else:
        return None
    if not _is_html_type(content_type):
        return None
    record_id = rec_headers.get_header("WARC-Record-ID") or f"record-{position}"
    source = f"{prefix}#{record_id}"
    try:
        body = _read_up_to(record.content_stream(), ctx.limit + 1)
        missing = _drain(record.raw_stream)
    except _GZIP_ERRORS as exc:
        return _rejected(source, RejectReason.TRUNCATED, _gzip_problem(exc))
    except Exception as exc:  # noqa: BLE001 - chunked/compressed HTTP bodies fail in many ways
        return _rejected(
            source, RejectReason.MALFORMED, f"record body cannot be read ({type(exc).__name__}: {exc})"
        )
    if missing > 0:
        return _rejected(
            source,
            RejectReason.TRUNCATED,
            f"record ends {missing} bytes short of its Content-Length (file cut short)",
        )
    if len(body) > ctx.limit:
        return _rejected(
            source, RejectReason.TOO_LARGE, f"record body is larger than {_limit_hint(ctx.limit)}"
        )
    meta = _Meta()
    meta.set("url", _clean(rec_headers.get_header("WARC-Target-URI")), "warc")
    declared = charset_from_content_type(content_type) or sniff_html_charset(body)
    return _whole_document(
        body, "html", source, [record_id, *keys], ctx, meta=meta, declared=declared, input_id=record_id
    )


# --------------------------------------------------------------------------------------------
# Files, folders, stdin
# --------------------------------------------------------------------------------------------


def _format_from_name(name: str) -> InputFormat | None:
    return _EXTENSIONS.get(PurePosixPath(name.lower().removesuffix(".gz")).suffix)


def _read_stream(
    raw: BinaryIO,
    source: str,
    keys: Sequence[str],
    fmt: InputFormat | None,
    ctx: _Context,
    size: int | None,
    seekable: bool,
) -> Iterator[RawDocument | Rejected]:
    try:
        head = raw.read(SNIFF_BYTES)
        if seekable:
            raw.seek(0)
        else:
            raw = io.BufferedReader(_Prefixed(head, raw))
    except OSError as exc:
        yield _rejected(source, RejectReason.UNREADABLE, _os_problem(exc))
        return
    compressed = head.startswith(_GZIP_MAGIC)
    if fmt is None:
        inner = _gunzip_head(head) if compressed else head
        fmt = _sniff_format(inner, complete=len(head) < SNIFF_BYTES and len(inner) < SNIFF_BYTES)
    if fmt == "warc":
        # warcio reads gzip members itself, one record each.
        yield from _iter_warc(raw, source, keys, ctx)
        return
    stream: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb") if compressed else raw  # type: ignore[assignment]
    if fmt == "jsonl":
        yield from _iter_jsonl(stream, source, keys, ctx)
        return
    if size is not None and size > ctx.limit:
        yield _rejected(source, RejectReason.TOO_LARGE, f"is {_size(size)}, over {_limit_hint(ctx.limit)}")
        return
    try:
        data = _read_whole(stream, ctx.limit, compressed)
    except _RejectError as exc:
        yield _rejected(source, exc.reason, exc.detail)
        return
    yield _whole_document(data, fmt, source, keys, ctx, input_id=_file_stem(source))


def _file_stem(source: str) -> str | None:
    """A file's name without its format extensions: how gold files and sidecars name a document."""
    if source == STDIN_SOURCE:
        return None
    name = Path(source).name
    for suffix in (".gz", ".txt", ".html", ".htm", ".text"):
        name = name.removesuffix(suffix)
    return name or None


def _read_file(
    path: Path, source: str, keys: Sequence[str], fmt: InputFormat | None, ctx: _Context
) -> Iterator[RawDocument | Rejected]:
    try:
        info = path.stat()
    except OSError as exc:
        yield _rejected(source, RejectReason.UNREADABLE, _os_problem(exc))
        return
    # Only a regular file's size is known up front (a FIFO from <(...) reports 0).
    size = info.st_size if stat.S_ISREG(info.st_mode) else None
    if fmt in ("text", "html") and size is not None and size > ctx.limit:
        # Rejected before opening: a whole-document file is read into memory in one piece.
        yield _rejected(source, RejectReason.TOO_LARGE, f"is {_size(size)}, over {_limit_hint(ctx.limit)}")
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _rejected(source, RejectReason.UNREADABLE, _os_problem(exc))
        return
    with handle:
        yield from _read_stream(handle, source, keys, fmt, ctx, size=size, seekable=size is not None)


def _walk(folder: Path, relative: str) -> Iterator[tuple[Path, str] | Rejected]:
    """Files under ``folder`` with their path relative to the input root, in name order."""
    try:
        # Sorted by name so that runs over the same folder give the same order (and ids in the
        # same order) on every file system.
        children = sorted(folder.iterdir(), key=lambda child: child.name)
    except OSError as exc:
        yield _rejected(str(folder), RejectReason.UNREADABLE, f"cannot list the folder: {_os_problem(exc)}")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        rel = f"{relative}{child.name}"
        try:
            if child.is_symlink() and child.is_dir():
                # Not followed: a link back up the tree would loop forever.
                logger.debug("skipping symlinked folder %s", child)
            elif child.is_dir():
                yield from _walk(child, f"{rel}/")
            elif child.is_file() or (child.is_symlink() and not child.exists()):
                # A dangling link is passed on so that it is reported, not silently dropped.
                yield child, rel
        except OSError as exc:
            yield _rejected(str(child), RejectReason.UNREADABLE, _os_problem(exc))


def _read_folder(root: Path, ctx: _Context) -> Iterator[RawDocument | Rejected]:
    skipped = 0
    for item in _walk(root, ""):
        if isinstance(item, Rejected):
            yield item
            continue
        path, rel = item
        fmt = _format_from_name(path.name)
        if fmt is None:
            skipped += 1
            logger.debug("skipping %s: not a .txt/.html/.jsonl/.warc file", path)
            continue
        if ctx.is_sidecar(path):
            continue
        yield from _read_file(path, str(path), (rel, str(path), path.name), fmt, ctx)
    if skipped:
        logger.debug("%s: skipped %d file(s) with other extensions", root, skipped)


def iter_documents(
    paths: Sequence[str],
    settings: Settings,
    sidecar: Sidecar | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | Rejected]:
    """Every document under ``paths`` (files, folders, ``-`` for stdin), in a stable order.

    Yields a :class:`RawDocument` per readable document and a :class:`Rejected` per bad file,
    line or record; a path that does not exist is a ``Rejected(unreadable)`` too, so the
    caller decides whether that aborts the run.
    """
    sidecar_path = None
    if sidecar is not None and sidecar.path is not None:
        try:
            sidecar_path = sidecar.path.resolve()
        except OSError:
            sidecar_path = None
    ctx = _Context(settings=settings, sidecar=sidecar, sidecar_path=sidecar_path)
    for arg in paths:
        if arg == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, STDIN_SOURCE, ("-",), None, ctx, size=None, seekable=False)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _read_folder(path, ctx)
        else:
            # A file named explicitly is read even with an unknown extension (format sniffed).
            yield from _read_file(path, arg, (arg, path.name), _format_from_name(path.name), ctx)


def _count_lines(path: Path) -> int:
    count = 0
    try:
        with path.open("rb") as handle:
            magic = handle.read(2)
            handle.seek(0)
            stream: BinaryIO = (
                gzip.GzipFile(fileobj=handle, mode="rb") if magic == _GZIP_MAGIC else handle  # type: ignore[assignment]
            )
            for line in stream:
                if line.strip():
                    count += 1
    except (OSError, *_GZIP_ERRORS):
        return count + 1  # the reader will yield one Rejected for the break
    return count


def count_inputs(paths: Sequence[str]) -> int:
    """A cheap estimate of how many items :func:`iter_documents` yields, for a progress bar.

    One per text/HTML file, per non-empty JSONL line, per WARC file (records are not counted:
    that would mean parsing the archive twice), per missing path and for stdin.
    """
    total = 0
    for arg in paths:
        path = Path(arg)
        if arg == "-" or not path.is_dir():
            fmt = _format_from_name(path.name)
            total += _count_lines(path) if fmt == "jsonl" else 1
            continue
        for item in _walk(path, ""):
            if isinstance(item, Rejected):
                total += 1
                continue
            fmt = _format_from_name(item[0].name)
            if fmt == "jsonl":
                total += _count_lines(item[0])
            elif fmt is not None:
                total += 1
    return total
