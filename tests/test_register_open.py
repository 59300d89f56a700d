"""Opening a register: every bad URL or file is one line that says what to do, a file that is
not ours is left byte for byte as it was, and a read-only register can still be read."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from casereview.errors import CaseReviewError, ConfigError
from casereview.store.database import Store

DATA = Path(__file__).parent / "data"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _random_file(tmp: Path) -> Path:
    p = tmp / "notes.db"
    p.write_bytes(os.urandom(4096))
    return p


def _foreign_sqlite(tmp: Path) -> Path:
    p = tmp / "other.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    con.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    con.commit()
    con.close()
    return p


def _newer_register(tmp: Path) -> Path:
    p = tmp / "newer.db"
    Store.open(f"sqlite:///{p}").close()
    con = sqlite3.connect(p)
    con.execute("UPDATE alembic_version SET version_num = '0999'")
    con.commit()
    con.close()
    return p


def _damaged_register(tmp: Path) -> Path:
    p = tmp / "damaged.db"
    Store.open(f"sqlite:///{p}").close()
    data = p.read_bytes()
    p.write_bytes(data[:100] + os.urandom(len(data) - 100))  # header kept, pages scrambled
    return p


FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "random file": (_random_file, "not a SQLite database"),
    "another program's database": (_foreign_sqlite, r"another program's tables \(invoices\)"),
    "newer schema": (_newer_register, "schema version 0999, newer than this casereview"),
    "damaged file": (_damaged_register, "cannot be read as a register|damaged"),
}


@pytest.mark.parametrize("case", sorted(FILES))
def test_files_that_are_not_our_register_are_refused_untouched(tmp_path: Path, case: str) -> None:
    make, message = FILES[case]
    path = make(tmp_path)
    before = _digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(ConfigError, match=message):
        Store.open(f"sqlite:///{path}")
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings  # no -wal, no -shm


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite://", "in-memory"),
        ("sqlite:///:memory:", "in-memory"),
        ("sqlite:///{tmp}", "is a folder"),
        ("sqlite:///{tmp}/no/such/folder/r.db", "folder .* does not exist"),
        ("not a url", "cannot read database URL"),
        ("mysql://u@localhost/db", "unsupported database 'mysql'"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/test", "connection refused"),
        ("postgresql+psycopg://postgres@127.0.0.1:5432/casereview_no_such_db", "does not exist.*createdb"),
        ("postgresql+psycopg://nobody_here@127.0.0.1:5432/test", "refused the user 'nobody_here'"),
    ],
)
def test_bad_urls_are_one_clear_line(tmp_path: Path, url: str, message: str) -> None:
    with pytest.raises(CaseReviewError, match=message) as info:
        Store.open(url.format(tmp=tmp_path))
    assert "\n" not in str(info.value)


def test_foreign_postgres_database_is_refused(pg_database_url: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(pg_database_url.rsplit("/", 1)[0] + "/test", isolation_level="AUTOCOMMIT")
    name = "casereview_foreign_" + os.urandom(4).hex()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = pg_database_url.rsplit("/", 1)[0] + "/" + name
    try:
        other = create_engine(url)
        with other.begin() as conn:
            conn.execute(text("CREATE TABLE invoices (id serial PRIMARY KEY)"))
        with pytest.raises(ConfigError, match=r"another program's tables \(invoices\)"):
            Store.open(url)
        with other.connect() as conn:
            tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname='public'")).scalars().all()
        other.dispose()
        assert tables == ["invoices"]
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _cli(cwd: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CASEREVIEW_DATABASE_URL": url, "COLUMNS": "200", "HOME": str(cwd)}
    return subprocess.run(
        [sys.executable, "-m", "casereview", *args],
        capture_output=True, text=True, env=env, cwd=cwd, check=False, timeout=120,
    )


def test_cli_prints_one_line_for_a_bad_register(tmp_path: Path) -> None:
    path = _foreign_sqlite(tmp_path)
    before = _digest(path)
    for args in (["init"], ["cases", "list"], ["import", str(DATA / "cases_small.csv")]):
        run = _cli(tmp_path, f"sqlite:///{path}", *args)
        assert run.returncode == 2, run.stdout + run.stderr
        assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
        assert run.stderr.startswith("error: ") and "another program's tables" in run.stderr
    assert _digest(path) == before
    run = _cli(tmp_path, "postgresql+psycopg://postgres@127.0.0.1:1/test", "cases", "list")
    assert run.returncode == 2 and run.stderr.startswith("error: cannot connect to PostgreSQL")


def test_relative_register_is_created_where_it_says(tmp_path: Path) -> None:
    run = _cli(tmp_path, "sqlite:///relative.db", "cases", "list")
    assert run.returncode == 2 and f"no case register at {tmp_path / 'relative.db'}" in run.stderr
    assert not (tmp_path / "relative.db").exists()  # a reading command creates nothing
    run = _cli(tmp_path, "sqlite:///relative.db", "import", str(DATA / "cases_small.csv"))
    assert run.returncode == 0, run.stderr
    assert f"Created a new case register at {tmp_path / 'relative.db'}" in run.stderr
    again = _cli(tmp_path, "sqlite:///relative.db", "cases", "list")
    assert again.returncode == 0 and "Created" not in again.stderr and "4 of 4" in again.stdout


def _immutable(paths: list[Path], on: bool) -> bool:
    """chattr +i: read-only even for root (the tests may run as root, for whom chmod is no
    barrier). False where the file system or the container does not allow it."""
    flag = "+i" if on else "-i"
    return all(
        subprocess.run(["chattr", flag, str(p)], capture_output=True, check=False).returncode == 0
        for p in paths
    )


def test_read_only_register_is_readable_and_refuses_writes(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "register.db"
    store = Store.open(f"sqlite:///{db}")
    from casereview.io.importer import import_file

    import_file(store, DATA / "cases_small.csv")
    store.close()
    assert sorted(p.name for p in folder.iterdir()) == ["register.db"]
    before = _digest(db)
    if not _immutable([db, folder], True):
        pytest.skip("chattr +i is not allowed here")
    try:
        url = f"sqlite:///{db}"
        listed = _cli(tmp_path, url, "cases", "list")
        assert listed.returncode == 0, listed.stderr
        assert "4 of 4 reviews" in listed.stdout
        stats = _cli(tmp_path, url, "stats", "law_type")
        assert stats.returncode == 0, stats.stderr
        exported = _cli(tmp_path, url, "export", str(tmp_path / "cases.csv"))
        assert exported.returncode == 0, exported.stderr
        for args in (["import", str(DATA / "cases_small.csv"), "--replace"], ["init"]):
            written = _cli(tmp_path, url, *args)
            assert written.returncode == 2 and "Traceback" not in written.stderr
            assert "read-only for you" in written.stderr
    finally:
        _immutable([db, folder], False)
    assert _digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["register.db"]


def test_newer_postgres_register_is_refused_untouched(pg_database_url: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(pg_database_url.rsplit("/", 1)[0] + "/test", isolation_level="AUTOCOMMIT")
    name = "casereview_newer_" + os.urandom(4).hex()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = pg_database_url.rsplit("/", 1)[0] + "/" + name
    try:
        Store.open(url).close()
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
        with pytest.raises(ConfigError, match="schema version 0999, newer than this casereview"):
            Store.open(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0999"
        engine.dispose()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("CASEREVIEW_DATABASE_URL=mysql://u@localhost/db", "CASEREVIEW_DATABASE_URL: unsupported database URL"),
        ("CASEREVIEW_CODEBOOK_DIRS=[not json", "CASEREVIEW_CODEBOOK_DIRS: '[not json' is not a JSON list"),
    ],
)
def test_bad_settings_are_one_line(tmp_path: Path, setting: str, message: str) -> None:
    name, value = setting.split("=", 1)
    env = {**os.environ, name: value}
    run = subprocess.run(
        [sys.executable, "-m", "casereview", "codebook", "list"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=False, timeout=120,
    )
    assert run.returncode == 2 and run.stderr.startswith(f"error: {message}"), run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
