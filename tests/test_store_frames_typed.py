"""The register's codes are read in chunks into typed columns (integer ids, categoricals),
with the same values the driver returns, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy import select

from casereview.io.importer import import_file
from casereview.store.database import Store
from casereview.store.frames import CODE_COLUMNS, fetch_codes, fetch_rows
from casereview.store.schema import Code

DATA = Path(__file__).parent / "data"


def test_codes_come_back_typed_and_equal_to_the_driver_rows(any_store: Store) -> None:
    import_file(any_store, DATA / "cases_small.csv", "cafcass-scr")
    stmt = select(
        Code.id, Code.review_id, Code.child_id, Code.codebook_version, Code.field_id, Code.value
    ).order_by(Code.id)
    with any_store.engine.connect() as conn:
        plain = pd.DataFrame(fetch_rows(conn, stmt), columns=CODE_COLUMNS)
        typed = fetch_codes(conn, stmt, chunk=7)  # many chunks, categories differing between them
    assert len(typed) == len(plain) > 20
    assert typed["id"].dtype == "int64" and typed["review"].dtype == "int64"
    for col in ("version", "field", "value"):
        assert isinstance(typed[col].dtype, pd.CategoricalDtype)
        assert typed[col].astype(object).tolist() == plain[col].tolist()
    assert typed["id"].tolist() == plain["id"].tolist()
    assert typed["child_key"].isna().tolist() == plain["child_key"].isna().tolist()
    assert typed["child_key"].dropna().tolist() == plain["child_key"].dropna().tolist()


def test_no_codes_give_an_empty_frame_with_the_columns(sqlite_store: Store) -> None:
    stmt = select(
        Code.id, Code.review_id, Code.child_id, Code.codebook_version, Code.field_id, Code.value
    )
    with sqlite_store.engine.connect() as conn:
        typed = fetch_codes(conn, stmt)
    assert typed.empty and list(typed.columns) == CODE_COLUMNS
