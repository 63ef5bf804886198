"""Bytes to text: binary sniffing, encoding choice and newline normalisation.

Every reader funnels raw bytes through :func:`decode_bytes`, so that a document is decoded the
same way whether it came from a file, a JSONL batch, a WARC record or stdin. Failures are a
:class:`DecodeError` carrying the :class:`~wirewatch.schema.RejectReason` the reader reports.
"""

from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

from wirewatch.errors import WirewatchError
from wirewatch.schema import RejectReason

__all__ = [
    "DecodeError",
    "charset_from_content_type",
    "decode_bytes",
    "looks_binary",
    "looks_binary_text",
    "normalise_newlines",
    "sniff_html_charset",
]

logger = logging.getLogger(__name__)


class DecodeError(WirewatchError):
    """Bytes that cannot become text; ``reason`` is what the reader reports."""

    def __init__(self, reason: RejectReason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


# --------------------------------------------------------------------------------------------
# Binary sniffing
# --------------------------------------------------------------------------------------------

#: File signatures of formats people drop into an input folder by mistake. Checked before the
#: byte statistics so that the detail can name the format ("a PDF"), which tells the user what
#: to do (extract the text first) better than "control characters".
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "ZIP archive (empty)"),
    (b"PK\x07\x08", "ZIP archive (spanned)"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip stream"),
    (b"BZh", "bzip2 stream"),
    (b"\xfd7zXZ\x00", "xz stream"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard stream"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old Word/Excel)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"\x00asm", "WebAssembly module"),
    (b"PAR1", "Parquet file"),
)

#: "BZh" is also how an ordinary line could start; a bzip2 stream has a block-size digit and
#: the block magic right after it, so only that full pattern counts.
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")

#: Bytes that do not occur in text: C0 controls except tab, LF, FF, CR, and DEL. ESC is counted
#: too; terminal colour codes in a pasted log are the one legitimate use and stay far below
#: the limit.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")

#: Share of control bytes above which data is binary. Uniformly random bytes (compressed or
#: encrypted data) have 29/256 ≈ 11 %; text has none, bar a stray form feed or DOS EOF mark.
#: Half of the random-data share separates the two with room on both sides.
CONTROL_SHARE_LIMIT = 0.05

#: Bytes over which the control-character share is measured. The share is a property of the
#: format, not of the position in the file; 1 MiB bounds the cost on a file at the size limit
#: while being far more than the 8 KB git looks at for the same decision.
_CONTROL_SAMPLE_BYTES = 1024 * 1024

#: Bytes inspected for the UTF-16-without-BOM pattern; 4 KiB holds a few hundred characters,
#: enough for the NUL pattern of the spaces and digits to show.
_UTF16_SAMPLE_BYTES = 4096

#: In UTF-16 text of any script the spaces, digits and punctuation are ASCII, so their high
#: byte is NUL: at least this share of one parity's bytes. (Space alone is ~15 % of characters
#: in running text.)
_UTF16_MIN_NUL_SHARE = 0.10

#: A stray NUL or two falls on one parity by chance; UTF-16 text of even a few words has more.
_UTF16_MIN_NULS = 4

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the NUL bytes fall on one parity only, as in UTF-16 text."""
    sample = data[: _UTF16_SAMPLE_BYTES - _UTF16_SAMPLE_BYTES % 2]
    if len(sample) < 2 or b"\x00" not in sample:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    enough = max(_UTF16_MIN_NULS, _UTF16_MIN_NUL_SHARE * (len(sample) // 2))
    if odd >= enough and even == 0:
        return "utf-16-le"
    if even >= enough and odd == 0:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` is not text (a short phrase for a rejection detail), or None if it may be."""
    for signature, name in _BINARY_SIGNATURES:
        if data.startswith(signature) and (signature != b"BZh" or _BZIP2.match(data)):
            return f"starts with the signature of a {name}"
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return f"starts with the signature of a RIFF {data[8:12].decode('ascii').strip()} file"
    # NUL bytes are code units of UTF-16/32 text; its decoded text is checked instead.
    if _bom_encoding(data) is not None or _utf16_without_bom(data) is not None:
        return None
    return _byte_statistics(data)


def _byte_statistics(data: bytes) -> str | None:
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"contains a NUL byte at offset {nul}"
    sample = data[:_CONTROL_SAMPLE_BYTES]
    if sample:
        controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
        share = controls / len(sample)
        if share > CONTROL_SHARE_LIMIT:
            return f"{share:.0%} of its bytes are control characters"
    return None


def looks_binary_text(text: str) -> str | None:
    """The :func:`looks_binary` test for text that is already decoded (JSON strings, UTF-16)."""
    nul = text.find("\x00")
    if nul >= 0:
        return f"contains a NUL character at offset {nul}"
    if text:
        controls = len(_CONTROL_CHARS.findall(text))
        share = controls / len(text)
        if share > CONTROL_SHARE_LIMIT:
            return f"{share:.0%} of its characters are control characters"
    return None


# --------------------------------------------------------------------------------------------
# Declared encodings
# --------------------------------------------------------------------------------------------

#: How far into an HTML document to look for ``<meta charset>``. The HTML standard's prescan
#: reads 1024 bytes; pages with inline scripts or long comments ahead of the meta tag are
#: common, and a later hit costs nothing because a wrong label falls back to UTF-8.
HTML_CHARSET_SNIFF_BYTES = 4096

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:+-]+)""", re.IGNORECASE)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:+-]+)""", re.IGNORECASE)


