"""The attack on a published report: how far can a reader pin down each hidden count?

The reader model knows every number the report publishes and the linear relations a reader
can read off them, no more. Each count cell is a set of units (`analysis.members`); every
distinct set is one unknown whole number (the same set printed in two tables is one unknown:
a reader sees that both count the same reviews). The relations are the sums of the printed
tables: a count equals the cells of one row or column (of any table) that split its units
between them (categories and their total, a study's row and its total printed elsewhere,
a figure's bars and a table's row), and a count is at least any count of its own row or
column within it (overlapping categories). A reader is not assumed to know which
combinations of categories occur in the data. The reader then knows:

- each shown count exactly, or within its rounding (NHS Digital: nearest 5);
- each hidden count within what its marker says (a primary marker: low..high; a
  secondary-only marker: 0 or above high; a marker shared by both: any count);
- each shown percentage within its printed rounding, as a share of its base (a shown or
  hidden count, or a base no cell shows, such as the cases where a risk was recorded):
  100 * count - (p +/- 0.5) * base is linear in the unknowns;
- the size of the cohort (the report's subtitle).

For each hidden cell the smallest and largest whole value consistent with all of that is
found by integer programming (`scipy.optimize.milp`, HiGHS). A hidden cell whose interval
is narrower than half the marker's range (`protection_width`) is exposed. Statistics printed
beside a hidden count (a comparison row's percentage, interval or p-value; a mean) identify
that count, so they are exposures too. Counts in table notes are outside the model: in a
protected report a note must not state one (the cohort's own size excepted).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from casereview.analysis.members import Members, of_table
from casereview.analysis.table import ResultTable

NOTE_COUNT = re.compile(r"\b(\d[\d,]*)\s+(reviews?|children|child|cases?|families|family)\b")
MILP_SECONDS = 0.5  # cap per integer programme; past it the proven bound is used
MILP_BUDGET = 5.0  # cap per audit on integer programmes (the linear bounds are the fallback)
PCT_HALF = 0.5  # percentages print as whole numbers (numbers.fmt_pct)
COUNT_KINDS = ("frequency", "crosstab", "multi", "overlap", "trend", "summary", "comparison")
COHORT_STATS = ("Cohort %", "95% CI low", "95% CI high", "p", "p (Holm)", "Difference")


@dataclass(frozen=True)
class Exposure:
    """A hidden number a reader can work out (or a published number the model cannot
    account for)."""

    table: str
    row: str
    column: str
    low: int | None
    high: int | None
    reason: str = "interval"

    def describe(self) -> str:
        where = f"{self.table}, row '{self.row}', column '{self.column}'"
        if self.reason == "interval":
            return f"{where}: a reader can narrow it to {self.low}..{self.high}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Audit:
    hidden: int  # hidden count cells checked
    required_width: int
    exposures: tuple[Exposure, ...] = ()
    intervals: Mapping[tuple[str, str, str], tuple[int, int]] = field(default_factory=dict)
    inexact: frozenset[tuple[str, str, str]] = frozenset()  # linear bounds only (exact=False)

    @property
    def ok(self) -> bool:
        return not self.exposures


@dataclass
class _Cell:
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
class _System:
    """The reader's integer programme: atoms per unit kind, rows of known intervals."""

    cells: list[_Cell] = field(default_factory=list)
    spaces: dict[str, dict[object, int]] = field(default_factory=dict)
    bases: list[_Cell] = field(default_factory=list)  # sets only percentages refer to
    ratios: list[tuple[_Cell, _Cell | float, float]] = field(default_factory=list)


