"""An import writes its codes through the driver (COPY / one executemany), not through
SQLAlchemy's per-row parameter processing; what is stored reads back the same on both
backends, timestamps included."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
from sqlalchemy import event, func, select

from casereview.codebook import default_registry
from casereview.io.importer import import_file
from casereview.store.database import Store
from casereview.store.frames import case_table
from casereview.store.schema import Code

DATA = Path(__file__).parent / "data"


def test_codes_bypass_per_row_processing_and_read_back(any_store: Store) -> None:
    through_sqlalchemy: list[int] = []

    def watch(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("INSERT INTO CODES"):
            through_sqlalchemy.append(len(parameters) if executemany else 1)

    event.listen(any_store.engine, "before_cursor_execute", watch)
    before = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(seconds=1)
    try:
        import_file(any_store, DATA / "cases_small.csv", "cafcass-scr")
    finally:
        event.remove(any_store.engine, "before_cursor_execute", watch)
    assert through_sqlalchemy == []
    with any_store.session() as s:
        n = s.scalar(select(func.count(Code.id)))
        stamps = set(s.scalars(select(Code.coded_at)))
        statuses = set(s.scalars(select(Code.status)))
    assert n and n > 20
    [stamp] = stamps  # one import, one time
    assert isinstance(stamp, dt.datetime) and before <= stamp <= before + dt.timedelta(minutes=5)
    assert statuses == {"final"}
    if any_store.dialect == "sqlite":  # stored as SQLAlchemy itself writes a DateTime there
        with any_store.engine.connect() as conn:
            raw = conn.exec_driver_sql("SELECT DISTINCT coded_at FROM codes").scalars().all()
        assert len(raw) == 1 and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", raw[0])
    table = case_table(any_store, default_registry().get("cafcass-scr"))
    source = pd.read_csv(DATA / "cases_small.csv", dtype=str)
    assert sorted(table["review_id"].unique()) == sorted(source["review_id"].unique())
