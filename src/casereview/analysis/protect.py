"""Disclosure control as one pass over every table of a report.

Tables are protected together, not one by one, because a reader reads them together: a
total one table hides may be printed by another, a figure's bars add up to a table's row.
The pass works on the units behind each count (`analysis.members`) and checks itself with
the attack (`analysis.attack`):

1. Primary: every count from `low` to `high` is hidden with the rule's marker (the same
   set of units printed elsewhere has the same count, so it is hidden there too).
2. Secondary: the attack is run over everything still printed; for each hidden cell a
   reader can narrow below the marker's range, one more cell is hidden in a sum that holds
   it (a cell above the threshold, never a zero, a small count or a count of the whole
   cohort, whose size the cover prints; so a reader knows a
   secondary cell is above the threshold, and the model may assume so), together with
   every cell elsewhere that counts the same units.
3. When no cell in any of its sums can be hidden, the row is left out of the table
   ("merged" into what the totals imply, with a note); when a table still gives a cell
   away after that, the table is withheld, and the report says so. Nothing aborts.

Statistics that would identify a hidden count are hidden with it: a comparison row's
percentage, interval and p-value; a group's mean, median, minimum and maximum. Table notes
and titles lose their counts (the cohort's own size excepted), because they restate sums
the reader model would otherwise have to trust.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from casereview.analysis.attack import SCORE_SUM, audit, determined_sums
from casereview.analysis.disclosure import sum_lines
from casereview.analysis.members import of_table
from casereview.analysis.protect_print import (
    TITLE_COUNT,
    comparison_rows,
    protected_notes,
    without_rows,
)
from casereview.analysis.suppress import SuppressionRule, _hidden_percent, _percent, _round
from casereview.analysis.table import ResultTable

MAX_ROUNDS = 40


@dataclass
class _State:
    table: ResultTable
    marks: pd.DataFrame  # "" shown, else the marker (shaped like the count frame)
    sigs: dict[tuple[int, int], tuple[str, int]] = field(default_factory=dict)
    whole: set[tuple[int, int]] = field(default_factory=set)  # cells counting the whole cohort
    dropped: set[object] = field(default_factory=set)

    @property
    def values(self) -> pd.DataFrame:
        t = self.table
        return t.counts if t.counts is not None else t.data


@dataclass(frozen=True)
class Protected:
    tables: dict[str, ResultTable]
    withheld: tuple[str, ...]  # titles of tables that could not be published at all
    rounds: int


def protect_tables(
    tables: Mapping[str, ResultTable], rule: SuppressionRule, cohort: Mapping[str, int]
) -> Protected:
    """Every table of `tables` made safe to publish together under `rule` (see module
    docstring). `cohort` is the published size per unit ({"reviews": 97, ...})."""
    states = {k: _start(t, rule) for k, t in tables.items()}
    _share_hidden(states, rule)
    withheld: list[str] = []
    rounds = 0
    tried: dict[tuple[str, str, str], int] = {}
    # Hiding more never narrows a reader's range, so a cell once safe stays safe: each round
    # checks only the cells exposed last round and those hidden since.
    check: set[tuple[str, str, str]] | None = None
    exact = False
    inexact: set[tuple[str, str, str]] = set()  # passed on linear bounds only
    for rounds in range(1, MAX_ROUNDS + 1):
        published = {k: _publish(s, rule, cohort) for k, s in states.items()}
        before = _hidden_cells(published)
        result = _attack(published, rule, cohort, exact=exact, cells=check)
        inexact = (
            (inexact - set(check or ())) | set(result.inexact) if check else set(result.inexact)
        )
        if result.ok:
            if exact or not inexact:
                break
            # The linear bounds pass; where they were fractional, check the integer answer
            # (once: a capped integer programme may stay fractional).
            if exact:
                break
            exact, check = True, set(inexact)
            continue
        exact = False
        was_dropped = {k: set(st.dropped) for k, st in states.items()}
        for e in result.exposures:
            key = (e.table, e.row, e.column)
            tried[key] = tried.get(key, 0) + 1
            s = states.get(e.table)
            if s is None:
                continue
            if e.row in s.dropped and e.row not in was_dropped[e.table]:
                continue  # its row was left out a moment ago: check again next round
            if e.reason == SCORE_SUM and _hide_mean(s, e.row, rule):
                continue
            if e.reason == "interval" and tried[key] <= 6:
                if _secondary(s, e.row, e.column, rule, states):
                    continue
                if e.row not in was_dropped[e.table]:
                    _drop_row(s, e.row)
                    continue
            withheld.append(TITLE_COUNT.sub("", s.table.title))
            del states[e.table]
        after = _hidden_cells({k: _publish(s, rule, cohort) for k, s in states.items()})
        check = {(e.table, e.row, e.column) for e in result.exposures} | (after - before)
    else:
        # Still exposed after every round: withhold what is exposed.
        for e in result.exposures:
            if e.table in states:
                withheld.append(TITLE_COUNT.sub("", states.pop(e.table).table.title))
    final = {}
    for k, s in states.items():
        t = _publish(s, rule, cohort)
        if _says_nothing(t):  # every count hidden or left out: nothing worth printing
            withheld.append(TITLE_COUNT.sub("", t.title))
        else:
            final[k] = t
    # What is published must pass the same attack the audit runs: withhold what does not.
    for _ in range(3):
        last = _attack(final, rule, cohort, exact=True)
        if last.ok:
            break
        for e in last.exposures:
            if e.table in final:
                withheld.append(TITLE_COUNT.sub("", final.pop(e.table).title))
    return Protected(final, tuple(dict.fromkeys(withheld)), rounds)


def protect_table(table: ResultTable, rule: SuppressionRule) -> ResultTable:
    """One table on its own (`casereview stats --suppress-below N`): the same pass, with the
    table as the whole publication. A table that cannot be published at all keeps only its
    total, with a note."""
    done = protect_tables({table.id: table}, rule, {})
    if table.id in done.tables:
        return done.tables[table.id]
    note = "Not shown: every category would reveal a small number."
    return table.replace(data=table.data.iloc[0:0], percent=None, percent_basis=None, notes=(note,))


def _says_nothing(t: ResultTable) -> bool:
    values = t.counts if t.counts is not None else t.data
    members = of_table(t.extra)
    if not members or t.suppressed is None:
        return False
    for m in members:
        for (i, j), _mask in m.cell_masks(values.shape):
            v = pd.to_numeric(pd.Series([values.iat[i, j]]), errors="coerce").iloc[0]
            if not t.suppressed.iat[i, j] and pd.notna(v) and v > 0:
                return False
    return True


def _hidden_cells(published: Mapping[str, ResultTable]) -> set[tuple[str, str, str]]:
    out = set()
    for k, t in published.items():
        for row, col, *_ in t.extra.get("dropped_cells", ()):
            out.add((k, row, col))
        if t.suppressed is not None:
            for r, c in zip(*np.nonzero(t.suppressed.to_numpy() != ""), strict=True):
                out.add((k, str(t.suppressed.index[r]), str(t.suppressed.columns[c])))
    return out


def _attack(  # type: ignore[no-untyped-def]
    published: Mapping[str, ResultTable],
    rule: SuppressionRule,
    cohort,
    *,
    exact: bool,
    cells: set[tuple[str, str, str]] | None = None,
):
    return audit(
        list(published.items()),
        cells=None if cells is None else sorted(cells),
        low=rule.low,
        high=rule.high,
        marker=rule.marker,
        secondary_marker=rule.secondary_marker,
        round_to=rule.round_to,
        cohort=cohort,
        exact=exact,
    )


def _start(t: ResultTable, rule: SuppressionRule) -> _State:
    values = t.counts if t.counts is not None else t.data
    marks = pd.DataFrame("", index=values.index, columns=values.columns)
    state = _State(t, marks)
    for m in of_table(t.extra):
        for (i, j), mask in m.cell_masks(values.shape):
            state.sigs[(i, j)] = (m.unit, hash(frozenset(m.ids[mask])))
            if mask.all():
                state.whole.add((i, j))
            v = values.iat[i, j]
            if pd.notna(v) and rule.low <= v <= rule.high:
                marks.iat[i, j] = rule.marker
    return state


def _share_hidden(states: Mapping[str, _State], rule: SuppressionRule) -> None:
    """A set of units hidden anywhere is hidden everywhere it is printed."""
    hidden = {s.sigs[p]: s.marks.iat[p] for s in states.values() for p in s.sigs if s.marks.iat[p]}
    for s in states.values():
        for p, sig in s.sigs.items():
            if sig in hidden and not s.marks.iat[p]:
                s.marks.iat[p] = hidden[sig]


def _secondary(
    s: _State, row: str, col: str, rule: SuppressionRule, states: Mapping[str, _State]
) -> bool:
    """Hide one more cell in a sum holding the exposed cell: the line with the fewest hidden
    cells, an inner cell before a margin, the smallest count above the threshold."""
    values = s.values
    t = s.table
    target = next(
        ((r, c) for r in values.index for c in values.columns if str(r) == row and str(c) == col),
        None,
    )
    if target is None:
        return False
    # The sums over every row, left-out ones too: a left-out cell is still in its column's
    # total, and another hidden cell of that sum shields it.
    lines = sum_lines(t, values)
    margins = set(t.margin_rows) | {t.col_total}
    best = None
    for line in lines:
        if target not in line:
            continue
        n_hidden = sum(1 for c in line if s.marks.at[c])
        for c in line:
            v = values.at[c]
            if str(c[0]) in s.dropped or s.marks.at[c] or pd.isna(v) or v <= rule.high:
                continue
            at = (values.index.get_loc(c[0]), values.columns.get_loc(c[1]))
            if at in s.whole:
                continue  # the cohort's size is printed on the cover: hiding it shields nothing
            key = (n_hidden, int(c[0] in margins or c[1] in margins), float(v))
            if best is None or key < best[0]:
                best = (key, c)
    if best is None:
        return False
    cell = best[1]
    i, j = values.index.get_loc(cell[0]), values.columns.get_loc(cell[1])
    s.marks.iat[i, j] = rule.secondary_marker
    sig = s.sigs.get((i, j))
    if sig is not None:
        for other in states.values():
            for p, osig in other.sigs.items():
                if osig == sig and not other.marks.iat[p]:
                    other.marks.iat[p] = rule.secondary_marker
    return True


def _drop_row(s: _State, row: str) -> None:
    s.dropped.add(row)


def _publish(s: _State, rule: SuppressionRule, cohort: Mapping[str, int]) -> ResultTable:
    """The table as printed: hidden numbers blanked, dropped rows left out, notes and
    title without counts."""
    t = s.table
    marks = s.marks
    values = s.values.apply(pd.to_numeric, errors="coerce").astype(float)
    hidden = marks != ""
    shown = values.where(~hidden)
    if rule.round_to:
        shown = (np.round(shown / rule.round_to) * rule.round_to).where(~hidden)
    changes: dict[str, object] = {"suppression": rule.name}
    full_marks = marks
    if t.counts is not None:
        changes["counts"] = shown
        changes["data"] = t.data.where(~hidden.reindex_like(t.data).fillna(False))
    elif t.kind == "comparison":
        full_marks, data = comparison_rows(t, marks)
        changes["data"] = data
    elif t.kind == "summary" and "Cases" in t.data.columns:
        full_marks = _whole_rows(t.data, marks["Cases"], marks.get("Mean"))
        data = t.data.astype(float).where(full_marks == "")
        if rule.round_to:
            data["Cases"] = shown["Cases"]
        changes["data"] = data
    else:
        changes["data"] = shown
        if t.percent is not None:
            pct = _percent(shown, t) if rule.round_to else t.percent
            hide = _hidden_percent(t, hidden).reindex_like(pct).fillna(True)
            changes["percent"] = pct.where(~hide.astype(bool))
    changes["suppressed"] = full_marks
    notes = protected_notes(t, rule, cohort, s.dropped)
    changes["notes"] = notes
    changes["title"] = TITLE_COUNT.sub("", t.title)
    changes["extra"] = {
        **t.extra,
        "secondary_floor": True,  # secondary cells are above the threshold (never 0 or small)
        "primary_marker": rule.marker,
        "suppressed_high": rule.high,
        "dropped_rows": tuple(sorted(s.dropped)),
    }
    if rule.round_to:
        changes["denominator"] = _round(t.denominator, rule.round_to)
        changes["missing"] = _round(t.missing, rule.round_to) or 0
    out = t.replace(**changes)
    return without_rows(out, s.dropped, rule.high) if s.dropped else out


def _whole_rows(
    data: pd.DataFrame, cases_marks: pd.Series, mean_marks: pd.Series | None = None
) -> pd.DataFrame:
    """A hidden count hides its whole row; a hidden mean (`_hide_mean`) hides the row's
    statistics and keeps its count."""
    marks = pd.DataFrame("", index=data.index, columns=data.columns)
    for row, mark in (mean_marks if mean_marks is not None else pd.Series(dtype=str)).items():
        if mark:
            marks.loc[row, [c for c in data.columns if c != "Cases"]] = mark
    for row, mark in cases_marks.items():
        if mark:
            marks.loc[row, :] = mark
    return marks


def _hide_mean(s: _State, row: str, rule: SuppressionRule) -> bool:
    """Shield a hidden small group's score sum: hide the statistics (not the count) of the
    smallest other row whose hiding leaves that sum unknown (or, failing one, of the
    smallest other row, and try again next round). The total row is kept."""
    t = s.table
    hidden = [r for r in t.data.index if s.marks.at[r, "Cases"] or s.marks.at[r, "Mean"]]
    target = next((r for r in hidden if str(r) == row), None)
    shown = [r for r in t.data.index if r not in hidden and r != t.row_total]
    if target is None or not shown:
        return False
    shown.sort(key=lambda r: float(t.data.at[r, "Cases"]))
    enough = [r for r in shown if not determined_sums(t, [*hidden, r], [target])]
    s.marks.at[(enough or shown)[0], "Mean"] = rule.secondary_marker
    return True
