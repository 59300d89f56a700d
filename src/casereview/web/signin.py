"""Sign in and out, as a form (pages) and as JSON (API): one session, one cookie."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from casereview.app.access import Actor
from casereview.app.sessions import SignedIn, end_session, start_session
from casereview.app.users import authenticate
from casereview.errors import AuthenticationError, CaseReviewError, PermissionDenied
from casereview.web.deps import (
    SESSION_COOKIE,
    SIGNIN_CSRF_COOKIE,
    StoreDep,
    check_csrf,
    signed_in,
)
from casereview.web.render import render

router = APIRouter()


def _safe_next(target: str | None) -> str:
    # Only paths on this site: never "//host" or "https://host" (open redirect).
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/cases"


def _sign_in(
    request: Request, store: StoreDep, name: str, password: str, response: Response
) -> tuple[Actor, str]:
    """Check the password (throttled), start a fresh session and set its cookie."""
    throttle = request.app.state.throttle
    client = request.client.host if request.client else "unknown"
    throttle.check(name, client)
    try:
        actor = authenticate(store, name, password)
    except AuthenticationError:
        throttle.failed(name, client)
        raise
    throttle.succeeded(name)
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        end_session(store, old)  # a new id at sign-in: a planted cookie is worth nothing
    settings = request.app.state.settings
    token, csrf = start_session(store, actor, settings.session_hours)
    response.set_cookie(
        SESSION_COOKIE, token, max_age=int(settings.session_hours * 3600), httponly=True,
        secure=settings.https, samesite="lax", path="/",
    )
    response.delete_cookie(SIGNIN_CSRF_COOKIE, path="/")
    return actor, csrf


@router.get("/signin")
def signin_page(request: Request, next: str | None = None) -> Response:
    token = secrets.token_urlsafe(32)
    response = render(request, "signin.html", {"next": _safe_next(next), "signin_csrf": token})
    settings = request.app.state.settings
    response.set_cookie(
        SIGNIN_CSRF_COOKIE, token, httponly=True, secure=settings.https, samesite="lax", path="/"
    )
    return response


@router.post("/signin")
def signin_form(
    request: Request,
    store: StoreDep,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/cases",
) -> Response:
    # Before sign-in there is no session: the form's token must match its cookie.
    cookie = request.cookies.get(SIGNIN_CSRF_COOKIE, "")
    if not cookie or not secrets.compare_digest(cookie, csrf_token):
        raise PermissionDenied("the sign-in form has expired; reload the page and sign in again")
    response = RedirectResponse(_safe_next(next), status_code=303)
    try:
        _sign_in(request, store, name.strip(), password, response)
    except CaseReviewError as exc:
        page = render(
            request, "signin.html",
            {"next": _safe_next(next), "signin_csrf": cookie, "error": exc, "name": name},
            status=exc.status,
        )
        return page
    return response


@router.post("/signout")
async def signout(
    request: Request, store: StoreDep, who: Annotated[SignedIn | None, Depends(signed_in)]
) -> Response:
    if who is not None:
        await check_csrf(request, who.csrf_token)
        end_session(store, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


class Credentials(BaseModel):
    name: str
    password: str


class SessionInfo(BaseModel):
    name: str
    role: str
    csrf_token: str


@router.post("/api/session", response_model=SessionInfo, tags=["session"])
def api_signin(body: Credentials, request: Request, store: StoreDep, response: Response) -> SessionInfo:
    """Sign in: sets the session cookie and returns the CSRF token for later changes.
    (A JSON body cannot be sent across sites without the browser asking first.)"""
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise CaseReviewError("send the credentials as JSON (Content-Type: application/json)")
    actor, csrf = _sign_in(request, store, body.name.strip(), body.password, response)
    return SessionInfo(name=actor.name, role=actor.role, csrf_token=csrf)


@router.delete("/api/session", status_code=204, tags=["session"])
async def api_signout(
    request: Request, store: StoreDep, who: Annotated[SignedIn | None, Depends(signed_in)]
) -> Response:
    if who is None:
        raise AuthenticationError("sign in first")
    await check_csrf(request, who.csrf_token)
    end_session(store, request.cookies.get(SESSION_COOKIE, ""))
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
