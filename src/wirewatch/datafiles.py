"""Helpers shared by every loader of user-extendable data files (lexicons, furniture, actors)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from wirewatch.errors import DataFileError


def merge_documents(base: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """Merge a parsed data file into ``base``: lists are appended, tables merged key by key,
    other values replaced; the ``format`` key is the file's own and is never merged."""
    for key, value in extra.items():
        if key == "format":
            continue
        current = base.get(key)
        if isinstance(current, list) and isinstance(value, list):
            current.extend(value)
        elif isinstance(current, dict) and isinstance(value, Mapping):
            merge_documents(current, value)
        else:
            base[key] = copy.deepcopy(value)  # later merges must not change the parsed file


def read_user_file(path: Path, what: str) -> str:
    """The text of a user's data file, or a DataFileError that says what to check."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(
            f"cannot read {what} file {path}: {error}", "check the path and that it is UTF-8"
        ) from error


def load_merged(
    package_files: Sequence[str],
    extra_files: Sequence[Path],
    parse: Callable[[str, str], Mapping[str, Any]],
    what: str,
) -> tuple[dict[str, Any], list[str]]:
    """Read the package's data files (paths under ``wirewatch/data/``) and then the user's,
    each checked by ``parse(text, source)``, merged in that order; also returns the sources."""
    merged: dict[str, Any] = {}
    sources: list[str] = []
    data = resources.files("wirewatch").joinpath("data")
    for name in package_files:
        source = f"wirewatch/data/{name}"
        try:
            text = data.joinpath(*name.split("/")).read_text(encoding="utf-8")
        except OSError as error:
            raise DataFileError(
                f"the package's {source} is missing", "reinstall wirewatch (pip install -e .)"
            ) from error
        merge_documents(merged, parse(text, source))
        sources.append(source)
    for path in extra_files:
        merge_documents(merged, parse(read_user_file(path, what), str(path)))
        sources.append(str(path))
    return merged, sources
