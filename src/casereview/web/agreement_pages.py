"""Agreement between coders: a page and an API call over the same application function."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from casereview.app.agreement import AgreementReport, coder_agreement
from casereview.web.deps import Reader, StoreDep
from casereview.web.render import render

router = APIRouter()


@router.get("/agreement")
def agreement_page(
    request: Request, store: StoreDep, actor: Reader, study: str | None = None, codebook: str | None = None
) -> Response:
    report = coder_agreement(store, actor, study=study or None, codebook=codebook or None)
    return render(request, "agreement.html", {"report": report, "params": {"study": study, "codebook": codebook}})


@router.get("/api/agreement", response_model=AgreementReport, tags=["analysis"])
def agreement_api(
    store: StoreDep, actor: Reader, study: str | None = None, codebook: str | None = None
) -> AgreementReport:
    """Per field and overall: units coded by two or more people, how many agreed, Cohen's
    kappa (exactly two coders) and Krippendorff's alpha (nominal, any number)."""
    return coder_agreement(store, actor, study=study or None, codebook=codebook or None)
