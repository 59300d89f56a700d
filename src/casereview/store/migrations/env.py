"""Alembic environment: runs migrations on the engine the Store hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import casereview.store.tables  # noqa: F401  (registers every table on Base.metadata)
from casereview.store.migrate import include_object
from casereview.store.schema import Base

target_metadata = Base.metadata
config = context.config

def _driver_pragma(connection: Connection, statement: str) -> None:
    # Straight to the driver, outside any transaction (SQLAlchemy would BEGIN first).
    connection.connection.driver_connection.execute(statement)  # type: ignore[union-attr]


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(str(config.get_main_option("sqlalchemy.url")))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite changes a column by copying the table and dropping the old one; with
            # foreign keys on, that drop would cascade-delete the rows that point at it.
            # The pragma only takes effect outside a transaction (sqlite.org, ALTER TABLE).
            _driver_pragma(connection, "PRAGMA foreign_keys=OFF")
        if sqlite:
            # take the write lock before reading the schema version: two commands opening a
            # new register at once then migrate one after the other, not both from scratch
            connection = connection.execution_options(sqlite_begin="IMMEDIATE")
        try:
            with connection.begin():
                context.configure(
                    connection=connection,
                    target_metadata=target_metadata,
                    render_as_batch=sqlite,
                    include_object=include_object,
                )
                context.run_migrations()
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                    if broken is not None:
                        raise RuntimeError(f"migration left a dangling reference: {broken}")
        finally:
            if sqlite:
                _driver_pragma(connection, "PRAGMA foreign_keys=ON")


run_migrations_online()
