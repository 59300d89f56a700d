"""The coding screen: the page with the evidence marked beside the suggestions' form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from casereview.app.coding import coding_screen
from casereview.app.decisions import decide
from casereview.errors import CaseReviewError, ConflictError
from casereview.web.deps import Coder, Reader, StoreDep
from casereview.web.render import render

router = APIRouter()


def _screen(
    request: Request, store: StoreDep, actor, reference: str, doc: int | None, page: int | None,  # type: ignore[no-untyped-def]
    *, errors: dict[int, CaseReviewError] | None = None, status: int = 200,
) -> Response:
    keep = next(iter(errors)) if errors else None
    screen = coding_screen(store, actor, reference, document_id=doc, page=page, keep=keep)
    return render(
        request, "coding.html",
        {"screen": screen, "errors": errors or {}, "can_code": actor.can("code")},
        status=status,
    )


@router.get("/reviews/{reference}/coding")
def coding_view(
    request: Request, store: StoreDep, actor: Reader, reference: str,
    doc: int | None = None, page: int | None = None,
) -> Response:
    return _screen(request, store, actor, reference, doc, page)


@router.post("/reviews/{reference}/codes/{code_id}")
def decide_form(
    request: Request,
    store: StoreDep,
    actor: Coder,
    reference: str,
    code_id: int,
    action: Annotated[str, Form()],
    version: Annotated[int, Form()],
    value: Annotated[str, Form()] = "",
    child: Annotated[str, Form()] = "",
    doc: Annotated[int | None, Form()] = None,
    page: Annotated[int | None, Form()] = None,
) -> Response:
    """Decide one suggestion; a bad value or a clash with someone else's save shows the
    screen again with the message beside that suggestion and nothing saved."""
    try:
        decide(
            store, actor, reference, code_id, action, version=version,
            value=value or None, child=child or None,
        )
    except ConflictError as exc:
        return _screen(request, store, actor, reference, doc, page, errors={code_id: exc}, status=409)
    except CaseReviewError as exc:
        if exc.status == 404:
            raise
        return _screen(request, store, actor, reference, doc, page, errors={code_id: exc}, status=exc.status)
    where = f"/reviews/{reference}/coding" + (f"?doc={doc}&page={page}" if doc and page else "")
    return RedirectResponse(where, status_code=303)
