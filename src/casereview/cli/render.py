"""Printing analysis results on the terminal."""

from __future__ import annotations

from rich.markup import escape

from casereview.analysis.table import ResultTable
from casereview.cli.common import Table, console


def print_table(result: ResultTable, *, ci: bool = False) -> None:
    shown = result.display(ci=ci)
    console.print(f"[bold]{escape(result.title)}[/]")
    table = Table()
    table.add_column("")
    for col in shown.columns:
        table.add_column(str(col), justify="right")
    for label, row in shown.iterrows():
        style = "bold" if result.row_total is not None and label == result.row_total else None
        table.add_row(str(label), *(str(v) for v in row), style=style)
    console.print(table)
    notes = (*result.notes, *result.caveats)
    if ci:
        notes += ("Ranges after the percentages are Wilson 95% confidence intervals.",)
    for line in notes:
        console.print(f"[dim]{escape(line)}[/]")
