"""iter_documents over every format, every kind of bad input, sidecars and stdin."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import logging
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirewatch.errors import InputError
from wirewatch.ingest.document import RawDocument
from wirewatch.ingest.readers import Sidecar, count_inputs, iter_documents, load_sidecar
from wirewatch.schema import Rejected, RejectReason
from wirewatch.settings import Settings

GOOD = (
    "Two rockets struck near the airport on Tuesday night, officials said. Nobody was hurt, "
    "and the runway reopened by morning.\n"
)
FRENCH = "Deux roquettes sont tombées près de l'aéroport mardi soir, selon les autorités."
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Strike</title></head>"
    "<body><p>Two rockets struck near the airport on Tuesday night.</p></body></html>"
)
LIMIT = 10_000

Result = RawDocument | Rejected


@pytest.fixture
def cfg() -> Settings:
    return Settings().with_(max_input_bytes=LIMIT)


def read(paths: Sequence[str | Path], cfg: Settings, **kwargs: object) -> list[Result]:
    results = list(iter_documents([str(p) for p in paths], cfg, **kwargs))  # type: ignore[arg-type]
    for result in results:
        assert isinstance(result, RawDocument | Rejected)
    return results


def docs(results: list[Result]) -> dict[str, RawDocument]:
    return {r.source: r for r in results if isinstance(r, RawDocument)}


def rejects(results: list[Result]) -> dict[str, Rejected]:
    return {r.source: r for r in results if isinstance(r, Rejected)}


def folder_with_good_file(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def assert_one_rejection(
    results: list[Result], source: Path | str, reason: RejectReason, *words: str
) -> Rejected:
    """The bad input is rejected for ``reason`` with an informative one-line detail."""
    rejected = rejects(results)
    assert str(source) in rejected, rejected
    item = rejected[str(source)]
    assert item.reason is reason, item
    assert "\n" not in item.detail and "\r" not in item.detail
    assert 10 <= len(item.detail) <= 240
    for word in words:
        assert word in item.detail, item.detail
    return item


def assert_good_survived(results: list[Result], folder: Path) -> None:
    good = docs(results)[str(folder / "good.txt")]
    assert good.content == GOOD
    assert good.kind == "text"


def write_gz(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data))
    return path


def jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r) + "\n" if not isinstance(r, str) else r + "\n" for r in records).encode()


def make_warc(records: Sequence[tuple[str, str, bytes, str]], compress: bool) -> bytes:
    """(type, url, body, content type) per record, written by warcio's own writer."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for rec_type, url, body, content_type in records:
        if rec_type == "response":
            status = "404 Not Found" if url.endswith("/missing") else "200 OK"
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
        else:
            record = writer.create_warc_record(
                url, rec_type, payload=io.BytesIO(body), warc_content_type=content_type
            )
        writer.write_record(record)
    return buffer.getvalue()


