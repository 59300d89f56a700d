"""The study report, the tables workbook and the practitioner briefing, as files to download,
and the cohort counts the dashboard shows beside them."""

from __future__ import annotations

from dataclasses import dataclass

from casereview.app.access import Actor, require
from casereview.errors import CaseReviewError
from casereview.store.case_filters import CaseFilter, filter_choices, find_cases
from casereview.store.database import Store

MEDIA = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
REPORT_KINDS = {"report": ("html", "pdf"), "tables": ("xlsx",), "briefing": ("html", "pdf")}


@dataclass(frozen=True)
class Download:
    filename: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class CohortCount:
    study: str | None  # None: the whole register
    reviews: int
    coded: int  # reviews with final codes and nothing pending
    pending: int  # reviews with suggestions waiting for a decision


def dashboard(store: Store, actor: Actor) -> list[CohortCount]:
    require(actor, "read")
    out = []
    with store.session() as s:
        studies, _ = filter_choices(s)
        for study in [None, *studies]:
            counts = [
                find_cases(s, CaseFilter(study=study, status=status), references=None, limit=0, offset=0)[0]
                for status in (None, "coded", "pending")
            ]
            out.append(CohortCount(study, *counts))
    return out


def report_file(
    store: Store, actor: Actor, kind: str, fmt: str, *, study: str | None = None,
    suppress_below: int | None = None,
) -> Download:
    """report.html|pdf (the study report), tables.xlsx (its tables), briefing.html|pdf."""
    require(actor, "read")
    if fmt not in REPORT_KINDS.get(kind, ()):
        offered = ", ".join(f"{k}.{f}" for k, fs in REPORT_KINDS.items() for f in fs)
        raise CaseReviewError(f"no download {kind}.{fmt}; there are {offered}")
    if suppress_below is not None and suppress_below < 2:
        raise CaseReviewError(f"suppress_below must be 2 or more, not {suppress_below}")
    name = f"{study or 'register'}-{kind}.{fmt}"
    if kind == "briefing":
        from casereview.reports.briefing import build_briefing
        from casereview.reports.output import render_briefing_html, render_briefing_pdf

        brief = build_briefing(store, study=study, suppress_below=suppress_below)
        data = render_briefing_html(brief).encode("utf-8") if fmt == "html" else render_briefing_pdf(brief)
        return Download(name, MEDIA[fmt], data)
    from casereview.reports.output import report_bytes
    from casereview.reports.study import build_study_report

    report = build_study_report(store, study=study, suppress_below=suppress_below)
    return Download(name, MEDIA[fmt], report_bytes(report, fmt))
