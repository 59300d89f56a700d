"""The product's own tables for the Cafcass sample datasets, for the acceptance tests that
hold them against the published tables: each CSV is imported into a SQLite register, read
back with `case_frame` as the study report reads it, and given to the analysis catalogue
(`standard_tables`, the tables the report shows). Expected values never come from here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

import published_tables as pub
from casereview.analysis.catalogue import standard_tables
from casereview.analysis.frame import case_frame
from casereview.analysis.table import ResultTable
from casereview.codebook import default_registry
from casereview.codebook.model import Codebook
from casereview.io.importer import import_file
from conftest import PACKAGE_DATA, make_sqlite_store

# 001 Tables 3, 6, 9-11 print the broad law types as columns in this order.
LAW_COLUMNS = {
    "public": "Public law",
    "private": "Private law",
    "public_and_private": "Public and private",
    "total": "Total",
}


@dataclass(frozen=True)
class Cohort:
    cases: pd.DataFrame  # one row per child, as analysis.frame.case_frame gives it
    codebook: Codebook
    tables: dict[str, ResultTable]  # the catalogue's standard tables by id


def load_cohort(tmp: Path, filename: str, version: str) -> Cohort:
    store = make_sqlite_store(tmp)
    try:
        import_file(store, PACKAGE_DATA / filename, codebook=f"cafcass-scr@{version}")
        cases = case_frame(store, "cafcass-scr", version=version)
    finally:
        store.close()
    codebook = default_registry().get("cafcass-scr", version)
    tables = {t.id: t for t in standard_tables(cases, codebook, compare=False)}
    return Cohort(cases, codebook, tables)


def row_label(table: ResultTable, value_id: str) -> str:
    """The row a value id is shown in (tables keep label -> value id in `keys`)."""
    labels = [label for label, key in table.keys.items() if key == value_id]
    assert len(labels) == 1, f"{table.id}: no single row for {value_id!r}: {labels}"
    return labels[0]


def count(table: ResultTable, row: str, col: str) -> int:
    value = table.data.at[row, col]
    assert float(value).is_integer(), (table.id, row, col, value)
    return int(value)


def with_percent(n: int, pct: float, decimals: int = 0) -> str:
    """A count and its percentage as the report prints it: "29 (59%)", "11 (42.3%)"."""
    return f"{n} ({pct:.{decimals}f}%)"


def mean_and_cases(mean: float | None, n: int, decimals: int | None = 1) -> str:
    """An average with its cases in brackets: "17.6 (12)" (001), "18 (9)" (000 prints whole
    numbers without a decimal); an en dash where the table has no case (001 prints '-')."""
    if mean is None:
        return "\u2013"
    text = str(mean) if decimals is None else f"{mean:.{decimals}f}"
    return f"{text} ({n})"


def table(cohort: Cohort, table_id: str) -> ResultTable:
    assert table_id in cohort.tables, f"the catalogue has no table {table_id!r}"
    return cohort.tables[table_id]


def inconsistency(where: str) -> dict:
    found = [i for i in pub.INCONSISTENCIES if i["where"].startswith(where)]
    assert len(found) == 1, where
    return found[0]
