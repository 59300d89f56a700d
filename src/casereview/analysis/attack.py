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
from casereview.analysis.reader_model import MILP_BUDGET, CountCell, Inconsistent, Solver, System
from casereview.analysis.table import ResultTable

NOTE_COUNT = re.compile(r"\b(\d[\d,]*)\s+(reviews?|children|child|cases?|families|family)\b")
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
    solver = Solver(system, low, high, marker, secondary_marker, round_to, cohort or {})
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
            except Inconsistent:
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
) -> tuple[System, list[Exposure]]:
    system = System()
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
        by_pos: dict[tuple[int, int], CountCell] = {}
        positions: dict[int, np.ndarray] = {}
        for m in members:
            space = system.spaces.setdefault(m.unit, {})
            pos = np.array([space.setdefault(i, len(space)) for i in m.ids], dtype=np.int64)
            positions[id(m)] = pos
            for i, j in m.positions(values.shape):
                mask = m.mask(i, j)
                if mask is None or (i, j) in by_pos:
                    continue
                mark = "" if marks is None else str(marks.iat[i, j])
                v = values.iat[i, j]
                shown = None if mark or pd.isna(v) else float(v)
                if shown is None and not mark:
                    continue  # not printed at all (an empty cell)
                cell = CountCell(
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
            system.cells.append(CountCell(name, row, col, unit, pos[mask], None, "left out"))
        if not rounded:
            _percentages(t, members, positions, by_pos, system)
    return system, exposures


def _percentages(
    t: ResultTable,
    members: Sequence[Members],
    positions: Mapping[int, np.ndarray],
    by_pos: Mapping[tuple[int, int], CountCell],
    system: System,
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
        if isinstance(base, CountCell) and base.marker == "base":
            system.bases.append(base)
        system.ratios.append((cell, base, float(p)))


def _base(
    t: ResultTable,
    members: Sequence[Members],
    positions: Mapping[int, np.ndarray],
    by_pos: Mapping[tuple[int, int], CountCell],
    i: int,
    j: int,
) -> CountCell | float | None:
    for m in members:
        if (i, j) in m.bases:
            pos = positions[id(m)][m.bases[(i, j)]]
            return CountCell(by_pos[(i, j)].table, "base", "", m.unit, pos, None, "base")
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
