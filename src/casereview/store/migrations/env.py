"""Alembic environment: runs migrations on the engine the Store hands over."""

from __future__ import annotations

from alembic import context

import casereview.store.tables  # noqa: F401  (registers every table on Base.metadata)
from casereview.store.migrate import include_object
from casereview.store.schema import Base

target_metadata = Base.metadata
config = context.config

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
            include_object=include_object,
        )
        context.run_migrations()


run_migrations_online()