def sniff_html_charset(data: bytes) -> str | None:
    """The charset an HTML (or XHTML) document declares in its first few KiB, if any."""
    head = data[:HTML_CHARSET_SNIFF_BYTES]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        match = pattern.search(head)
        if match:
            label = match.group(1).decode("ascii").lower()
            # A document that can spell its own <meta> in ASCII is not UTF-16 (the HTML
            # standard's rule); such labels come from editors that saved it as UTF-8.
            if label.startswith(("utf-16", "utf16", "utf-32", "utf32")):
                return "utf-8"
            return label
    return None


def charset_from_content_type(value: str | None) -> str | None:
    """The ``charset`` parameter of an HTTP/WARC Content-Type header value."""
    if not value:
        return None
    match = _CONTENT_TYPE_CHARSET.search(value)
    return match.group(1).lower() if match else None


#: Labels the web uses for windows-1252: browsers decode ISO-8859-1 and US-ASCII pages as
#: windows-1252 (the HTML standard's encoding table), and pages rely on it for curly quotes.
_WINDOWS_1252_LABELS = frozenset({"latin-1", "iso8859-1", "ascii"})

#: Python codecs that are not character encodings a document could be written in; a hostile
#: or garbled label naming one must not rewrite the text (unicode_escape interprets
#: backslashes, UTF-7 is a known XSS vector and banned by the HTML standard).
_REFUSED_CODECS = frozenset(
    {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "undefined", "mbcs", "oem"}
)


def _codec_name(label: str) -> str | None:
    try:
        info = codecs.lookup(label.strip())
    except LookupError:
        logger.debug("ignoring unknown encoding label %r", label)
        return None
    name = info.name.replace("_", "-")
    if name in _REFUSED_CODECS or not getattr(info, "_is_text_encoding", True):
        logger.debug("ignoring encoding label %r: not a document encoding", label)
        return None
    if name in _WINDOWS_1252_LABELS:
        return "cp1252"
    return name


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError):
        return None


# --------------------------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------------------------

#: charset-normalizer's guesses on short Western European texts are often a Baltic or Central
#: European code page that renders accents wrong ("trčs", "Ēa"). windows-1252 is by far the
#: most common legacy encoding on the web, so it wins when its chaos score is within this
#: margin of the best guess. On 14 test paragraphs we wrote (fr, es, de, pt, pl, cs, tr, el,
#: lt, ru in cp1251 and KOI8-R, ja, ar), French scored 0.042-0.074 as cp1252 against 0.0 for
#: cp1257, so 0.05 was too tight; with 0.1, 12 of 14 decode exactly. Polish and Czech cp1250
#: text is not a cp1252 candidate at all and keeps its code page; Lithuanian ties at 0.0 and
#: is lost to cp1252, Turkish is wrong with or without the preference.
CP1252_PREFERENCE_MARGIN = 0.1


