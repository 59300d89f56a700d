"""Reading numbers back out of result tables to write sentences about them.

Every helper returns None when the number is not there to be read: the category is
absent, the cell is suppressed, or the denominator is zero. Sentences are only written from
what a reader of the (suppressed) table could see, so an observation can never give away a
hidden cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from casereview import numbers
from casereview.analysis.table import ResultTable


@dataclass(frozen=True)
class Share:
    label: str
    count: float
    percent: float | None
    of: int | None  # the denominator the percentage is of, when known
    unit: str = ""  # what is counted ("cases", "children"), for stating the denominator

    @property
    def pct(self) -> str:
        # From the count and its denominator when both are known (exact), else the table's.
        exact = numbers.percent(self.count, self.of) if self.of else None
        return pct(self.percent if exact is None else exact)

    @property
    def n(self) -> str:
        return number(self.count)

    @property
    def n_of(self) -> str:
        """'27 of 97' (or '27' when the denominator is not known)."""
        return f"{self.n} of {number(self.of)}" if self.of else self.n

    @property
    def stated(self) -> str:
        """The percentage with what it divides by: '28% of cases (27 of 97)'."""
        of_unit = f" of {self.unit}" if self.unit else ""
        return f"{self.pct}{of_unit} ({self.n_of})"

    @property
    def stated_inline(self) -> str:
        """The same inside brackets: '70% of cases, 68 of 97'."""
        of_unit = f" of {self.unit}" if self.unit else ""
        return f"{self.pct}{of_unit}, {self.n_of}"


def pct(value: Any) -> str:
    """71 -> '71%'; 42.6 -> '43%' (whole percentages, as the reference documents mostly give)."""
    return numbers.fmt_pct(value)


def number(value: float) -> str:
    return numbers.fmt_number(value)


def words(n: int) -> str:
    """Small whole numbers in words, as report prose writes them ('three cases')."""
    names = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return names[n] if 0 <= n < len(names) else str(n)


def cell(table: ResultTable | None, row: Any, col: Any = None) -> Share | None:
    """One visible cell as a Share (count and its percentage), or None."""
    if table is None:
        return None
    data = table.data
    if col is None:
        col = data.columns[0]
    if row not in data.index or col not in data.columns or table.is_suppressed(row, col):
        return None
    value = data.at[row, col]
    if pd.isna(value):
        return None
    p = None
    if table.percent is not None and row in table.percent.index and col in table.percent.columns:
        pv = table.percent.at[row, col]
        p = None if pd.isna(pv) else float(pv)
    of = None
    if (
        table.row_total is not None
        and table.row_total in data.index
        and table.percent_basis in ("total", "column")
    ):
        # The total the percentage is of, as printed in the table's total row.
        at = table.col_total if table.percent_basis == "total" and table.col_total else col
        if not table.is_suppressed(table.row_total, at):
            total = data.at[table.row_total, at]
            of = None if pd.isna(total) else int(total)
    elif table.percent_basis == "total":
        of = table.denominator
    elif table.percent_basis == "row" and row in table.extra.get("known", {}):
        of = int(table.extra["known"][row])  # per-row denominators (risk factors present)
    return Share(str(row), float(value), p, of, _unit_word(table.unit))


def _unit_word(unit: str) -> str:
    """Reviews are called cases in the report's prose, as 000 and 001 do."""
    return "cases" if unit == "reviews" else unit


def ranked(
    table: ResultTable | None, col: Any = None, *, exclude: tuple[str, ...] = ()
) -> list[Share]:
    """The visible body cells of one column, largest first (ties keep table order)."""
    if table is None:
        return []
    body = table.body
    if body.empty:
        return []
    col = body.columns[0] if col is None else col
    shares = [cell(table, r, col) for r in body.index if str(r) not in exclude]
    found = [s for s in shares if s is not None and s.count > 0]
    return sorted(found, key=lambda s: -s.count)


def top(
    table: ResultTable | None, col: Any = None, *, exclude: tuple[str, ...] = ()
) -> Share | None:
    """The largest category, only if it is strictly the largest (no tie) and provably so:
    no hidden cell of the column could be as large (a small count under the rule's marker
    is at most `suppressed_high`; a secondary cell or a category left out could be any size)."""
    order = ranked(table, col, exclude=exclude)
    if not order or (len(order) > 1 and order[1].count == order[0].count):
        return None
    assert table is not None
    if table.suppressed is not None:
        body = table.body
        col = body.columns[0] if col is None else col
        marks = table.suppressed.reindex(index=body.index)[col].fillna("")
        high = table.extra.get("suppressed_high")
        primary = table.extra.get("primary_marker")
        for row, mark in marks.items():
            if not mark or str(row) in exclude:
                continue
            if mark != primary or high is None or order[0].count <= high:
                return None
        if table.extra.get("dropped_rows"):
            return None
    return order[0]


def value(table: ResultTable | None, row: Any, col: Any) -> float | None:
    """A visible number (e.g. a mean score), or None."""
    if table is None or row not in table.data.index or col not in table.data.columns:
        return None
    if table.is_suppressed(row, col):
        return None
    v = table.data.at[row, col]
    return None if pd.isna(v) else float(v)


def lower_first(label: str) -> str:
    """'Domestic abuse' -> 'domestic abuse' for use mid-sentence (acronyms kept: 'SCIE')."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
