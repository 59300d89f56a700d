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
PACKAGE_DATA = Path(__file__).parents[1] / "src" / "casereview" / "data"


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


def test_the_table_in_chunks_is_the_whole_table(tmp_path: Path) -> None:
    from casereview.codebook import default_registry
    from casereview.store.frames import case_table, case_table_chunks

    older = pd.read_csv(PACKAGE_DATA / "cafcass-2014.csv", dtype=str, keep_default_na=False)
    older["review_id"] = "V" + older["review_id"]
    older.to_csv(tmp_path / "older.csv", index=False)
    store = Store.open(f"sqlite:///{tmp_path / 'register.db'}")
    import_file(store, tmp_path / "older.csv", codebook="cafcass-scr@2014")
    import_file(store, PACKAGE_DATA / "cafcass-2009-2016.csv", codebook="cafcass-scr@2017")
    for key in ("cafcass-scr@2017", "cafcass-scr@2014"):
        cb = default_registry().get(key)
        for study in (None, "cafcass-2014"):
            whole = case_table(store, cb, study)
            pieces = list(case_table_chunks(store, cb, study, reviews=7))
            assert len(pieces) > 3
            joined = pd.concat(pieces, ignore_index=True)
            pd.testing.assert_frame_equal(joined, whole)
    store.close()
