"""Frequency tables and cross-tabulations with totals, percentages and stated denominators.

Reproduces, from case-level data, tables such as 000 Tables 1, 3 and 5 (frequencies) and
001 Tables 3, 6, 7, 8, 9, 10, 11 and 12 (cross-tabulations). Counting is per review or per
child (`unit`): review-level fields are counted once per review, child-level ones per child.
Missing and 'not stated' values are left out of the denominator and counted in `missing`
(or shown as their own category with `missing="show"`, as 001 Tables 4 and 13 do).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from casereview.analysis.axis import EXCLUDED, MISSING, Axis, Hierarchy, Values, make_axis
from casereview.analysis.codes import MISSING_LABEL, field_label
from casereview.analysis.members import Members, unit_ids
from casereview.analysis.table import ChartHint, Kind, PercentBasis, ResultTable, Unit
from casereview.codebook.model import Codebook
from casereview.errors import CaseReviewError

TOTAL = "Total"
MissingMode = Literal["drop", "show"]
SINGULAR = {"reviews": "review", "children": "child", "cases": "case"}


def units(frame: pd.DataFrame, unit: Unit) -> pd.DataFrame:
    """The frame counted once per review (first child row) or once per child."""
    if unit == "reviews" and "child" in frame.columns:
        return frame.drop_duplicates("review_id", keep="first")
    return frame


def default_unit(codebook: Codebook | None, columns: Sequence[str]) -> Unit:
    """Reviews when every column is review-level, else children."""
    for col in columns:
        if col == "child":
            return "children"
        if (
            codebook is not None
            and codebook.has_field(col)
            and codebook.field(col).level == "child"
        ):
            return "children"
    return "reviews"


def frequency(
    frame: pd.DataFrame,
    codebook: Codebook | None,
    field_id: str,
    *,
    unit: Unit | None = None,
    hierarchy: Hierarchy = "flat",
    values: Values = None,
    order: Sequence[str] | None = None,
    missing: MissingMode = "drop",
    table_id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    notes: Sequence[str] = (),
) -> ResultTable:
    """Counts and percentages of one field's categories, with a total row.

    E.g. 000 Table 3 (law type with private/public subtotals): `frequency(reviews, cb,
    "law_type", hierarchy="subtotals")`; `order` puts value ids first (see `axis.make_axis`)."""
    t = crosstab(
        frame,
        codebook,
        field_id,
        None,
        unit=unit,
        row_hierarchy=hierarchy,
        row_values=values,
        row_order=order,
        missing=missing,
        percent="total",
        table_id=table_id or f"frequency_{field_id}",
        title=title or field_label(codebook, field_id),
        source=source,
        notes=notes,
    )
    return t.replace(kind="frequency", chart=ChartHint(kind="bar", horizontal=True))


def crosstab(
    frame: pd.DataFrame,
    codebook: Codebook | None,
    row: str,
    col: str | None,
    *,
    unit: Unit | None = None,
    row_hierarchy: Hierarchy = "flat",
    col_hierarchy: Hierarchy = "flat",
    row_values: Values = None,
    col_values: Values = None,
    row_order: Sequence[str] | None = None,
    col_order: Sequence[str] | None = None,
    missing: MissingMode = "drop",
    missing_label: str = MISSING_LABEL,
    percent: PercentBasis | None = None,
    totals: bool = True,
    col_totals: bool | None = None,
    test: bool = False,
    kind: Kind = "crosstab",
    table_id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    notes: Sequence[str] = (),
) -> ResultTable:
    """Counts of `row` categories by `col` categories with row and column totals.

    `percent` adds percentages of each column ("column", e.g. 001 Table 12 gender by study),
    of each row ("row") or of the grand total ("total"). `test=True` adds a chi-square test
    of independence (Fisher's exact test for a 2x2 table with an expected count below 5) to
    `extra["test"]`. Rows the table leaves out on purpose (values not listed in
    `row_values`/`col_values`) are counted in `extra["excluded"]`."""
    unit = unit or default_unit(codebook, [row] + ([col] if col else []))
    data = units(frame, unit)
    raxis = make_axis(
        data, codebook, row, hierarchy=row_hierarchy, values=row_values, order=row_order
    )
    r = raxis.codes(data[row])
    if col is not None:
        caxis = make_axis(
            data, codebook, col, hierarchy=col_hierarchy, values=col_values, order=col_order
        )
        c = caxis.codes(data[col])
    else:
        caxis = Axis("n", ("n",), ("n",), {}, keep_empty=frozenset({0}))
        c = np.zeros(len(data), dtype=np.int64)
    excluded = int(((r == EXCLUDED) | (c == EXCLUDED)).sum())
    in_scope = (r != EXCLUDED) & (c != EXCLUDED)
    is_missing = in_scope & ((r == MISSING) | (c == MISSING))
    nr, nc = len(raxis.labels), len(caxis.labels)
    if missing == "show":
        r = np.where(r == MISSING, nr, r)
        c = np.where(c == MISSING, nc, c)
        raxis = _with_missing(raxis, r, nr, missing_label)
        caxis = _with_missing(caxis, c, nc, missing_label)
        nr, nc = len(raxis.labels), len(caxis.labels)
    ok = (r >= 0) & (c >= 0)
    matrix = np.bincount(r[ok] * nc + c[ok], minlength=nr * nc).reshape(nr, nc)
    n_missing = 0 if missing == "show" else int(is_missing.sum())
    denominator = int(in_scope.sum())

    rows, row_groups = _arrange(matrix, raxis)
    body = pd.DataFrame(rows[1], index=rows[0], dtype=float)
    cols, col_groups = _arrange(body.to_numpy().T, caxis)
    body = pd.DataFrame(cols[1].T, index=body.index, columns=cols[0])
    leaf_rows = [lab for lab in body.index if lab not in row_groups]
    leaf_cols = [lab for lab in body.columns if lab not in col_groups]
    if totals:
        body.loc[TOTAL] = body.loc[leaf_rows].sum()
    has_col_total = col is not None and (totals if col_totals is None else col_totals)
    if has_col_total:
        body[TOTAL] = body[leaf_cols].sum(axis=1)
    body = body.astype(np.int64)
    pct = _percent(body, percent, has_col_total)
    label = field_label(codebook, row)
    all_notes = list(notes) + _notes(unit, denominator, n_missing, excluded, label, col, codebook)
    extra: dict[str, object] = {"excluded": excluded, "in_scope": denominator}
    ids = unit_ids(data, unit)
    if ids is not None:
        extra["members"] = _members(unit, ids, body, (r, raxis, row_groups), (c, caxis, col_groups))
    if test and col is not None:
        from casereview.analysis.stats import independence_test

        extra["test"] = independence_test(body.loc[leaf_rows, leaf_cols].to_numpy())
    return ResultTable(
        id=table_id or f"crosstab_{row}_by_{col}",
        title=title or (f"{label} by {field_label(codebook, col).lower()}" if col else label),
        data=body,
        unit=unit,
        denominator=denominator,
        kind=kind,
        percent=pct,
        percent_basis=percent if pct is not None else None,
        missing=n_missing,
        notes=tuple(all_notes),
        source=source,
        row_total=TOTAL if totals else None,
        col_total=TOTAL if has_col_total else None,
        groups=row_groups,
        chart=ChartHint(kind="grouped_bar") if col is not None else None,
        keys=dict(zip(raxis.labels, raxis.keys, strict=True)),
        extra=extra,
    )


def _members(
    unit: str,
    ids: np.ndarray,
    body: pd.DataFrame,
    rows: tuple[np.ndarray, Axis, dict[str, tuple[str, ...]]],
    cols: tuple[np.ndarray, Axis, dict[str, tuple[str, ...]]],
) -> Members:
    """The units behind each row and column of the table (see analysis.members)."""

    def masks(labels: Sequence[object], side: tuple[np.ndarray, Axis, dict]) -> list[np.ndarray]:  # type: ignore[type-arg]
        codes, axis, groups = side
        index = {lab: i for i, lab in enumerate(axis.labels)}
        out = []
        for lab in labels:
            if lab in groups:
                out.append(np.isin(codes, [index[m] for m in groups[lab]]))
            elif lab in index:
                out.append(codes == index[lab])
            else:  # the total
                out.append(codes >= 0)
        return out

    return Members(
        unit, ids, rows=masks(list(body.index), rows), cols=masks(list(body.columns), cols)
    )


def _with_missing(axis: Axis, codes: np.ndarray, n: int, label: str) -> Axis:
    if not (codes == n).any():
        return axis
    return Axis(
        axis.column,
        (*axis.labels, label),
        (*axis.keys, ""),
        axis.index_of,
        axis.groups,
        axis.keep_empty | {n},
    )


def _arrange(
    matrix: np.ndarray, axis: Axis
) -> tuple[tuple[list[str], np.ndarray], dict[str, tuple[str, ...]]]:
    """Rows in table order: empty rows dropped (unless the axis keeps them), each group's
    subtotal row inserted after its last member."""
    n = len(axis.labels)
    after: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
    for pos, label, members in axis.groups:
        after.setdefault(pos, []).append((label, members))
    labels: list[str] = []
    out: list[np.ndarray] = []
    groups: dict[str, tuple[str, ...]] = {}
    shown: set[int] = set()
    for i in range(n):
        if i in axis.keep_empty or matrix[i].sum() > 0:
            labels.append(axis.labels[i])
            out.append(matrix[i])
            shown.add(i)
        for label, members in after.get(i, []):
            if not any(m in shown for m in members):
                continue
            labels.append(label)
            out.append(matrix[list(members)].sum(axis=0))
            groups[label] = tuple(axis.labels[m] for m in members if m in shown)
    width = matrix.shape[1] if matrix.ndim == 2 else 0
    arr = np.array(out).reshape(len(out), width)
    return (labels, arr), groups


def _percent(
    body: pd.DataFrame, basis: PercentBasis | None, has_col_total: bool
) -> pd.DataFrame | None:
    if basis is None:
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        if basis == "column":
            denom = body.loc[TOTAL] if TOTAL in body.index else body.sum()
            return body.div(denom.replace(0, np.nan), axis=1) * 100
        if basis == "row":
            denom = body[TOTAL] if has_col_total else body.sum(axis=1)
            return body.div(denom.replace(0, np.nan), axis=0) * 100
        if TOTAL in body.index:
            grand = body.loc[TOTAL, TOTAL] if has_col_total else body.loc[TOTAL].iloc[0]
        else:
            grand = body.to_numpy().sum()
        return body / grand * 100 if grand else body * np.nan
    raise CaseReviewError(f"unknown percentage basis {basis!r}; use 'row', 'column' or 'total'")


def _notes(
    unit: Unit,
    denominator: int,
    n_missing: int,
    excluded: int,
    label: str,
    col: str | None,
    codebook: Codebook | None,
) -> list[str]:
    known = denominator - n_missing
    what = f"'{label}'" if col is None else f"'{label}' and '{field_label(codebook, col)}'"
    one = SINGULAR.get(unit, unit)
    notes = [f"Counted per {one}: {known} {unit} with {what} recorded."]
    if n_missing:
        notes.append(
            f"{n_missing} {unit} without {what} recorded are left out of the table and its percentages."
        )
    if excluded:
        notes.append(f"{excluded} {unit} in categories outside this table are left out.")
    return notes
