"""`--suppress-below 5` hides every small count in every output of the study report: the
HTML tables, the charts, the sentences, the workbook and the PDF; and no hidden cell can be
worked out from the totals printed around it (checked by integer programming on the table
as a reader sees it). The pooled sample (97 reviews) has small cells in most tables; tables
that cannot be protected are withheld (tests/test_disclosure.py checks the whole report)."""

from __future__ import annotations

import re

import matplotlib.text
import pandas as pd
import pytest

from casereview.analysis.disclosure import disclosure_ranges, table_lines
from casereview.analysis.suppress import threshold_rule
from casereview.reports.charts import draw
from casereview.reports.html import render_html
from casereview.reports.model import StudyReport
from casereview.reports.pdf import render_pdf
from casereview.reports.study import build_study_report
from casereview.reports.tableview import column_text
from casereview.reports.xlsx import render_xlsx
from report_pages import html_table, parse, pdf_pages, sheet_table, store_with, workbook

SMALL = range(1, 5)
COUNT_KINDS = ("frequency", "crosstab", "trend", "overlap", "multi")


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[StudyReport, StudyReport]:
    store = store_with(tmp_path_factory.mktemp("pooled"), "cafcass-2009-2016.csv")
    try:
        hidden = build_study_report(store, compare="triennial-2011-14", suppress_below=5)
        plain = build_study_report(store, compare="triennial-2011-14")
    finally:
        store.close()
    return hidden, plain


@pytest.fixture(scope="module")
def report(reports: tuple[StudyReport, StudyReport]) -> StudyReport:
    return reports[0]


@pytest.fixture(scope="module")
def page(report: StudyReport):  # type: ignore[no-untyped-def]
    return parse(render_html(report))


def small_counts(table_node) -> list[str]:  # type: ignore[no-untyped-def]
    """Printed cells of one HTML table that give away a count from 1 to 4."""
    kind = next(
        c.removeprefix("kind-")
        for c in table_node.attributes["class"].split()
        if c.startswith("kind-")
    )
    headers = [th.text(strip=True) for th in table_node.css("thead tr")[-1].css("th")]
    bad = []
    for tr in table_node.css("tbody tr"):
        cells = [td.text(strip=True) for td in tr.css("td")]
        named = dict(zip(headers[-len(cells) :], cells, strict=True)) if cells else {}
        for header, text in named.items():
            if kind in COUNT_KINDS:
                m = re.match(r"^(\d+)(?: \(|$)", text)
                n = int(m.group(1)) if m else None
            elif kind == "summary":
                m = re.search(r"\((\d+)\)$", text)  # a mean with its case count
                n = (
                    int(m.group(1))
                    if m
                    else (int(float(text)) if header == "Cases" and text[:1].isdigit() else None)
                )
            elif kind == "comparison" and header == "This cohort":
                m = re.match(r"^(\d+) of (\d+)", text)
                if m and int(m.group(2)) - int(m.group(1)) in SMALL:
                    bad.append(text)
                n = int(m.group(1)) if m else None
            else:
                n = None
            if n is not None and n in SMALL:
                bad.append(f"{header}: {text}")
    return bad


def test_without_suppression_the_same_tables_show_small_counts(reports) -> None:  # type: ignore[no-untyped-def]
    page = parse(render_html(reports[1]))
    assert sum(len(small_counts(t)) for t in page.css("table.data")) > 20


def test_no_html_table_shows_a_count_below_5(page) -> None:  # type: ignore[no-untyped-def]
    tables = page.css("table.data")
    assert len(tables) >= 5
    bad = {t.attributes["data-table-id"]: small_counts(t) for t in tables}
    assert not {k: v for k, v in bad.items() if v}
    markers = [td.text(strip=True) for td in page.css("table.data td.suppressed")]
    assert "<5" in markers and "c" in markers
    assert page.css_first("#suppression-note") is not None


def test_hidden_cells_cannot_be_worked_out_from_the_printed_totals(
    report: StudyReport, page
) -> None:  # type: ignore[no-untyped-def]
    rule = threshold_rule(5)
    checked = 0
    for e in report.exhibits():
        t = e.table
        if t.kind not in ("frequency", "crosstab", "trend", "overlap") or t.suppressed is None:
            continue
        if t.extra.get("dropped_rows"):
            continue  # its totals also count categories left out (test_disclosure covers it)
        lines = table_lines(t)
        if not lines or not (t.suppressed != "").any().any():
            continue
        printed = html_table(page, t.id)
        shown = pd.DataFrame(0, index=t.data.index, columns=t.data.columns)
        marks = pd.DataFrame("", index=t.data.index, columns=t.data.columns)
        for row in t.data.index:
            for col in t.data.columns:
                text = printed[str(row)][column_text(col)]
                m = re.match(r"^(\d+)", text)
                if m:
                    shown.at[row, col] = int(m.group(1))
                else:
                    marks.at[row, col] = text
        ranges = disclosure_ranges(shown, marks, lines, rule)
        # Small counts must stay hidden; a secondary 'c' is a count of 5 or more, so pinning
        # it reveals no small number.
        pinned = {c: r for c, r in ranges.items() if r[0] == r[1] and marks.at[c] == "<5"}
        assert not pinned, (t.id, pinned)
        checked += 1
    assert checked >= 2


def test_charts_show_markers_never_small_counts(report: StudyReport) -> None:
    figures = report.exhibits("figure")
    assert figures
    for e in figures:
        t = e.table
        texts = [x.get_text() for x in draw(t).findobj(matplotlib.text.Text) if x.get_text()]
        numbers = [int(s) for s in texts if s.isdigit()]
        if (t.chart.value if t.chart else "count") == "count":
            assert not [n for n in numbers if n in SMALL], (t.id, numbers)
        body = t.suppressed.loc[t.body.index, t.body.columns] if t.suppressed is not None else None
        if body is not None and (body != "").any().any():
            assert any("<5" in s or s == "c" or " c" in s for s in texts), t.id


def test_sentences_never_state_a_small_count(report: StudyReport) -> None:
    said = [o for s in report.sections for o in s.observations] + list(report.summary)
    assert said
    for sentence in said:
        assert not re.search(r"\b[1-4] (cases|children|reviews)\b", sentence), sentence
        assert not re.search(r"\(\s*[1-4]\b(?![\d.%])", sentence), sentence
        assert not re.search(r"\b[1-4] of \d", sentence), sentence


def test_workbook_shows_markers_and_no_small_counts(report: StudyReport) -> None:
    book = workbook(render_xlsx(report))
    assert "suppressed" in str(book["Contents"]["A3"].value)
    seen_markers = 0
    for e in report.exhibits():
        t = e.table
        if t.kind not in COUNT_KINDS:
            continue
        sheet = sheet_table(book[e.label])
        for row in t.data.index:
            for col in t.data.columns:
                value = sheet[str(row) if not isinstance(row, tuple) else " \u2013 ".join(row)][
                    column_text(col)
                ]
                if t.is_suppressed(row, col):
                    assert value == t.marker(row, col), (t.id, row, col)
                    seen_markers += 1
                else:
                    assert not (isinstance(value, int) and value in SMALL), (t.id, row, col, value)
    assert seen_markers > 10


def test_pdf_prints_the_same_markers(report: StudyReport) -> None:
    text = " ".join(" ".join(pdf_pages(render_pdf(report))).split())
    assert "Small numbers suppressed" in text
    assert text.count("<5") > 5
