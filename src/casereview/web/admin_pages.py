"""Admin pages: accounts and roles, and the audit trail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from casereview.app.audit import audit_trail
from casereview.app.downloads import Download
from casereview.app.exports import pseudonymised_cases, pseudonymised_documents
from casereview.app.users import create_user, list_users, update_user
from casereview.errors import CaseReviewError
from casereview.store.accounts import ROLES
from casereview.web.deps import Admin, Auditor, PseudonymExporter, StoreDep
from casereview.web.render import render

router = APIRouter()


def _users_page(request: Request, store: StoreDep, actor, error=None, status: int = 200) -> Response:  # type: ignore[no-untyped-def]
    return render(
        request, "users.html",
        {"users": list_users(store, actor), "roles": ROLES, "error": error}, status=status,
    )


@router.get("/admin/users")
def users_view(request: Request, store: StoreDep, actor: Admin) -> Response:
    return _users_page(request, store, actor)


@router.post("/admin/users")
def users_add(
    request: Request, store: StoreDep, actor: Admin,
    name: Annotated[str, Form()], role: Annotated[str, Form()], password: Annotated[str, Form()],
) -> Response:
    try:
        create_user(store, actor, name.strip(), role, password)
    except CaseReviewError as exc:
        return _users_page(request, store, actor, exc, exc.status)
    return RedirectResponse("/admin/users", status_code=303)


@router.post("/admin/users/{user_id}")
def users_update(
    request: Request, store: StoreDep, actor: Admin, user_id: int,
    role: Annotated[str | None, Form()] = None, active: Annotated[str | None, Form()] = None,
) -> Response:
    try:
        update_user(
            store, actor, user_id, role=role or None,
            active=None if active is None else active == "yes",
        )
    except CaseReviewError as exc:
        if exc.status == 404:
            raise
        return _users_page(request, store, actor, exc, exc.status)
    return RedirectResponse("/admin/users", status_code=303)


@router.get("/admin/audit")
def audit_view(
    request: Request, store: StoreDep, actor: Auditor,
    review: str | None = None, who: str | None = None, page: int = 1,
) -> Response:
    trail = audit_trail(store, actor, review=review or None, actor_name=who or None, page=page)
    return render(
        request, "audit.html", {"trail": trail, "params": {"review": review, "who": who}}
    )


@router.get("/admin/exports/cases.{fmt}")
def pseudonymised_cases_download(
    store: StoreDep, actor: PseudonymExporter, fmt: str, study: str | None = None, codebook: str | None = None
) -> Response:
    """The case table with people's names replaced by pseudonyms (csv or xlsx)."""
    return _attachment(pseudonymised_cases(store, actor, fmt, codebook=codebook or None, study=study or None))


@router.get("/admin/exports/documents.zip")
def pseudonymised_documents_download(
    store: StoreDep, actor: PseudonymExporter, review: str | None = None, study: str | None = None
) -> Response:
    """The review documents' text, one file per document, names replaced by pseudonyms."""
    return _attachment(pseudonymised_documents(store, actor, review=review or None, study=study or None))


def _attachment(file: Download) -> Response:
    return Response(
        file.content, media_type=file.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file.filename}"'},
    )
