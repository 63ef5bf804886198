"""Shared fixtures: the shared data folder, and stores on SQLite and (when available) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from wirewatch.settings import Settings, normalise_db_url
from wirewatch.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO.parent / "shared").resolve()
UNDER_CI = os.environ.get("CI", "").lower() == "true"
PG_URL_VARIABLE = "WIREWATCH_TEST_PG_URL"


def need(condition: bool, reason: str) -> None:
    """Skip when a prerequisite is missing; under CI a missing prerequisite is a failure."""
    if condition:
        return
    if UNDER_CI:
        pytest.fail(f"{reason} (required under CI=true)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared() -> Path:
    need((SHARED / "seeds").is_dir(), f"../shared not found at {SHARED}; clone it beside the repo")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared: Path) -> Path:
    return shared / "seeds"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings().with_(db_url=f"sqlite:///{tmp_path / 'test.db'}")


def pg_base_url() -> str | None:
    url = os.environ.get(PG_URL_VARIABLE)
    return normalise_db_url(url) if url else None


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped after the test."""
    base = pg_base_url()
    need(
        base is not None,
        f"no PostgreSQL for the tests: set {PG_URL_VARIABLE}=postgresql://user:pass@host/db "
        "(.ci/run starts one and sets it)",
    )
    assert base is not None
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base)
    with admin.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each test using it runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened
