"""clean_plaintext on the five scraped seed pages in ../shared/seeds, against their gold answer.

The pages are third-party text: they are read from ../shared at run time, never copied here.
Without ../shared the tests skip, except under CI=true, where a missing folder is a failure.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from wirewatch.ingest.plaintext import FurnitureRules, clean_plaintext

SHARED = Path(__file__).parents[2] / ".." / "shared"
SEEDS = SHARED / "seeds"

pytestmark = pytest.mark.shared


def _require_seeds() -> Path:
    if (SEEDS / "gold.json").is_file() and (SEEDS / "articles").is_dir():
        return SEEDS
    reason = f"seed articles not found under {SHARED.resolve()}; clone ../shared beside the repo"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (required under CI=true)")
    pytest.skip(reason)


def _gold() -> dict[str, dict[str, Any]]:
    if not (SEEDS / "gold.json").is_file():
        return {}
    articles: dict[str, dict[str, Any]] = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))[
        "articles"
    ]
    return articles


GOLD = _gold()
# One parameter per seed when ../shared is present; one that skips (or fails under CI) if not.
KEYS = sorted(GOLD) or ["<no seeds>"]


def _printed_date(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat()[:10] if value is not None else None


@pytest.mark.parametrize("key", KEYS)
def test_seed_title_date_and_body_bounds(key: str) -> None:
    seeds = _require_seeds()
    expected = GOLD[key]
    cleaned = clean_plaintext((seeds / "articles" / f"{key}.txt").read_text(encoding="utf-8"))
    assert cleaned.title == expected["title"]
    assert _printed_date(cleaned.published) == expected["published"]
    assert cleaned.body.startswith(expected["body_starts_with"])
    assert cleaned.body.endswith(expected["body_ends_with"])


@pytest.mark.parametrize("key", KEYS)
def test_seed_sections_lie_in_body_and_carry_their_own_dates(key: str) -> None:
    seeds = _require_seeds()
    cleaned = clean_plaintext((seeds / "articles" / f"{key}.txt").read_text(encoding="utf-8"))
    for section in cleaned.sections:
        assert 0 <= section.start <= section.end <= len(cleaned.body)
        assert section.dateline in cleaned.body[section.start : section.end]
        assert section.published is not None


def test_a_sidebar_story_keeps_its_own_dateline_date() -> None:
    """The page dated one day that carries a story datelined another day (a sidebar).

    Found from the gold answer and the text, not by name: the page whose body holds a
    dateline with a date other than the page's own printed date.
    """
    seeds = _require_seeds()
    found = 0
    for key, expected in GOLD.items():
        cleaned = clean_plaintext((seeds / "articles" / f"{key}.txt").read_text(encoding="utf-8"))
        if not cleaned.sections:
            continue
        found += 1
        page_date = expected["published"]
        assert page_date is not None, "sections need a page date to differ from"
        own = [s for s in cleaned.sections if _printed_date(s.published) != page_date]
        assert own, "a section exists only when its date differs from the page's"
        for section in own:
            text = cleaned.body[section.start : section.end]
            # The dateline heads the stretch it governs (a headline may stand above it) ...
            assert text.find(section.dateline) <= text.find("\n") + 1
            # ... and its date is the one printed in it, not the page's.
            printed = section.published
            assert printed is not None
            day = printed.date() if isinstance(printed, dt.datetime) else printed
            assert str(day.day) in section.dateline
            assert str(day.year) in section.dateline or day.year == int(page_date[:4])
        # The body before the first section reads against the page date.
        assert _printed_date(cleaned.published) == page_date
    assert found >= 1, "no seed page yielded a dated sidebar section"


def test_pages_with_one_date_have_no_sections() -> None:
    seeds = _require_seeds()
    for key in GOLD:
        cleaned = clean_plaintext((seeds / "articles" / f"{key}.txt").read_text(encoding="utf-8"))
        dates = {_printed_date(s.published) for s in cleaned.sections} | {_printed_date(cleaned.published)}
        if len(dates - {None}) <= 1:
            assert cleaned.sections == ()


def test_seeds_with_crlf_line_endings_give_the_same_answer() -> None:
    seeds = _require_seeds()
    rules = FurnitureRules.load()
    for key in GOLD:
        text = (seeds / "articles" / f"{key}.txt").read_text(encoding="utf-8")
        assert clean_plaintext(text.replace("\n", "\r\n"), rules) == clean_plaintext(text, rules)
