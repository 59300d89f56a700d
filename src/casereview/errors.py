"""One error hierarchy for the whole product.

Every error a user can cause carries an HTTP-style status, a short title and a plain
message that says what was wrong, where, and how to fix it. The CLI turns it into a
one-line reason and exit code 2; the web layer turns it into JSON or an error page.
"""

from __future__ import annotations

from dataclasses import dataclass


class CaseReviewError(Exception):
    """Base class: a problem the user can understand and fix."""

    status: int = 400
    title: str = "Invalid input"

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details: list[str] = list(details or [])

    def __str__(self) -> str:
        return self.message


class NotFoundError(CaseReviewError):
    status = 404
    title = "Not found"


class CodebookError(CaseReviewError):
    """A codebook file is malformed: names the file, the field and the problem."""

    title = "Invalid codebook"


class ValidationError(CaseReviewError):
    """A value does not fit the codebook: names the field, the value and the allowed values."""

    title = "Invalid value"


class ConfigError(CaseReviewError):
    title = "Invalid settings"


@dataclass(frozen=True)
class RowError:
    """One problem in one row of an imported file (row numbers as a spreadsheet shows them)."""

    row: int
    column: str
    value: object
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column!r}, value {self.value!r}: {self.reason}"


class ImportRejected(CaseReviewError):
    """A file was refused as a whole; every bad row is listed and nothing was written."""

    status = 422
    title = "Import rejected"

    def __init__(self, source: str, errors: list[RowError]) -> None:
        self.source = source
        self.errors = list(errors)
        n = len(self.errors)
        first = f"; first: {self.errors[0]}" if self.errors else ""
        super().__init__(
            f"{source}: {n} bad value{'s' if n != 1 else ''}, nothing imported{first}",
            details=[str(e) for e in self.errors],
        )


class DocumentError(CaseReviewError):
    """A review document could not be read (encrypted, corrupt, no text layer, unsupported)."""

    status = 422
    title = "Document rejected"


class ConflictError(CaseReviewError):
    """Someone else saved the same record since it was read: nothing was overwritten.
    `changes` lists each field that differs as (field, the value read, the value now stored)."""

    status = 409
    title = "Changed by someone else"

    def __init__(self, message: str, changes: list[tuple[str, object, object]]) -> None:
        self.changes = list(changes)
        super().__init__(
            message, details=[f"{f}: you read {a!r}, now {b!r}" for f, a, b in self.changes]
        )


class AuthenticationError(CaseReviewError):
    status = 401
    title = "Sign-in needed"


class PermissionDenied(CaseReviewError):
    status = 403
    title = "Not allowed"


class TooManyAttempts(CaseReviewError):
    status = 429
    title = "Too many attempts"
