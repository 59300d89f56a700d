"""Study report -> Excel workbook: a contents sheet, then one sheet per table and figure.

Each sheet holds the numbers of one exhibit (counts as numbers, percentages in their own
columns, suppressed cells as their marker text) with its caption above and its notes below,
so the workbook can be published on its own.
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd

from casereview import numbers
from casereview.analysis.table import ResultTable
from casereview.io.formula import neutralise as _safe
from casereview.reports.citations import cite
from casereview.reports.model import Exhibit, StudyReport
from casereview.reports.tableview import column_text

PCT_DECIMALS = 0  # as the report's tables print percentages
MEAN_DECIMALS = 1  # as they print means and other fractional values


def _label(key: Any) -> str:
    """Row or column label as cell text; formula-like text is neutralised (io/formula.py)."""
    if isinstance(key, tuple):
        return str(_safe(" \u2013 ".join(str(k) for k in key if str(k) != "")))
    return str(_safe(column_text(key)))


def _columns(table: ResultTable, ci: bool = False) -> list[tuple[str, Any, str]]:
    """(header, data column, what) for each spreadsheet column: value, cases or percent."""
    out: list[tuple[str, Any, str]] = []
    for col in table.data.columns:
        out.append((_label(col), col, "value"))
        if table.counts is not None and col in table.counts.columns:
            out.append((f"{_label(col)} (cases)", col, "cases"))
        elif table.percent is not None and col in table.percent.columns:
            out.append((f"{_label(col)} (%)", col, "percent"))
            if ci:
                out.append((f"{_label(col)} (95% CI low)", col, "ci_low"))
                out.append((f"{_label(col)} (95% CI high)", col, "ci_high"))
    return out


def _cell(table: ResultTable, row: Any, col: Any, what: str) -> Any:
    if table.is_suppressed(row, col):
        return table.marker(row, col)
    if what in ("ci_low", "ci_high"):
        return _ci_bound(table, row, col, what == "ci_low")
    frame = {"value": table.data, "cases": table.counts, "percent": table.percent}[what]
    assert frame is not None
    v = frame.at[row, col]
    if isinstance(v, str):
        return cite(v)
    if v is None or pd.isna(v):
        return None
    # The cell holds the number the HTML/PDF print (rounded half up on its exact value),
    # and its number format shows the same places: whole percentages, means to one decimal.
    if what == "percent":
        return numbers.rounded(v, PCT_DECIMALS)
    if numbers.exact(v).denominator == 1:
        return int(numbers.exact(v))
    return numbers.rounded(v, MEAN_DECIMALS)


def _ci_bound(table: ResultTable, row: Any, col: Any, low: bool) -> float | None:
    """A Wilson 95% bound of the cell's percentage, rounded as the report prints it."""
    shown = table.display(ci=True).at[row, col]
    if ";" not in str(shown):
        return None
    base = table.percent_base(row, col)
    if base is None:
        return None
    from casereview.analysis.stats import wilson_ci

    bounds = wilson_ci(int(table.data.at[row, col]), base)
    return numbers.rounded(100 * bounds[0 if low else 1], PCT_DECIMALS)


def _comparison_sheet(ws: Any, formats: dict[str, Any], exhibit: Exhibit) -> int:
    """A comparison as printed (n of N (%), interval, published figure, test, p as '<0.001'
    or three decimals): its cells are text, so no number format can turn p into 0.0."""
    from casereview.reports.comparison import comparison_view

    view = comparison_view(exhibit.table)
    ws.write_string(2, 0, _safe(exhibit.row_header or ""), formats["head"])
    for j, header in enumerate(view.columns, start=1):
        ws.write_string(2, j, _safe(str(header)), formats["head"])
    for i, (label, row) in enumerate(view.iterrows(), start=3):
        ws.write_string(i, 0, _label(label))
        for j, value in enumerate(row, start=1):
            ws.write_string(i, j, _safe(cite(str(value))))
    return 3 + len(view)


