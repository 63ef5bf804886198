"""A process killed with SIGKILL mid-ingest leaves only whole articles; a re-run completes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.generated import generated_article
from wirewatch.ingest.identity import LSH_BANDS, article_id
from wirewatch.settings import normalise_db_url
from wirewatch.store import Store

ARTICLES = 1000
#: Sentences per generated article: short articles keep the run (full NLP on 1,000 of them)
#: to about a minute on 2 cores; the crash-safety property does not depend on length.
SENTENCES = 3
#: Worker processes: the kill must also leave no harm when analysis runs in a pool.
WORKERS = 2
#: Articles that must be committed before the kill, so the kill lands part-way through.
KILL_AFTER = 100
#: Longest a run may take before the test gives up (it needs a few seconds on 2 cores).
RUN_TIMEOUT_SECONDS = 600


def write_inputs(folder: Path) -> dict[str, str]:
    folder.mkdir()
    expected = {}
    for index in range(ARTICLES):
        text = generated_article(index, sentences=SENTENCES)
        (folder / f"article_{index:04d}.txt").write_text(text + "\n", encoding="utf-8")
        expected[article_id(text)] = text
    return expected


def ingest_command(folder: Path, db_url: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "wirewatch",
        "ingest",
        str(folder),
        "--db",
        db_url,
        "--no-progress",
        "--json",
    ]


def stored_count(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.text("SELECT count(*) FROM articles")).scalar_one())


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_stores_each_article_once(tmp_path: Path, db_url: str) -> None:
    expected = write_inputs(tmp_path / "inputs")
    Store.open(db_url).close()  # migrate first, so polling below never races table creation
    engine = sa.create_engine(normalise_db_url(db_url))
    process = subprocess.Popen(
        ingest_command(tmp_path / "inputs", db_url), env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    deadline = time.monotonic() + RUN_TIMEOUT_SECONDS
    while stored_count(engine) < KILL_AFTER:
        assert process.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline, "the run stored too little in time"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    at_kill = stored_count(engine)
    engine.dispose()
    assert KILL_AFTER <= at_kill < ARTICLES, f"the kill did not land part-way ({at_kill} stored)"

    rerun = subprocess.run(
        ingest_command(tmp_path / "inputs", db_url),
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_SECONDS,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr

    with Store.open(db_url) as store:
        stored = {article.id: article.text for article in store.articles()}
        with store.engine.connect() as connection:
            bands = dict(
                connection.execute(
                    sa.text("SELECT article_id, count(*) FROM article_bands GROUP BY article_id")
                ).all()
            )
            inputs = connection.execute(
                sa.text("SELECT count(*) FROM inputs WHERE outcome = 'stored'")
            ).scalar_one()
        assert store.counts().rejections == 0
    assert stored == expected  # every article exactly once (ids are keys), with its whole text
    assert all(bands.get(identifier) == LSH_BANDS for identifier in expected), "an article lost its band rows"
    assert inputs == ARTICLES
