"""clean_plaintext on the project's own sample pages (examples/articles/*.txt).

The answer is the "articles" section of examples/gold.json: title, printed publication date,
and the first and last words of the body. The pages carry menus, breadcrumbs, share rows and
tag lines of short items between separators, which must never be read as "title | site".
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from wirewatch.ingest.plaintext import clean_plaintext

EXAMPLES = Path(__file__).parents[2] / "examples"


def _gold() -> dict[str, dict[str, Any]]:
    articles: dict[str, dict[str, Any]] = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))[
        "articles"
    ]
    return articles


GOLD = _gold()


def _printed_date(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat()[:10] if value is not None else None


def test_every_text_sample_has_a_gold_answer() -> None:
    samples = {path.stem for path in (EXAMPLES / "articles").glob("*.txt")}
    assert samples
    assert samples == set(GOLD)


@pytest.mark.parametrize("key", sorted(GOLD))
def test_sample_title_date_and_body_bounds(key: str) -> None:
    expected = GOLD[key]
    cleaned = clean_plaintext((EXAMPLES / "articles" / f"{key}.txt").read_text(encoding="utf-8"))
    assert cleaned.title == expected["title"]
    assert _printed_date(cleaned.published) == expected["published"]
    assert cleaned.body.startswith(expected["body_starts_with"])
    assert cleaned.body.endswith(expected["body_ends_with"])


@pytest.mark.parametrize("key", sorted(GOLD))
def test_no_menu_line_is_taken_for_the_title(key: str) -> None:
    cleaned = clean_plaintext((EXAMPLES / "articles" / f"{key}.txt").read_text(encoding="utf-8"))
    assert cleaned.title is not None
    assert "|" not in cleaned.title
    assert cleaned.outlet is None or "|" not in cleaned.outlet


@pytest.mark.parametrize(
    "line",
    [
        "Defence | Iraq | Syria | Jordan | Gulf | Energy | Cyber",
        "Home > Iraq > Security",
        "Home › World",
        "World / Middle East / Iraq",
        "News · Politics · Security",
        "Politics • Security • Economy",
        "Facebook   X   LinkedIn   WhatsApp   Email",
        "About us | Careers | Contact | Advertise with us | Terms of use",
    ],
)
def test_a_row_of_short_items_above_the_headline_is_furniture(line: str) -> None:
    page = (
        f"{line}\n"
        "Militants ambush army patrol near the border\n"
        "Militants ambushed an army patrol near the border on Monday, killing two soldiers, "
        "a military spokesman said.\n"
        "The attackers withdrew after an exchange of fire lasting about an hour, he said.\n"
    )
    cleaned = clean_plaintext(page)
    assert cleaned.title == "Militants ambush army patrol near the border"
    assert cleaned.outlet is None
    assert cleaned.body.startswith("Militants ambushed an army patrol")


def test_a_title_with_a_section_and_site_suffix_is_not_a_menu() -> None:
    page = (
        "Shelling hits hospital in eastern town | World | Daily Ledger\n"
        "The regional governor said artillery shells struck the hospital's maternity ward "
        "overnight, killing one nurse.\n"
    )
    cleaned = clean_plaintext(page)
    assert cleaned.title == "Shelling hits hospital in eastern town"
    assert cleaned.outlet == "Daily Ledger"
