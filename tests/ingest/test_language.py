"""detect_language on short paragraphs we wrote for the purpose."""

from __future__ import annotations

import time

import pytest

from wirewatch.ingest import language
from wirewatch.ingest.language import MIN_LETTERS, SAMPLE_CHARS, UNDETERMINED, detect_language

PARAGRAPHS = {
    "en": (
        "Two rockets struck near the airport on Tuesday night, officials said. Nobody was hurt, "
        "and flights resumed the next morning after engineers inspected the runway."
    ),
    "fr": (
        "Deux roquettes sont tombées près de l'aéroport mardi soir, selon les autorités. Personne "
        "n'a été blessé et les vols ont repris le lendemain matin après une inspection de la piste."
    ),
    "de": (
        "Zwei Raketen schlugen am Dienstagabend in der Nähe des Flughafens ein, sagten Beamte. "
        "Niemand wurde verletzt, und der Flugbetrieb wurde am nächsten Morgen wieder aufgenommen."
    ),
    "ar": (
        "سقط صاروخان قرب المطار مساء الثلاثاء، بحسب مسؤولين. ولم يصب أحد بأذى، واستؤنفت الرحلات "
        "صباح اليوم التالي بعد أن فحص المهندسون المدرج."
    ),
    "es": (
        "Dos cohetes cayeron cerca del aeropuerto el martes por la noche, según las autoridades. "
        "Nadie resultó herido y los vuelos se reanudaron a la mañana siguiente tras revisar la pista."
    ),
}


@pytest.mark.parametrize("expected", sorted(PARAGRAPHS))
def test_paragraphs_are_identified(expected: str) -> None:
    detected, probability = detect_language(PARAGRAPHS[expected])
    assert detected == expected
    assert 0.9 <= probability <= 1.0


@pytest.mark.parametrize(
    "text", ["", "   ", "Baghdad (AFP) —", "12:30 GMT 2024-02-08", "Rockets hit the base."]
)
def test_short_texts_are_undetermined(text: str) -> None:
    assert sum(ch.isalpha() for ch in text) < MIN_LETTERS
    assert detect_language(text) == (UNDETERMINED, 0.0)


def test_threshold_counts_letters_not_characters() -> None:
    just_enough = "Rockets struck the airport base on Tuesday night, said officials."
    assert sum(ch.isalpha() for ch in just_enough) >= MIN_LETTERS
    assert detect_language(just_enough)[0] == "en"
    padded = "Rockets hit the base. " + "1234567890 ... " * 20
    assert detect_language(padded) == (UNDETERMINED, 0.0)


def test_probability_is_normalised() -> None:
    _, probability = detect_language(PARAGRAPHS["en"][:60] + PARAGRAPHS["fr"][:60])
    assert 0.0 <= probability <= 1.0


def test_long_text_uses_only_the_start() -> None:
    # A long English article with a French comment section at the end is English.
    text = (PARAGRAPHS["en"] + " ") * (SAMPLE_CHARS // len(PARAGRAPHS["en"]) + 2) + PARAGRAPHS["fr"] * 50
    assert detect_language(text)[0] == "en"
    detect_language(text)  # model loaded by now
    start = time.perf_counter()
    for _ in range(20):
        detect_language(text)
    assert time.perf_counter() - start < 1.0


def test_model_is_loaded_once() -> None:
    detect_language(PARAGRAPHS["en"])
    first = language._model()
    detect_language(PARAGRAPHS["de"])
    assert language._model() is first
