"""Import speed: 10,000 synthetic cases (about 60 coded values each) into a fresh register.

Prints the time of `casereview.io.importer.import_file` (read + validate + write), and of
reading + validating the same file alone, beside
a floor measured in the same run: writing the same number of code rows into a bare table
through the driver (sqlite3 executemany; COPY on PostgreSQL), without validation. The machine is shared and noisy, so
the ratio is the figure to watch.

Run: .venv/bin/python benchmarks/import_bench.py [--cases N] [--postgres]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, text

from casereview.codebook import default_registry
from casereview.io.importer import import_file
from casereview.io.readers import read_table
from casereview.io.validate import validate_table
from casereview.store.database import Store
from casereview.store.frames import case_table

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def synthetic_table(n: int, path: Path) -> int:
    cb = default_registry().get("cafcass-scr")
    rng = np.random.default_rng(7)
    columns: dict[str, object] = {
        "review_id": [f"B-{i:06d}" for i in range(n)],
        "child": ["1"] * n,
        "study": rng.choice(["s2011", "s2013", "s2014", "s2016", "s2017"], n),
        "year": rng.integers(2009, 2017, n),
    }
    for f in cb.fields:
        values = [v.id for v in cb.values_of(f)]
        if values and not f.derived:
            columns[f.id] = rng.choice(values, n)
        elif f.type in ("integer", "number"):
            low = f.minimum if f.minimum is not None else 0
            high = f.maximum if f.maximum is not None else low + 20
            columns[f.id] = rng.integers(int(low), int(min(high, low + 20)) + 1, n)
    pd.DataFrame(columns).to_csv(path, index=False)
    return sum(1 for c in columns if c not in ("review_id", "child", "study", "year")) * n


def floor_write(url: str, rows: int) -> float:
    """The least a write of the code rows can cost: a bare table (no keys, no indexes) filled
    through the driver, sqlite3 executemany or PostgreSQL COPY, in one transaction."""
    engine = create_engine(url)
    meta = MetaData()
    Table("bare_codes", meta, Column("id", Integer, primary_key=True), Column("review_id", Integer),
                 Column("child_id", Integer), Column("field_id", String), Column("value", String),
                 Column("codebook_id", String), Column("codebook_version", String), Column("coder", String),
                 Column("coded_at", String), Column("status", String))
    meta.create_all(engine)
    common = ("cafcass-scr", "2017", "cli", "2026-01-01 00:00:00.000000", "final")
    data = [(i // 60, None, f"f{i % 60}", "high", *common) for i in range(rows)]
    cols = "review_id, child_id, field_id, value, codebook_id, codebook_version, coder, coded_at, status"
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        start = time.perf_counter()
        if engine.dialect.name == "postgresql":
            with cur.copy(f"COPY bare_codes ({cols}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in data:
                    copy.write_row(row)
        else:
            cur.executemany(f"INSERT INTO bare_codes ({cols}) VALUES ({', '.join('?' * 9)})", data)
        raw.commit()
        elapsed = time.perf_counter() - start
    finally:
        raw.close()
    engine.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--postgres", action="store_true", help="also measure PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "cases.csv"
        n_codes = synthetic_table(args.cases, table)
        targets = [("sqlite", f"sqlite:///{tmp}/register.db", f"sqlite:///{tmp}/floor.db")]
        admin = None
        if args.postgres:
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
            names = [f"cr_bench_{uuid.uuid4().hex[:8]}" for _ in range(2)]
            with admin.connect() as conn:
                for name in names:
                    conn.execute(text(f'CREATE DATABASE "{name}"'))
            base = PG_ADMIN.rsplit("/", 1)[0]
            targets.append(("postgresql", f"{base}/{names[0]}", f"{base}/{names[1]}"))
        print(f"{args.cases} cases, {n_codes} coded values")
        try:
            for name, url, floor_url in targets:
                store = Store.open(url)
                start = time.perf_counter()
                import_file(store, table, "cafcass-scr")
                took = time.perf_counter() - start
                start = time.perf_counter()
                validate_table(read_table(table), default_registry().get("cafcass-scr"))
                checked = time.perf_counter() - start
                start = time.perf_counter()
                frame = case_table(store, default_registry().get("cafcass-scr"))
                read = time.perf_counter() - start
                with store.engine.connect() as conn:
                    start = time.perf_counter()
                    conn.exec_driver_sql("SELECT review_id, child_id, field_id, value FROM codes").fetchall()
                    read_floor = time.perf_counter() - start
                store.close()
                floor = floor_write(floor_url, n_codes)
                how = "COPY" if name == "postgresql" else "sqlite3 executemany"
                print(f"{name:10s} import {took:6.2f} s | floor ({how} of the code rows into a bare table) "
                      f"{floor:6.2f} s | ratio {took / floor:4.1f}x")
                print(f"{name:10s}   of which reading + validating the file (run again alone) {checked:6.2f} s "
                      f"| ratio to the floor {checked / floor:4.1f}x")
                print(f"{name:10s} read back {len(frame)} rows {read:6.2f} s | floor (driver fetch of "
                      f"the code rows) {read_floor:6.2f} s | ratio {read / read_floor:4.1f}x")
        finally:
            if admin is not None:
                with admin.connect() as conn:
                    for name in names:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
