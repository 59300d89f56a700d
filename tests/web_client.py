"""A signed-in test client per role over one shared app (sessions made directly, so the
tests do not spend an argon2 check per request)."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from casereview.app.access import Actor
from casereview.app.sessions import start_session
from casereview.store.database import Store
from casereview.web.deps import CSRF_HEADER, SESSION_COOKIE


class As:
    """Requests made as one signed-in actor (or anonymous when actor is None)."""

    def __init__(self, client: TestClient, store: Store, actor: Actor | None) -> None:
        self.client = client
        self.headers: dict[str, str] = {}
        self.csrf = ""
        if actor is not None:
            token, self.csrf = start_session(store, actor, hours=1)
            self.headers["Cookie"] = f"{SESSION_COOKIE}={token}"

    def request(self, method: str, url: str, *, csrf: bool = True, **kw: Any) -> httpx.Response:
        headers = dict(self.headers)
        if csrf and self.csrf and method not in ("GET", "HEAD"):
            headers[CSRF_HEADER] = self.csrf
        headers.update(kw.pop("headers", {}))
        return self.client.request(method, url, headers=headers, follow_redirects=False, **kw)

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("POST", url, **kw)

    def html(self, url: str) -> HTMLParser:
        r = self.get(url)
        assert r.status_code == 200, (url, r.status_code, r.text[:500])
        return HTMLParser(r.text)
