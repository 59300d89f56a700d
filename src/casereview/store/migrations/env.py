"""Alembic environment: runs migrations on the engine the Store hands over."""

from __future__ import annotations

from alembic import context

import casereview.store.tables  # noqa: F401  (registers every table on Base.metadata)
from casereview.store.schema import Base

target_metadata = Base.metadata
config = context.config

# Full-text search objects made by hand in revision 0002 (FTS5 table and its shadow tables on
# SQLite, the tsvector column on PostgreSQL): not in the models, so autogenerate must not
# propose dropping them.
_HAND_MADE = ("document_pages_fts", "search_vector", "ix_document_pages_search")


def _include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    return not (reflected and name and str(name).startswith(_HAND_MADE))


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(str(config.get_main_option("sqlalchemy.url")))
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=_include_object,
        )
        context.run_migrations()


run_migrations_online()
