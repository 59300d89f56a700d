"""Reading a case table from CSV, Excel or SPSS into a frame of raw values.

Row numbers in errors are those a person sees: the spreadsheet row (header = row 1)
for CSV and Excel, the case number for SPSS.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

import pandas as pd

from casereview.errors import CaseReviewError, ImportRejected, RowError
from casereview.io.distinct import cells, joined
from casereview.io.formula import restore, restore_frame
from casereview.sandbox import DEFAULT_LIMITS, Limits, run_limited

MAX_ROWS = 1_000_000
MAX_COLUMNS = 2_000
BINARY_LIMITS: Limits = DEFAULT_LIMITS  # worker limits for .xlsx and .sav files
MAX_REPORTED = 1_000  # bad rows listed in one refusal
csv.field_size_limit(16 * 1024 * 1024)  # long free-text cells (the default is 128 KB)
# Zip-bomb limits for .xlsx (a zip of XML files).
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_UNCOMPRESSED = 2 * 1024**3
MAX_ZIP_RATIO = 200


@dataclass(frozen=True)
class RawTable:
    frame: pd.DataFrame  # every cell as read; structural + field columns
    first_row: int  # row number a person sees for frame row 0
    source: str
    row_numbers: list[int] | None = None  # row a person sees for each frame row, if not consecutive


def read_table(path: Path) -> RawTable:
    if not path.is_file():
        raise CaseReviewError(f"{path}: no such file")
    suffix = path.suffix.lower()
    numbers: list[int] | None = None
    if suffix == ".csv":
        frame, numbers = read_csv_strict(path)
        first = 2
    elif suffix in (".xlsx", ".sav"):
        if suffix == ".xlsx":
            check_zip(path)
        frame = run_limited(read_binary_table, str(path), label=path.name, limits=BINARY_LIMITS)
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
    _refuse_duplicate_columns(path, list(frame.columns))
    _refuse_nul(path, frame, numbers or range(first, first + len(frame)))
    if suffix != ".sav":
        restore_frame(frame)  # undo the quote our exports put before formula-like text
    return RawTable(frame=frame, first_row=first, source=str(path), row_numbers=numbers)


def _refuse_duplicate_columns(path: Path, columns: list[str]) -> None:
    seen: set[str] = set()
    twice = sorted({c for c in columns if c in seen or seen.add(c)})  # type: ignore[func-returns-value]
    if twice:
        raise CaseReviewError(
            f"{path}: column {', '.join(map(repr, twice))} appears more than once in the header; "
            "give every column its own name"
        )


def _refuse_nul(path: Path, frame: pd.DataFrame, numbers: Sequence[int]) -> None:
    """A NUL byte cuts a value short in some tools and databases: refuse it, named."""
    errors = [
        RowError(1, str(col), str(col), "a NUL byte (\\x00) in the column name")
        for col in frame.columns
        if "\x00" in str(col)
    ]
    for col in frame.columns:
        column = frame[col]
        # one search over the whole column; cells are looked at only on a hit
        values = cells(column)
        text = joined(values)
        if text is not None and "\x00" not in text:
            continue
        hits = column.map(lambda v: isinstance(v, str) and "\x00" in v).to_numpy(dtype=bool)
        for i in hits.nonzero()[0][:MAX_REPORTED]:
            errors.append(
                RowError(numbers[i], str(col), column.iloc[i], "contains a NUL byte (\\x00); remove it")
            )
    if errors:
        raise ImportRejected(str(path), errors)


def read_csv_strict(path: Path) -> tuple[pd.DataFrame, list[int]]:
    """Every cell as text, with the spreadsheet row number of each record.

    Python's csv module rather than pandas: pandas pads a short row with empty cells, turns a
    first column into the index when every row has one cell too many, and cuts a value at a
    NUL byte, all without a word. Here a row whose cell count differs from the header's is
    refused with its row number. Blank lines are skipped but keep their row numbers.
    The usual file (no blank line, every row as wide as the header) is read in one pass of
    the C reader and turned into columns without a Python step per row.
    """
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if header is None:
                raise CaseReviewError(f"{path}: the file is empty")
            if not any(cell.strip() for cell in header):
                raise CaseReviewError(
                    f"{path}: row 1 is empty; the first row must name the columns (review_id, ...)"
                )
            records = list(islice(reader, MAX_ROWS + 1))
            if len(records) <= MAX_ROWS and set(map(len, records)) <= {len(header)}:
                return _frame(header, records), list(range(2, 2 + len(records)))
            rows, numbers = _rows_checked(path, header, chain(records, reader))
    except UnicodeDecodeError:
        raise CaseReviewError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise CaseReviewError(f"{path}: not a readable CSV file: {exc}") from None
    return _frame(header, rows), numbers


def _rows_checked(
    path: Path, header: list[str], records: Iterator[list[str]]
) -> tuple[list[list[str]], list[int]]:
    """The records of a file with blank lines, ragged rows or too many rows, one by one."""
    rows: list[list[str]] = []
    numbers: list[int] = []
    ragged: list[RowError] = []
    width = len(header)
    for rownum, record in enumerate(records, start=2):
        if not record:
            continue
        if len(record) != width:
            if len(ragged) < MAX_REPORTED:
                ragged.append(_ragged(header, record, rownum))
            continue
        rows.append(record)
        numbers.append(rownum)
        if len(rows) > MAX_ROWS:
            break
    if ragged:
        raise ImportRejected(str(path), ragged)
    return rows, numbers


def _frame(header: list[str], rows: list[list[str]]) -> pd.DataFrame:
    if len(set(header)) != len(header):
        return pd.DataFrame(rows, columns=header, dtype=str)  # duplicate names: refused later
    columns = zip(*rows) if rows else ([] for _ in header)
    return pd.DataFrame(dict(zip(header, columns, strict=True)), dtype=str)


def _ragged(header: list[str], record: list[str], rownum: int) -> RowError:
    n, width = len(record), len(header)
    if n > width:
        where, value = f"(cell {width + 1})", record[width]
        detail = f"{n} cells but the header has {width}: a cell too many after {header[-1]!r}"
    else:
        where, value = header[n], None
        detail = f"{n} cells but the header has {width}: cells missing from {header[n]!r} on"
    return RowError(rownum, where, value, f"{detail}; nothing is padded or shifted, fix the row")


def read_binary_table(path_text: str) -> pd.DataFrame:
    """Runs in the limited worker process (casereview.sandbox): .xlsx and .sav files are
    parsed by native libraries that a malformed upload could crash."""
    path = Path(path_text)
    if path.suffix.lower() == ".xlsx":
        try:
            return pd.read_excel(path, engine="calamine", dtype=object, nrows=MAX_ROWS + 1)
        except (MemoryError, RecursionError):
            raise
        except Exception as exc:  # noqa: BLE001 (calamine, zipfile and pandas each have their own)
            raise CaseReviewError(f"{path.name}: not a readable .xlsx file ({_one_line(exc)})") from None
    return _read_sav(path)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def _read_sav(path: Path) -> pd.DataFrame:
    import pyreadstat

    try:
        frame, _meta = pyreadstat.read_sav(str(path), apply_value_formats=False, user_missing=True)
    except pyreadstat.ReadstatError as exc:
        raise CaseReviewError(f"{path.name}: not a readable SPSS file ({_one_line(exc)})") from None
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
