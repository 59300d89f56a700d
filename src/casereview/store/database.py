"""Opening the register: engine, SQLite safety pragmas, sessions, schema creation."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from casereview.errors import ConfigError
from casereview.store.dberrors import describe

BUSY_TIMEOUT_S = 30.0  # a writer waits this long for another writer to finish


def _sqlite_pragmas(dbapi_conn, _record, *, read_only: bool = False) -> None:  # type: ignore[no-untyped-def]
    # WAL for concurrent readers, FULL sync so a crash never loses a committed import,
    # and foreign keys on (SQLite leaves them off by default). The driver's own transaction
    # handling is off: SQLAlchemy emits BEGIN itself (see _begin), so that writers can take
    # the write lock at the start of their transaction.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    if not read_only:
        cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _begin(conn) -> None:  # type: ignore[no-untyped-def]
    # A writer begins IMMEDIATE: it waits (busy timeout) for the write lock up front. A
    # deferred transaction that read first could not upgrade once another writer had
    # committed, and would fail with "database is locked" however long it waited.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:  # terse; say which setting is wrong
        raise ConfigError(
            f"cannot read database URL {url!r}: use sqlite:///FILE or "
            "postgresql+psycopg://user@host:port/db"
        ) from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(
            f"unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    return parsed


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        event.listen(engine, "connect", partial(_sqlite_pragmas, read_only=read_only))
        event.listen(engine, "begin", _begin)
        return engine
    if parsed.drivername == "postgresql":
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _claim(path: Path) -> bool:
    """Create the register's (empty) file; False if another process made it first. Then of
    two commands opening a new register at once, only one says it created it."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except FileExistsError:
        return False
    return True


class Store:
    """The case register: one engine plus a session factory."""

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        self.url = url
        self.read_only = read_only
        self.created = False  # set by open(): this command made a new register file
        self.location = url
        self.engine = make_engine(url, read_only=read_only)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True, write: bool = True) -> Store:
        """Open the register at `url` (default: settings), bringing its schema up to date.

        Refuses, with one line that says what to do, anything that is not a register of this
        casereview (see opening.py); nothing is written to such a file. `write=False` (reading
        commands) opens a read-only register as it is and refuses to create a new one.
        """
        from casereview.settings import get_settings
        from casereview.store.opening import check_sqlite, needs_upgrade, read_only_url

        url = url or get_settings().database_url
        parsed = parse_url(url)
        if parsed.get_backend_name() == "sqlite":
            found = check_sqlite(parsed, write=write)
            if not found.exists and not write:
                raise ConfigError(
                    f"there is no case register at {found.path}: create it with `casereview "
                    "init` or `casereview import FILE`, or set CASEREVIEW_DATABASE_URL or "
                    "--database to an existing one"
                )
            if not found.writable:
                if needs_upgrade(found.revision):
                    raise ConfigError(
                        f"the register {found.path} is read-only for you and needs an upgrade "
                        "to this casereview's schema: run `casereview init` as a user who can "
                        "write to it"
                    )
                store = cls(read_only_url(found.path), read_only=True)
                store.location = str(found.path)
                return store
            store = cls(url)
            store.location, store.created = str(found.path), not found.exists and _claim(found.path)
        else:
            store = cls(url)
            store.location = parsed.render_as_string(hide_password=True)
        try:
            if store.dialect == "postgresql":
                store._check_postgres()
            if create:
                store.migrate()
        except DBAPIError as exc:
            store.close()
            raise describe(exc, parsed) from None
        except BaseException:
            store.close()
            raise
        return store

    def _check_postgres(self) -> None:
        from casereview.store.opening import check_tables

        with self.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        check_tables(self.location, tables, revision)

    def migrate(self) -> None:
        from casereview.store.migrate import upgrade

        upgrade(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on any error.

        `write=True` for a transaction that writes: on SQLite it takes the write lock at once,
        waiting up to BUSY_TIMEOUT_S for another writer, instead of failing later."""
        if not write or self.dialect != "sqlite":
            with self._sessions() as s, s.begin():
                yield s
            return
        with self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with self._sessions(bind=conn) as s, s.begin():
                yield s

    def close(self) -> None:
        self.engine.dispose()
