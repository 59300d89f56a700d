"""HTML -> PDF with WeasyPrint (imported lazily: it takes a while to load).

The PDF is the HTML report printed with the A4 rules of the stylesheet: page numbers,
running title, contents with page references, tables and figures kept whole.
"""

from __future__ import annotations

import logging

from casereview.reports.model import StudyReport


def html_to_pdf(html: str) -> bytes:
    import weasyprint

    # WeasyPrint logs every CSS property it does not know at WARNING; they are harmless here.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint.HTML(string=html, base_url=".").write_pdf()


def render_pdf(report: StudyReport) -> bytes:
    from casereview.reports.html import render_html

    return html_to_pdf(render_html(report, chart_format="png"))
