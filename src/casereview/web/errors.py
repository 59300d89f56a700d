"""One handler turns every CaseReviewError into a JSON error (under /api) or an error page;
a page asked for without a sign-in goes to the sign-in page instead."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from casereview.errors import AuthenticationError, CaseReviewError, ConflictError


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def error_body(exc: CaseReviewError) -> dict[str, object]:
    body: dict[str, object] = {"error": exc.title, "message": exc.message, "details": exc.details}
    if isinstance(exc, ConflictError):
        body["changes"] = [{"field": f, "read": a, "now": b} for f, a, b in exc.changes]
    return body


def install(app: FastAPI) -> None:
    from casereview.web.render import render

    async def case_review_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, CaseReviewError)
        if wants_json(request):
            return JSONResponse(error_body(exc), status_code=exc.status)
        if isinstance(exc, AuthenticationError) and request.method == "GET":
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/signin?next={quote(target)}", status_code=303)
        return render(request, "error.html", {"error": exc}, status=exc.status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        error = CaseReviewError(str(exc.detail))
        error.status, error.title = exc.status_code, "Not found" if exc.status_code == 404 else "Error"
        return await case_review_error(request, error)

    async def invalid_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        details = [
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in exc.errors()
        ]
        error = CaseReviewError("the request is not valid: " + "; ".join(details), details=details)
        error.status = 422
        return await case_review_error(request, error)

    app.add_exception_handler(CaseReviewError, case_review_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid_request)
