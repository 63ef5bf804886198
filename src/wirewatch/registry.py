"""Named, versioned implementations of pluggable stages (extractors today; more later).

A stage is chosen by a registry name such as ``"rules-v1"`` so that a learned or LLM-backed
extractor can sit beside the rule-based one and records say which produced them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from wirewatch.errors import ConfigError

T = TypeVar("T")


class Registry(Generic[T]):
    """A mapping from names to factories, with errors that list the known names."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[[], T]] = {}

    def register(self, name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
        def decorator(factory: Callable[[], T]) -> Callable[[], T]:
            if name in self._factories:
                raise ConfigError(f"{self.kind} {name!r} is registered twice", "give each a unique name")
            self._factories[name] = factory
            return factory

        return decorator

    def create(self, name: str) -> T:
        try:
            factory = self._factories[name]
        except KeyError:
            known = ", ".join(sorted(self._factories)) or "none"
            raise ConfigError(f"unknown {self.kind} {name!r}", f"use one of: {known}") from None
        return factory()

    def names(self) -> list[str]:
        return sorted(self._factories)
