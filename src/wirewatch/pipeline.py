"""The pipeline: the only module that knows the order of the stages.

sources → ingest (read, clean, identify) → [nlp → extract → resolve → merge, in later stages]
→ store. Each input is handled to the end and committed on its own, so a run that is killed
keeps every article it finished, and the next run skips them unread.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from wirewatch.errors import StoreError
from wirewatch.ingest.article import to_article
from wirewatch.ingest.document import RawDocument
from wirewatch.ingest.identity import containment, content_hash, fingerprint, shingles
from wirewatch.ingest.plaintext import FurnitureRules
from wirewatch.ingest.readers import Sidecar, count_inputs, iter_documents, load_sidecar
from wirewatch.schema import Article, Rejected, RejectReason
from wirewatch.settings import Settings
from wirewatch.store import Store

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    """What one input came to."""

    STORED = "stored"
    ALREADY_STORED = "already_stored"  # this input, or an article with the same id, is in the store
    REJECTED = "rejected"  # includes near-duplicates (reason 'duplicate')


@dataclass(frozen=True)
class IngestResult:
    """The result for one input document."""

    source: str
    outcome: Outcome
    article: Article | None = None
    rejected: Rejected | None = None


@dataclass
class IngestSummary:
    """Totals of a run, for the closing summary."""

    stored: int = 0
    already_stored: int = 0
    rejected_by_reason: Counter[str] = field(default_factory=Counter)

    def add(self, result: IngestResult) -> None:
        if result.outcome is Outcome.STORED:
            self.stored += 1
        elif result.outcome is Outcome.ALREADY_STORED:
            self.already_stored += 1
        elif result.rejected is not None:
            self.rejected_by_reason[result.rejected.reason.value] += 1

    @property
    def duplicates(self) -> int:
        return self.rejected_by_reason.get(RejectReason.DUPLICATE.value, 0)

    @property
    def rejected(self) -> int:
        return sum(self.rejected_by_reason.values()) - self.duplicates

    @property
    def total(self) -> int:
        return self.stored + self.already_stored + sum(self.rejected_by_reason.values())


class Pipeline:
    """Runs inputs through the stages into a store."""

    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or Settings.from_env()
        extra = [
            path
            for directory in self.settings.data_dirs
            for path in sorted(directory.glob("furniture*.toml"))
        ]
        self.furniture = FurnitureRules.load(extra)

    def process(self, raw: RawDocument) -> IngestResult:
        """Take one raw document to the store (or to a recorded rejection)."""
        raw_hash = content_hash(f"{raw.kind}\x00{raw.content}")
        if self.store.seen_input(raw_hash):
            return IngestResult(raw.source, Outcome.ALREADY_STORED)
        prepared = to_article(raw, self.settings, self.furniture)
        if isinstance(prepared, Rejected):
            return self._reject(prepared, raw_hash)
        if self.store.has_article(prepared.id):
            return IngestResult(raw.source, Outcome.ALREADY_STORED, article=prepared)
        print_ = fingerprint(prepared.text)
        duplicate = self._first_copy(prepared, print_.band_keys)
        if duplicate is not None:
            first_id, overlap = duplicate
            return self._reject(
                Rejected(
                    source=raw.source,
                    reason=RejectReason.DUPLICATE,
                    detail=f"near-duplicate of stored article {first_id} "
                    f"({overlap:.0%} of this text appears in it)",
                    duplicate_of=first_id,
                    article_id=prepared.id,
                ),
                raw_hash,
            )
        stored = self.store.add_article(
            prepared, signature=print_.signature, band_keys=print_.band_keys, content_hash=raw_hash
        )
        outcome = Outcome.STORED if stored else Outcome.ALREADY_STORED
        return IngestResult(raw.source, outcome, article=prepared)

    def _first_copy(self, article: Article, band_keys: Sequence[str]) -> tuple[str, float] | None:
        """The stored article this one reprints, with the share of its text found there."""
        candidates = self.store.near_duplicate_candidates(band_keys)
        if not candidates:
            return None
        new = shingles(article.text)
        texts = self.store.article_texts(candidates)
        best: tuple[str, float] | None = None
        for candidate_id in candidates:  # oldest first: on a tie the first copy wins
            overlap = containment(new, shingles(texts[candidate_id]))
            if overlap >= self.settings.near_duplicate_threshold and (best is None or overlap > best[1]):
                best = (candidate_id, overlap)
        return best

    def _reject(self, rejected: Rejected, raw_hash: str | None) -> IngestResult:
        log.warning("skipped %s: %s (%s)", rejected.source, rejected.reason.value, rejected.detail)
        self.store.add_rejection(rejected, content_hash=raw_hash)
        return IngestResult(rejected.source, Outcome.REJECTED, rejected=rejected)

    def ingest(
        self,
        paths: Sequence[str],
        *,
        meta: Path | None = None,
        stdin: BinaryIO | None = None,
        on_result: Callable[[IngestResult], None] | None = None,
    ) -> IngestSummary:
        """Ingest every document under ``paths`` ('-' is stdin); returns the totals."""
        sidecar: Sidecar | None = load_sidecar(meta) if meta is not None else None
        summary = IngestSummary()
        for result in self.iter_ingest(paths, sidecar=sidecar, stdin=stdin):
            summary.add(result)
            if on_result is not None:
                on_result(result)
        return summary

    def iter_ingest(
        self, paths: Sequence[str], *, sidecar: Sidecar | None = None, stdin: BinaryIO | None = None
    ) -> Iterator[IngestResult]:
        for item in iter_documents(paths, self.settings, sidecar, stdin=stdin):
            if isinstance(item, Rejected):
                yield self._reject(item, None)
                continue
            try:
                yield self.process(item)
            except StoreError:
                raise  # the store is unusable: stopping is the only safe choice
            except Exception as exc:
                log.exception("failed on %s", item.source)
                yield self._reject(
                    Rejected(
                        source=item.source,
                        reason=RejectReason.MALFORMED,
                        detail=f"could not be processed ({type(exc).__name__}: {exc}); "
                        "this is a wirewatch bug, please report it with the file",
                    ),
                    None,
                )


def estimate_inputs(paths: Sequence[str]) -> int:
    """How many documents ``paths`` hold, roughly (for a progress bar's total)."""
    return count_inputs(paths)
