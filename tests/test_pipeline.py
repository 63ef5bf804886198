"""The ingest pipeline into a real store: bad inputs, near-duplicates, metadata precedence."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.generated import generated_article
from wirewatch.pipeline import Outcome, Pipeline
from wirewatch.schema import RejectReason
from wirewatch.settings import Settings
from wirewatch.store import Store

GOOD_TEXT = (
    "Militants attacked a checkpoint on the edge of the city late on Saturday, killing two "
    "soldiers and wounding three others, a security official said on Sunday. The attackers "
    "fled towards the desert after a gun battle that lasted nearly an hour, the official added, "
    "speaking on condition of anonymity because he was not authorised to brief reporters."
)

FRENCH = (
    "Des roquettes sont tombées samedi soir près de l'aéroport de la capitale, sans faire de "
    "victimes, selon une source de sécurité. Les autorités ont ouvert une enquête pour retrouver "
    "les auteurs de cette attaque, la troisième en un mois dans le même secteur de la ville."
)

SMALL_LIMIT = 4096


def _binary(folder: Path) -> None:
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)


def _empty(folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")


def _too_large(folder: Path) -> None:
    (folder / "huge.txt").write_text(GOOD_TEXT.replace("Militants", "Gunmen") * 40, encoding="utf-8")


def _undecodable(folder: Path) -> None:
    # Declares UTF-8 but holds bytes that are invalid in UTF-8 and in every detected codec.
    html = (
        b'<html><head><meta charset="utf-8"></head><body><p>'
        + bytes(range(0x80, 0x100)) * 4
        + b"</p></body></html>"
    )
    (folder / "broken.html").write_bytes(html)


def _truncated_gzip(folder: Path) -> None:
    data = gzip.compress(GOOD_TEXT.replace("Militants", "Insurgents").encode() * 5)
    (folder / "cut.txt.gz").write_bytes(data[: len(data) // 2])


def _malformed_jsonl(folder: Path) -> None:
    (folder / "feed.jsonl").write_text('{"id": "a", "text": "unterminated\n', encoding="utf-8")


def _malformed_html(folder: Path) -> None:
    (folder / "tags.html").write_text("<html><body><div><p><span></div></table>" * 3, encoding="utf-8")


def _not_english(folder: Path) -> None:
    (folder / "francais.txt").write_text(FRENCH, encoding="utf-8")


BAD_INPUTS: dict[str, tuple[Callable[[Path], None], set[RejectReason]]] = {
    "binary": (_binary, {RejectReason.BINARY}),
    "empty": (_empty, {RejectReason.EMPTY}),
    "too_large": (_too_large, {RejectReason.TOO_LARGE}),
    "undecodable": (_undecodable, {RejectReason.UNDECODABLE, RejectReason.BINARY}),
    "truncated_gzip": (_truncated_gzip, {RejectReason.TRUNCATED}),
    "malformed_jsonl": (_malformed_jsonl, {RejectReason.MALFORMED}),
    "malformed_html": (_malformed_html, {RejectReason.EMPTY, RejectReason.MALFORMED}),
    "not_english": (_not_english, {RejectReason.NOT_ENGLISH}),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_input_is_rejected_with_a_reason_and_the_rest_is_stored(
    kind: str, tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    make_bad, reasons = BAD_INPUTS[kind]
    make_bad(folder)
    settings = settings.with_(max_input_bytes=SMALL_LIMIT)
    with Store.open(settings.db_url) as store:
        summary = Pipeline(store, settings).ingest([str(folder)])
        rejections = store.rejections()
        stored = store.articles()
    assert summary.stored == 1
    assert [a.source for a in stored] == [str(folder / "good.txt")]
    assert len(rejections) == 1, rejections
    assert rejections[0].reason in reasons
    assert "\n" not in rejections[0].detail and len(rejections[0].detail) > 10


def test_rejections_are_not_duplicated_by_a_rerun(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _binary(folder)
    _not_english(folder)
    with Store.open(settings.db_url) as store:
        pipeline = Pipeline(store, settings)
        pipeline.ingest([str(folder)])
        pipeline.ingest([str(folder)])
        assert store.counts().rejections == 2


def test_a_reprint_is_linked_to_the_first_copy(tmp_path: Path, settings: Settings) -> None:
    story = generated_article(1, sentences=25)
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "wire", "text": story, "outlet": "Wire", "published": "2024-02-08"},
        {
            "id": "reprint",
            "text": "Reposted from our partners. " + story + " Share this story.",
            "outlet": "Site",
        },
        {"id": "other", "text": generated_article(2, sentences=25), "outlet": "Other"},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    with Store.open(settings.db_url) as store:
        results = list(Pipeline(store, settings).iter_ingest([str(feed)]))
        first = store.articles()[0]
    assert [r.outcome for r in results] == [Outcome.STORED, Outcome.REJECTED, Outcome.STORED]
    duplicate = results[1].rejected
    assert duplicate is not None and duplicate.reason is RejectReason.DUPLICATE
    assert duplicate.duplicate_of == first.id
    assert first.id in duplicate.detail


def test_stdin_is_read(settings: Settings) -> None:
    with Store.open(settings.db_url) as store:
        summary = Pipeline(store, settings).ingest(["-"], stdin=io.BytesIO(GOOD_TEXT.encode()))
        assert summary.stored == 1
        assert store.articles()[0].source == "<stdin>"


def test_sidecar_overrides_what_the_text_prints(tmp_path: Path, settings: Settings) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Checkpoint attacked near city\nReuters, Jan 5, 2021, 10:00 AM GMT\n" + GOOD_TEXT, encoding="utf-8"
    )
    meta = tmp_path / "meta.jsonl"
    meta.write_text(
        json.dumps({"file": "page.txt", "outlet": "Sidecar News", "published": "2021-01-06"}) + "\n",
        encoding="utf-8",
    )
    with Store.open(settings.db_url) as store:
        Pipeline(store, settings).ingest([str(page)], meta=meta)
        article = store.articles()[0]
    assert article.outlet == "Sidecar News"
    assert article.published is not None and article.published.isoformat() == "2021-01-06"
    assert article.title == "Checkpoint attacked near city"


def test_plain_text_in_an_html_field_is_cleaned_as_text(tmp_path: Path, settings: Settings) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "x", "html": GOOD_TEXT, "outlet": "Feed"}) + "\n", encoding="utf-8")
    with Store.open(settings.db_url) as store:
        summary = Pipeline(store, settings).ingest([str(feed)])
        assert summary.stored == 1
        assert store.articles()[0].text.startswith("Militants attacked a checkpoint")


def test_jsonl_records_keep_their_id(tmp_path: Path, settings: Settings) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "SYR1", "text": GOOD_TEXT}) + "\n", encoding="utf-8")
    with Store.open(settings.db_url) as store:
        Pipeline(store, settings).ingest([str(feed)])
        assert store.articles()[0].input_id == "SYR1"


def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(40):
        (folder / f"{index:02d}.txt").write_text(generated_article(index), encoding="utf-8")
    _binary(folder)
    stored = []
    for workers in (1, 2):
        settings = Settings().with_(db_url=f"sqlite:///{tmp_path / f'w{workers}.db'}")
        with Store.open(settings.db_url) as store:
            results = list(Pipeline(store, settings, workers=workers).iter_ingest([str(folder)]))
            stored.append(([r.source for r in results], [a.id for a in store.articles()], store.counts()))
    assert stored[0] == stored[1]
    assert stored[0][2].articles == 40 and stored[0][2].rejections == 1