WARC_RECORDS = [
    (
        "response",
        "https://example.org/a",
        "<p>Première frappe à Bagdad.</p>".encode("latin-1"),
        "text/html; charset=ISO-8859-1",
    ),
    ("response", "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
    ("response", "https://example.org/missing", b"<p>Not found</p>", "text/html"),
    ("request", "https://example.org/a", b"GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n", "application/http"),
    ("resource", "https://example.org/b", b"<html><body><p>Second report.</p></body></html>", "text/html"),
    ("metadata", "https://example.org/a", b"outlinks: none", "application/warc-fields"),
]


# --------------------------------------------------------------------------------------------
# Formats read correctly
# --------------------------------------------------------------------------------------------


def test_text_and_html_files(tmp_path: Path, cfg: Settings) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.htm").write_bytes(f'<html><meta charset="cp1252"><p>{FRENCH}</p></html>'.encode("cp1252"))
    found = docs(read([tmp_path], cfg))
    assert found[str(tmp_path / "a.txt")].content == GOOD
    assert found[str(tmp_path / "a.txt")].kind == "text"
    assert found[str(tmp_path / "b.html")].kind == "html"
    assert found[str(tmp_path / "b.html")].content == PAGE
    assert FRENCH in found[str(tmp_path / "c.htm")].content
    assert all(doc.provenance == () for doc in found.values())


def test_file_given_directly_keeps_its_path_as_source(tmp_path: Path, cfg: Settings) -> None:
    path = tmp_path / "story.txt"
    path.write_text(GOOD, encoding="utf-8")
    [doc] = read([path], cfg)
    assert isinstance(doc, RawDocument)
    assert doc.source == str(path)


def test_jsonl_records_and_metadata(tmp_path: Path, cfg: Settings, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_bytes(
        jsonl(
            {
                "id": "r1",
                "text": GOOD,
                "url": "https://x.test/1",
                "outlet": "AFP",
                "title": "Rockets",
                "published": "2020-01-07T09:56:00+05:30",
                "language": "EN",
            },
            {"id": "r2", "html": PAGE, "published": "2024-02-08"},
            "",
            {"id": 3, "text": "Third\r\nreport with enough words.", "published": "last Tuesday", "outlet": 7},
            {"text": "Fourth.", "published": "Tue, 07 Jan 2020 09:56:00 GMT"},
            {"text": "Fifth.", "published": "2020-01-07T09:56:00"},
        )
    )
    with caplog.at_level(logging.WARNING, logger="wirewatch.ingest.readers"):
        found = docs(read([path], cfg))
    assert sorted(found) == [f"{path}#{n}" for n in (1, 2, 4, 5, 6)]
    first = found[f"{path}#1"]
    assert (first.kind, first.url, first.outlet, first.title, first.language) == (
        "text",
        "https://x.test/1",
        "AFP",
        "Rockets",
        "en",
    )
    assert first.published == dt.datetime(
        2020, 1, 7, 9, 56, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))
    )
    assert first.provenance == (
        ("url", "jsonl"),
        ("outlet", "jsonl"),
        ("title", "jsonl"),
        ("published", "jsonl"),
        ("language", "jsonl"),
    )
    second = found[f"{path}#2"]
    assert second.kind == "html"
    assert second.published == dt.date(2024, 2, 8)
    assert type(second.published) is dt.date
    third = found[f"{path}#4"]
    assert third.content == "Third\nreport with enough words."
    assert third.published is None and third.outlet is None
    assert third.provenance == ()
    assert found[f"{path}#5"].published == dt.datetime(2020, 1, 7, 9, 56, tzinfo=dt.UTC)
    fifth = found[f"{path}#6"].published
    assert isinstance(fifth, dt.datetime) and fifth.tzinfo is None
    assert "last Tuesday" in caplog.text and f"{path}#4" in caplog.text


def test_warc_records(tmp_path: Path, cfg: Settings) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(make_warc(WARC_RECORDS, compress=False))
    results = read([path], cfg)
    assert not rejects(results)
    found = list(docs(results).values())
    assert [doc.url for doc in found] == ["https://example.org/a", "https://example.org/b"]
    first, second = found
    assert first.content == "<p>Première frappe à Bagdad.</p>"  # decoded by the HTTP header charset
    assert first.kind == second.kind == "html"
    assert first.source.startswith(f"{path}#<urn:uuid:") and first.source.endswith(">")
    assert first.provenance == (("url", "warc"),)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.txt.gz", GOOD.encode(), "text"),
        ("a.html.gz", PAGE.encode(), "html"),
        ("a.html", PAGE.encode(), "html"),  # gzip recognised by its signature alone
        ("a.jsonl.gz", jsonl({"text": GOOD}), "text"),
    ],
)
def test_gzipped_variants(tmp_path: Path, cfg: Settings, name: str, data: bytes, kind: str) -> None:
    write_gz(tmp_path / name, data)
    [doc] = read([tmp_path], cfg)
    assert isinstance(doc, RawDocument)
    assert doc.kind == kind
    assert doc.content in (GOOD, PAGE)


def test_gzipped_warc(tmp_path: Path, cfg: Settings) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(make_warc(WARC_RECORDS, compress=True))
    results = read([tmp_path], cfg)
    assert not rejects(results)
    assert [doc.url for doc in docs(results).values()] == ["https://example.org/a", "https://example.org/b"]


