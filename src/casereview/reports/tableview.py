"""A ResultTable laid out for printing: header rows, body rows, cell texts and cell roles.

One view serves HTML and PDF (the PDF is printed from the same HTML); spreadsheets read the
numbers straight from the table. Suppressed cells show their marker and nothing else.
Columns that are a MultiIndex become two header rows with spans (001 Table 6 heads its
columns this way); a MultiIndex on the rows becomes group heading rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from casereview.analysis.table import ResultTable
from casereview.numbers import fmt_number

COUNT_COLUMN_NAMES = {"n": "Number", "count": "Number"}


@dataclass(frozen=True)
class HeadCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    role: str = ""  # "stub" for the row-label column, "total" for a total column


@dataclass(frozen=True)
class Cell:
    text: str
    role: str = ""  # "", "total", "suppressed", "missing"


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Cell, ...]
    role: str = ""  # "", "subtotal", "total", "heading"
    level: int = 0  # indentation of the label (members of a subtotal group are indented)


@dataclass(frozen=True)
class TableView:
    head: tuple[tuple[HeadCell, ...], ...]
    rows: tuple[Row, ...]
    width: int  # number of columns, the row-label column included


def column_text(col: Any) -> str:
    text = str(col)
    return COUNT_COLUMN_NAMES.get(text, text)


def table_view(
    table: ResultTable, *, row_header: str = "", percent: bool = True, ci: bool = False
) -> TableView:
    if table.kind == "comparison":
        return _comparison_view(table, row_header)
    # Means printed with their case counts keep one decimal ("9.0 (41)", as 001 Table 5 does);
    # display() rounds halves up, as the documents print (13.25 -> 13.3).
    display = table.display(
        percent=percent, decimals=1 if table.counts is not None else None, ci=ci
    )
    if table.kind == "summary":
        display = _one_decimal(table, display)
    return TableView(_head(table, row_header), _rows(table, display), 1 + len(table.data.columns))


# Summary statistics that are printed to one decimal even when whole (9.0, not 9), as
# 001 Table 5 prints its averages; counts, minima and maxima stay whole.
ONE_DECIMAL = ("Mean", "SD", "Median", "Lower quartile", "Upper quartile")


def _one_decimal(table: ResultTable, display: pd.DataFrame) -> pd.DataFrame:
    out = display.copy()
    for col in ONE_DECIMAL:
        if col not in table.data.columns:
            continue
        for row in table.data.index:
            if not table.is_suppressed(row, col):
                out.at[row, col] = fmt_number(table.data.at[row, col], 1)
    return out


def _head(table: ResultTable, row_header: str) -> tuple[tuple[HeadCell, ...], ...]:
    cols = table.data.columns
    if not isinstance(cols, pd.MultiIndex):
        flat = [HeadCell(row_header, role="stub")]
        flat += [
            HeadCell(column_text(c), role="total" if c == table.col_total else "") for c in cols
        ]
        return (tuple(flat),)
    # Two (or more) header rows: runs of columns sharing their upper labels get one spanning
    # cell; a column whose lower labels are empty ("Total") spans down instead.
    depth = cols.nlevels
    last = [max([k for k, x in enumerate(c) if str(x) != ""], default=0) for c in cols]
    rows: list[tuple[HeadCell, ...]] = []
    for level in range(depth):
        cells: list[HeadCell] = []
        if level == 0:
            cells.append(HeadCell(row_header, rowspan=depth, role="stub"))
        i = 0
        while i < len(cols):
            j = i
            while j + 1 < len(cols) and cols[j + 1][: level + 1] == cols[i][: level + 1]:
                j += 1
            if level <= last[i]:
                span_down = depth - level if level == last[i] else 1
                role = "total" if cols[i] == table.col_total else ""
                cells.append(
                    HeadCell(
                        column_text(cols[i][level]), colspan=j - i + 1, rowspan=span_down, role=role
                    )
                )
            i = j + 1
        rows.append(tuple(cells))
    return tuple(rows)


def _rows(table: ResultTable, display: pd.DataFrame) -> tuple[Row, ...]:
    members = {m for ms in table.groups.values() for m in ms}
    out: list[Row] = []
    last_heading: tuple[Any, ...] = ()
    for row in table.data.index:
        label: Any = row
        level = 0
        if isinstance(row, tuple):
            # MultiIndex rows: print each new upper label once as a heading row.
            upper, label = tuple(row[:-1]), row[-1]
            for depth, text in enumerate(upper):
                if last_heading[: depth + 1] != upper[: depth + 1] and str(text) != "":
                    out.append(Row(str(text), (), role="heading", level=depth))
            last_heading = upper
            level = sum(1 for x in upper if str(x) != "")
        role = "total" if row == table.row_total else "subtotal" if row in table.groups else ""
        if row in members:
            level += 1
        cells = []
        for col in table.data.columns:
            text = str(display.at[row, col])
            if table.is_suppressed(row, col):
                cell_role = "suppressed"
            elif col == table.col_total:
                cell_role = "total"
            elif text == "\u2013":
                cell_role = "missing"
            else:
                cell_role = ""
            cells.append(Cell(text, cell_role))
        out.append(Row(str(label), tuple(cells), role=role, level=level))
    return tuple(out)


def _comparison_view(table: ResultTable, row_header: str) -> TableView:
    from casereview.reports.comparison import comparison_view

    frame = comparison_view(table)
    markers = set()
    if table.suppressed is not None:
        markers = {m for m in table.suppressed.to_numpy().ravel() if m}
    head = ((HeadCell(row_header, role="stub"), *(HeadCell(str(c)) for c in frame.columns)),)
    rows = tuple(
        Row(
            str(label),
            tuple(Cell(str(v), "suppressed" if v in markers else "") for v in frame.loc[label]),
        )
        for label in frame.index
    )
    return TableView(head, rows, 1 + len(frame.columns))
