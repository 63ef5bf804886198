"""What every export writer shares: options, results, and writing to a file or stdout safely."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from wirewatch.errors import InputError

#: Looks up the outlet (publisher) of an article id; None when unknown. Events hold mentions
#: with article ids only, so writers that name sources (ACLED's ``source`` column) need one.
OutletLookup = Callable[[str], str | None]


@dataclass(frozen=True)
class ExportOptions:
    """Settings a writer may use; each writer documents the ones it reads."""

    #: ACLED CSV: also write events that did not (yet) happen per the text (threatened,
    #: planned, hypothetical, denied, historical) and verbal-only events.
    include_unhappened: bool = False
    #: ACLED CSV: event_date as ISO 8601 (2024-01-28) instead of ACLED's "28 January 2024".
    iso_dates: bool = False
    #: Article id -> outlet, for source columns (ACLED ``source``, Parquet ``sources``).
    outlet_of: OutletLookup | None = None
    #: ACLED CSV ``timestamp``: when the rows were made (default: now). Fixed in tests.
    exported_at: dt.datetime | None = None
    #: Extra actor dictionary files (the user's own ACLED names), as the resolver takes them.
    actor_files: tuple[Path, ...] = ()
    #: Extra ACLED country tables (``acled_countries*.tsv``), read after the package's.
    country_files: tuple[Path, ...] = ()


@dataclass
class ExportResult:
    """How many events a writer wrote, and how many it left out and why."""

    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


class ExportError(InputError):
    """An export cannot be written as asked (a bad destination or option)."""


#: Permissions of a new file before the umask, as open() creates it.
_NEW_FILE_MODE = 0o666


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def open_destination(destination: Path | None, *, binary: bool = False) -> Iterator[IO[str] | IO[bytes]]:
    """A file object for ``destination`` (stdout when None).

    A file is written under a temporary name in the same folder and renamed into place only
    when the writer finishes, so an interrupted or failed export never leaves a truncated file
    that looks complete (and never clobbers an earlier good export).
    """
    if destination is None:
        stream: IO[str] | IO[bytes] = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    folder = destination.parent
    if not folder.is_dir():
        raise ExportError(
            f"cannot write {destination}: folder {folder} does not exist",
            f"create it first (mkdir -p {folder}) or pick another -o path",
        )
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ExportError(
            f"cannot write to {folder}: {error.strerror}", "pick a folder you can write to"
        ) from error
    temporary_path = Path(temporary)
    try:
        if binary:
            with os.fdopen(handle, "wb") as binary_out:
                yield binary_out
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as text_out:
                yield text_out
        # mkstemp makes the file private (0600); an export gets the mode of any new file.
        temporary_path.chmod(_NEW_FILE_MODE & ~_current_umask())
        temporary_path.replace(destination)
    except BaseException:
        temporary_path.unlink(missing_ok=True)
        raise