@pytest.mark.parametrize(
    ("data", "kind", "sources"),
    [
        (GOOD.encode(), "text", ["<stdin>"]),
        (b"  \n" + PAGE.encode(), "html", ["<stdin>"]),
        (jsonl({"text": GOOD}, {"html": PAGE}), None, ["<stdin>#1", "<stdin>#2"]),
        (gzip.compress(jsonl({"text": GOOD})), "text", ["<stdin>#1"]),
        (gzip.compress(GOOD.encode()), "text", ["<stdin>"]),
        (b'{"text": "' + b"long words " * 10_000 + b'"}\n', "text", ["<stdin>#1"]),
        (b"{braces} open this plain text note, which is not JSON.\n", "text", ["<stdin>"]),
    ],
)
def test_stdin_is_sniffed(data: bytes, kind: str | None, sources: list[str]) -> None:
    cfg = Settings().with_(max_input_bytes=1_000_000)
    results = read(["-"], cfg, stdin=io.BytesIO(data))
    assert [r.source for r in results] == sources
    assert all(isinstance(r, RawDocument) for r in results)
    if kind is not None:
        assert {r.kind for r in results if isinstance(r, RawDocument)} == {kind}


def test_stdin_warc(cfg: Settings) -> None:
    results = read(["-"], cfg, stdin=io.BytesIO(make_warc(WARC_RECORDS, compress=True)))
    assert [r.url for r in results if isinstance(r, RawDocument)] == [
        "https://example.org/a",
        "https://example.org/b",
    ]
    assert all(r.source.startswith("<stdin>#<urn:uuid:") for r in results)


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path: Path, cfg: Settings) -> None:
    path = tmp_path / "export.data"
    path.write_bytes(jsonl({"text": GOOD}))
    [doc] = read([path], cfg)
    assert isinstance(doc, RawDocument)
    assert doc.source == f"{path}#1"


# --------------------------------------------------------------------------------------------
# Folders: order, hidden and unknown files
# --------------------------------------------------------------------------------------------


def test_folder_order_is_sorted_and_stable(tmp_path: Path, cfg: Settings) -> None:
    names = ["b/2.txt", "a.txt", "c.html", "b/1.txt", "b/sub/0.txt", "B.txt", "z.jsonl"]
    for name in reversed(names):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(jsonl({"text": GOOD}) if name.endswith(".jsonl") else GOOD.encode())
    (tmp_path / ".hidden.txt").write_text(GOOD)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(GOOD)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "README").write_text(GOOD)
    expected = [
        str(tmp_path / n) for n in ["B.txt", "a.txt", "b/1.txt", "b/2.txt", "b/sub/0.txt", "c.html"]
    ] + [f"{tmp_path / 'z.jsonl'}#1"]
    first = [r.source for r in read([tmp_path], cfg)]
    assert first == expected
    assert [r.source for r in read([tmp_path], cfg)] == first
    assert count_inputs([str(tmp_path)]) == len(expected)


def test_count_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(jsonl({"text": "x"}, "", {"text": "y"}, {"text": "z"}))
    write_gz(tmp_path / "b.jsonl.gz", jsonl({"text": "x"}, {"text": "y"}))
    (tmp_path / "c.txt").write_text(GOOD)
    (tmp_path / "d.warc").write_bytes(make_warc(WARC_RECORDS, compress=False))
    assert count_inputs([str(tmp_path), "-", str(tmp_path / "missing.txt")]) == 3 + 2 + 1 + 1 + 1 + 1


# --------------------------------------------------------------------------------------------
# Bad inputs: each rejected with a clear reason while the good file still comes through
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("nul.txt", b"Looks like text\x00\x00\x00 but is not", ("NUL byte at offset 15",)),
        ("controls.txt", bytes(range(1, 9)) * 50 + b"text", ("control characters",)),
        ("report.txt", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n", ("PDF",)),
        ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ("PNG",)),
        ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", ("ZIP",)),
        ("program.htm", b"\x7fELF\x02\x01\x01\x00\x00\x00", ("ELF",)),
    ],
)
def test_binary_files(tmp_path: Path, cfg: Settings, name: str, data: bytes, words: tuple[str, ...]) -> None:
    folder = folder_with_good_file(tmp_path)
    (folder / name).write_bytes(data)
    results = read([folder], cfg)
    assert_one_rejection(results, folder / name, RejectReason.BINARY, *words)
    assert_good_survived(results, folder)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("zero.txt", b"", ("empty",)),
        ("blank.html", b"  \r\n\t\n  ", ("whitespace",)),
        ("blank.txt.gz", gzip.compress(b"\n\n\n"), ("whitespace",)),
    ],
)
def test_empty_files(tmp_path: Path, cfg: Settings, name: str, data: bytes, words: tuple[str, ...]) -> None:
    folder = folder_with_good_file(tmp_path)
    (folder / name).write_bytes(data)
    results = read([folder], cfg)
    assert_one_rejection(results, folder / name, RejectReason.EMPTY, *words)
    assert_good_survived(results, folder)


