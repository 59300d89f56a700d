"""Bringing a register's schema up to date with the Alembic migrations shipped in the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


# Full-text search objects made by hand in revision 0002 (FTS5 table and its shadow tables on
# SQLite, the tsvector column and its index on PostgreSQL): not in the models, so autogenerate
# (and the schema check in the tests) must not propose dropping them.
HAND_MADE = ("document_pages_fts", "search_vector", "ix_document_pages_search")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not (reflected and name and str(name).startswith(HAND_MADE))


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)
