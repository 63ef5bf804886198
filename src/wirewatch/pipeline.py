"""The pipeline: the only module that knows the order of the stages.

sources → ingest (read, clean, identify) → nlp → extract → resolve → merge → store.

The stages that need no store run in a :class:`Preparer`, in this process or in worker
processes (one per core); only this process writes. Each input is committed on its own, in
input order, so a run that is killed keeps every article it finished, and the next run skips
them unread.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from wirewatch.errors import ConfigError, WirewatchError
from wirewatch.extraction import EXTRACTORS
from wirewatch.ingest.article import to_article
from wirewatch.ingest.document import RawDocument
from wirewatch.ingest.html import HtmlFurnitureRules
from wirewatch.ingest.identity import containment, content_hash, differs_in_substance, fingerprint, shingles
from wirewatch.ingest.plaintext import FurnitureRules
from wirewatch.ingest.readers import Sidecar, count_inputs, iter_documents, load_sidecar
from wirewatch.merge import singleton_events
from wirewatch.merge.cluster import merge_mentions
from wirewatch.merge.corrections import Correction, CorrectionKind, apply_corrections
from wirewatch.merge.events import reported_events
from wirewatch.nlp import load_model, parse_article
from wirewatch.resolve import Resolver
from wirewatch.schema import Article, Extraction, Rejected, RejectReason
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


@dataclass(frozen=True)
class Prepared:
    """One document after the CPU-bound stages, ready to be committed (crosses processes)."""

    source: str
    raw_hash: str | None
    result: Article | Rejected
    signature: bytes = b""
    band_keys: tuple[str, ...] = ()
    extraction: Extraction | None = None


class Preparer:
    """The stages that need no store: clean, identify, fingerprint, parse, extract, resolve.
    One per process, so several can run side by side."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.furniture = FurnitureRules.load(settings.user_data_files("furniture*.toml"))
        self.html_rules = HtmlFurnitureRules.load(settings.user_data_files("html_furniture*.toml"))
        self.extractor = EXTRACTORS.create(settings.extractor)
        self.resolver = Resolver(settings)
        self._nlp: Any = None

    def analyse(self, article: Article) -> Extraction:
        """Parse, extract and resolve: every event mention and aggregate claim of an article."""
        if self._nlp is None:
            self._nlp = load_model(self.settings.spacy_model)  # once per process, on first use
        parsed = parse_article(article, self._nlp)
        return self.resolver.resolve(self.extractor.extract(parsed), article)

    def __call__(self, raw: RawDocument, raw_hash: str | None) -> Prepared:
        try:
            result = to_article(raw, self.settings, self.furniture, self.html_rules)
        except WirewatchError:
            raise
        except Exception as exc:  # one bad document must not end a batch run; it is logged
            log.exception("failed on %s", raw.source)
            return Prepared(raw.source, None, _bug(raw.source, exc))
        if isinstance(result, Rejected):
            return Prepared(raw.source, raw_hash, result)
        print_ = fingerprint(result.text)
        try:
            extraction = self.analyse(result)
        except WirewatchError:
            raise
        except Exception as exc:  # an analysis bug costs this document, not the run; it is logged
            log.exception("analysis failed on %s", raw.source)
            return Prepared(raw.source, None, _bug(raw.source, exc))
        return Prepared(raw.source, raw_hash, result, print_.signature, print_.band_keys, extraction)


def _bug(source: str, exc: Exception) -> Rejected:
    return Rejected(
        source=source,
        reason=RejectReason.MALFORMED,
        detail=f"could not be processed ({type(exc).__name__}: {exc}); "
        "this is a wirewatch bug, please report it with the file",
    )


# Worker processes keep one Preparer each, built once by the pool's initializer.
_worker: Preparer | None = None


def _start_worker(settings: Settings) -> None:
    global _worker
    _worker = Preparer(settings)


def _prepare_in_worker(job: tuple[RawDocument, str | None]) -> Prepared:
    assert _worker is not None, "worker used before its initializer ran"
    return _worker(*job)


#: Documents handed to the worker pool at a time, per worker. Large enough to keep every
#: worker busy between commits, small enough that a killed run loses little unfinished work.
DOCUMENTS_PER_WORKER_CHUNK = 8