def test_too_large_file(tmp_path: Path, cfg: Settings) -> None:
    folder = folder_with_good_file(tmp_path)
    (folder / "huge.txt").write_bytes(b"word " * LIMIT)
    results = read([folder], cfg)
    assert_one_rejection(results, folder / "huge.txt", RejectReason.TOO_LARGE, "48.8 KiB", "9.8 KiB limit")
    assert_good_survived(results, folder)


def test_gzip_bomb_stops_at_the_limit(tmp_path: Path, cfg: Settings) -> None:
    folder = folder_with_good_file(tmp_path)
    bomb = gzip.compress(b"a" * 64 * 1024 * 1024, compresslevel=1)  # 64 MiB in ~300 KiB
    assert len(bomb) < 1024 * 1024
    (folder / "bomb.txt.gz").write_bytes(bomb)
    big_limit = cfg.with_(max_input_bytes=len(bomb) + 1024)  # the compressed file passes stat
    tracemalloc.start()
    try:
        results = read([folder], big_limit)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_one_rejection(results, folder / "bomb.txt.gz", RejectReason.TOO_LARGE, "decompresses to more than")
    assert peak < 8 * 1024 * 1024
    assert_good_survived(results, folder)


def test_too_large_jsonl_line_and_warc_record(tmp_path: Path, cfg: Settings) -> None:
    folder = folder_with_good_file(tmp_path)
    (folder / "batch.jsonl").write_bytes(jsonl({"text": "x " * LIMIT}, {"text": GOOD}))
    (folder / "crawl.warc").write_bytes(
        make_warc([("resource", "https://x.test/big", b"<p>" + b"x" * LIMIT + b"</p>", "text/html")], False)
    )
    results = read([folder], cfg)
    assert_one_rejection(results, f"{folder / 'batch.jsonl'}#1", RejectReason.TOO_LARGE, "line is larger")
    assert docs(results)[f"{folder / 'batch.jsonl'}#2"].content == GOOD
    [warc] = [r for r in results if r.source.startswith(str(folder / "crawl.warc"))]
    assert_one_rejection(results, warc.source, RejectReason.TOO_LARGE, "record body is larger")
    assert_good_survived(results, folder)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("bytes.txt", bytes(range(0x80, 0x100)) * 2, ("UTF-8", "byte 0x80 at offset 0")),
        ("bad-utf16.txt", b"\xff\xfe" + "Odd length UTF-16".encode("utf-16-le") + b"\x41", ("BOM",)),
    ],
)
def test_undecodable_files(
    tmp_path: Path, cfg: Settings, name: str, data: bytes, words: tuple[str, ...]
) -> None:
    folder = folder_with_good_file(tmp_path)
    (folder / name).write_bytes(data)
    results = read([folder], cfg)
    assert_one_rejection(results, folder / name, RejectReason.UNDECODABLE, *words)
    assert_good_survived(results, folder)


