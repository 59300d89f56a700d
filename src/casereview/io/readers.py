"""Reading a case table from CSV, Excel or SPSS into a frame of raw values.

Row numbers in errors are those a person sees: the spreadsheet row (header = row 1)
for CSV and Excel, the case number for SPSS.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from casereview.errors import CaseReviewError
from casereview.io.formula import restore, restore_frame
from casereview.sandbox import run_limited

MAX_ROWS = 1_000_000
MAX_COLUMNS = 2_000
# Zip-bomb limits for .xlsx (a zip of XML files).
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_UNCOMPRESSED = 2 * 1024**3
MAX_ZIP_RATIO = 200


@dataclass(frozen=True)
class RawTable:
    frame: pd.DataFrame  # every cell as read; structural + field columns
    first_row: int  # row number a person sees for frame row 0
    source: str


def read_table(path: Path) -> RawTable:
    if not path.is_file():
        raise CaseReviewError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame = _read_csv(path)
        first = 2
    elif suffix in (".xlsx", ".sav"):
        if suffix == ".xlsx":
            check_zip(path)
        frame = run_limited(read_binary_table, str(path), label=path.name)
        first = 2 if suffix == ".xlsx" else 1
    else:
        raise CaseReviewError(
            f"{path}: unsupported file type {suffix or '(none)'}; use .csv, .xlsx or .sav"
        )
    if len(frame) > MAX_ROWS or len(frame.columns) > MAX_COLUMNS:
        raise CaseReviewError(
            f"{path}: too large ({len(frame)} rows, {len(frame.columns)} columns); "
            f"the limit is {MAX_ROWS} rows and {MAX_COLUMNS} columns"
        )
    frame.columns = [str(restore(c)).strip() for c in frame.columns]
    if suffix != ".sav":
        restore_frame(frame)  # undo the quote our exports put before formula-like text
    return RawTable(frame=frame, first_row=first, source=str(path))


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(
            path, dtype=str, keep_default_na=False, encoding="utf-8-sig", nrows=MAX_ROWS + 1
        )
    except UnicodeDecodeError:
        raise CaseReviewError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
    except pd.errors.ParserError as exc:
        raise CaseReviewError(f"{path}: not a readable CSV file: {exc}") from None
    except pd.errors.EmptyDataError:
        raise CaseReviewError(f"{path}: the file is empty") from None


def read_binary_table(path_text: str) -> pd.DataFrame:
    """Runs in the limited worker process (casereview.sandbox): .xlsx and .sav files are
    parsed by native libraries that a malformed upload could crash."""
    path = Path(path_text)
    if path.suffix.lower() == ".xlsx":
        return pd.read_excel(path, engine="calamine", dtype=object, nrows=MAX_ROWS + 1)
    return _read_sav(path)


def _read_sav(path: Path) -> pd.DataFrame:
    import pyreadstat

    try:
        frame, _meta = pyreadstat.read_sav(str(path), apply_value_formats=False, user_missing=True)
    except pyreadstat.ReadstatError as exc:
        raise CaseReviewError(f"{path}: not a readable SPSS file: {exc}") from None
    return frame.astype(object)


def check_zip(path: Path) -> None:
    """Refuse zip bombs before any XML is parsed."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise CaseReviewError(f"{path}: not a valid .xlsx file (it is not a zip archive)") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise CaseReviewError(f"{path}: refused: {len(infos)} entries in the archive")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_ZIP_UNCOMPRESSED or total / packed > MAX_ZIP_RATIO:
        raise CaseReviewError(
            f"{path}: refused: it would unpack to {total} bytes (ratio {total / packed:.0f}:1)"
        )
