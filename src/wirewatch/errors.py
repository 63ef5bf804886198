"""Typed errors. Each one says what went wrong and how to fix it."""

from __future__ import annotations


class WirewatchError(Exception):
    """Base of every error wirewatch raises on purpose.

    ``fix`` tells the user what to do about it; the CLI prints it under the message.
    """

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return self.message if not self.fix else f"{self.message} — fix: {self.fix}"


class ConfigError(WirewatchError):
    """A setting or environment variable has a value wirewatch cannot use."""


class ModelNotInstalledError(ConfigError):
    """The configured spaCy model cannot be loaded."""


class DataFileError(WirewatchError):
    """A lexicon, actor or place data file is missing or malformed."""


class InputError(WirewatchError):
    """An input path or option is unusable (the run cannot start)."""


class StoreError(WirewatchError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(WirewatchError):
    """A requested record does not exist in the store."""
