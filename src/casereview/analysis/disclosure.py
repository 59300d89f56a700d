"""What a reader can work out from a published table: the integer programme behind
small-cell suppression.

A reader knows every shown cell (exactly, or within rounding), what each marker means and
that every row, column and subtotal adds up. `disclosure_ranges` solves, for each hidden
cell, the smallest and largest whole value consistent with all of that; suppression keeps
hiding cells until no hidden cell is pinned to one value (see suppress.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from casereview.analysis.table import ResultTable
from casereview.errors import CaseReviewError

if TYPE_CHECKING:
    from casereview.analysis.suppress import SuppressionRule

BIG = 10**7  # upper bound for an unknown count


def cells_of(frame: pd.DataFrame) -> list[tuple[object, object]]:
    return [(x, c) for x in frame.index for c in frame.columns]


def sum_lines(table: ResultTable, counts: pd.DataFrame) -> list[list[tuple[object, object]]]:
    """Every published sum as a list of cells: members first, the total cell last."""
    rows, cols = list(counts.index), list(counts.columns)
    groups = {g: m for g, m in table.groups.items() if g in rows}
    leaf_rows = [x for x in rows if x not in groups and x != table.row_total]
    leaf_cols = [c for c in cols if c != table.col_total]
    lines: list[list[tuple[object, object]]] = []
    if table.col_total in cols:
        lines += [[(x, c) for c in leaf_cols] + [(x, table.col_total)] for x in rows]
    if table.row_total in rows:
        lines += [[(x, c) for x in leaf_rows] + [(table.row_total, c)] for c in cols]
    for g, members in groups.items():
        lines += [[(m, c) for m in members if m in rows] + [(g, c)] for c in cols]
    return lines


def disclosure_ranges(
    shown: pd.DataFrame,
    marks: pd.DataFrame,
    lines: list[list[tuple[object, object]]],
    r: SuppressionRule,
    cells: list[tuple[object, object]] | None = None,
) -> dict[tuple[object, object], tuple[int, int]]:
    """For each hidden cell, the (smallest, largest) whole value consistent with what is
    published. A reader knows: shown cells (exact, or within rounding), that a primary
    marker means low..high, that a secondary-only marker means 0 or above high (a shared
    marker: any count), and that every line adds up."""
    model = ReaderModel(shown, marks, lines, r)
    hidden = [c for c in (cells if cells is not None else cells_of(shown)) if marks.at[c] != ""]
    return {cell: (model.extreme(cell, 1), model.extreme(cell, -1)) for cell in hidden}


def first_disclosed(
    model: ReaderModel, cells: list[tuple[object, object]], truth: pd.DataFrame
) -> tuple[object, object] | None:
    """The first cell whose value the published table determines. The true value is always
    possible, so a cell is safe as soon as one end of its range differs from it."""
    for cell in cells:
        value = int(truth.at[cell])
        if model.extreme(cell, 1) < value or model.extreme(cell, -1) > value:
            continue
        return cell
    return None


class ReaderModel:
    """The reader's integer programme: one variable per cell (plus a binary per
    secondary-only cell, which is 0 or above the threshold), the table's sums as equalities."""

    def __init__(
        self,
        shown: pd.DataFrame,
        marks: pd.DataFrame,
        lines: list[list[tuple[object, object]]],
        r: SuppressionRule,
    ) -> None:
        from scipy.optimize import Bounds, LinearConstraint

        all_cells = cells_of(shown)
        self.pos = {cell: i for i, cell in enumerate(all_cells)}
        n = len(all_cells)
        lo, hi = np.zeros(n), np.zeros(n)
        either: list[int] = []
        shared = r.marker == r.secondary_marker
        for cell, i in self.pos.items():
            mark = marks.at[cell]
            v = shown.at[cell]
            if mark == "":
                half = (r.round_to // 2) if r.round_to and v != 0 else 0
                lo[i], hi[i] = max(v - half, 0), v + half
            elif shared:
                lo[i], hi[i] = 0, BIG
            elif mark == r.marker:
                lo[i], hi[i] = r.low, r.high
            else:
                lo[i], hi[i] = 0, BIG
                either.append(i)
        self.nv = nv = n + len(either)
        rows_a: list[np.ndarray] = []
        lbs: list[float] = []
        ubs: list[float] = []
        for line in lines:
            a = np.zeros(nv)
            for cell in line[:-1]:
                a[self.pos[cell]] += 1
            a[self.pos[line[-1]]] -= 1
            rows_a.append(a)
            lbs.append(0)
            ubs.append(0)
        for k, i in enumerate(either):  # x_i >= (high+1) * b_k and x_i <= BIG * b_k
            for coef, lb, ub in ((-(r.high + 1), 0, np.inf), (-BIG, -np.inf, 0)):
                a = np.zeros(nv)
                a[i], a[n + k] = 1, coef
                rows_a.append(a)
                lbs.append(lb)
                ubs.append(ub)
        self.constraints = [LinearConstraint(np.array(rows_a), lbs, ubs)] if rows_a else []
        self.bounds = Bounds(
            np.concatenate([lo, np.zeros(len(either))]), np.concatenate([hi, np.ones(len(either))])
        )

    def extreme(self, cell: tuple[object, object], sign: int) -> int:
        """The smallest (sign 1) or largest (sign -1) whole value the cell can hold."""
        from scipy.optimize import milp

        c = np.zeros(self.nv)
        c[self.pos[cell]] = sign
        res = milp(
            c, constraints=self.constraints, bounds=self.bounds, integrality=np.ones(self.nv)
        )
        if not res.success:
            raise CaseReviewError("suppression check failed: the published sums are inconsistent")
        return round(float(sign * res.fun))


def table_lines(table: ResultTable) -> list[list[tuple[object, object]]]:
    """The sums a reader of `table` can use (for checking a suppressed table)."""
    return sum_lines(table, table.counts if table.counts is not None else table.data)