def _sheet(book: Any, formats: dict[str, Any], exhibit: Exhibit, ci: bool = False) -> None:
    t = exhibit.table
    ws = book.add_worksheet(exhibit.label)
    ws.write_string(0, 0, _safe(exhibit.caption), formats["title"])
    if t.kind == "comparison":
        _notes(ws, formats, exhibit, _comparison_sheet(ws, formats, exhibit) + 1)
        ws.set_column(0, 0, 40)
        ws.set_column(1, 8, 16)
        return
    cols = _columns(t, ci and exhibit.percent)
    ws.write_string(2, 0, _safe(exhibit.row_header or ""), formats["head"])
    for j, (header, _, _) in enumerate(cols, start=1):
        ws.write_string(2, j, header, formats["head"])
    r = 3
    for row in t.data.index:
        strong = row == t.row_total or row in t.groups
        ws.write_string(r, 0, _label(row), formats["bold"] if strong else None)
        for j, (_, col, what) in enumerate(cols, start=1):
            value = _cell(t, row, col, what)
            fmt = formats["pct" if what in ("percent", "ci_low", "ci_high") else "num"]
            if isinstance(value, float) and what not in ("percent", "ci_low", "ci_high"):
                fmt = formats["mean"]
            if value is None:
                ws.write_blank(r, j, None)
            elif isinstance(value, str):
                ws.write_string(
                    r, j, _safe(value), formats["marker"] if t.is_suppressed(row, col) else None
                )
            else:
                ws.write_number(r, j, value, fmt)
        r += 1
    _notes(ws, formats, exhibit, r + 1)
    ws.set_column(
        0, 0, max(18, min(60, max((len(_label(x)) for x in t.data.index), default=10) + 2))
    )
    ws.set_column(1, len(cols), 14)
    ws.freeze_panes(3, 1)


def _notes(ws: Any, formats: dict[str, Any], exhibit: Exhibit, r: int) -> None:
    t = exhibit.table
    notes = [*exhibit.notes, *t.caveats] + ([f"Reproduces {t.source}."] if t.source else [])
    for note in notes:
        ws.write_string(r, 0, _safe(cite(note)), formats["note"])
        r += 1


def render_xlsx(report: StudyReport) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    # Text stays text: no cell becomes a formula or a link unless written as one on purpose.
    book = xlsxwriter.Workbook(
        buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    formats = {
        "title": book.add_format({"bold": True, "font_size": 12, "font_color": "#0B3C68"}),
        "head": book.add_format(
            {"bold": True, "bg_color": "#EAF1F8", "bottom": 1, "text_wrap": True}
        ),
        "bold": book.add_format({"bold": True}),
        "num": book.add_format({"num_format": "General"}),
        "pct": book.add_format({"num_format": "0"}),
        "mean": book.add_format({"num_format": "0.0"}),
        "marker": book.add_format({"align": "right", "italic": True}),
        "note": book.add_format({"italic": True, "font_color": "#5D6877"}),
        "link": book.add_format({"font_color": "#0B3C68", "underline": 1}),
    }
    contents = book.add_worksheet("Contents")
    contents.write_string(0, 0, _safe(report.title), formats["title"])
    byline = " \u00b7 ".join(x for x in (report.organisation, report.author) if x)
    contents.write_string(1, 0, _safe(report.subtitle + (f" \u00b7 {byline}" if byline else "")))
    if report.suppress_below:
        contents.write(
            2,
            0,
            f"Counts below {report.suppress_below} are suppressed in every sheet.",
            formats["note"],
        )
    contents.write_row(4, 0, ["Sheet", "Title", "Unit", "Source"], formats["head"])
    for i, e in enumerate(report.exhibits(), start=5):
        contents.write_url(i, 0, f"internal:'{e.label}'!A1", formats["link"], e.label)
        contents.write_string(i, 1, _safe(e.title))
        contents.write_string(i, 2, _safe(e.table.unit or ""))
        contents.write_string(i, 3, _safe(cite(e.table.source or "")))
        _sheet(book, formats, e, report.ci)
    contents.set_column(0, 0, 12)
    contents.set_column(1, 1, 70)
    contents.set_column(2, 3, 16)
    book.close()
    return buf.getvalue()
