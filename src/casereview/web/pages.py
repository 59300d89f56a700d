"""The reading pages: case list (filters, search, pagination), review, document page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from casereview.app.cases import list_cases
from casereview.app.reviews import document_page, review_page
from casereview.errors import CaseReviewError
from casereview.store.case_filters import CODING_STATUSES, CaseFilter
from casereview.web.deps import Reader, StoreDep
from casereview.web.render import render

router = APIRouter()


def parse_fatal(value: str | None) -> bool | None:
    if value in (None, ""):
        return None
    if value in ("yes", "no"):
        return value == "yes"
    raise CaseReviewError(f"fatal {value!r}: use yes, no or leave it empty")


@router.get("/")
def home(actor: Reader) -> Response:
    return RedirectResponse("/cases", status_code=303)


@router.get("/cases")
def cases_page(
    request: Request,
    store: StoreDep,
    actor: Reader,
    study: str | None = None,
    fatal: str | None = None,
    region: str | None = None,
    status: str | None = None,
    q: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> Response:
    filters = CaseFilter(study or None, parse_fatal(fatal), region or None, status or None)
    result = list_cases(store, actor, filters, query=q, page=page, per_page=per_page)
    params = {"study": study, "fatal": fatal, "region": region, "status": status, "q": q, "per_page": per_page}
    # htmx asks for the table alone when a filter changes; a plain request gets the page.
    name = "_case_table.html" if request.headers.get("HX-Target") == "case-table" else "cases.html"
    return render(
        request, name, {"result": result, "params": params, "statuses": CODING_STATUSES}
    )


@router.get("/reviews/{reference}")
def review_view(request: Request, store: StoreDep, actor: Reader, reference: str) -> Response:
    return render(
        request, "review.html",
        {"review": review_page(store, actor, reference), "can_compare": actor.can("compare")},
    )


@router.get("/reviews/{reference}/documents/{document_id}/pages/{number}")
def page_view(
    request: Request, store: StoreDep, actor: Reader, reference: str, document_id: int, number: int
) -> Response:
    view = document_page(store, actor, document_id, number, review=reference)
    return render(request, "page.html", {"reference": reference, "page": view})
