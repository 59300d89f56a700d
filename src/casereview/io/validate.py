"""Turning a raw wide table into a validated CaseBatch, collecting every bad value.

Nothing is written here: the importer writes the batch only when no error was found.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from casereview.codebook.model import Codebook
from casereview.codebook.registry import CodebookRegistry
from casereview.codebook.values import FieldValidator, is_empty
from casereview.domain.cases import CaseBatch, ChildRecord, ReviewRecord
from casereview.errors import CaseReviewError, RowError, ValidationError
from casereview.io.distinct import cells, distinct, map_cells, native
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


@dataclass
class _Rows:
    """What the row pass found: the rows whose fields are taken, their review and child."""

    kept: list[int] = field(default_factory=list)  # frame row index
    owner: list[int] = field(default_factory=list)  # index of the row's review
    children: list[ChildRecord] = field(default_factory=list)
    reviews: list[ReviewRecord] = field(default_factory=list)
    errors: list[tuple[int, int, RowError]] = field(default_factory=list)  # (row, column order, error)


def validate_table(
    table: RawTable,
    codebook: Codebook,
    *,
    progress: Callable[[int], None] | None = None,
) -> tuple[CaseBatch, list[RowError]]:
    """Check every cell; errors come row by row, in column order within a row.

    Reviews and children are found in one pass over the rows (structural columns only);
    each field is then checked column by column, once per distinct value."""
    frame = table.frame
    errors: list[RowError] = []
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
    numbers = table.row_numbers or range(table.first_row, table.first_row + len(frame))
    rows = _find_rows(frame, numbers)
    kept = np.asarray(rows.kept, dtype=np.intp)
    owner = np.asarray(rows.owner, dtype=np.intp)
    is_kept = np.zeros(len(frame), dtype=bool)
    is_kept[kept] = True
    one_row_each = len(rows.kept) == len(rows.reviews)  # no review has a second child row
    child_values: list[tuple[str, np.ndarray]] = []
    review_values: list[tuple[str, np.ndarray]] = []
    review_first: list[np.ndarray] = []  # row (within kept) where each review's value first came
    done = 0
    for position, f in enumerate(fields):
        raw = cells(frame[f.id])
        canonical, bad = _check_column(raw, FieldValidator(codebook, f))
        for i, message in bad.items():
            if is_kept[i]:  # a row refused for its review id or child is not checked further
                rows.errors.append((i, position, RowError(numbers[i], f.id, native(raw[i]), message)))
        taken = canonical[kept]
        if f.level == "child":
            child_values.append((f.id, taken))
        elif one_row_each:
            review_values.append((f.id, taken))
        else:
            values, first = _agree(f.id, position, taken, raw, kept, owner, rows, numbers)
            review_values.append((f.id, values))
            review_first.append(first)
        if progress is not None and fields:
            target = len(kept) * (position + 1) // len(fields)
            if target > done:
                progress(target - done)
                done = target
    _fill(rows.children, child_values)
    if one_row_each:
        _fill(rows.reviews, review_values)
    else:
        _fill_in_order(rows.reviews, review_values, review_first)
    if progress is not None and not fields and len(kept):
        progress(len(kept))
    rows.errors.sort(key=lambda e: (e[0], e[1]))  # stable: a row's structural errors first
    errors.extend(e for _i, _p, e in rows.errors)
    return CaseBatch(codebook.id, codebook.version, rows.reviews), errors


def _check_column(raw: np.ndarray, validator: FieldValidator) -> tuple[np.ndarray, dict[int, str]]:
    """(canonical value of each cell, None when empty or bad; the message of each bad cell)."""
    found = distinct(raw)
    if found is None:  # numbers or dates from Excel or SPSS: cell by cell
        canonical = np.empty(len(raw), dtype=object)
        bad: dict[int, str] = {}
        for i, value in enumerate(raw):
            try:
                canonical[i] = validator(native(value))
            except ValidationError as exc:
                bad[i] = exc.message
        return canonical, bad
    codes, uniques = found
    results = np.empty(len(uniques) + 1, dtype=object)  # the last slot (code -1): empty cells
    messages: dict[int, str] = {}
    for k, value in enumerate(uniques):
        try:
            results[k] = validator(value)
        except ValidationError as exc:
            messages[k] = exc.message
    bad_rows = np.isin(codes, list(messages)).nonzero()[0] if messages else ()
    return results[codes], {int(i): messages[codes[i]] for i in bad_rows}


def _find_rows(frame: pd.DataFrame, numbers: Sequence[int]) -> _Rows:
    """Reviews in order of first appearance and one child per row; a row without a review id
    or repeating a child of its review is refused and its fields are not taken."""
    n = len(frame)
    raw = {c: cells(frame[c]) if c in frame.columns else np.full(n, None, dtype=object) for c in STRUCTURAL}
    text = {c: map_cells(raw[c], _text, None) for c in ("review_id", "child", "study", "region")}
    out = _Rows()
    index: dict[str, int] = {}
    seen_children: set[tuple[str, str]] = set()
    for i, (ref, child, study, region) in enumerate(
        zip(text["review_id"], text["child"], text["study"], text["region"], strict=True)
    ):
        rownum = numbers[i]
        errors: list[RowError] = []
        if ref is None:
            errors.append(RowError(rownum, "review_id", native(raw["review_id"][i]), "missing review id"))
            out.errors.extend((i, -1, e) for e in errors)
            continue
        k = index.get(ref)
        if k is None:
            k = index[ref] = len(out.reviews)
            review = ReviewRecord(reference=ref, study=study, region=region)
            out.reviews.append(review)
            _year(review, native(raw["year"][i]), rownum, errors)
        else:
            review = out.reviews[k]
            _agree_structural(review, study, region, rownum, errors)
        label = child or str(len(review.children) + 1)
        if (ref, label) in seen_children:
            errors.append(RowError(rownum, "child", label, f"child {label!r} of review {ref!r} appears twice"))
        else:
            seen_children.add((ref, label))
            record = ChildRecord(label=label)
            review.children.append(record)
            out.kept.append(i)
            out.owner.append(k)
            out.children.append(record)
        out.errors.extend((i, -1, e) for e in errors)
    return out


def _agree(
    field_id: str,
    position: int,
    taken: np.ndarray,
    raw: np.ndarray,
    kept: np.ndarray,
    owner: np.ndarray,
    rows: _Rows,
    numbers: Sequence[int],
) -> tuple[np.ndarray, np.ndarray]:
    """A review-level value per review (its first non-empty one) and the row (within kept)
    it came from; every later row of the review that gives another value is an error naming
    the first."""
    given = pd.notna(taken)
    reviews, first = np.unique(owner[given], return_index=True)
    values = np.full(len(rows.reviews), None, dtype=object)
    values[reviews] = taken[given][first]
    came = np.full(len(rows.reviews), len(kept), dtype=np.intp)
    came[reviews] = given.nonzero()[0][first]
    before = values[owner]
    for j in (given & (taken != before)).nonzero()[0]:
        i = int(kept[j])
        ref = rows.reviews[owner[j]].reference
        reason = f"review-level field differs between rows of review {ref!r} ({before[j]!r} before)"
        rows.errors.append((i, position, RowError(numbers[i], field_id, native(raw[i]), reason)))
    return values, came


def _fill(records: Sequence[ChildRecord | ReviewRecord], columns: list[tuple[str, np.ndarray]]) -> None:
    """Give each record the non-empty values of its row in `columns`."""
    if not columns:
        return
    ids = [fid for fid, _ in columns]
    for record, values in zip(records, zip(*(v for _, v in columns)), strict=True):
        if None in values:
            record.codes = {fid: v for fid, v in zip(ids, values) if v is not None}
        else:
            record.codes = dict(zip(ids, values))


def _fill_in_order(
    reviews: list[ReviewRecord], columns: list[tuple[str, np.ndarray]], first: list[np.ndarray]
) -> None:
    """Review-level values in the order a row-by-row reading meets them (by the row that
    first gives each value, then column order), which is the order their codes are stored."""
    for k, review in enumerate(reviews):
        found = [
            (int(came[k]), position, fid, values[k])
            for position, ((fid, values), came) in enumerate(zip(columns, first, strict=True))
            if values[k] is not None
        ]
        review.codes = {fid: value for _row, _position, fid, value in sorted(found)}


def _year(review: ReviewRecord, raw: object, rownum: int, errors: list[RowError]) -> None:
    year = _text(raw)
    if year is None:
        return
    try:
        number = float(year)
    except ValueError:
        number = math.nan
    # inf, nan and 2016.7 are refused, never rounded to some year
    if not math.isfinite(number) or not number.is_integer():
        errors.append(RowError(rownum, "year", raw, "not a year (e.g. 2016)"))
        return
    review.year = int(number)
    if not 1900 <= review.year <= 2100:
        errors.append(RowError(rownum, "year", raw, "outside 1900-2100"))


def _agree_structural(
    review: ReviewRecord, study: str | None, region: str | None, rownum: int, errors: list[RowError]
) -> None:
    for col, value, have in (("study", study, review.study), ("region", region, review.region)):
        if value is not None and value != have:
            errors.append(
                RowError(rownum, col, value, f"differs between rows of review {review.reference!r} ({have!r} before)")
            )