def test_truncated_gzip_text(tmp_path: Path, cfg: Settings) -> None:
    folder = folder_with_good_file(tmp_path)
    data = gzip.compress(GOOD.encode() * 20)
    (folder / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    (folder / "corrupt.html.gz").write_bytes(data[:10] + b"\xff" * 40 + data[50:])
    results = read([folder], cfg)
    assert_one_rejection(results, folder / "cut.txt.gz", RejectReason.TRUNCATED, "ends early")
    assert_one_rejection(results, folder / "corrupt.html.gz", RejectReason.TRUNCATED, "corrupt")
    assert_good_survived(results, folder)


def test_truncated_gzip_jsonl_keeps_the_lines_before(tmp_path: Path, cfg: Settings) -> None:
    folder = folder_with_good_file(tmp_path)
    lines = [{"id": n, "text": f"Report {n}: " + "words and more words " * 20} for n in range(200)]
    data = gzip.compress(jsonl(*lines), compresslevel=1)
    (folder / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    results = read([folder], cfg)
    source = str(folder / "cut.jsonl.gz")
    kept = [r for r in results if r.source.startswith(f"{source}#")]
    assert kept and all(isinstance(r, RawDocument) for r in kept)
    assert [r.source for r in kept] == [f"{source}#{n}" for n in range(1, len(kept) + 1)]
    assert_one_rejection(results, source, RejectReason.TRUNCATED, f"after line {len(kept)}", "were read")
    assert_good_survived(results, folder)


@pytest.mark.parametrize("compress", [False, True])
def test_truncated_warc_keeps_the_records_before(tmp_path: Path, cfg: Settings, compress: bool) -> None:
    folder = folder_with_good_file(tmp_path)
    body = b"<p>Report %d</p>" + b"<p>A long paragraph of body text.</p>" * 5
    records = [("resource", f"https://x.test/{n}", body % n, "text/html") for n in range(3)]
    data = make_warc(records, compress)
    name = "cut.warc.gz" if compress else "cut.warc"
    (folder / name).write_bytes(data[:-40])  # inside the last record's body
    results = read([folder], cfg)
    found = [r for r in results if r.source.startswith(str(folder / name))]
    assert [r.url for r in found if isinstance(r, RawDocument)] == ["https://x.test/0", "https://x.test/1"]
    assert_one_rejection(results, found[-1].source, RejectReason.TRUNCATED, "Content-Length")
    assert_good_survived(results, folder)


def test_warc_cut_inside_headers(tmp_path: Path, cfg: Settings) -> None:
    folder = folder_with_good_file(tmp_path)
    records = [("resource", f"https://x.test/{n}", b"<p>Report %d</p>" % n, "text/html") for n in range(2)]
    data = make_warc(records, False)
    second = data.index(b"WARC/1.0", 10)
    (folder / "cut.warc").write_bytes(data[: second + 60])
    results = read([folder], cfg)
    assert [r.url for r in results if isinstance(r, RawDocument) and "cut.warc" in r.source] == [
        "https://x.test/0"
    ]
    assert_one_rejection(
        results, folder / "cut.warc", RejectReason.TRUNCATED, "record 2", "1 record before it was read"
    )
    assert_good_survived(results, folder)


def test_malformed_jsonl_lines(tmp_path: Path, cfg: Settings) -> None:
    folder = folder_with_good_file(tmp_path)
    path = folder / "batch.jsonl"
    path.write_bytes(
        jsonl(
            {"text": "First good record."},
            '{"text": "unterminated',
            "[1, 2, 3]",
            {"text": 42},
            {"title": "no body"},
            {"text": "   "},
            {"text": "NUL\u0000inside"},
            '{"text": "lone \\ud800 surrogate"}',
            "[" * 5_000,
            {"text": "Last good record."},
        )
        + b'{"text": "caf\xe9"}\n'
    )
    results = read([folder], cfg)
    assert docs(results)[f"{path}#1"].content == "First good record."
    assert docs(results)[f"{path}#10"].content == "Last good record."
    assert_one_rejection(results, f"{path}#2", RejectReason.MALFORMED, "not valid JSON", "column")
    assert_one_rejection(results, f"{path}#3", RejectReason.MALFORMED, "JSON array", "expected an object")
    assert_one_rejection(results, f"{path}#4", RejectReason.MALFORMED, "'text'", "number")
    assert_one_rejection(results, f"{path}#5", RejectReason.EMPTY, "neither 'text' nor 'html'")
    assert_one_rejection(results, f"{path}#6", RejectReason.EMPTY, "whitespace")
    assert_one_rejection(results, f"{path}#7", RejectReason.BINARY, "NUL")
    assert_one_rejection(results, f"{path}#8", RejectReason.UNDECODABLE, "surrogate")
    assert_one_rejection(results, f"{path}#9", RejectReason.MALFORMED, "not valid JSON")
    assert_one_rejection(results, f"{path}#11", RejectReason.UNDECODABLE, "byte 0xe9", "must be UTF-8")
    assert_good_survived(results, folder)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"WARC/1.0\r\nWARC-Type: resource\r\n\r\n<p>a body</p>\r\n\r\n", ("no Content-Length",)),
        (b"WARC/1.0\r\nthis is: not\r\n a header line\r\n\r\n", ("cannot be parsed",)),
        (b"<html>a web page saved as .warc by mistake</html>", ("not a WARC file",)),
        (b"<html>\n<body>a web page</body>\n</html>\n", ("Unknown archive format",)),
    ],
)
def test_broken_warc(tmp_path: Path, cfg: Settings, data: bytes, words: tuple[str, ...]) -> None:
    folder = folder_with_good_file(tmp_path)
    (folder / "broken.warc").write_bytes(data)
    results = read([folder], cfg)
    assert_one_rejection(results, folder / "broken.warc", RejectReason.MALFORMED, *words)
    assert_good_survived(results, folder)


