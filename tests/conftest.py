"""Shared fixtures: one builder for test registers (SQLite and PostgreSQL), never a copied schema."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from casereview.store.database import Store

DATA = Path(__file__).parent / "data"
PACKAGE_DATA = Path(__file__).parents[1] / "src" / "casereview" / "data"
PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def make_sqlite_store(tmp_path: Path, name: str = "register.db") -> Store:
    return Store.open(f"sqlite:///{tmp_path / name}")


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = make_sqlite_store(tmp_path)
    yield store
    store.close()


@pytest.fixture(scope="session")
def pg_database_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session (dropped afterwards)."""
    name = f"casereview_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_store(pg_database_url: str) -> Iterator[Store]:
    """A PostgreSQL register, emptied before each test."""
    store = Store.open(pg_database_url)
    with store.engine.begin() as conn:
        tables = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> 'alembic_version'")
        ).scalars().all()
        if tables:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    yield store
    store.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Runs a test once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        store = make_sqlite_store(tmp_path)
        yield store
        store.close()
    else:
        yield request.getfixturevalue("pg_store")
