"""Checking a register before it is opened, and database errors as one line that says what to do.

A SQLite file is examined with the sqlite3 module in read-only mode before SQLAlchemy or
Alembic touch it, so a file that is not ours (a random file, another program's database,
a register written by a newer casereview) is refused with its bytes unchanged. Opening
a SQLite file otherwise writes to it at once (the WAL journal mode is stored in the header).
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.engine import URL

from casereview.errors import ConfigError

SQLITE_MAGIC = b"SQLite format 3\x00"
VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
WHERE = "set CASEREVIEW_DATABASE_URL or --database"
# Tables SQLite itself keeps, and the shadow tables of our FTS5 index.
_SYSTEM = re.compile(r"^(sqlite_|document_pages_fts)")


def known_revisions() -> set[str]:
    """Every schema revision this casereview knows, from the migration files."""
    found = set()
    for path in VERSIONS.glob("*.py"):
        rev = re.search(r"^revision = ['\"](\w+)['\"]", path.read_text("utf-8"), re.MULTILINE)
        if rev:
            found.add(rev.group(1))
    return found


@dataclass(frozen=True)
class SqliteFile:
    path: Path  # absolute
    exists: bool  # a non-empty file is there
    writable: bool
    revision: str | None  # the register's schema revision (None: new or empty)


def check_sqlite(url: URL, *, write: bool) -> SqliteFile:
    """Refuse what cannot be a register, before anything is written. Raises ConfigError."""
    database = url.database or ""
    if database in ("", ":memory:") or url.query.get("mode") == "memory":
        raise ConfigError(
            "an in-memory SQLite register would be lost when the command ends; give a file, "
            f"e.g. sqlite:///casereview.db ({WHERE})"
        )
    path = Path(database).expanduser().absolute()
    if path.is_dir():
        raise ConfigError(f"the register {path} is a folder, not a file; {WHERE} to a file in it")
    if not path.parent.is_dir():
        raise ConfigError(
            f"cannot create the register {path}: the folder {path.parent} does not exist; "
            f"create it or {WHERE}"
        )
    writable = _writable(path)
    if not path.exists() or path.stat().st_size == 0:
        if not writable:
            raise ConfigError(f"cannot create the register {path}: no permission to write there")
        return SqliteFile(path, False, True, None)
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ConfigError(f"cannot read the register {path}: {exc.strerror}") from None
    if magic != SQLITE_MAGIC:
        raise ConfigError(
            f"{path} is not a casereview register (not a SQLite database); it was left "
            f"untouched: {WHERE} to a register or a new file"
        )
    tables, revision = _contents(path)
    check_tables(str(path), tables, revision)
    if not writable and write:
        raise ConfigError(
            f"the register {path} is read-only for you (no write permission on the file or "
            "its folder): commands that only read it work; this one needs to write"
        )
    return SqliteFile(path, True, writable, revision)


def check_tables(where: str, tables: set[str], revision: str | None) -> None:
    """Refuse another program's database and a register of a newer casereview."""
    if revision is None:
        foreign = sorted(t for t in tables if not _SYSTEM.match(t) and t != "alembic_version")
        if foreign:
            shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
            raise ConfigError(
                f"{where} holds another program's tables ({shown}), not a casereview register; "
                f"it was left untouched: {WHERE} to a register or a new file"
            )
        return
    if revision not in known_revisions():
        raise ConfigError(
            f"the register {where} has schema version {revision}, newer than this casereview "
            "knows: upgrade casereview (pip install -U casereview) to open it"
        )


def needs_upgrade(revision: str | None) -> bool:
    from casereview.store.migrate import head_revision

    return revision != head_revision()


def read_only_url(path: Path) -> str:
    """A SQLAlchemy URL that opens the file read-only (SQLite URI filename)."""
    return "sqlite:///" + _read_only_uri(path) + "&uri=true"


def _read_only_uri(path: Path) -> str:
    # A WAL-mode file without a -wal file holds everything in the file itself: open it as
    # immutable, which needs no -shm file (a read-only user could not create one, and a
    # read-only connection could not remove it afterwards: sqlite.org/wal.html). Otherwise
    # a writer may be at work: plain read-only mode, which sees its commits.
    with path.open("rb") as fh:
        head = fh.read(20)
    wal_mode = len(head) > 18 and head[18] == 2  # file format read version 2 = WAL
    quiet = wal_mode and not path.with_name(path.name + "-wal").exists()
    return f"file:{quote(str(path))}?{'immutable=1' if quiet else 'mode=ro'}"


def _writable(path: Path) -> bool:
    folder_ok = os.access(path.parent, os.W_OK)
    if not path.exists():
        return folder_ok
    if not os.access(path, os.W_OK):
        return False
    # WAL mode needs the -wal and -shm files beside the register
    sidecars = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    return folder_ok or all(p.exists() and os.access(p, os.W_OK) for p in sidecars)


def _contents(path: Path) -> tuple[set[str], str | None]:
    try:
        con = sqlite3.connect(_read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise ConfigError(f"cannot read the register {path}: {exc}") from None
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in names:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise ConfigError(
            f"{path} cannot be read as a register ({exc}); it was left untouched: {WHERE} to a "
            "register or a new file"
        ) from None
    finally:
        con.close()
    return names, revision
