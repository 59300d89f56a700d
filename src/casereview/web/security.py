"""Security headers on every response, and sign-in throttling.

Headers as OWASP's Secure Headers project recommends for a server-rendered app with no
third-party content: everything from this origin only, no framing, no MIME sniffing.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

from casereview.errors import TooManyAttempts

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)


class SecurityHeaders(BaseHTTPMiddleware):
    def __init__(self, app, https: bool) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.https = https

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        h = response.headers
        h.setdefault("Content-Security-Policy", CSP)
        h["X-Content-Type-Options"] = "nosniff"
        h["X-Frame-Options"] = "DENY"
        h["Referrer-Policy"] = "same-origin"
        h["Cross-Origin-Opener-Policy"] = "same-origin"
        if not request.url.path.startswith("/static/"):
            h["Cache-Control"] = "no-store"  # pages hold case data: never cached
        if self.https:
            h["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response


class SignInThrottle:
    """At most `attempts` failures per user name and per client address in `window` seconds.
    Kept in memory: one server process (as `casereview serve` runs) sees every attempt."""

    def __init__(self, attempts: int, window: float) -> None:
        self.attempts, self.window = attempts, window
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and q[0] < now - self.window:
            q.popleft()
        return q

    def check(self, name: str, client: str) -> None:
        now = time.monotonic()
        for key in (f"name:{name.lower()}", f"ip:{client}"):
            q = self._recent(key, now)
            if len(q) >= self.attempts:
                wait = int(q[0] + self.window - now) // 60 + 1
                raise TooManyAttempts(
                    f"too many failed sign-ins; try again in about {wait} minute(s)"
                )

    def failed(self, name: str, client: str) -> None:
        now = time.monotonic()
        for key in (f"name:{name.lower()}", f"ip:{client}"):
            self._failures[key].append(now)

    def succeeded(self, name: str) -> None:
        self._failures.pop(f"name:{name.lower()}", None)
