"""The dashboard: cohorts of the register with their coding progress, and report downloads."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from casereview.app.downloads import REPORT_KINDS, dashboard, report_file
from casereview.web.deps import Reader, StoreDep
from casereview.web.render import render

router = APIRouter()


@router.get("/dashboard")
def dashboard_page(request: Request, store: StoreDep, actor: Reader) -> Response:
    return render(request, "dashboard.html", {"cohorts": dashboard(store, actor), "kinds": REPORT_KINDS})


@router.get("/reports/{kind}.{fmt}")
def download(
    store: StoreDep, actor: Reader, kind: str, fmt: str,
    study: str | None = None, suppress_below: int | None = None,
) -> Response:
    """The study report (report.html|pdf), its tables (tables.xlsx) or the briefing
    (briefing.html|pdf) of the register or one study, as an attachment."""
    file = report_file(store, actor, kind, fmt, study=study or None, suppress_below=suppress_below)
    return Response(
        file.content, media_type=file.media_type,
        headers={"Content-Disposition": f'attachment; filename="{file.filename}"'},
    )