def _detect(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) from charset-normalizer's detection, or None."""
    try:
        matches = from_bytes(data)
        best = matches.best()
        if best is None:
            return None
        encoding: str = best.encoding
        for match in matches:
            if match.encoding == "cp1252" and match.chaos <= best.chaos + CP1252_PREFERENCE_MARGIN:
                encoding = "cp1252"
                break
    except Exception as exc:  # noqa: BLE001 - third-party heuristics on hostile bytes: any failure means "no guess"
        logger.debug("charset detection failed: %r", exc)
        return None
    text = _strict(data, encoding)
    return (text, encoding) if text is not None else None


def _first_bad_byte(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    return "no invalid UTF-8"


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _finish(text: str, wide: bool = False) -> str:
    # Text from UTF-16/32 skipped the byte statistics (its NULs are code units), so it gets
    # the same test on characters; other text passed them already.
    if wide:
        reason = looks_binary_text(text)
        if reason is not None:
            raise DecodeError(RejectReason.BINARY, f"looks binary once decoded: {reason}")
    return normalise_newlines(text)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode a document: BOM, then ``declared``, then UTF-8, then a detected encoding.

    ``declared`` is the label from the transport or the document (HTTP header, ``<meta
    charset>``). The result has ``\\n`` newlines and no BOM. Raises :class:`DecodeError` with
    reason ``binary`` or ``undecodable``, and nothing else.
    """
    reason = looks_binary(data)
    if reason is not None:
        raise DecodeError(RejectReason.BINARY, f"looks binary: {reason}")

    bom = _bom_encoding(data)
    if bom is not None:
        encoding, size = bom
        text = _strict(data[size:], encoding)
        if text is None:
            # Binary data can start with BOM-like bytes (FF FE): say binary when it looks it,
            # unless its NULs fall like UTF-16 code units (text with a stray odd byte).
            payload = data[size:]
            reason = None if _utf16_without_bom(payload) else _byte_statistics(payload)
            if reason is not None:
                raise DecodeError(RejectReason.BINARY, f"looks binary: {reason}")
            raise DecodeError(
                RejectReason.UNDECODABLE, f"starts with a {encoding} BOM but is not valid {encoding}"
            )
        return _finish(text, wide=encoding != "utf-8")

    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = _strict(data, utf16)
        if text is not None:
            return _finish(text, wide=True)
        reason = _byte_statistics(data)
        if reason is not None:
            raise DecodeError(RejectReason.BINARY, f"looks binary: {reason}")

    codec = _codec_name(declared) if declared else None
    # A UTF-16/32 label on bytes without a single NUL is a mislabel: the spaces alone would
    # put NULs in real UTF-16, and decoding ASCII as UTF-16 gives clean-looking CJK garbage.
    if codec is not None and codec.startswith(("utf-16", "utf-32")) and b"\x00" not in data:
        codec = None
    utf8 = _strict(data, "utf-8")
    if codec is not None:
        # Mislabelled pages (UTF-8 bytes under an ISO-8859-1 header) are common, while text in
        # a legacy encoding is almost never valid UTF-8 once it has a byte above 0x7F.
        if utf8 is not None and not utf8.isascii():
            if codec != "utf-8":
                logger.debug("declared %s but the bytes are valid UTF-8; using UTF-8", codec)
            return _finish(utf8)
        text = _strict(data, codec)
        if text is not None:
            return _finish(text, wide=codec.startswith(("utf-16", "utf-32")))
    if utf8 is not None:
        return _finish(utf8)

    detected = _detect(data)
    if detected is not None:
        text, encoding = detected
        logger.debug("decoded as detected encoding %s", encoding)
        return _finish(text)

    tried = f"the declared {declared!r}, " if declared else ""
    raise DecodeError(
        RejectReason.UNDECODABLE,
        f"not valid in {tried}UTF-8 ({_first_bad_byte(data)}) or any detectable encoding",
    )