def audit(
    tables: Sequence[tuple[str, ResultTable]],
    *,
    low: int,
    high: int,
    marker: str,
    secondary_marker: str,
    round_to: int | None = None,
    cohort: Mapping[str, int] | None = None,
    required_width: int | None = None,
    cells: Sequence[tuple[str, str, str]] | None = None,
    exact: bool = True,
) -> Audit:
    """Run the attack on published tables (name, table) under a rule: counts `low`..`high`
    are shown as `marker`, further hidden cells as `secondary_marker`. `cohort` gives the
    published size per unit ("reviews": 97). `cells` limits the check to those hidden cells
    (table, row, column); all hidden cells by default. `exact=False` stops at the linear
    programme's bounds (rounded inwards): faster, and never narrower than the integer
    answer, so what it exposes is exposed; what it passes needs the exact check."""
    width = protection_width(low, high) if required_width is None else required_width
    allowed = {str(v) for v in (cohort or {}).values()}
    system, exposures = _collect(tables, round_to is not None, allowed)
    # The cells to protect: small counts (and categories left out, which may be small). A
    # secondary cell holds a count above the threshold: narrowing it reveals no small number,
    # so it needs no range of its own (unless one marker serves both, as NHS Digital's '*').
    hidden = [
        c
        for c in system.cells
        if c.shown is None and (c.marker != secondary_marker or marker == secondary_marker)
    ]
    if cells is not None:
        wanted = set(cells)
        hidden = [c for c in hidden if (c.table, c.row, c.column) in wanted]
    if not hidden:
        return Audit(0, width, tuple(exposures))
    solver = _Solver(system, low, high, marker, secondary_marker, round_to, cohort or {})
    solver.exact, solver.budget = exact, MILP_BUDGET
    intervals: dict[tuple[str, str, str], tuple[int, int]] = {}
    done: dict[tuple[str, bytes], tuple[int, int, bool]] = {}
    inexact = set()
    for c in hidden:
        sig = (c.unit, np.sort(c.units).tobytes())
        if sig not in done:
            solver.whole = True
            try:
                lo, hi = solver.interval(c)
            except _Inconsistent:
                reason = "the markers contradict the printed numbers (a marker on a count outside its range)"
                exposures.append(Exposure(c.table, c.row, c.column, None, None, reason))
                break
            done[sig] = (lo, hi, solver.whole)
        lo, hi, whole = done[sig]
        intervals[(c.table, c.row, c.column)] = (lo, hi)
        if not whole:
            inexact.add((c.table, c.row, c.column))
        if hi - lo < width:
            exposures.append(Exposure(c.table, c.row, c.column, lo, hi))
    return Audit(len(hidden), width, tuple(exposures), intervals, frozenset(inexact))


