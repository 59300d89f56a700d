"""Who may reach what: every route of the app × anonymous/viewer/coder/admin → status.

A route missing from ROUTES fails the test, so a new route cannot go out unclassified.
State changes are sent with bodies that reach the application layer but change nothing
(a stale version → 409, a bad value → 400), so the table shows the check was passed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import select

from casereview.app.coding import coding_screen
from casereview.store.documents import Document
from casereview.store.schema import Code
from casereview.web.app import create_app
from casereview.web.config import WebSettings
from conftest import make_sqlite_store
from web_client import As
from web_support import REVIEW, build_register

WHO = ("anonymous", "viewer", "coder", "admin")
READ_PAGE = (303, 200, 200, 200)  # anonymous pages go to the sign-in page
READ_API = (401, 200, 200, 200)
ADMIN_PAGE = (303, 403, 403, 200)
ADMIN_API = (401, 403, 403, 200)
ADMIN_CHANGE = (401, 403, 403, 400)  # the admin's request is refused for its bad value
CODE_CHANGE = (401, 403, 409, 409)  # a coder's save of a stale version is a conflict

# (method, path) -> (status for anonymous, viewer, coder, admin), and the request body.
ROUTES: dict[tuple[str, str], tuple[tuple[int, int, int, int], dict[str, object]]] = {
    ("GET", "/static"): ((200, 200, 200, 200), {}),
    ("GET", "/signin"): ((200, 200, 200, 200), {}),
    ("POST", "/signin"): ((403, 403, 403, 403), {"data": {"name": "x", "password": "y"}}),
    ("POST", "/signout"): ((303, 303, 303, 303), {}),
    ("POST", "/api/session"): ((401, 401, 401, 401), {"json": {"name": "admin", "password": "wrong password"}}),
    ("DELETE", "/api/session"): ((401, 204, 204, 204), {}),
    ("GET", "/"): ((303, 303, 303, 303), {}),
    ("GET", "/cases"): (READ_PAGE, {}),
    ("GET", "/reviews/{reference}"): (READ_PAGE, {}),
    ("GET", "/reviews/{reference}/documents/{document_id}/pages/{number}"): (READ_PAGE, {}),
    ("GET", "/reviews/{reference}/coding"): (READ_PAGE, {}),
    ("POST", "/reviews/{reference}/codes/{code_id}"): (
        (401, 403, 409, 409), {"data": {"action": "reject", "version": "999"}}),
    # Comparing coders is coding work: viewers are refused. Recording a consensus on a
    # field nobody coded reaches the application layer and is "not found".
    ("GET", "/reviews/{reference}/compare"): ((303, 403, 200, 200), {}),
    ("POST", "/reviews/{reference}/consensus"): (
        (401, 403, 404, 404), {"data": {"codebook": "triennial", "field": "incident_type", "value": "x"}}),
    ("GET", "/admin/users"): (ADMIN_PAGE, {}),
    ("POST", "/admin/users"): (ADMIN_CHANGE, {"data": {"name": "z", "role": "boss", "password": "x" * 12}}),
    ("POST", "/admin/users/{user_id}"): (ADMIN_CHANGE, {"data": {"role": "boss"}}),
    ("GET", "/admin/audit"): (ADMIN_PAGE, {}),
    ("GET", "/admin/exports/cases.{fmt}"): (ADMIN_PAGE, {}),
    ("GET", "/admin/exports/documents.zip"): (ADMIN_PAGE, {}),
    ("GET", "/api/me"): (READ_API, {}),
    ("GET", "/api/cases"): (READ_API, {}),
    ("GET", "/api/reviews/{reference}"): (READ_API, {}),
    ("GET", "/api/reviews/{reference}/coding"): (READ_API, {}),
    ("GET", "/api/reviews/{reference}/documents/{document_id}/pages/{number}"): (READ_API, {}),
    ("POST", "/api/reviews/{reference}/codes/{code_id}/decision"): (
        CODE_CHANGE, {"json": {"action": "reject", "version": 999}}),
    ("GET", "/api/reviews/{reference}/compare"): ((401, 403, 200, 200), {}),
    ("POST", "/api/reviews/{reference}/consensus"): (
        (401, 403, 404, 404), {"json": {"codebook": "triennial", "field": "incident_type", "value": "x"}}),
    ("GET", "/api/users"): (ADMIN_API, {}),
    ("POST", "/api/users"): (ADMIN_CHANGE, {"json": {"name": "z", "role": "boss", "password": "x" * 12}}),
    ("PATCH", "/api/users/{user_id}"): (ADMIN_CHANGE, {"json": {"role": "boss"}}),
    ("GET", "/api/audit"): (ADMIN_API, {}),
    ("GET", "/api/openapi.json"): (READ_API, {}),
    ("GET", "/agreement"): (READ_PAGE, {}),
    ("GET", "/api/agreement"): (READ_API, {}),
    ("GET", "/dashboard"): (READ_PAGE, {}),
    ("GET", "/reports/{kind}.{fmt}"): (READ_PAGE, {}),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    store = make_sqlite_store(Path(tmp_path_factory.mktemp("web")))
    actors = build_register(store)
    app = create_app(store, WebSettings(sign_in_attempts=100))
    with store.session() as s:
        doc_id = s.scalar(select(Document.id))
        other_code = s.scalar(select(Code.id).where(Code.status == "pending").order_by(Code.id.desc()))
    params = {
        "reference": REVIEW, "document_id": doc_id, "number": 1,
        "code_id": other_code, "user_id": actors["viewer"].user_id, "kind": "tables", "fmt": "xlsx",
    }
    with TestClient(app) as client:
        yield {"store": store, "actors": actors, "client": client, "app": app, "params": params}
    store.close()


def _as(site: dict[str, object], who: str) -> As:
    actors = site["actors"]
    assert isinstance(actors, dict)
    return As(site["client"], site["store"], actors.get(who))  # type: ignore[arg-type]


def _routes(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    out = []
    for rc in iter_route_contexts(app.routes):
        for method in sorted(rc.methods or {"GET"}):
            if method != "HEAD":
                out.append((method, rc.path))
    return out


def test_every_route_is_classified_and_answers_each_role_as_the_table_says(site) -> None:  # type: ignore[no-untyped-def]
    routes = _routes(site["app"])
    unclassified = [r for r in routes if r not in ROUTES]
    assert not unclassified, f"classify these routes in ROUTES: {unclassified}"
    got, want = {}, {}
    for method, path in routes:
        expected, body = ROUTES[(method, path)]
        url = path.format(**site["params"]) if path != "/static" else "/static/style.css"
        for who, status in zip(WHO, expected, strict=True):
            r = _as(site, who).request(method, url, **body)
            got[(method, path, who)], want[(method, path, who)] = r.status_code, status
    assert got == want


def test_a_change_without_the_csrf_token_is_refused(site) -> None:  # type: ignore[no-untyped-def]
    for (method, path), (expected, body) in ROUTES.items():
        if method == "GET" or path in ("/signin", "/api/session"):
            continue  # sign-in has no session yet: its own token (form) or JSON-only (API)
        url = path.format(**site["params"])
        admin = _as(site, "admin")
        assert admin.request(method, url, csrf=False, **body).status_code == 403, (method, path)
        wrong = admin.request(method, url, csrf=False, headers={"X-CSRF-Token": "forged"}, **body)
        assert wrong.status_code == 403, (method, path)
        assert admin.request(method, url, **body).status_code == expected[3]


def test_no_state_change_on_get(site) -> None:  # type: ignore[no-untyped-def]
    admin = _as(site, "admin")
    item = coding_screen(site["store"], site["actors"]["coder"], REVIEW).groups[0][1][0]
    query = {"action": "accept", "version": item.version, "csrf_token": admin.csrf}
    for url in (f"/reviews/{REVIEW}/codes/{item.code.id}",
                f"/api/reviews/{REVIEW}/codes/{item.code.id}/decision"):
        assert admin.get(url, params=query).status_code == 405
    assert admin.get("/admin/users", params={"name": "gina", "role": "admin", "password": "x" * 12}).status_code == 200
    users = admin.get("/api/users").json()
    assert "gina" not in {u["name"] for u in users}
    after = coding_screen(site["store"], site["actors"]["coder"], REVIEW)
    assert item.code.id in {s.code.id for _, items in after.groups for s in items}


def test_a_code_or_document_is_reached_only_through_its_own_review(site) -> None:  # type: ignore[no-untyped-def]
    coder = _as(site, "coder")
    p = site["params"]
    screen = coding_screen(site["store"], site["actors"]["coder"], REVIEW)
    item = screen.groups[0][1][0]
    other = "TR-14-001"
    r = coder.post(f"/api/reviews/{other}/codes/{item.code.id}/decision",
                   json={"action": "accept", "version": item.version})
    assert r.status_code == 404 and r.json()["error"] == "Not found"
    r = coder.post(f"/reviews/{other}/codes/{item.code.id}", data={"action": "accept", "version": item.version})
    assert r.status_code == 404
    for url in (f"/reviews/{other}/documents/{p['document_id']}/pages/1",
                f"/api/reviews/{other}/documents/{p['document_id']}/pages/1"):
        assert coder.get(url).status_code == 404
    after = coding_screen(site["store"], site["actors"]["coder"], REVIEW)
    assert item.code.id in {s.code.id for _, items in after.groups for s in items}  # still pending


def test_security_headers_on_every_response(site) -> None:  # type: ignore[no-untyped-def]
    for url in ("/signin", "/cases", "/api/cases"):
        r = _as(site, "viewer").get(url)
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["cache-control"] == "no-store"
