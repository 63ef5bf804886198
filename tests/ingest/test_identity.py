"""Article identity: stable ids, and reprints told apart from distinct template-written reports."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.generated import generated_article
from wirewatch.ingest.identity import (
    article_id,
    containment,
    differs_in_substance,
    estimated_jaccard,
    fingerprint,
    shingles,
)

STORY = generated_article(7, sentences=14)


def test_id_ignores_case_spacing_and_quote_style() -> None:
    text = "The army said: \u201cfive rockets\u201d hit the base."
    assert article_id(text) == article_id('  the ARMY said:   "five rockets" hit the base.\n')
    assert article_id(text) != article_id(text.replace("five", "six"))


def test_a_reprint_with_its_own_lead_and_footer_is_contained_and_not_substantively_different() -> None:
    reprint = (
        "Residents were angry on Monday, local media reported. " + STORY + " Follow us on Telegram for more."
    )
    assert containment(shingles(reprint), shingles(STORY)) > 0.85
    assert not differs_in_substance(reprint, STORY)


def test_a_template_report_naming_another_village_differs_in_substance() -> None:
    first = (
        "Clashes took place between the army and rebels in Kafr Nabl in the southern countryside "
        "of Idleb. Two rebels were killed."
    )
    second = first.replace("Kafr Nabl", "Maarat al-Numan")
    assert containment(shingles(second), shingles(first)) > 0.6
    assert differs_in_substance(second, first)
    assert differs_in_substance(
        first.replace("Two rebels", "5 rebels"), first.replace("Two rebels", "2 rebels")
    )
    assert not differs_in_substance(first.replace("took place", "broke out"), first)  # a style edit


def test_minhash_estimates_overlap() -> None:
    same = fingerprint(STORY)
    assert estimated_jaccard(same.signature, fingerprint(STORY).signature) == 1.0
    other = fingerprint(generated_article(8, sentences=14))
    assert estimated_jaccard(same.signature, other.signature) < 0.3


@given(st.text(max_size=400), st.text(max_size=400))
def test_identity_functions_never_raise(new: str, old: str) -> None:
    assert 0.0 <= containment(shingles(new), shingles(old)) <= 1.0
    assert isinstance(differs_in_substance(new, old), bool)
    assert len(article_id(new)) == 16
