"""Database errors as one line that says what happened and what to do.

The CLI and the web layer show these instead of a driver traceback: a refused connection,
an unknown database, a busy or read-only SQLite file, a full disk, a clash with another
writer. Nothing half-written remains in any of these cases: every write is one transaction.
"""

from __future__ import annotations

import re

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError

from casereview.errors import CaseReviewError, ConfigError

WHERE = "set CASEREVIEW_DATABASE_URL or --database"


class RegisterBusy(CaseReviewError):
    status = 503
    title = "Register busy"


def describe(exc: DBAPIError, url: URL | None = None) -> CaseReviewError:
    """The CaseReviewError to raise instead of `exc`."""
    first = (str(exc.orig) if exc.orig is not None else str(exc)).strip().splitlines()
    reason = first[0] if first else type(exc).__name__
    low = reason.lower()
    host = f"{url.host or 'localhost'}:{url.port or 5432}" if url is not None else "the server"
    if "database is locked" in low or "database is busy" in low:
        return RegisterBusy(
            "the register is busy: another casereview is writing to it and did not finish in "
            "time; nothing was written, run the command again when it has finished"
        )
    if "readonly database" in low or "read-only" in low:
        return ConfigError(
            "the register is read-only for you: commands that only read it work; ask its owner "
            "for write permission (file and folder) to change it"
        )
    if "disk is full" in low or "no space left" in low:
        return CaseReviewError(
            "the disk holding the register is full; nothing was written: free some space and "
            "run the command again"
        )
    if "connection refused" in low or "could not connect" in low and "refused" in low:
        return ConfigError(
            f"cannot connect to PostgreSQL at {host} (connection refused): is the server running "
            f"there? {WHERE}"
        )
    match = re.search(r'database "([^"]+)" does not exist', reason)
    if match:
        name = match.group(1)
        return ConfigError(
            f"the database {name!r} does not exist on {host}: create it (createdb {name}) or {WHERE}"
        )
    if "password authentication failed" in low or re.search(r'role "[^"]+" does not exist', low):
        user = url.username if url is not None and url.username else "?"
        return ConfigError(f"PostgreSQL at {host} refused the user {user!r} ({reason}); {WHERE}")
    if "translate host name" in low or "name or service not known" in low:
        return ConfigError(f"unknown database host in the URL ({host}); {WHERE}")
    if "timeout expired" in low:
        return ConfigError(f"PostgreSQL at {host} did not answer in time; {WHERE}")
    if "file is not a database" in low or "malformed" in low:
        return ConfigError(f"the register is damaged or not a SQLite database ({reason}); {WHERE}")
    if isinstance(exc, IntegrityError):
        return CaseReviewError(
            "the register changed while this command ran (another import or edit at the same "
            f"time?); nothing was written, run it again ({reason})"
        )
    return CaseReviewError(f"database error: {reason}; nothing was written")
