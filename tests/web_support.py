"""One builder for the web and application-layer tests: a register with the Child T
report ingested and coded (pending suggestions), the triennial sample imported, and one
account per role."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text

from casereview.app.access import Actor, cli_actor
from casereview.app.users import create_user
from casereview.ingest.assist import code_review
from casereview.ingest.service import ingest_paths
from casereview.io.importer import import_file
from casereview.store.database import Store
from conftest import PACKAGE_DATA, PG_ADMIN_URL
from document_factory import DOCUMENTS

REVIEW = "child_t_review"
PASSWORD = "correct horse battery"
ROLES = ("viewer", "coder", "admin")
OWNER = cli_actor("owner")


@contextmanager
def own_postgres() -> Iterator[Store]:
    """A PostgreSQL register in a database of its own, so that tests of other modules
    (which empty the session's shared database) cannot run in the middle of ours."""
    name = f"casereview_web_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    store = Store.open(PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name)
    try:
        yield store
    finally:
        store.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def build_register(store: Store) -> dict[str, Actor]:
    """Fill the register; return the actor of each role's account (named after the role)."""
    import_file(store, PACKAGE_DATA / "triennial-sample.csv")
    ingest_paths(store, [DOCUMENTS / "child_t_review.pdf"])
    code_review(store, REVIEW)
    actors = {}
    for role in ROLES:
        user = create_user(store, OWNER, role, role, PASSWORD)
        actors[role] = Actor(user.name, user.role, user.id)
    return actors
