"""Ingesting review documents into the register: the core of `casereview ingest` (and the web
upload). Files are read in limited worker processes, several at a time; each document is
written in its own transaction, so one broken file never stops or spoils a batch.

Which review a document belongs to: the one named with `review=` (created if the register
does not hold it yet); otherwise a review whose reference is the file name without its
extension ("Child T SCR.pdf" -> "Child T SCR"), created if needed. The same file (same
SHA-256) is stored once: ingesting it again adds nothing and says which review has it.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import IntegrityError

from casereview.errors import CaseReviewError, DocumentError
from casereview.ingest.files import file_sha256, kind_of, shown, storable
from casereview.ingest.model import ExtractedDocument
from casereview.ingest.reader import SUFFIXES, read_document
from casereview.ingest.sections import count_recommendations
from casereview.sandbox import DEFAULT_LIMITS, Limits, run_limited
from casereview.store.database import Store
from casereview.store.document_store import add_document, document_by_sha, get_or_create_review

Status = Literal["added", "duplicate", "failed"]
MAX_REFERENCE = 100  # reviews.reference is String(100)


@dataclass(frozen=True)
class IngestResult:
    path: Path
    status: Status
    message: str
    document_id: int | None = None
    review: str | None = None
    pages: int = 0
    recommendations: int | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def reference_from_filename(path: Path) -> str:
    """The review reference given to a document ingested without --review."""
    ref = " ".join(shown(path.stem).split())[:MAX_REFERENCE].strip()
    if not ref:
        raise DocumentError(
            f"{shown(path.name)}: cannot make a review reference from this file name; use --review REF"
        )
    return ref


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[IngestResult]]:
    """Files named, and the readable files inside folders named (recursively, hidden files and
    other types skipped); a path that does not exist, or names something other than a regular
    file or folder (a FIFO, a device, a socket), is a failed result. Only stat() is used here:
    nothing is opened."""
    files: list[Path] = []
    refused: list[IngestResult] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        try:
            mode = p.stat().st_mode
        except OSError as exc:
            reason = (
                "no such file or folder" if isinstance(exc, FileNotFoundError) else exc.strerror
            )
            refused.append(IngestResult(p, "failed", f"{shown(str(p))}: {reason}"))
            continue
        if stat.S_ISDIR(mode):
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()  # follows symlinks; true for regular files only
                and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif stat.S_ISREG(mode):
            found = [p]
        else:
            what = kind_of(mode)
            message = f"{shown(p.name)}: refused: {what}, not a regular file"
            refused.append(IngestResult(p, "failed", message))
            continue
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, refused


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    review: str | None = None,
    workers: int = 1,
    limits: Limits = DEFAULT_LIMITS,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest files and folders; returns one result per file, in the order they finished.

    `on_start(n)` is told how many files there are; `on_result` hears each result as it comes
    (for a progress bar). Nothing is raised for a bad file: its result says why it failed.
    At most two files per worker are read ahead of the one being stored, and each document
    is dropped once stored, so memory does not grow with the size of the batch.
    """
    if workers < 1:
        raise CaseReviewError(f"workers must be at least 1, not {workers}")
    if review is not None and not review.strip():
        raise CaseReviewError("--review needs a review reference")
    files, results = collect_files(paths)
    if on_start is not None:
        on_start(len(files) + len(results))
    for r in results:
        _tell(on_result, r)

    todo = iter(files)
    pending: dict[Future[IngestResult | ExtractedDocument], Path] = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        while True:
            while len(pending) < 2 * workers and (f := next(todo, None)) is not None:
                pending[pool.submit(_read_new, store, f, limits)] = f
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                f = pending.pop(future)
                results.append(_tell(on_result, _settle(store, f, future, review)))
    return results


def _read_new(store: Store, path: Path, limits: Limits) -> IngestResult | ExtractedDocument:
    """Hash the file in a worker; a file already stored is a duplicate, any other is read."""
    sha = run_limited(file_sha256, path, label=shown(path.name), limits=limits)
    with store.session() as s:  # skip files already stored before paying for a parse
        known = document_by_sha(s, sha)
    if known is not None:
        return _duplicate(path, known.id, known.review)
    return read_document(path, limits=limits)


def _settle(
    store: Store,
    path: Path,
    future: Future[IngestResult | ExtractedDocument],
    review: str | None,
) -> IngestResult:
    """The result for one file: whatever goes wrong with it is its refusal, never the batch's."""
    try:
        got = future.result()
        if isinstance(got, IngestResult):
            return got
        return store_document(store, path, got, review=review)
    except CaseReviewError as exc:
        return IngestResult(path, "failed", shown(exc.message))
    except Exception as exc:  # noqa: BLE001 (one file's failure must not end the batch)
        reason = " ".join(str(exc).split())[:300]
        return IngestResult(
            path, "failed", f"{shown(path.name)}: not stored ({type(exc).__name__}: {reason})"
        )


def store_document(
    store: Store, path: Path, doc: ExtractedDocument, *, review: str | None = None
) -> IngestResult:
    """Write one read document (and its review, if new) in one transaction."""
    try:
        reference = storable(review.strip()) if review else reference_from_filename(path)
        with store.session(write=True) as s:  # waits for another writer (SQLite)
            known = document_by_sha(s, doc.sha256)
            if known is not None:
                return _duplicate(path, known.id, known.review)
            title = storable(doc.title) if doc.title else None
            rev, created = get_or_create_review(s, reference, title)
            row = add_document(s, doc, rev, size_bytes=_size(path))
            doc_id = row.id
    except IntegrityError:  # another process stored the same file a moment ago
        with store.session() as s:
            known = document_by_sha(s, doc.sha256)
        if known is None:
            raise
        return _duplicate(path, known.id, known.review)
    except CaseReviewError as exc:
        return IngestResult(path, "failed", shown(exc.message))
    # The reader found the sections already; none found means none (not: look again here,
    # in the unlimited process, on every document without headings).
    recs = count_recommendations(doc) if doc.sections else None
    new = " (new review)" if created else ""
    return IngestResult(
        path,
        "added",
        f"{shown(path.name)}: {doc.page_count} page{'s' if doc.page_count != 1 else ''}, "
        f"review {reference}{new}",
        document_id=doc_id,
        review=reference,
        pages=doc.page_count,
        recommendations=recs,
    )


def _duplicate(path: Path, doc_id: int, review: str | None) -> IngestResult:
    where = f"review {review}" if review else "no review"
    return IngestResult(
        path,
        "duplicate",
        f"{shown(path.name)}: already ingested as document {doc_id} ({where}); nothing added",
        document_id=doc_id,
        review=review,
    )


def _tell(callback: Callable[[IngestResult], None] | None, result: IngestResult) -> IngestResult:
    if callback is not None:
        callback(result)
    return result


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None
