"""How a protected table is printed (`analysis.protect`): a comparison row's statistics
hidden with its count, notes without the counts a reader could use, and categories left
out of a table while they stay in the reader model as unknowns."""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from casereview.analysis.attack import NOTE_COUNT
from casereview.analysis.members import Members, of_table
from casereview.analysis.suppress import SuppressionRule
from casereview.analysis.table import ResultTable

TITLE_COUNT = re.compile(r"\s*\((?:number of )?(?:cases|reviews|children)\s*=\s*\d+\)")
COHORT_COLUMNS = (
    "Cohort n",
    "Cohort %",
    "95% CI low",
    "95% CI high",
    "p",
    "p (Holm)",
    "Difference",
)


def comparison_rows(t: ResultTable, marks: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A hidden cohort count hides every statistic of its row (p identifies k)."""
    full = marks.copy()
    data = t.data.copy()
    for row in t.data.index:
        mark = marks.at[row, "Cohort n"] if "Cohort n" in marks.columns else ""
        total_mark = marks.at[row, "Cohort total"] if "Cohort total" in marks.columns else ""
        if not (mark or total_mark):
            continue
        for col in COHORT_COLUMNS + ("Cohort total",):
            if col in data.columns and (col != "Cohort total" or total_mark):
                full.at[row, col] = mark or total_mark
                data.at[row, col] = np.nan
    return full, data


# What is left of "...; 14 reviews in all." or "(14 reviews in all)" once its count is gone.
_EMPTY_IN_ALL = re.compile(
    r"(?:;\s*|\s*\()(?:reviews?|children|child|cases?|families|family) in all\)?(?=\.|$)"
)


def strip_note_counts(note: str, keep: set[str]) -> str:
    """A table note without the counts a reader could use against hidden cells (the cohort's
    own sizes in `keep` stay); a clause left saying only "reviews in all" goes too."""
    out = NOTE_COUNT.sub(lambda m: m.group(0) if m.group(1) in keep else m.group(2), note)
    out = _EMPTY_IN_ALL.sub("", out)
    return out[:1].upper() + out[1:]


def protected_notes(
    t: ResultTable, rule: SuppressionRule, cohort: Mapping[str, int], dropped: set[object]
) -> tuple[str, ...]:
    keep = {str(v) for v in cohort.values()}
    notes = [strip_note_counts(n, keep) for n in t.notes]
    notes.append(f"Small numbers suppressed ({rule.description}).")
    if dropped:
        notes.append(
            "Some categories with small numbers are not shown separately; "
            "they are still counted in the totals."
        )
    return tuple(dict.fromkeys(notes))


def without_rows(t: ResultTable, dropped: set[object], high: int) -> ResultTable:
    keep = [i for i, r in enumerate(t.data.index) if str(r) not in dropped]
    rows = [t.data.index[i] for i in keep]
    members = []
    gone = []  # the cells left out stay in the reader model as unknowns (analysis.attack)
    shape = t.data.shape
    for m in of_table(t.extra):
        for (i, j), mask in m.cell_masks(shape):
            if i not in keep and int(mask.sum()) > 0 and int(mask.sum()) <= high:
                # A small count left out: it stays in the reader model, to be checked.
                gone.append((str(t.data.index[i]), str(t.data.columns[j]), m.unit, m.ids, mask))
        remap = {old: new for new, old in enumerate(keep)}
        cells = {(remap[i], j): v for (i, j), v in m.cells.items() if i in remap}
        bases = {(remap[i], j): v for (i, j), v in m.bases.items() if i in remap}
        members.append(
            Members(
                m.unit,
                m.ids,
                [m.rows[i] for i in keep] if m.rows else (),
                m.cols,
                cells,
                bases,
                m.columns,
            )
        )
    changes: dict[str, object] = {
        "data": t.data.loc[rows],
        "extra": {**t.extra, "members": tuple(members), "dropped_cells": tuple(gone)},
        "groups": {
            g: tuple(x for x in v if str(x) not in dropped)
            for g, v in t.groups.items()
            if str(g) not in dropped
        },
    }
    for name in ("percent", "counts", "suppressed"):
        frame = getattr(t, name)
        if frame is not None:
            changes[name] = frame.loc[[r for r in rows if r in frame.index]]
    return t.replace(**changes)
