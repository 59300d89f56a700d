"""The JSON API under /api: the same application-layer calls as the pages, as JSON.

Sign in with POST /api/session (JSON name and password): it sets the session cookie and
returns the CSRF token to send as the X-CSRF-Token header on every change."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel

from casereview.app.audit import AuditPage, audit_trail
from casereview.app.cases import CasePage, list_cases
from casereview.app.coding import CodingScreen, coding_screen
from casereview.app.decisions import decide
from casereview.app.reviews import PageView, ReviewPage, document_page, review_page
from casereview.app.users import UserView, create_user, list_users, update_user
from casereview.store.case_filters import CaseFilter
from casereview.store.suggestions import CodeView
from casereview.web.deps import Admin, Auditor, Coder, Reader, StoreDep
from casereview.web.pages import parse_fatal
from casereview.web.signin import SessionInfo

router = APIRouter(prefix="/api")


@router.get("/me", response_model=SessionInfo, tags=["session"])
def me(request: Request, actor: Reader) -> SessionInfo:
    return SessionInfo(name=actor.name, role=actor.role, csrf_token=request.state.signed_in.csrf_token)


@router.get("/cases", response_model=CasePage, tags=["cases"])
def cases(
    store: StoreDep, actor: Reader, study: str | None = None, fatal: str | None = None,
    region: str | None = None, status: str | None = None, q: str | None = None,
    page: int = 1, per_page: int = 50,
) -> CasePage:
    """Reviews by study, fatal (yes/no), region, coding status (uncoded, pending, coded) and
    full-text search `q` over their documents, one page at a time."""
    filters = CaseFilter(study or None, parse_fatal(fatal), region or None, status or None)
    return list_cases(store, actor, filters, query=q, page=page, per_page=per_page)


@router.get("/reviews/{reference}", response_model=ReviewPage, tags=["reviews"])
def review(store: StoreDep, actor: Reader, reference: str) -> ReviewPage:
    return review_page(store, actor, reference)


@router.get("/reviews/{reference}/coding", response_model=CodingScreen, tags=["coding"])
def coding(
    store: StoreDep, actor: Reader, reference: str, doc: int | None = None, page: int | None = None
) -> CodingScreen:
    """Pending suggestions grouped as the codebook groups them, decided ones, and one page
    of a document with each suggestion's evidence marked."""
    return coding_screen(store, actor, reference, document_id=doc, page=page)


@router.get(
    "/reviews/{reference}/documents/{document_id}/pages/{number}", response_model=PageView,
    tags=["reviews"],
)
def page(store: StoreDep, actor: Reader, reference: str, document_id: int, number: int) -> PageView:
    return document_page(store, actor, document_id, number, review=reference)


class Decision(BaseModel):
    action: str  # accept, edit or reject
    version: int  # the code's version as read: a later save by someone else is a 409
    value: str | None = None
    child: str | None = None


@router.post("/reviews/{reference}/codes/{code_id}/decision", response_model=CodeView, tags=["coding"])
def decision(store: StoreDep, actor: Coder, reference: str, code_id: int, body: Decision) -> CodeView:
    return decide(
        store, actor, reference, code_id, body.action, version=body.version,
        value=body.value, child=body.child,
    )


class UserCreate(BaseModel):
    name: str
    role: str
    password: str


class UserUpdate(BaseModel):
    role: str | None = None
    active: bool | None = None


@router.get("/users", response_model=list[UserView], tags=["admin"])
def users(store: StoreDep, actor: Admin) -> list[UserView]:
    return list_users(store, actor)


@router.post("/users", response_model=UserView, status_code=201, tags=["admin"])
def user_add(store: StoreDep, actor: Admin, body: UserCreate) -> UserView:
    return create_user(store, actor, body.name.strip(), body.role, body.password)


@router.patch("/users/{user_id}", response_model=UserView, tags=["admin"])
def user_update(store: StoreDep, actor: Admin, user_id: int, body: UserUpdate) -> UserView:
    return update_user(store, actor, user_id, role=body.role, active=body.active)


@router.get("/audit", response_model=AuditPage, tags=["admin"])
def audit(
    store: StoreDep, actor: Auditor, review: str | None = None, who: str | None = None, page: int = 1
) -> AuditPage:
    return audit_trail(store, actor, review=review, actor_name=who, page=page)


@router.get("/openapi.json", tags=["session"])
def openapi(request: Request, actor: Reader) -> dict[str, Any]:
    """This API's OpenAPI schema (signed-in users only, like every other call)."""
    return request.app.openapi()  # type: ignore[no-any-return]