def protection_width(low: int, high: int) -> int:
    """How wide a hidden small count's range must stay: a reader must be left at least half
    of the marker's values (1..3 under '<4' may narrow to 1..2, never to one value; 1..9
    under '<10' keeps at least five). Issue 11's audit fails a cell "recoverable to a width
    below the threshold"; a marker's own range is already narrower than the threshold, so
    the line is drawn inside it."""
    return max(1, (high - low + 1) // 2)


def _collect(
    tables: Sequence[tuple[str, ResultTable]], rounded: bool, allowed: set[str]
) -> tuple[_System, list[Exposure]]:
    system = _System()
    exposures: list[Exposure] = []
    for name, t in tables:
        members = of_table(t.extra)
        exposures += _statistics(name, t)
        exposures += _score_sums(name, t)
        exposures += _notes(name, t, allowed)
        if not members:
            if t.kind in COUNT_KINDS and t.suppressed is not None:
                exposures.append(
                    Exposure(name, "", "", None, None, "counts without their units: not audited")
                )
            continue
        values = t.counts if t.counts is not None else t.data
        marks = t.suppressed
        by_pos: dict[tuple[int, int], _Cell] = {}
        positions: dict[int, np.ndarray] = {}
        for m in members:
            space = system.spaces.setdefault(m.unit, {})
            pos = np.array([space.setdefault(i, len(space)) for i in m.ids], dtype=np.int64)
            positions[id(m)] = pos
            for i, j in _positions(m, values.shape):
                mask = m.mask(i, j)
                if mask is None or (i, j) in by_pos:
                    continue
                mark = "" if marks is None else str(marks.iat[i, j])
                v = values.iat[i, j]
                shown = None if mark or pd.isna(v) else float(v)
                if shown is None and not mark:
                    continue  # not printed at all (an empty cell)
                cell = _Cell(
                    name,
                    str(values.index[i]),
                    str(values.columns[j]),
                    m.unit,
                    pos[mask],
                    shown,
                    mark,
                    (i, j),
                    bool(t.extra.get("secondary_floor")),
                )
                by_pos[(i, j)] = cell
                system.cells.append(cell)
        for row, col, unit, ids, mask in t.extra.get("dropped_cells", ()):
            # A category left out of the table: unknown to the reader, but in its totals.
            space = system.spaces.setdefault(unit, {})
            pos = np.array([space.setdefault(i, len(space)) for i in ids], dtype=np.int64)
            system.cells.append(_Cell(name, row, col, unit, pos[mask], None, "left out"))
        if not rounded:
            _percentages(t, members, positions, by_pos, system)
    return system, exposures


def _positions(m: Members, shape: tuple[int, int]) -> list[tuple[int, int]]:
    if m.cells:
        return list(m.cells)
    return [
        (i, j) for i in range(min(len(m.rows), shape[0])) for j in range(min(len(m.cols), shape[1]))
    ]


def _percentages(
    t: ResultTable,
    members: Sequence[Members],
    positions: Mapping[int, np.ndarray],
    by_pos: Mapping[tuple[int, int], _Cell],
    system: _System,
) -> None:
    """A shown percentage of a shown count says something only about its base; record
    (count cell, base, printed percentage) for the solver."""
    pct = t.percent
    if pct is None or t.counts is not None:
        return
    rows, cols = list(t.data.index), list(t.data.columns)
    for (i, j), cell in by_pos.items():
        if cell.shown is None or rows[i] not in pct.index or cols[j] not in pct.columns:
            continue
        p = pct.at[rows[i], cols[j]]
        if pd.isna(p):
            continue
        base = _base(t, members, positions, by_pos, i, j)
        if base is None:
            continue
        if isinstance(base, _Cell) and base.marker == "base":
            system.bases.append(base)
        system.ratios.append((cell, base, float(p)))


def _base(
    t: ResultTable,
    members: Sequence[Members],
    positions: Mapping[int, np.ndarray],
    by_pos: Mapping[tuple[int, int], _Cell],
    i: int,
    j: int,
) -> _Cell | float | None:
    for m in members:
        if (i, j) in m.bases:
            pos = positions[id(m)][m.bases[(i, j)]]
            return _Cell(by_pos[(i, j)].table, "base", "", m.unit, pos, None, "base")
    rows, cols = list(t.data.index), list(t.data.columns)
    at: tuple[int, int] | None = None
    if t.percent_basis == "column" and t.row_total in rows:
        at = (rows.index(t.row_total), j)
    elif t.percent_basis == "row" and t.col_total in cols:
        at = (i, cols.index(t.col_total))
    elif t.percent_basis == "total" and t.row_total in rows:
        at = (rows.index(t.row_total), cols.index(t.col_total) if t.col_total in cols else j)
    if at is not None and at in by_pos:
        return by_pos[at]
    return float(t.denominator) if t.denominator and t.percent_basis == "total" else None


def _statistics(name: str, t: ResultTable) -> list[Exposure]:
    """A comparison row that hides its count but prints a percentage, an interval or a
    p-value gives the count away (p identifies k for a known n)."""
    if t.kind != "comparison" or t.suppressed is None or "Cohort n" not in t.data.columns:
        return []
    out = []
    for row in t.data.index:
        if not t.suppressed.at[row, "Cohort n"]:
            continue
        for col in COHORT_STATS:
            if (
                col in t.data.columns
                and not t.suppressed.at[row, col]
                and pd.notna(t.data.at[row, col])
            ):
                out.append(
                    Exposure(name, str(row), col, None, None, "printed beside a hidden count")
                )
    return out


SCORE_SUM = "its score sum follows from the other rows' means and counts"


def _score_sums(name: str, t: ResultTable) -> list[Exposure]:
    """Mean x count is a group's score sum, and sums add up like counts (a subtotal's rows,
    the total's groups). A small group whose row is hidden gives its score sum away when the
    shown rows' means and counts determine it: its mean then lies within sum/high..sum/low
    (one case: that case's own score)."""
    cols = t.data.columns
    if t.kind != "summary" or t.suppressed is None or "Cases" not in cols or "Mean" not in cols:
        return []
    primary = t.extra.get("primary_marker")
    unknown = [r for r in t.data.index if pd.isna(t.data.at[r, "Mean"])]
    small = [r for r in unknown if t.suppressed.at[r, "Cases"] == primary]
    return [
        Exposure(name, str(r), "Mean", None, None, SCORE_SUM)
        for r in determined_sums(t, unknown, small)
    ]


def determined_sums(t: ResultTable, unknown: Sequence[object], wanted: Sequence[object]) -> list:
    """Which of `wanted` (rows of a summary table) have a score sum a reader can work out
    when the rows `unknown` print no mean: those whose sum is a combination of the table's
    sums (each line of `analysis.disclosure.sum_lines`) over the shown rows."""
    from casereview.analysis.disclosure import sum_lines

    where = {r: k for k, r in enumerate(unknown)}
    equations = []
    for line in sum_lines(t, t.data[["Cases"]]):
        a = np.zeros(len(unknown))
        for k, (r, _) in enumerate(line):
            if r in where:
                a[where[r]] += -1 if k == len(line) - 1 else 1
        if a.any():
            equations.append(a)
    if not equations:
        return []
    system = np.array(equations)
    rank = np.linalg.matrix_rank(system)
    out = []
    for r in wanted:
        probe = np.zeros(len(unknown))
        probe[where[r]] = 1
        if np.linalg.matrix_rank(np.vstack([system, probe])) == rank:
            out.append(r)
    return out


def _notes(name: str, t: ResultTable, allowed: set[str]) -> list[Exposure]:
    """Counts stated in the notes of a protected table (outside the reader model)."""
    if t.suppressed is None:
        return []
    out = []
    for note in t.notes:
        for m in NOTE_COUNT.finditer(note):
            if m.group(1) not in allowed:
                out.append(
                    Exposure(name, "note", m.group(0), None, None, f"note states a count: {note!r}")
                )
    return out


def relations(cells: Sequence[_Cell], solver: _Solver) -> list[tuple[int, list[int], bool]]:
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


class _Inconsistent(Exception):
    """No counts fit what is printed: the publication contradicts its own markers."""


class _Solver:
    exact: bool = True  # integer programmes where the LP optimum is fractional
    budget: float = MILP_BUDGET  # seconds left for them
    whole: bool = True  # the last interval is the integer answer

    def __init__(
        self,
        system: _System,
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
            if isinstance(base, _Cell) and base.shown is not None and cell.shown is not None:
                continue  # both printed: the percentage adds nothing
            a = self.row(cell, nv) * 100
            if isinstance(base, _Cell):
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

    def index(self, c: _Cell) -> int:
        return self.var[(c.unit, np.sort(c.units).tobytes())]

    def row(self, c: _Cell, nv: int) -> np.ndarray:
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

    def interval(self, c: _Cell) -> tuple[int, int]:
        """The smallest and largest whole value of the cell: the LP optimum when it is
        whole (then it is the integer optimum too), else the integer programme's."""
        a = self.row(c, self.nv)
        return self._extreme(a, 1, c), -self._extreme(-a, 1, c)

    def _extreme(self, a: np.ndarray, sign: int, c: _Cell) -> int:
        import highspy

        h = self._highs
        idx = np.arange(self.nv, dtype=np.int32)
        h.changeColsCost(self.nv, idx, a)
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise _Inconsistent(f"{c.table} / {c.row}: {h.modelStatusToString(h.getModelStatus())}")
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
