"""Importing a case dataset: all rows or none, with every bad value reported."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from casereview.codebook.registry import CodebookRegistry, default_registry
from casereview.errors import CaseReviewError, ImportRejected
from casereview.io.readers import read_table
from casereview.io.validate import detect_codebook, validate_table
from casereview.store.cases import clash_message, existing_references, write_batch
from casereview.store.database import Store


@dataclass(frozen=True)
class ImportReport:
    source: str
    codebook: str
    reviews: int
    children: int
    codes: int


def import_file(
    store: Store,
    path: Path | str,
    codebook: str | None = None,
    *,
    coder: str | None = None,
    replace: bool = False,
    registry: CodebookRegistry | None = None,
    progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate the whole file first; write it in one transaction only if every value is good.

    `on_total(n)` is told the amount of work (rows to validate + reviews to write) and
    `progress(k)` is called as it is done, for a progress bar.
    """
    from casereview.settings import get_settings

    path = Path(path)
    registry = registry or default_registry()
    table = read_table(path)
    cb = registry.get(codebook) if codebook else detect_codebook(registry, list(table.frame.columns), str(path))
    if on_total is not None:
        on_total(2 * len(table.frame))
    batch, errors = validate_table(table, cb, progress=progress)
    if errors:
        raise ImportRejected(str(path), errors)
    if not batch.reviews:
        raise CaseReviewError(f"{path}: the file has no data rows; nothing imported")
    try:
        with store.session(write=True) as session:
            write_batch(session, batch, coder=coder or get_settings().coder, replace=replace, progress=progress)
    except IntegrityError:
        # On PostgreSQL another import may have committed the same reviews after our check:
        # say so as the check would have (nothing of this import was written).
        with store.session() as session:
            clash = existing_references(session, [r.reference for r in batch.reviews])
        if not clash:
            raise
        raise CaseReviewError(clash_message(clash)) from None
    return ImportReport(str(path), cb.key, len(batch.reviews), batch.child_count, batch.code_count)
