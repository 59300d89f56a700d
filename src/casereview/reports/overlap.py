"""Which factors each row of an overlap table stands for (for the UpSet-style chart).

`analysis.risk.overlap` labels its rows "All three", "A and B", "A only", "None" and keeps
the factor names (in order) in `extra["per_field"]`; this module turns the labels back into
sets of names, so the chart can draw filled dots under each bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations as choose

import pandas as pd

from casereview.analysis.table import ResultTable


@dataclass(frozen=True)
class ComboRow:
    label: str
    members: frozenset[str]
    count: float
    percent: float | None
    hidden: bool
    marker: str


@dataclass(frozen=True)
class Combos:
    sets: tuple[str, ...]
    rows: tuple[ComboRow, ...]


def _labels(names: list[str]) -> dict[str, frozenset[str]]:
    """Every label the overlap table may use, with its members (mirrors its naming rule)."""
    from casereview.analysis.risk import _combo_label

    k = len(names)
    out: dict[str, frozenset[str]] = {}
    for size in range(k, -1, -1):
        for combo in choose(range(k), size):
            out[_combo_label(combo, names, k)] = frozenset(names[i] for i in combo)
    return out


def combinations(table: ResultTable) -> Combos:
    names = list(table.extra.get("per_field", {}))
    members = _labels(names) if names else {}
    rows = []
    body = table.body
    col = body.columns[0]
    for label in body.index:
        hidden = table.is_suppressed(label, col)
        count = body.at[label, col]
        pct = None
        if table.percent is not None and not hidden:
            p = table.percent.at[label, col]
            pct = None if pd.isna(p) else float(p)
        rows.append(
            ComboRow(
                label=str(label),
                members=members.get(str(label), frozenset()),
                count=0.0 if hidden or pd.isna(count) else float(count),
                percent=pct,
                hidden=hidden,
                marker=table.marker(label, col),
            )
        )
    return Combos(tuple(names), tuple(rows))
