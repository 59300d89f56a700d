"""The reader's integer programme behind the disclosure audit (`analysis.attack`): the
published count cells as unknowns over unit sets, the sums a reader reads off the printed
tables (`relations`), and the solver that bounds each hidden cell (HiGHS through
`scipy.optimize`, integer programmes capped in time)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

MILP_SECONDS = 0.5  # cap per integer programme; past it the proven bound is used
PCT_HALF = 0.5  # percentages print as whole numbers (numbers.fmt_pct)
MILP_BUDGET = 5.0  # cap per audit on integer programmes (the linear bounds are the fallback)


@dataclass
class CountCell:
    table: str
    row: str
    column: str
    unit: str
    units: np.ndarray  # positions of its units in the unit space
    shown: float | None  # the published value, None when hidden
    marker: str
    key: tuple[int, int] = (0, 0)
    floor: bool = False  # a secondary cell the protection promises is above the threshold


@dataclass
class System:
    """The reader's integer programme: atoms per unit kind, rows of known intervals."""

    cells: list[CountCell] = field(default_factory=list)
    spaces: dict[str, dict[object, int]] = field(default_factory=dict)
    bases: list[CountCell] = field(default_factory=list)  # sets only percentages refer to
    ratios: list[tuple[CountCell, CountCell | float, float]] = field(default_factory=list)


def relations(cells: Sequence[CountCell], solver: Solver) -> list[tuple[int, list[int], bool]]:
    """The sums a reader reads off the printed tables: a count equals the sum of the cells of
    one row or column (of any table) that split its units between them (a total and its
    categories, a study's row in one table and its total in another), and a count is at
    least any count of its own row or column that it contains (a category within a total,
    where categories overlap). (whole, parts, exact) with variable indices."""
    lines: dict[tuple[str, str, str, str], set[int]] = {}
    for c in cells:
        v = solver.index(c)
        lines.setdefault((c.unit, c.table, "row", c.row), set()).add(v)
        lines.setdefault((c.unit, c.table, "column", c.column), set()).add(v)
    out: list[tuple[int, list[int], bool]] = []
    for unit in {u for u, _ in solver.masks.values()}:
        ids = [v for v, (u, _) in solver.masks.items() if u == unit]
        local = {v: k for k, v in enumerate(ids)}
        sets = np.array([solver.masks[v][1] for v in ids], dtype=np.float32)
        size = sets.sum(axis=1)
        inter = sets @ sets.T
        inside = np.isclose(inter, size[None, :])  # [a, b]: b within a
        for (u, *_), members in lines.items():
            if u != unit or len(members) < 2:
                continue
            line = np.array(sorted(local[v] for v in members))
            sel = inside[:, line] & (size[line][None, :] < size[:, None]) & (size[line] > 0)
            for a in np.nonzero(sel.any(axis=1))[0]:
                parts = line[sel[a]]
                # Keep the smallest: a subtotal printed beside its own categories is no part.
                within = inside[np.ix_(parts, parts)] & ~np.eye(len(parts), dtype=bool)
                parts = parts[~within.any(axis=1)]
                block = inter[np.ix_(parts, parts)] - np.diag(size[parts])
                if len(parts) > 1 and not block.any() and size[parts].sum() == size[a]:
                    out.append((ids[a], [ids[b] for b in parts], True))
                elif a in line:
                    out += [(ids[a], [ids[b]], False) for b in line[sel[a]]]
    return out


class Inconsistent(Exception):
    """No counts fit what is printed: the publication contradicts its own markers."""