class Pipeline:
    """Runs inputs through the stages into a store."""

    def __init__(self, store: Store, settings: Settings | None = None, *, workers: int = 1) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}", "use --workers 1 or more")
        self.store = store
        self.settings = settings or Settings.from_env()
        self.workers = workers
        self.preparer = Preparer(self.settings)

    def process(self, raw: RawDocument) -> IngestResult:
        """Take one raw document to the store (or to a recorded rejection)."""
        raw_hash = self._input_hash(raw)
        if self.store.seen_input(raw_hash):
            return IngestResult(raw.source, Outcome.ALREADY_STORED)
        return self.commit(self.preparer(raw, raw_hash))

    @staticmethod
    def _input_hash(raw: RawDocument) -> str:
        return content_hash(f"{raw.kind}\x00{raw.content}")

    def commit(self, prepared: Prepared) -> IngestResult:
        """Store a prepared document (or its rejection): the only step that writes."""
        article = prepared.result
        if isinstance(article, Rejected):
            return self._reject(article, prepared.raw_hash)
        if self.store.has_article(article.id):
            return IngestResult(prepared.source, Outcome.ALREADY_STORED, article=article)
        duplicate = self._first_copy(article, prepared.band_keys)
        if duplicate is not None:
            first_id, overlap = duplicate
            return self._reject(
                Rejected(
                    source=prepared.source,
                    reason=RejectReason.DUPLICATE,
                    detail=f"near-duplicate of stored article {first_id} "
                    f"({overlap:.0%} of this text appears in it)",
                    duplicate_of=first_id,
                    article_id=article.id,
                ),
                prepared.raw_hash,
            )
        extraction = prepared.extraction
        events = singleton_events(extraction.mentions) if extraction is not None else []
        stored = self.store.add_article(
            article,
            signature=prepared.signature,
            band_keys=prepared.band_keys,
            content_hash=prepared.raw_hash,
            extraction=extraction,
            events=events,
        )
        outcome = Outcome.STORED if stored else Outcome.ALREADY_STORED
        return IngestResult(prepared.source, outcome, article=article)

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
            if overlap < self.settings.near_duplicate_threshold or differs_in_substance(
                article.text, texts[candidate_id]
            ):
                continue
            if best is None or overlap > best[1]:
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
        if summary.stored:
            self.remerge()
        return summary

    def remerge(self) -> int:
        """Rebuild every event from the stored mentions; deterministic, whatever the order the
        articles arrived in. Returns the number of events."""
        actors = self.preparer.resolver.actors
        generic = [
            word
            for country in actors.countries.values()
            for word in (country.name, *country.names, *country.demonyms)
        ]
        events = merge_mentions(self.store.mentions(), same_actor=actors.same_actor, generic_words=generic)
        corrections = [
            Correction(CorrectionKind(c.kind), c.mention_ids, c.note, c.author, c.created_at)
            for c in self.store.corrections()
        ]
        if corrections:
            events = apply_corrections(events, corrections, same_actor=actors.same_actor)
        events = [self.preparer.resolver.complete_event(event) for event in reported_events(events)]
        self.store.replace_events(events)
        return len(events)

    def iter_ingest(
        self, paths: Sequence[str], *, sidecar: Sidecar | None = None, stdin: BinaryIO | None = None
    ) -> Iterator[IngestResult]:
        """Results in input order. With several workers, documents are prepared in parallel
        in chunks and committed in order by this process alone."""
        documents = iter_documents(paths, self.settings, sidecar, stdin=stdin)
        if self.workers == 1:
            for item in documents:
                yield self._reject(item, None) if isinstance(item, Rejected) else self.process(item)
            return
        chunk_size = self.workers * DOCUMENTS_PER_WORKER_CHUNK
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        with context.Pool(self.workers, initializer=_start_worker, initargs=(self.settings,)) as pool:
            while chunk := list(itertools.islice(documents, chunk_size)):
                jobs: list[tuple[RawDocument, str | None]] = []
                slots: list[IngestResult | int] = []  # a finished result, or an index into jobs
                for item in chunk:
                    if isinstance(item, Rejected):
                        slots.append(self._reject(item, None))
                        continue
                    raw_hash = self._input_hash(item)
                    if self.store.seen_input(raw_hash):
                        slots.append(IngestResult(item.source, Outcome.ALREADY_STORED))
                        continue
                    slots.append(len(jobs))
                    jobs.append((item, raw_hash))
                prepared = pool.map(_prepare_in_worker, jobs)
                for slot in slots:
                    yield self.commit(prepared[slot]) if isinstance(slot, int) else slot


def estimate_inputs(paths: Sequence[str]) -> int:
    """How many documents ``paths`` hold, roughly (for a progress bar's total)."""
    return count_inputs(paths)
