"""Typed dependencies: the store, who is signed in, role checks, and CSRF on state changes.

A page or API call needs a signed-in account (except sign-in itself). A state change
(POST/PUT/PATCH/DELETE) must also carry the session's CSRF token, as the form field
`csrf_token` or the header `X-CSRF-Token`; GET never changes anything.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request

from casereview.app.access import ACTIONS, Actor, require
from casereview.app.sessions import SignedIn, session_user
from casereview.errors import AuthenticationError, PermissionDenied
from casereview.store.database import Store

SESSION_COOKIE = "casereview_session"
SIGNIN_CSRF_COOKIE = "casereview_signin_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


StoreDep = Annotated[Store, Depends(get_store)]


def signed_in(request: Request, store: StoreDep) -> SignedIn | None:
    token = request.cookies.get(SESSION_COOKIE)
    found = session_user(store, token) if token else None
    request.state.signed_in = found  # for the templates (menu, CSRF field)
    return found


async def check_csrf(request: Request, expected: str) -> None:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not secrets.compare_digest(sent, expected):
        raise PermissionDenied(
            "this change did not carry the page's security token (CSRF); reload the page and "
            "try again"
        )


def allowed(action: str) -> Callable[..., Awaitable[Actor]]:
    """Dependency: the signed-in actor, who may do `action`; CSRF-checked on state changes."""

    async def dependency(
        request: Request, who: Annotated[SignedIn | None, Depends(signed_in)]
    ) -> Actor:
        if who is None:
            raise AuthenticationError("sign in first")
        if request.method in UNSAFE:
            await check_csrf(request, who.csrf_token)
        require(who.actor, action)
        return who.actor

    dependency.__name__ = f"allowed_{action}"
    return dependency


assert set(ACTIONS) >= {"read", "code", "manage_users", "read_audit"}
Reader = Annotated[Actor, Depends(allowed("read"))]
Coder = Annotated[Actor, Depends(allowed("code"))]
Admin = Annotated[Actor, Depends(allowed("manage_users"))]
Auditor = Annotated[Actor, Depends(allowed("read_audit"))]
PseudonymExporter = Annotated[Actor, Depends(allowed("export_pseudonymised"))]
