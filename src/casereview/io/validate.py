"""Turning a raw wide table into a validated CaseBatch, collecting every bad value.

Nothing is written here: the importer writes the batch only when no error was found.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from casereview.codebook.model import Codebook
from casereview.codebook.registry import CodebookRegistry
from casereview.codebook.values import FieldValidator, is_empty
from casereview.domain.cases import CaseBatch, ChildRecord, ReviewRecord
from casereview.errors import CaseReviewError, RowError, ValidationError
from casereview.io.layout import STRUCTURAL
from casereview.io.readers import RawTable


def score_columns(codebook: Codebook) -> set[str]:
    """Columns an export adds for the codebook's score rules (e.g. risk_score)."""
    return {r.id for r in codebook.scores}


def recomputed_columns(codebook: Codebook) -> set[str]:
    """Columns an import accepts and skips: scores and derived fields (the toxic trio...),
    which analysis always recomputes from the coded fields by the codebook's rules, so a
    stored copy could only go stale."""
    return score_columns(codebook) | {r.field for r in codebook.derivations}


def detect_codebook(registry: CodebookRegistry, columns: list[str], source: str = "") -> Codebook:
    """The codebook whose field ids cover the file's columns (latest version wins)."""
    where = f"{source}: " if source else ""
    data_cols = {c for c in columns if c not in STRUCTURAL}
    best: list[Codebook] = []
    for cid in registry.ids():
        for version in reversed(registry.versions(cid)):
            cb = registry.get(cid, version)
            if data_cols <= {f.id for f in cb.fields} | score_columns(cb):
                best.append(cb)
                break
    if len(best) == 1:
        return best[0]
    if not best:
        raise CaseReviewError(
            f"{where}no codebook has all of this file's columns; name one with --codebook "
            f"(known: {', '.join(registry.ids())})"
        )
    raise CaseReviewError(
        f"{where}several codebooks fit this file's columns ("
        + ", ".join(cb.key for cb in best)
        + "); name one with --codebook"
    )


def _text(raw: object) -> str | None:
    if is_empty(raw):
        return None
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def validate_table(
    table: RawTable,
    codebook: Codebook,
    *,
    progress: Callable[[int], None] | None = None,
) -> tuple[CaseBatch, list[RowError]]:
    frame = table.frame
    errors: list[RowError] = []
    first_data_row = table.first_row
    unknown = [
        c
        for c in frame.columns
        if c not in STRUCTURAL and not codebook.has_field(c) and c not in score_columns(codebook)
    ]
    for col in unknown:
        errors.append(
            RowError(1, col, col, f"not a field of codebook {codebook.key} nor a structural column")
        )
    if "review_id" not in frame.columns:
        errors.append(RowError(1, "review_id", None, "the column review_id is required"))
        return CaseBatch(codebook.id, codebook.version), errors

    skip = recomputed_columns(codebook)
    fields = [codebook.field(c) for c in frame.columns if codebook.has_field(c) and c not in skip]
    validators = {f.id: FieldValidator(codebook, f) for f in fields}
    reviews: dict[str, ReviewRecord] = {}
    seen_children: set[tuple[str, str]] = set()
    records = frame.to_dict("records")
    numbers = table.row_numbers or range(first_data_row, first_data_row + len(records))
    for rownum, row in zip(numbers, records, strict=True):
        ref = _text(row.get("review_id"))
        if ref is None:
            errors.append(RowError(rownum, "review_id", row.get("review_id"), "missing review id"))
            continue
        review = reviews.get(ref)
        if review is None:
            review = reviews[ref] = ReviewRecord(reference=ref)
            _structural(review, row, rownum, errors)
        else:
            _agree_structural(review, row, rownum, errors)
        label = _text(row.get("child")) or str(len(review.children) + 1)
        if (ref, label) in seen_children:
            errors.append(RowError(rownum, "child", label, f"child {label!r} of review {ref!r} appears twice"))
            continue
        seen_children.add((ref, label))
        child = ChildRecord(label=label)
        for f in fields:
            raw = row.get(f.id)
            try:
                value = validators[f.id](raw)
            except ValidationError as exc:
                errors.append(RowError(rownum, f.id, raw, exc.message))
                continue
            if value is None:
                continue
            if f.level == "child":
                child.codes[f.id] = value
            elif f.id in review.codes and review.codes[f.id] != value:
                errors.append(
                    RowError(
                        rownum,
                        f.id,
                        raw,
                        f"review-level field differs between rows of review {ref!r} "
                        f"({review.codes[f.id]!r} before)",
                    )
                )
            else:
                review.codes[f.id] = value
        review.children.append(child)
        if progress is not None:
            progress(1)
    batch = CaseBatch(codebook.id, codebook.version, list(reviews.values()))
    return batch, errors


def _structural(review: ReviewRecord, row: dict, rownum: int, errors: list[RowError]) -> None:
    review.study = _text(row.get("study"))
    review.region = _text(row.get("region"))
    year = _text(row.get("year"))
    if year is not None:
        try:
            number = float(year)
        except ValueError:
            number = math.nan
        # inf, nan and 2016.7 are refused, never rounded to some year
        if not math.isfinite(number) or not number.is_integer():
            errors.append(RowError(rownum, "year", row.get("year"), "not a year (e.g. 2016)"))
            return
        review.year = int(number)
        if not 1900 <= review.year <= 2100:
            errors.append(RowError(rownum, "year", row.get("year"), "outside 1900-2100"))


def _agree_structural(review: ReviewRecord, row: dict, rownum: int, errors: list[RowError]) -> None:
    for col, have in (("study", review.study), ("region", review.region)):
        value = _text(row.get(col))
        if value is not None and value != have:
            errors.append(
                RowError(rownum, col, value, f"differs between rows of review {review.reference!r} ({have!r} before)")
            )

