"""Which units (reviews or children) each published count is made of.

Disclosure control has to know how the numbers of a report relate to one another: a total
printed in one table is a cell hidden in another, a figure's bars add up to a table's row,
a percentage is a count over a stated base. All of these are linear relations between sets
of units, so every count table carries, in `extra["members"]`, a `Members` object that says
for each cell (by position in `data`) which units it counts. The reader model
(`analysis.attack`) turns those sets into one system of equations over the whole report:
the units with the same membership pattern form one unknown count.

Members are positional (row i, column j of `data`), so renaming rows or columns for print
keeps them valid; a table whose shape changes must build new ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

Mask = np.ndarray  # boolean, one entry per unit of `Members.ids`
Cell = tuple[int, int]


@dataclass(frozen=True, eq=False)
class Members:
    """Unit sets of a table's cells.

    `ids` names the units (review ids, or "review|child" for children). A cell's set is
    `cells[(i, j)]` when given, else `rows[i] & cols[j]` (a cross-tabulation). `bases`
    holds the set a cell's percentage is taken of, where that base is not itself a cell
    (risk presence: the cases in which the risk was recorded)."""

    unit: str
    ids: np.ndarray
    rows: Sequence[Mask] = ()
    cols: Sequence[Mask] = ()
    cells: Mapping[Cell, Mask] = field(default_factory=dict)
    bases: Mapping[Cell, Mask] = field(default_factory=dict)
    columns: frozenset[int] | None = None  # the data columns these members describe

    def positions(self, shape: tuple[int, int]) -> list[Cell]:
        """The cells these members describe: the listed ones, or every row x column pair
        that fits the table's shape."""
        if self.cells:
            return list(self.cells)
        return [
            (i, j)
            for i in range(min(len(self.rows), shape[0]))
            for j in range(min(len(self.cols), shape[1]))
        ]

    def cell_masks(self, shape: tuple[int, int]) -> list[tuple[Cell, Mask]]:
        """(cell, its units) for every cell inside the table's shape that has a unit set."""
        out = []
        for i, j in self.positions(shape):
            mask = self.mask(i, j)
            if mask is not None and i < shape[0] and j < shape[1]:
                out.append(((i, j), mask))
        return out

    def mask(self, i: int, j: int) -> Mask | None:
        if self.columns is not None and j not in self.columns:
            return None
        if (i, j) in self.cells:
            return self.cells[(i, j)]
        if i < len(self.rows) and j < len(self.cols):
            return self.rows[i] & self.cols[j]
        return None


def unit_ids(data: pd.DataFrame, unit: str) -> np.ndarray | None:
    """One id per row of a unit-level frame, or None when the frame does not say which
    review (and child) a row is."""
    if "review_id" not in data.columns:
        return None
    rid = data["review_id"].astype(str)
    if unit == "children" and "child" in data.columns:
        return (rid + "|" + data["child"].astype(str)).to_numpy(dtype=object)
    return rid.to_numpy(dtype=object)


def of_table(extra: Mapping[str, object]) -> tuple[Members, ...]:
    """The members a table carries (none for a table built without them)."""
    m = extra.get("members")
    if m is None:
        return ()
    if isinstance(m, Members):
        return (m,)
    return tuple(x for x in m if isinstance(x, Members))  # type: ignore[attr-defined]


def cell_mask(members: Sequence[Members], i: int, j: int) -> tuple[str, np.ndarray, Mask] | None:
    """(unit, ids, mask) of one cell, or None when no members describe it."""
    for m in members:
        mask = m.mask(i, j)
        if mask is not None:
            return m.unit, m.ids, mask
    return None


def by_labels(
    unit: str,
    ids: np.ndarray,
    index: Sequence[object],
    columns: Sequence[object],
    masks: Mapping[Any, Mask],
    bases: Mapping[Any, Mask] | None = None,
) -> Members:
    """Members from masks keyed by (row label, column label), aligned to positions."""
    ri = {r: i for i, r in enumerate(index)}
    ci = {c: j for j, c in enumerate(columns)}
    cells = {(ri[r], ci[c]): m for (r, c), m in masks.items() if r in ri and c in ci}
    based = {(ri[r], ci[c]): m for (r, c), m in (bases or {}).items() if r in ri and c in ci}
    return Members(unit, ids, cells=cells, bases=based)