def test_unreadable_file_and_missing_path(
    tmp_path: Path, cfg: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with_good_file(tmp_path)
    locked = folder / "locked.txt"
    locked.write_text(GOOD)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    real_open = Path.open

    # chmod 000 does not stop root, who runs the tests in CI containers; fail the open instead.
    def guarded_open(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", guarded_open)
    missing = tmp_path / "no-such-file.txt"
    results = read([folder, missing], cfg)
    assert_one_rejection(results, locked, RejectReason.UNREADABLE, "permission denied")
    assert_one_rejection(results, folder / "dangling.txt", RejectReason.UNREADABLE, "no such file")
    assert_one_rejection(results, missing, RejectReason.UNREADABLE, "no such file")
    assert_good_survived(results, folder)


# --------------------------------------------------------------------------------------------
# Sidecar
# --------------------------------------------------------------------------------------------


def write_sidecar(path: Path, *rows: object) -> Path:
    path.write_bytes(jsonl(*rows))
    return path


def test_sidecar_overrides_outlet_and_published(tmp_path: Path, cfg: Settings) -> None:
    folder = folder_with_good_file(tmp_path)
    (folder / "sub").mkdir()
    (folder / "sub" / "nested.txt").write_text(GOOD)
    (folder / "batch.jsonl").write_bytes(
        jsonl(
            {"id": "r1", "text": GOOD, "outlet": "Wire", "published": "2020-01-01"},
            {"id": "r2", "text": GOOD},
        )
    )
    sidecar = load_sidecar(
        write_sidecar(
            folder / "articles.meta.jsonl",  # inside the input folder: must not be read as input
            {"file": "good.txt", "outlet": "Reuters", "published": "2024-02-08", "language": "EN"},
            {"file": "sub/nested.txt", "outlet": "AP", "published": "2021-04-04T20:20:00+05:30", "url": None},
            {"file": "r1", "outlet": "AFP"},
        )
    )
    results = read([folder], cfg, sidecar=sidecar)
    assert not rejects(results)
    found = docs(results)
    good = found[str(folder / "good.txt")]
    assert (good.outlet, good.published, good.language) == ("Reuters", dt.date(2024, 2, 8), "en")
    assert good.provenance == (("outlet", "sidecar"), ("published", "sidecar"), ("language", "sidecar"))
    nested = found[str(folder / "sub" / "nested.txt")]
    assert nested.outlet == "AP"
    assert nested.published == dt.datetime(
        2021, 4, 4, 20, 20, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))
    )
    r1 = found[f"{folder / 'batch.jsonl'}#1"]
    assert (r1.outlet, r1.published) == ("AFP", dt.date(2020, 1, 1))
    assert r1.provenance == (("outlet", "sidecar"), ("published", "jsonl"))
    assert found[f"{folder / 'batch.jsonl'}#2"].outlet is None
    assert len(found) == 4


