"""Comparing coders on one review, and recording their consensus: a page with a form and
the same calls in the API (coders and admins; viewers are refused, see app/consensus.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from casereview.app.access import Actor
from casereview.app.consensus import Comparison, agree, compare
from casereview.errors import CaseReviewError
from casereview.store.suggestions import CodeView
from casereview.web.deps import StoreDep, allowed
from casereview.web.render import render

router = APIRouter()
Comparer = Annotated[Actor, Depends(allowed("compare"))]


def _page(
    request: Request, store: StoreDep, actor: Actor, reference: str,
    error: tuple[str, CaseReviewError] | None = None, status: int = 200,
) -> Response:
    return render(
        request, "compare.html",
        {"cmp": compare(store, actor, reference), "error": error, "me": actor.name},
        status=status,
    )


@router.get("/reviews/{reference}/compare")
def compare_page(request: Request, store: StoreDep, actor: Comparer, reference: str) -> Response:
    return _page(request, store, actor, reference)


@router.post("/reviews/{reference}/consensus")
def consensus_form(
    request: Request,
    store: StoreDep,
    actor: Comparer,
    reference: str,
    codebook: Annotated[str, Form()],
    field: Annotated[str, Form()],
    value: Annotated[str, Form()],
    agreed_by: Annotated[str, Form()] = "",
    child: Annotated[str, Form()] = "",
    seen: Annotated[str, Form()] = "",
) -> Response:
    """A bad value or a consensus recorded meanwhile shows the page again with the message
    beside that field and nothing saved."""
    try:
        agree(
            store, actor, reference, codebook, field, value,
            [n for n in agreed_by.split(",") if n.strip()], child=child or None, seen=seen or None,
        )
    except CaseReviewError as exc:
        if exc.status == 404:
            raise
        return _page(request, store, actor, reference, (f"{field}:{child}", exc), exc.status)
    return RedirectResponse(f"/reviews/{reference}/compare", status_code=303)


@router.get("/api/reviews/{reference}/compare", response_model=Comparison, tags=["coding"])
def compare_api(store: StoreDep, actor: Comparer, reference: str) -> Comparison:
    """Field by field: each coder's value (hidden from a coder who has not coded the field
    yet), whether they agree, and any consensus with who agreed it."""
    return compare(store, actor, reference)


class Consensus(BaseModel):
    codebook: str
    field: str
    value: str
    agreed_by: list[str] = []
    child: str | None = None
    seen: str | None = None  # the consensus you saw; None when there was none


@router.post("/api/reviews/{reference}/consensus", response_model=CodeView, tags=["coding"])
def consensus_api(store: StoreDep, actor: Comparer, reference: str, body: Consensus) -> CodeView:
    return agree(
        store, actor, reference, body.codebook, body.field, body.value, body.agreed_by,
        child=body.child, seen=body.seen,
    )
