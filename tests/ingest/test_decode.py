"""decode_bytes, looks_binary and the charset helpers."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from wirewatch.errors import WirewatchError
from wirewatch.ingest.decode import (
    DecodeError,
    charset_from_content_type,
    decode_bytes,
    looks_binary,
    looks_binary_text,
    normalise_newlines,
    sniff_html_charset,
)
from wirewatch.schema import RejectReason

FRENCH = "Le café est très chaud, déjà vu à Noël. Ça va être génial, naïve façade."
RUSSIAN = "Солдаты были ранены в результате нападения на базу. Правительство заявило об этом."
# Every byte from 0x80 up, twice: not UTF-8, and no code page charset-normalizer accepts.
UNDECODABLE = bytes(range(0x80, 0x100)) * 2


# --------------------------------------------------------------------------------------------
# looks_binary
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"BZh91AY&SY\x00\x01", "bzip2"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WEBP"),
        (b"plain text\x00with a NUL", "NUL byte at offset 10"),
        (bytes(range(1, 32)) * 3 + b"abc", "control characters"),
    ],
)
def test_looks_binary_names_the_reason(data: bytes, expected: str) -> None:
    reason = looks_binary(data)
    assert reason is not None
    assert expected in reason


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"Two rockets hit the base.\n",
        FRENCH.encode("cp1252"),
        b"tab\tform\x0cfeed\r\n",
        b"BZh is how this line starts, and it is text",
        "UTF-16 with a BOM".encode("utf-16"),
        "UTF-16 without a BOM, little endian".encode("utf-16-le"),
    ],
)
def test_text_is_not_binary(data: bytes) -> None:
    assert looks_binary(data) is None


def test_looks_binary_text() -> None:
    assert looks_binary_text("a\x00b") == "contains a NUL character at offset 1"
    assert looks_binary_text("plain\ttext\n") is None
    reason = looks_binary_text("\x01\x02\x03ab")
    assert reason is not None
    assert "control characters" in reason


# --------------------------------------------------------------------------------------------
# decode_bytes
# --------------------------------------------------------------------------------------------


def test_utf8_with_bom_and_crlf() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + b"Line one\r\nLine two\rLine three\n") == (
        "Line one\nLine two\nLine three\n"
    )


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    text = "Airstrike on Tuesday: 4 dead.\r\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode_bytes(data) == "Airstrike on Tuesday: 4 dead.\n"


def test_utf16_without_bom() -> None:
    assert (
        decode_bytes("Rockets hit the base at dawn.".encode("utf-16-be")) == "Rockets hit the base at dawn."
    )


def test_declared_encoding_is_used() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251"), "windows-1251") == RUSSIAN
    assert decode_bytes(RUSSIAN.encode("koi8-r"), "KOI8-R") == RUSSIAN


def test_latin1_label_means_windows_1252() -> None:
    # Curly quotes are 0x93/0x94 in windows-1252 and C1 controls in real ISO-8859-1.
    assert decode_bytes("“quoted”".encode("cp1252"), "iso-8859-1") == "“quoted”"


def test_utf8_bytes_under_a_single_byte_label_are_utf8() -> None:
    assert decode_bytes("café au lait".encode(), "iso-8859-1") == "café au lait"


def test_wrong_declared_multibyte_falls_back_to_utf8() -> None:
    assert decode_bytes("naïve café".encode(), "shift_jis") == "naïve café"


@pytest.mark.parametrize("label", ["utf-16", "unicode_escape", "rot13", "no-such-charset", "base64"])
def test_unusable_labels_are_ignored(label: str) -> None:
    assert decode_bytes(b"caf\\u00e9 plain ascii", label) == "caf\\u00e9 plain ascii"


def test_undeclared_legacy_encodings_are_detected() -> None:
    assert decode_bytes(FRENCH.encode("cp1252")) == FRENCH
    assert decode_bytes(RUSSIAN.encode("cp1251")) == RUSSIAN


def test_undecodable_raises_a_typed_error() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes(UNDECODABLE)
    assert caught.value.reason is RejectReason.UNDECODABLE
    assert "byte 0x80 at offset 0" in caught.value.detail
    assert isinstance(caught.value, WirewatchError)


def test_binary_raises_a_typed_error() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes(b"%PDF-1.4 whatever")
    assert caught.value.reason is RejectReason.BINARY
    assert "PDF" in caught.value.detail


def test_utf16_of_binary_is_still_binary() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes(codecs.BOM_UTF16_LE + "\x01\x02\x03\x04".encode("utf-16-le") * 10)
    assert caught.value.reason is RejectReason.BINARY


def test_normalise_newlines() -> None:
    assert normalise_newlines("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n"


# --------------------------------------------------------------------------------------------
# Charset helpers
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<html><head><meta charset="windows-1251"><title>x</title>', "windows-1251"),
        (b"<META CHARSET=KOI8-R>", "koi8-r"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "iso-8859-1"),
        (b'<?xml version="1.0" encoding="Shift_JIS"?><html>', "shift_jis"),
        (b'<meta charset="utf-16">', "utf-8"),
        (b"<html><head><title>no charset</title>", None),
    ],
)
def test_sniff_html_charset(head: bytes, expected: str | None) -> None:
    assert sniff_html_charset(head) == expected


def test_sniff_html_charset_looks_only_at_the_head() -> None:
    assert sniff_html_charset(b" " * 10_000 + b'<meta charset="cp1251">') is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text/html; charset=ISO-8859-1", "iso-8859-1"),
        ('text/html; charset="utf-8"', "utf-8"),
        ("text/html", None),
        (None, None),
    ],
)
def test_charset_from_content_type(value: str | None, expected: str | None) -> None:
    assert charset_from_content_type(value) == expected


def test_html_declared_charset_end_to_end() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    data = page.encode("cp1251")
    assert decode_bytes(data, sniff_html_charset(data)) == page


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

LABELS = st.sampled_from([None, "utf-8", "iso-8859-1", "cp1251", "shift_jis", "utf-16", "bogus", "utf-7"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), declared=LABELS)
def test_decode_bytes_raises_only_decode_error(data: bytes, declared: str | None) -> None:
    try:
        text = decode_bytes(data, declared)
    except DecodeError as exc:
        assert exc.reason in (RejectReason.BINARY, RejectReason.UNDECODABLE)
        assert "\n" not in exc.detail
    else:
        assert "\r" not in text
        assert not text.startswith("\ufeff")


# Text a person could have written: no C0 controls but tab/LF/CR, no surrogates.
TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",), blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)]
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_valid_utf8_round_trips(text: str) -> None:
    data = text.encode("utf-8")
    assume(looks_binary(data) is None)
    expected = normalise_newlines(text.removeprefix("\ufeff"))
    assert decode_bytes(data) == expected
