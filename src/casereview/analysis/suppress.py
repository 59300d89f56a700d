"""Small-cell suppression for published tables, by named rule set.

Rule sets:
- `lt5`: counts 1-4 shown as "<5"; then secondary suppression (marker "c") of further cells
  until no hidden count can be worked out from the row, column and subtotal sums.
- `nhs_digital`: NHS Digital's rule: counts 1-7 shown as "*", every other count (totals
  too) rounded to the nearest 5; percentages recomputed from the rounded counts; secondary
  suppression only if a hidden count could still be pinned down.
- `secondary_c`: counts 1-9 shown as "c" (the DfE-style marker) with secondary suppression,
  also "c", so a reader cannot tell primary from secondary cells.
Zeros are shown: they are not small cells in these rules.

"Cannot be worked out" is checked exactly, not assumed: `disclosure_ranges` solves, for each
hidden cell, the smallest and largest whole number it could hold given everything published
(shown cells, rounding error, the table's sums, and what each marker tells a reader), with
integer programming (`scipy.optimize.milp`). A cell whose smallest and largest values agree
is disclosed, and the suppression adds a secondary cell in one of its sums until none is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from casereview.analysis.disclosure import (
    ReaderModel,
    cells_of,
    first_disclosed,
    sum_lines,
)
from casereview.analysis.table import ResultTable
from casereview.errors import CaseReviewError


@dataclass(frozen=True)
class SuppressionRule:
    name: str
    low: int  # smallest count that is suppressed
    high: int  # largest count that is suppressed
    marker: str
    secondary_marker: str
    round_to: int | None = None
    description: str = ""


RULES: dict[str, SuppressionRule] = {
    "lt5": SuppressionRule(
        "lt5",
        1,
        4,
        "<5",
        "c",
        description="Counts of 1-4 shown as '<5'; other cells hidden as 'c' where a sum would reveal them.",
    ),
    "nhs_digital": SuppressionRule(
        "nhs_digital",
        1,
        7,
        "*",
        "*",
        round_to=5,
        description="Counts of 1-7 shown as '*'; other counts rounded to the nearest 5.",
    ),
    "secondary_c": SuppressionRule(
        "secondary_c",
        1,
        9,
        "c",
        "c",
        description="Counts of 1-9 and the cells that would reveal them shown as 'c'.",
    ),
}


def rule(name: str | SuppressionRule) -> SuppressionRule:
    if isinstance(name, SuppressionRule):
        return name
    if name not in RULES:
        raise CaseReviewError(f"unknown suppression rule {name!r}; rules: {', '.join(RULES)}")
    return RULES[name]


def threshold_rule(below: int) -> SuppressionRule:
    """The `--suppress-below N` rule: counts 1..N-1 shown as '<N', secondary cells as 'c'."""
    if below < 2:
        raise CaseReviewError(f"--suppress-below must be 2 or more (got {below})")
    return SuppressionRule(
        f"lt{below}",
        1,
        below - 1,
        f"<{below}",
        "c",
        description=f"counts of 1 to {below - 1} shown as '<{below}'; further cells hidden as 'c' "
        "so that totals cannot reveal them",
    )


def suppress(table: ResultTable, how: str | SuppressionRule = "lt5") -> ResultTable:
    """A copy of `table` safe to publish under the rule (see module docstring)."""
    r = rule(how)
    if table.kind == "listing":
        raise CaseReviewError(f"table {table.id!r} lists single cases; it cannot be published")
    if table.kind == "comparison":
        return _suppress_comparison(table, r)
    if table.counts is None and "Cases" in table.data.columns:
        return _suppress_by_cases(table, r)
    summary = table.counts is not None
    counts = (table.counts if table.counts is not None else table.data).astype(float)
    if not _all_whole(counts):
        raise CaseReviewError(f"table {table.id!r} holds no counts to suppress")
    shown = counts.copy()
    marks = pd.DataFrame("", index=counts.index, columns=counts.columns)
    small = (counts >= r.low) & (counts <= r.high)
    marks[small] = r.marker
    if r.round_to:
        shown = (np.round(counts / r.round_to) * r.round_to).where(~small)
    _secondary(table, counts, shown, marks, r)
    hidden = marks != ""
    shown = shown.where(~hidden)
    changes: dict[str, object] = {"suppressed": marks, "suppression": r.name}
    if summary:
        changes["counts"] = shown
        changes["data"] = table.data.where(~hidden)
    else:
        changes["data"] = shown
        if table.percent is not None:
            pct = _percent(shown, table) if r.round_to else table.percent
            changes["percent"] = pct.where(
                ~_hidden_percent(table, hidden).reindex_like(pct).fillna(True)
            )
    note = f"Small numbers suppressed ({r.description})"
    if r.round_to:
        changes["denominator"] = _round(table.denominator, r.round_to)
        changes["missing"] = _round(table.missing, r.round_to) or 0
        changes["notes"] = tuple(n for n in table.notes if not re.search(r"\d", n)) + (note,)
    else:
        changes["notes"] = (*table.notes, note)
    return table.replace(**changes)


def _secondary(
    table: ResultTable,
    counts: pd.DataFrame,
    shown: pd.DataFrame,
    marks: pd.DataFrame,
    r: SuppressionRule,
) -> None:
    """Hide further cells until no small (primary) cell can be worked out, choosing greedily
    and checking exactly; then show again any secondary cell whose value the published
    numbers determine anyway (showing it tells a reader nothing new)."""
    lines = sum_lines(table, counts)
    primary = [
        cell for cell in cells_of(marks) if marks.at[cell] == r.marker and counts.at[cell] >= r.low
    ]
    primary = [c for c in primary if r.low <= counts.at[c] <= r.high]
    # A cell once shown to have another possible value stays safe: hiding more cells only
    # widens what a reader must allow, and the filling that proved it remains possible.
    pending = list(primary)
    for _ in range(counts.size):
        model = ReaderModel(shown, marks, lines, r)
        while pending and first_disclosed(model, pending[:1], counts) is None:
            pending.pop(0)
        if not pending:
            break
        pick = _candidate(table, counts, marks, lines, [pending[0]])
        if pick is None:
            # No single cell helps: hide every shown cell of the sums that hold it rather
            # than refuse to publish (the report-wide pass in analysis.protect does better).
            for line in lines:
                if pending[0] in line:
                    for c in line:
                        if marks.at[c] == "":
                            marks.at[c] = r.secondary_marker
                            shown.at[c] = np.nan
            pending.pop(0)
            continue
        marks.at[pick] = r.secondary_marker
        shown.at[pick] = np.nan
    secondary = [cell for cell in cells_of(marks) if marks.at[cell] != "" and cell not in primary]
    while secondary:
        cell = first_disclosed(ReaderModel(shown, marks, lines, r), secondary, counts)
        if cell is None:
            break
        marks.at[cell] = ""
        shown.at[cell] = _round(int(counts.at[cell]), r.round_to) if r.round_to else counts.at[cell]
        secondary.remove(cell)


def _candidate(
    table: ResultTable,
    counts: pd.DataFrame,
    marks: pd.DataFrame,
    lines: list[list[tuple[object, object]]],
    disclosed: list[tuple[object, object]],
) -> tuple[object, object] | None:
    """A shown cell to hide: in the sum (holding a disclosed cell) with the fewest hidden
    cells, inner cells before margins, counts above the threshold before zeros, smallest
    first."""
    targets = set(disclosed)
    for _ in range(len(lines) + 1):
        pick = _best_in(table, counts, marks, lines, targets)
        if pick is not None:
            return pick
        # Every sum holding a disclosed cell is fully hidden: the disclosure runs through
        # another sum (nested subtotals); widen to the cells those sums share.
        wider = {c for line in lines if targets.intersection(line) for c in line}
        if wider == targets:
            return None
        targets = wider
    return None


def _best_in(
    table: ResultTable,
    counts: pd.DataFrame,
    marks: pd.DataFrame,
    lines: list[list[tuple[object, object]]],
    targets: set[tuple[object, object]],
) -> tuple[object, object] | None:
    margins_r = set(table.margin_rows)
    best: tuple[tuple[int, int, int, float], tuple[object, object]] | None = None
    for line in lines:
        if not targets.intersection(line):
            continue
        n_hidden = sum(1 for c in line if marks.at[c] != "")
        for c in line:
            if marks.at[c] != "":
                continue
            v = counts.at[c]
            margin = int(c[0] in margins_r or c[1] == table.col_total)
            key = (n_hidden, margin, int(v == 0), float(v))
            if best is None or key < best[0]:
                best = (key, c)
    return None if best is None else best[1]


def _suppress_by_cases(table: ResultTable, r: SuppressionRule) -> ResultTable:
    """Summary rows (mean, minimum, maximum ...) over a small number of cases are hidden
    whole: a minimum or maximum of a few cases is one person's value. The 'Cases' column
    is protected like a count table (its rows add up to the total row)."""
    counts = table.data[["Cases"]].rename(columns={"Cases": "n"})
    inner = table.replace(data=counts, kind="frequency", percent=None, percent_basis=None)
    protected = suppress(inner, r)
    assert protected.suppressed is not None  # suppress() always sets the mask
    hidden_rows = (protected.suppressed["n"] != "").to_numpy()
    marks = pd.DataFrame("", index=table.data.index, columns=table.data.columns)
    for col in marks.columns:
        marks.loc[hidden_rows, col] = protected.suppressed["n"].to_numpy()[hidden_rows]
    data = table.data.astype(float)
    data.loc[hidden_rows, :] = np.nan
    data["Cases"] = protected.data["n"].to_numpy()
    note = f"Small numbers suppressed ({r.description})"
    return table.replace(
        data=data, suppressed=marks, suppression=r.name, notes=(*table.notes, note)
    )


def _suppress_comparison(table: ResultTable, r: SuppressionRule) -> ResultTable:
    """Hide a cohort's count, percentage and interval where it, or the rest of the cohort,
    is a small number."""
    d = table.data
    if "Cohort n" not in d.columns:
        return table
    n = pd.to_numeric(d["Cohort n"], errors="coerce")
    rest = pd.to_numeric(d["Cohort total"], errors="coerce") - n
    small = n.between(r.low, r.high) | rest.between(r.low, r.high)
    marks = pd.DataFrame("", index=d.index, columns=d.columns)
    cols = [c for c in ("Cohort n", "Cohort %", "95% CI low", "95% CI high") if c in d.columns]
    marks.loc[small, cols] = r.marker
    data = d.copy()
    data.loc[small, cols] = np.nan
    note = f"Small numbers suppressed ({r.description})"
    return table.replace(
        data=data, suppressed=marks, suppression=r.name, notes=(*table.notes, note)
    )


def _hidden_percent(table: ResultTable, hidden: pd.DataFrame) -> pd.DataFrame:
    """Percentages to hide: those of hidden cells, and every percentage of a hidden base
    (a shown count with its percentage would reveal the base)."""
    out = hidden.copy()
    basis = table.percent_basis
    if basis == "column" and table.row_total in out.index:
        out.loc[:, hidden.loc[table.row_total]] = True
    elif basis == "row" and table.col_total in out.columns:
        out.loc[hidden[table.col_total], :] = True
    elif basis == "total" and table.row_total in out.index:
        grand_col = table.col_total if table.col_total in out.columns else out.columns[0]
        if hidden.at[table.row_total, grand_col]:
            out.loc[:, :] = True
    return out


def _percent(shown: pd.DataFrame, table: ResultTable) -> pd.DataFrame:
    with np.errstate(invalid="ignore", divide="ignore"):
        if table.percent_basis == "column" and table.row_total in shown.index:
            return shown.div(shown.loc[table.row_total].replace(0, np.nan), axis=1) * 100
        if table.percent_basis == "row" and table.col_total in shown.columns:
            return shown.div(shown[table.col_total].replace(0, np.nan), axis=0) * 100
        if table.percent_basis == "total" and table.row_total in shown.index:
            total = shown.loc[table.row_total]
            grand = total[table.col_total] if table.col_total in shown.columns else total.iloc[0]
            return shown / grand * 100 if grand else shown * np.nan
    return shown * np.nan  # no published base to recompute from: show no percentages


def _round(value: int | None, step: int) -> int | None:
    return None if value is None else int(round(value / step) * step)


def _all_whole(df: pd.DataFrame) -> bool:
    arr = df.to_numpy(dtype=float)
    arr = arr[~np.isnan(arr)]
    return bool(np.all(arr == np.round(arr)) and np.all(arr >= 0))
