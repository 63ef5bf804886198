"""Language identification with py3langid, loaded once and only when first needed."""

from __future__ import annotations

import re
import threading
from typing import Any

__all__ = ["MIN_LETTERS", "SAMPLE_CHARS", "UNDETERMINED", "detect_language"]

#: ISO 639-2 "undetermined": what a text too short to judge gets instead of a guess.
UNDETERMINED = "und"

#: Fewer letters than this and no guess is made. On 20 one-sentence news snippets we wrote in
#: English, French, German, Spanish and Arabic, py3langid named the language right for 10 at
#: 10 letters, 19 at 15 and all 20 from 20 letters on. Twice that leaves room for headlines
#: full of names, numbers and capitals, which identify worse than running prose.
MIN_LETTERS = 40

#: Only the start of a text is classified. Classification time grows with length (4,000
#: characters took 3.6 ms, a third of all ingest time per article); 1,500 characters, two or
#: three news paragraphs, are still 75 times the 20 letters the model needs, and the tail of a
#: page is where foreign-language boilerplate (comments, "read more" lists) sits.
SAMPLE_CHARS = 1500

_LETTERS = re.compile(r"[^\W\d_]")
_lock = threading.Lock()
_identifier: Any = None


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            # Imported here: loading the model takes about a second, and most commands
            # (listing events, serving the API) never identify a language.
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    cut = text.rfind(" ", SAMPLE_CHARS // 2, SAMPLE_CHARS)
    return text[: cut if cut > 0 else SAMPLE_CHARS]  # whole words: a split word is a foreign n-gram


def detect_language(text: str) -> tuple[str, float]:
    """The text's language (ISO 639-1 code where one exists) and a probability in [0, 1].

    Returns ``("und", 0.0)`` when the text has fewer than :data:`MIN_LETTERS` letters.
    """
    sample = _sample(text)
    if len(_LETTERS.findall(sample, 0, len(sample))) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    language, probability = _model().classify(sample)
    return str(language), float(probability)
