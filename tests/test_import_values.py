"""Careless values in case tables: ragged rows, NUL bytes, non-finite and fractional years.
Each is refused with its row and column; nothing is padded, shifted, truncated or rounded."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import func, select

from casereview.errors import CaseReviewError, ImportRejected
from casereview.io.importer import import_file
from casereview.store.database import Store
from casereview.store.schema import Review

HEADER = "review_id,child,year,law_type,child_age\n"


def _reviews(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Review)) or 0


def _rejected(store: Store, path: Path) -> ImportRejected:
    with pytest.raises(ImportRejected) as info:
        import_file(store, path)
    assert _reviews(store) == 0
    return info.value


@pytest.mark.parametrize(
    ("body", "row", "column"),
    [
        ("R-1,1,2016,public_s31,3\nR-2,1,2016,public_s31\n", 3, "child_age"),  # one cell short
        ("R-1,1,2016,public_s31,3,extra\nR-2,1,2016,public_s31,3\n", 2, "(cell 6)"),  # one too many
        # every row one too many: pandas would have made review_id the index and shifted all
        ("R-1,1,2016,public_s31,3,x\nR-2,1,2016,public_s31,3,y\n", 3, "(cell 6)"),
        ("R-1,1,2016,public_s31,3\n\nR-2\n", 4, "child"),  # a blank line keeps its row number
    ],
)
def test_ragged_rows_are_refused_with_their_row(
    sqlite_store: Store, tmp_path: Path, body: str, row: int, column: str
) -> None:
    f = tmp_path / "ragged.csv"
    f.write_text(HEADER + body)
    err = _rejected(sqlite_store, f)
    assert (row, column) in {(e.row, e.column) for e in err.errors}
    assert "header has 5" in str(err)


def test_nul_byte_in_a_csv_cell_is_refused_not_truncated(any_store: Store, tmp_path: Path) -> None:
    f = tmp_path / "nul.csv"
    f.write_bytes((HEADER + "R-1,1,2016,public_s31,3\nR-2\x00evil,1,2016,public_s31,3\n").encode())
    err = _rejected(any_store, f)
    assert [(e.row, e.column) for e in err.errors] == [(3, "review_id")]
    assert "NUL" in str(err)


def test_nul_byte_in_an_xlsx_cell_is_refused(sqlite_store: Store, tmp_path: Path) -> None:
    f = tmp_path / "nul.xlsx"
    pd.DataFrame(
        {"review_id": ["R-1", "R-2"], "study": ["a", "b\x00c"], "law_type": ["public_s31"] * 2}
    ).to_excel(f, index=False, engine="xlsxwriter")
    err = _rejected(sqlite_store, f)
    assert [(e.row, e.column) for e in err.errors] == [(3, "study")]


@pytest.mark.parametrize("year", ["inf", "-inf", "nan", "2016.7", "1e400"])
def test_year_must_be_a_whole_finite_year(sqlite_store: Store, tmp_path: Path, year: str) -> None:
    f = tmp_path / "year.csv"
    f.write_text(HEADER + f"R-1,1,{year},public_s31,3\n")
    if year == "nan":
        # "nan" is one of the spellings of an empty cell: no year, nothing refused
        import_file(sqlite_store, f)
        return
    err = _rejected(sqlite_store, f)
    assert [(e.row, e.column) for e in err.errors] == [(2, "year")]


def test_year_as_a_whole_float_is_accepted(sqlite_store: Store, tmp_path: Path) -> None:
    f = tmp_path / "year.csv"
    f.write_text(HEADER + "R-1,1,2016.0,public_s31,3\n")
    import_file(sqlite_store, f)
    with sqlite_store.session() as s:
        assert s.scalar(select(Review.year)) == 2016


@pytest.mark.parametrize("age", ["inf", "1e400", "-inf"])
def test_numeric_fields_refuse_infinity(sqlite_store: Store, tmp_path: Path, age: str) -> None:
    f = tmp_path / "age.csv"
    f.write_text(HEADER + f"R-1,1,2016,public_s31,{age}\n")
    err = _rejected(sqlite_store, f)
    assert [(e.row, e.column) for e in err.errors] == [(2, "child_age")]


def test_a_column_named_twice_is_refused(sqlite_store: Store, tmp_path: Path) -> None:
    f = tmp_path / "twice.csv"
    f.write_text("review_id,law_type,law_type\nR-1,public_s31,private_wtfh\n")
    with pytest.raises(CaseReviewError, match="'law_type' appears more than once"):
        import_file(sqlite_store, f)


def test_an_empty_first_row_is_refused(sqlite_store: Store, tmp_path: Path) -> None:
    # found by benchmarks/fuzz_tables.py: a blank header line gave an IndexError
    f = tmp_path / "blank.csv"
    f.write_text("\nR-1,1,2016,public_s31,3\n")
    with pytest.raises(CaseReviewError, match="row 1 is empty"):
        import_file(sqlite_store, f)
