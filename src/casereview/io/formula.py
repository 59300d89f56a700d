"""Formula injection: text cells that a spreadsheet would run as a formula.

OWASP "CSV Injection": a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
can be read by Excel or LibreOffice as a formula (`=HYPERLINK(...)`, `@SUM(...)`, DDE calls).
Every CSV or Excel file we write therefore puts a single quote in front of such a value, the
mitigation OWASP recommends; spreadsheets show the value as text.

The import reverses it exactly: a quote followed by quotes and then a formula character loses
one quote. Values that already begin with quotes before a formula character get one more on
export, so every text value survives an export and re-import unchanged:

    =1+2    -> '=1+2    -> =1+2
    '=1+2   -> ''=1+2   -> '=1+2
    'hello  -> 'hello   -> 'hello   (no formula character after the quotes: left alone)

Plain numbers (`-3`, `+2.5`) are not formulas and are written as they are, so that numeric
columns stay numeric.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from casereview.io.distinct import cells, joined

TRIGGERS = "=+-@\t\r"
QUOTE = "'"
_RISKY = re.compile(r"'*[=+\-@\t\r]")
_QUOTED = re.compile(r"'+[=+\-@\t\r]")
_QUOTED_CELL = re.compile(r"\n'+[=+\-@\t\r]")  # _QUOTED at the start of a cell of a joined column
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def neutralise(value: Any) -> Any:
    """The value as it should be written to a spreadsheet cell (text only; others unchanged)."""
    if isinstance(value, str) and _RISKY.match(value) and not _NUMBER.fullmatch(value):
        return QUOTE + value
    return value


def restore(value: Any) -> Any:
    """The value as it was before `neutralise` (for cells read back from CSV or Excel)."""
    if isinstance(value, str) and _QUOTED.match(value):
        return value[1:]
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.columns = [neutralise(str(c)) for c in out.columns]
    for col in out.columns:
        if _textual(out[col]):
            out[col] = out[col].map(neutralise)
    return out


def restore_frame(frame: pd.DataFrame) -> pd.DataFrame:
    for col in frame.columns:
        column = frame[col]
        if isinstance(column.dtype, pd.StringDtype):
            # text (a CSV): one search for a cell starting with a quote; most columns have none
            text = joined(cells(column))
            if text is None or _QUOTED_CELL.search("\n" + text):
                frame[col] = column.map(restore)
        elif _textual(column):
            frame[col] = column.map(restore)  # Excel: the map also settles each column's type
    return frame


def _textual(column: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)
