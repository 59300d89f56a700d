"""Study report -> one self-contained HTML page (styles inline, charts as SVG data URIs).

The same page, printed under the A4 rules of `report.css`, is the PDF (see `pdf.py`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import jinja2
import markupsafe

from casereview import numbers
from casereview.reports import citations
from casereview.reports.charts import chart_data_uri
from casereview.reports.model import StudyReport
from casereview.reports.tableview import table_view


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("casereview.reports", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    # Templates print figures through the one formatter, as tables and sentences do.
    env.filters["pct"] = numbers.fmt_pct
    env.filters["num"] = numbers.fmt_number
    return env


def stylesheet(name: str) -> str:
    return resources.files("casereview.reports").joinpath("templates", name).read_text("utf-8")


def render_html(report: StudyReport, *, chart_format: str = "svg") -> str:
    """The report as one HTML document that needs no other file to display.

    Charts are SVG by default (sharp at any zoom); the PDF asks for PNG, which it lays out
    several times faster."""
    views = {
        e.anchor: table_view(e.table, row_header=e.row_header, percent=e.percent, ci=report.ci)
        for e in report.exhibits()
    }
    charts = {
        e.anchor: chart_data_uri(e.table, fmt=chart_format) for e in report.exhibits("figure")
    }
    template = environment().get_template("report.html.j2")
    page = template.render(report=report, views=views, charts=charts, css=stylesheet("report.css"))
    return with_references(page)


REFERENCES_MARK = "<!--references-->"


def with_references(page: str) -> str:
    """Documents cited by author and year, and the list of those cited at the mark."""
    cited = set(citations.cited_ids(page))
    items = "".join(f"<li>{markupsafe.escape(r)}</li>" for r in citations.references(cited))
    return citations.cite(page.replace(REFERENCES_MARK, items))
