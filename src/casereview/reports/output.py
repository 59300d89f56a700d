"""Writing a report or briefing to a file, the format chosen by the file's extension."""

from __future__ import annotations

from pathlib import Path

from casereview.errors import CaseReviewError
from casereview.reports.briefing import Briefing, render_briefing_html, render_briefing_pdf
from casereview.reports.model import StudyReport

REPORT_FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf", ".xlsx": "xlsx"}
BRIEFING_FORMATS = {".html": "html", ".htm": "html", ".pdf": "pdf"}


def output_format(path: Path, formats: dict[str, str], what: str) -> str:
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        raise CaseReviewError(
            f"cannot write a {what} as {path.name!r}: the extension must be one of "
            + ", ".join(sorted(formats))
        )
    return fmt


def report_bytes(report: StudyReport, fmt: str) -> bytes:
    if fmt == "html":
        from casereview.reports.html import render_html

        return render_html(report).encode("utf-8")
    if fmt == "pdf":
        from casereview.reports.pdf import render_pdf

        return render_pdf(report)
    from casereview.reports.xlsx import render_xlsx

    return render_xlsx(report)


def write_report(report: StudyReport, path: Path | str) -> Path:
    """report.html, report.pdf or tables.xlsx; the file is replaced only once it is complete."""
    path = Path(path)
    data = report_bytes(report, output_format(path, REPORT_FORMATS, "study report"))
    return _write(path, data)


def write_briefing(briefing: Briefing, path: Path | str) -> Path:
    path = Path(path)
    fmt = output_format(path, BRIEFING_FORMATS, "briefing")
    data = (
        render_briefing_html(briefing).encode("utf-8")
        if fmt == "html"
        else render_briefing_pdf(briefing)
    )
    return _write(path, data)


def _write(path: Path, data: bytes) -> Path:
    from casereview.io.atomic import write_bytes

    return write_bytes(path, data)
