"""casereview.reports: study reports, practitioner briefings and their renderers.

Build once, render many ways (the web app calls the same functions as the CLI):

    report = build_study_report(store, study=None, compare=None, suppress_below=None)
    render_html(report) / render_pdf(report) / render_xlsx(report) / write_report(report, path)

    briefing = build_briefing(store, study=None, suppress_below=None)
    render_briefing_html(briefing) / render_briefing_pdf(briefing) / write_briefing(briefing, path)
"""

from casereview.reports.briefing import (
    Briefing,
    build_briefing,
    render_briefing_html,
    render_briefing_pdf,
)
from casereview.reports.html import render_html
from casereview.reports.model import StudyReport
from casereview.reports.output import write_briefing, write_report
from casereview.reports.pdf import render_pdf
from casereview.reports.study import build_study_report
from casereview.reports.xlsx import render_xlsx

__all__ = [
    "Briefing",
    "StudyReport",
    "build_briefing",
    "build_study_report",
    "render_briefing_html",
    "render_briefing_pdf",
    "render_html",
    "render_pdf",
    "render_xlsx",
    "write_briefing",
    "write_report",
]