class Solver:
    exact: bool = True  # integer programmes where the LP optimum is fractional
    budget: float = MILP_BUDGET  # seconds left for them
    whole: bool = True  # the last interval is the integer answer

    def __init__(
        self,
        system: System,
        low: int,
        high: int,
        marker: str,
        secondary: str,
        round_to: int | None,
        cohort: Mapping[str, int],
    ) -> None:
        # One unknown per distinct set of units a published number counts (a reader sees
        # that two tables' "Total" rows count the same reviews), plus the whole cohort.
        self.var: dict[tuple[str, bytes], int] = {}
        self.masks: dict[int, tuple[str, np.ndarray]] = {}
        self.cohort_var: dict[str, int] = {}
        for c in (*system.cells, *system.bases):
            self._var(c.unit, c.units, len(system.spaces[c.unit]))
        for unit in cohort:
            if unit in system.spaces:
                n = len(system.spaces[unit])
                self.cohort_var[unit] = self._var(unit, np.arange(n), n)
        n_vars = len(self.var)
        self.n_atoms = n_vars
        either = [
            c
            for c in system.cells
            if c.shown is None and c.marker == secondary and secondary != marker and not c.floor
        ]
        nv = n_vars + len(either)
        big = float(sum(len(s) for s in system.spaces.values()) or 1)
        rows: list[np.ndarray] = []
        lo: list[float] = []
        hi: list[float] = []

        self.why: list[object] = []  # what each row says (for reading a failure)

        def add(a: np.ndarray, lb: float, ub: float, why: object = None) -> None:
            self.why.append(why)
            rows.append(a)
            lo.append(lb)
            hi.append(ub)

        for c in system.cells:
            a = self.row(c, nv)
            if c.floor and c.shown is None and c.marker == secondary:
                add(a, high + 1, np.inf, c)
            elif c.shown is not None:
                v = c.shown
                if round_to and v > 0:
                    add(a, max(v - round_to // 2, high + 1), v + round_to // 2, c)
                else:
                    add(a, v, v, c)
            elif c.marker == marker and marker != secondary:
                add(a, low, high, c)
        for k, c in enumerate(either):  # 0, or above the threshold
            a = self.row(c, nv)
            b = a.copy()
            a[n_vars + k] = -(high + 1)
            add(a, 0, np.inf, c)
            b[n_vars + k] = -big
            add(b, -np.inf, 0, c)
        for cell, base, p in system.ratios:
            if isinstance(base, CountCell) and base.shown is not None and cell.shown is not None:
                continue  # both printed: the percentage adds nothing
            a = self.row(cell, nv) * 100
            if isinstance(base, CountCell):
                b = self.row(base, nv)
                add(a - (p + PCT_HALF) * b, -np.inf, 0, (cell, base, p))
                add(a - (p - PCT_HALF) * b, 0, np.inf, (cell, base, p))
            else:
                add(a, (p - PCT_HALF) * base, (p + PCT_HALF) * base, (cell, base, p))
        for unit, n in cohort.items():
            if unit in self.cohort_var:
                a = np.zeros(nv)
                a[self.cohort_var[unit]] = 1
                add(a, n, n)
        for whole, parts, exact_sum in relations(system.cells, self):
            a = np.zeros(nv)
            a[whole] = 1
            a[parts] -= 1
            add(a, 0, 0 if exact_sum else np.inf, ("sum", whole, tuple(parts)))
        self.nv = nv
        matrix = np.array(rows).reshape(len(rows), nv)
        lo_a, hi_a = np.array(lo, dtype=float), np.array(hi, dtype=float)
        if len(rows):
            # The same set is printed in many places: keep one row per (set, bounds).
            _, first = np.unique(np.column_stack([matrix, lo_a, hi_a]), axis=0, return_index=True)
            keep = np.sort(first)
            matrix, lo_a, hi_a = matrix[keep], lo_a[keep], hi_a[keep]
            self.why = [self.why[k] for k in keep]
        self.matrix, self.lo, self.hi = matrix, lo_a, hi_a
        self.high = high
        self.either_rows = np.array([self.row(c, nv)[:n_vars] for c in either]).reshape(
            len(either), n_vars
        )
        self.upper = np.concatenate([np.full(n_vars, big), np.ones(len(either))])
        self._highs = self._model()

    def _model(self):  # type: ignore[no-untyped-def]
        """One HiGHS model for all cells: only the objective changes between solves, so each
        LP starts from the last basis (a few pivots instead of a fresh solve)."""
        import highspy
        from scipy.sparse import csc_matrix

        h = _quiet_highs()
        lp = highspy.HighsLp()
        lp.num_col_, lp.num_row_ = self.nv, len(self.lo)
        lp.col_cost_ = np.zeros(self.nv)
        lp.col_lower_ = np.zeros(self.nv)
        lp.col_upper_ = self.upper
        lp.row_lower_ = np.where(np.isfinite(self.lo), self.lo, -highspy.kHighsInf)
        lp.row_upper_ = np.where(np.isfinite(self.hi), self.hi, highspy.kHighsInf)
        a = csc_matrix(self.matrix)
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = a.indptr
        lp.a_matrix_.index_ = a.indices
        lp.a_matrix_.value_ = a.data
        lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = self.nv, len(self.lo)
        h.passModel(lp)
        return h

    def _var(self, unit: str, units: np.ndarray, size: int) -> int:
        key = (unit, np.sort(units).tobytes())
        if key not in self.var:
            mask = np.zeros(size, dtype=bool)
            mask[units] = True
            self.masks[len(self.var)] = (unit, mask)
            self.var[key] = len(self.var)
        return self.var[key]

    def index(self, c: CountCell) -> int:
        return self.var[(c.unit, np.sort(c.units).tobytes())]

    def row(self, c: CountCell, nv: int) -> np.ndarray:
        a = np.zeros(nv)
        a[self.index(c)] = 1
        return a

    def _whole(self, x: np.ndarray) -> bool:
        """Is the LP optimum an integer solution? Atom counts whole, and each secondary cell
        0 or above the threshold (its 0/1 indicator can then be set to match)."""
        atoms = x[: self.n_atoms]
        if not np.allclose(atoms, np.round(atoms), atol=1e-6):
            return False
        values = self.either_rows @ np.round(atoms) if len(self.either_rows) else np.zeros(0)
        return not np.any((values > 0.5) & (values < self.high + 0.5))

    def interval(self, c: CountCell) -> tuple[int, int]:
        """The smallest and largest whole value of the cell: the LP optimum when it is
        whole (then it is the integer optimum too), else the integer programme's."""
        a = self.row(c, self.nv)
        return self._extreme(a, 1, c), -self._extreme(-a, 1, c)

    def _extreme(self, a: np.ndarray, sign: int, c: CountCell) -> int:
        import highspy

        h = self._highs
        idx = np.arange(self.nv, dtype=np.int32)
        h.changeColsCost(self.nv, idx, a)
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise Inconsistent(f"{c.table} / {c.row}: {h.modelStatusToString(h.getModelStatus())}")
        x = np.asarray(h.getSolution().col_value)
        value = float(h.getInfo().objective_function_value)
        if self._whole(x):
            return round(value)
        if not self.exact or self.budget <= 0:
            self.whole = False
            return int(np.ceil(value - 1e-6))
        import time

        started = time.perf_counter()
        from scipy.optimize import Bounds, LinearConstraint, milp

        res = milp(
            a,
            constraints=[LinearConstraint(self.matrix, self.lo, self.hi)],
            bounds=Bounds(np.zeros(self.nv), self.upper),
            integrality=np.ones(self.nv),
            options={"time_limit": min(MILP_SECONDS, self.budget)},
        )
        self.budget -= time.perf_counter() - started
        if res.status == 1:  # time limit: the bound proven so far still holds
            self.whole = False
            bound = getattr(res, "mip_dual_bound", None)
            return int(np.ceil((value if bound is None else max(value, bound)) - 1e-6))
        if not res.success:
            raise RuntimeError(f"the reader model failed at {c.table} / {c.row}: {res.message}")
        return round(float(res.fun))


def _quiet_highs():  # type: ignore[no-untyped-def]
    """A HiGHS instance, without the banner its constructor writes to standard output."""
    import os
    import sys

    import highspy

    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    h.setOptionValue("output_flag", False)
    return h
