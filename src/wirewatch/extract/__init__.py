"""Event extraction (stub while rules-v1 is written)."""

from wirewatch.registry import Registry

EXTRACTORS: Registry[object] = Registry("extractor")