def test_sidecar_matches_basename_of_a_file_given_directly(tmp_path: Path, cfg: Settings) -> None:
    path = tmp_path / "deep" / "story.txt"
    path.parent.mkdir()
    path.write_text(GOOD)
    sidecar = load_sidecar(write_sidecar(tmp_path / "meta.jsonl", {"file": "story.txt", "title": "Headline"}))
    [doc] = read([path], cfg, sidecar=sidecar)
    assert isinstance(doc, RawDocument)
    assert doc.title == "Headline"


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        (b'{"file": "a.txt"}\n{"file": "b.txt", "outlet": "X"\n', ("line 2", "not valid JSON")),
        (b'["a.txt"]\n', ("line 1", "array")),
        (b'{"outlet": "X"}\n', ("line 1", "no 'file'")),
        (b'{"file": "a.txt", "publised": "2020-01-01"}\n', ("line 1", "'publised'")),
        (b'{"file": "a.txt", "published": "yesterday"}\n', ("line 1", "not a date")),
        (b'{"file": "a.txt", "outlet": 5}\n', ("line 1", "'outlet'", "number")),
        (b'{"file": "a.txt"}\n\n{"file": "./a.txt"}\n', ("line 3", "first on line 1")),
        (b'{"file": "caf\xe9.txt"}\n', ("line 1", "UTF-8")),
    ],
)
def test_malformed_sidecar_raises_input_error(tmp_path: Path, lines: bytes, words: tuple[str, ...]) -> None:
    path = tmp_path / "meta.jsonl"
    path.write_bytes(lines)
    with pytest.raises(InputError) as caught:
        load_sidecar(path)
    for word in words:
        assert word in caught.value.message
    assert caught.value.fix


def test_missing_sidecar_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--meta"):
        load_sidecar(tmp_path / "nope.jsonl")


def test_seed_sidecar_loads(seeds: Path, cfg: Settings) -> None:
    sidecar = load_sidecar(seeds / "articles.meta.jsonl")
    assert isinstance(sidecar, Sidecar)
    assert len(sidecar) == 5
    entry = sidecar.lookup(["001_8063a0f1f8e7250e.txt"])
    assert entry is not None
    assert (entry.outlet, entry.published, entry.language) == ("Meritnews24", dt.date(2024, 2, 8), "en")
    found = docs(read([seeds / "articles"], Settings(), sidecar=sidecar))
    assert len(found) == 5
    assert all(
        doc.outlet and doc.published and ("outlet", "sidecar") in doc.provenance for doc in found.values()
    )


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

LINES = st.lists(
    st.one_of(
        st.binary(max_size=80),
        st.text(max_size=80).map(str.encode),
        st.dictionaries(
            st.sampled_from(["id", "text", "html", "url", "outlet", "published", "title", "language"]),
            st.one_of(st.none(), st.integers(), st.text(max_size=30), st.lists(st.integers(), max_size=2)),
        ).map(lambda d: json.dumps(d).encode()),
    ),
    max_size=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES)
def test_jsonl_reader_never_raises(tmp_path_factory: pytest.TempPathFactory, lines: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("prop") / "fuzz.jsonl"
    path.write_bytes(b"\n".join(lines))
    cfg = Settings().with_(max_input_bytes=60)
    for result in iter_documents([str(path)], cfg):
        assert isinstance(result, RawDocument | Rejected)
        assert result.source.startswith(f"{path}#") or result.source == str(path)
        if isinstance(result, Rejected):
            assert "\n" not in result.detail
        else:
            assert result.published is None or isinstance(result.published, dt.date)


NAMES = st.sampled_from(
    ["a.txt", "a.html", "a.jsonl", "a.warc", "a.txt.gz", "a.jsonl.gz", "a.warc.gz", "a.bin"]
)
CONTENT = st.one_of(
    st.binary(max_size=300),
    st.binary(max_size=300).map(gzip.compress),
    st.binary(max_size=300).map(lambda b: b"WARC/1.0\r\n" + b),
    st.binary(max_size=300).map(lambda b: gzip.compress(b"WARC/1.0\r\n" + b)),
    st.binary(max_size=300).map(lambda b: gzip.compress(b)[: max(1, len(b) // 2)]),
)


@settings(max_examples=200, deadline=None)
@given(name=NAMES, data=CONTENT)
def test_any_bytes_in_any_format_never_raise(
    tmp_path_factory: pytest.TempPathFactory, name: str, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("anyfile") / name
    path.write_bytes(data)
    for stdin, paths in ((None, [str(path)]), (io.BytesIO(data), ["-"])):
        for result in iter_documents(paths, Settings().with_(max_input_bytes=200), stdin=stdin):
            assert isinstance(result, RawDocument | Rejected)
            if isinstance(result, Rejected):
                assert "\n" not in result.detail
