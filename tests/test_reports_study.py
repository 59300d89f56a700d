"""The study report built from the register: its HTML carries the published tables of 001
(and 000) number for number, its PDF opens with numbered pages, its workbook has one sheet
per table with the same numbers, and its comparison section gives the statistics SciPy and
statsmodels give. Expected values are typed from the documents (tests/published_*.py) or
computed here with SciPy/statsmodels, never read from the report code."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

import published_tables as pub
from casereview.codebook import default_registry
from casereview.reports.html import render_html
from casereview.reports.model import StudyReport
from casereview.reports.pdf import render_pdf
from casereview.reports.study import build_study_report
from casereview.reports.xlsx import render_xlsx
from report_pages import (
    count,
    html_table,
    mean_and_n,
    parse,
    pdf_pages,
    sheet_table,
    store_with,
    workbook,
)

CB = default_registry().get("cafcass-scr", "2017")
LABEL = {
    fid: {v.id: v.label for v in CB.values_of(CB.field(fid))}
    for fid in ("incident_type", "law_type", "perpetrator", "child_gender", "risk_domestic_abuse")
}
LAW_COLUMNS = {
    "public": "Public law",
    "private": "Private law",
    "public_and_private": "Public and private",
    "total": "Total",
}


@pytest.fixture(scope="module")
def pooled(tmp_path_factory: pytest.TempPathFactory) -> StudyReport:
    store = store_with(tmp_path_factory.mktemp("pooled"), "cafcass-2009-2016.csv")
    try:
        return build_study_report(store, compare="triennial-2011-14")
    finally:
        store.close()


@pytest.fixture(scope="module")
def page(pooled: StudyReport):  # type: ignore[no-untyped-def]
    return parse(render_html(pooled))


def test_tables_and_figures_numbered_in_order_and_listed(page) -> None:  # type: ignore[no-untyped-def]
    for kind in ("table", "figure"):
        captions = [
            " ".join(n.text().split()) for n in page.css(f"figure.exhibit.{kind} > figcaption")
        ]
        assert len(captions) >= (20 if kind == "table" else 6)
        numbers = [int(re.match(rf"{kind.title()} (\d+):", c).group(1)) for c in captions]
        assert numbers == list(range(1, len(captions) + 1))
        listed = [" ".join(n.text().split()) for n in page.css(f".list-of-{kind}s li")]
        assert listed == captions


def test_reviews_per_study_001_table_1(page) -> None:  # type: ignore[no-untyped-def]
    t = html_table(page, "reviews_by_study")
    assert {study: count(t[study]["Reviews"]) for study in pub.TABLE_001_1["rows"]} == {
        study: n for study, (_, n) in pub.TABLE_001_1["rows"].items()
    }
    assert count(t["Total"]["Reviews"]) == pub.TABLE_001_1["total"][1]
    assert count(t["Total"]["Children"]) == pub.POOLED_SIZE["children"]


def test_incident_type_by_proceedings_001_table_6(page) -> None:  # type: ignore[no-untyped-def]
    t = html_table(page, "incident_type_by_law_type")
    for vid, (_, published) in pub.TABLE_001_6["rows"].items():
        row = t[LABEL["incident_type"][vid]]
        assert tuple(count(row[LAW_COLUMNS[c]]) for c in pub.LAW3) == published, vid
    assert tuple(count(t["Total"][LAW_COLUMNS[c]]) for c in pub.LAW3) == pub.TABLE_001_6["total"]


def test_average_risk_ratings_001_table_5(page) -> None:  # type: ignore[no-untyped-def]
    t = html_table(page, "risk_score_by_law_type")
    labels = {
        **LABEL["law_type"],
        "public": "Total public law",
        "private": "Total private law",
        "all": "All case types",
    }
    implied = {i["where"]: i["implied"] for i in pub.INCONSISTENCIES}
    for key, (_, (in_2017, _previous, overall)) in pub.TABLE_001_5["rows"].items():
        row = t[labels[key]]
        mean, n = mean_and_n(row["Overall"])
        published = overall[0]
        if key == "all":
            # 001 prints 13.1, which its own cells rule out (published_tables.INCONSISTENCIES).
            assert published == 13.1
            published = implied["001 Table 5, All case types, Overall average risk rating"]
        assert (n, abs(mean - published) <= 0.05) == (overall[1], True), key
        if in_2017 is None:
            assert row["cafcass-2017"] == "\u2013", key
        else:
            mean, n = mean_and_n(row["cafcass-2017"])
            assert (n, abs(mean - in_2017[0]) <= 0.05) == (in_2017[1], True), key


def test_suspected_perpetrator_001_table_7(page) -> None:  # type: ignore[no-untyped-def]
    t = html_table(page, "perpetrator")
    assert {
        vid: count(t[LABEL["perpetrator"][vid]]["Number"]) for vid in pub.TABLE_001_7["rows"]
    } == {vid: n for vid, (_, n) in pub.TABLE_001_7["rows"].items()}
    groups = html_table(page, "perpetrator_group")
    assert re.search(r"\((\d+)%\)", groups["Familial"]["Number"]).group(1) == str(
        pub.TABLE_001_7["group_percent"]["familial"]
    )


@pytest.mark.parametrize(
    "table_id, published",
    [
        ("risk_domestic_abuse_levels_by_law_type", pub.TABLE_001_9),
        ("risk_neglect_levels_by_law_type", pub.TABLE_001_11),
    ],
)
def test_risk_levels_by_law_type_001_tables_9_and_11(page, table_id: str, published: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    t = html_table(page, table_id)
    for level, (label, cells) in published["rows"].items():
        assert tuple(count(t[label][LAW_COLUMNS[c]]) for c in pub.LAW3) == cells, level
    assert tuple(count(t["Total"][LAW_COLUMNS[c]]) for c in pub.LAW3) == published["total"]


def test_gender_by_study_001_table_12(page) -> None:  # type: ignore[no-untyped-def]
    t = html_table(page, "gender_by_study")
    for vid, (label, cells) in pub.TABLE_001_12["rows"].items():
        shown = [t[label][c if c != "total" else "Total"] for c in pub.TABLE_001_12["columns"]]
        assert [(count(s), int(re.search(r"\((\d+)%\)", s).group(1))) for s in shown] == list(
            cells
        ), vid


def test_parents_age_001_table_13(page) -> None:  # type: ignore[no-untyped-def]
    t = html_table(page, "parent_age_first_birth")
    bands = {k: label for k, (label, _, _) in pub.AGE_BANDS_PARENTS.items()}
    for who, column in (("mothers", "Mothers"), ("fathers", "Fathers")):
        shown = {k: t[bands[k]][column] for k in bands}
        assert {
            k: (count(v), int(re.search(r"\((\d+)%\)", v).group(1))) for k, v in shown.items()
        } == pub.TABLE_001_13[who], who
        assert count(t["Total"][column]) == pub.TABLE_001_13["total"]


def test_key_observations_are_written_from_the_numbers(page) -> None:  # type: ignore[no-untyped-def]
    said = " ".join(" ".join(li.text().split()) for li in page.css(".observations li"))
    da = pub.DOMESTIC_ABUSE_TEXT
    assert (
        f"Domestic abuse was the most common risk factor, present in {da['percent']}% of cases ({da['cases']} of 97)"
        in said
    )
    trio = pub.TOXIC_TRIO_001
    assert (
        f"{trio['all_three_percent']}% of cases (27 of 97) involved all three 'toxic trio' risk factors"
        in said
    )
    assert (
        f"At least one of the three was present in {trio['at_least_one_percent']}% of cases (86 of 97)"
        in said
    )
    assert f"{trio['none']} cases featured none of the three" in said
    assert (
        f"{pub.PERPETRATOR_TEXT['familial_percent']}% of incidents (73 of 97) were known or thought"
        in said
    )
    summary = [li.text(strip=True) for li in page.css("#summary li")]
    assert any("71% of cases" in s for s in summary)


def test_figures_are_embedded_svg_charts(page) -> None:  # type: ignore[no-untyped-def]
    figures = page.css("figure.exhibit.figure")
    ids = {f.attributes["data-table-id"] for f in figures}
    assert {
        "risk_levels",
        "risk_presence",
        "toxic_trio",
        "age_by_gender",
        "incident_groups_by_study",
    } <= ids
    for f in figures:
        src = f.css_first("img.chart").attributes["src"]
        assert src.startswith("data:image/svg+xml;base64,")
        svg = base64.b64decode(src.split(",", 1)[1]).decode("utf-8")
        assert "<svg" in svg and svg.count("<path") > 10


def test_methodology_is_generated_from_the_codebook(page) -> None:  # type: ignore[no-untyped-def]
    method = page.css_first("#methodology").text()
    # 001 Section 2: the 13 risk categories of the 2017 study.
    for category in (
        "Child protection plan",
        "Physical abuse",
        "Emotional abuse",
        "Sexual abuse",
        "Neglect",
        "Child vulnerabilities",
        "Domestic abuse",
        "Parental mental health",
        "Substance misuse",
        "Parental vulnerabilities",
        "Antagonism to/non-engagement with professionals",
        "Parental experience of abuse",
    ):
        assert category in method, category
    assert "between 0 and 39" in method  # 000 footnote 8: the maximum is 39
    assert "High (3); Medium (2); Low (1); None (0)" in method  # 000 Appendix A
    assert "Learning from Cafcass submissions to Serious Case Reviews (June 2017)" in method


def test_comparison_matches_scipy_and_statsmodels(page) -> None:  # type: ignore[no-untyped-def]
    from scipy.stats import binomtest
    from statsmodels.stats.proportion import proportion_confint

    t = html_table(page, "reference_comparison")
    da = t["Domestic abuse"]
    # 001 Section 5.3.1: domestic abuse in 69 of 97 Cafcass cases against 54% in the Triennial Review.
    assert da["This cohort"] == "69 of 97 (71%)"
    assert da["Published"] == "54%"
    low, high = proportion_confint(69, 97, alpha=0.05, method="wilson")
    assert da["95% CI"] == f"{low * 100:.0f}\u2013{high * 100:.0f}%"
    p = binomtest(69, 97, 0.54).pvalue
    assert da["p"] == ("<0.001" if p < 0.001 else f"{p:.3f}")
    trio = t["All three 'toxic trio' factors"]
    assert trio["This cohort"].startswith("27 of 97") and trio["Published"] == "22%"
    assert trio["p"] == f"{binomtest(27, 97, 0.22).pvalue:.3f}"


def test_pdf_opens_with_numbered_pages(pooled: StudyReport) -> None:
    pages = pdf_pages(render_pdf(pooled))
    assert len(pages) >= 8
    assert "Learning from Cafcass submissions" in pages[0]
    for i, text in enumerate(pages, start=1):
        assert f"Page {i} of {len(pages)}" in " ".join(text.split()), i
    text = " ".join(" ".join(pages).split())
    assert "Index incident type by type of proceedings" in text
    assert "Appendix: Methodology" in text


def test_workbook_has_one_sheet_per_table_with_the_same_numbers(pooled: StudyReport) -> None:
    book = workbook(render_xlsx(pooled))
    exhibits = pooled.exhibits()
    assert book.sheetnames == ["Contents"] + [e.label for e in exhibits]
    for e in exhibits:
        assert book[e.label]["A1"].value == e.caption
    by_id = {e.table.id: e.label for e in exhibits}
    t = sheet_table(book[by_id["incident_type_by_law_type"]])
    for vid, (_, published) in pub.TABLE_001_6["rows"].items():
        row = t[LABEL["incident_type"][vid]]
        assert tuple(row[LAW_COLUMNS[c]] for c in pub.LAW3) == published, vid
    t = sheet_table(book[by_id["risk_domestic_abuse_levels_by_law_type"]])
    assert tuple(t["Total"][LAW_COLUMNS[c]] for c in pub.LAW3) == pub.TABLE_001_9["total"]
    # The comparison sheet holds what the report prints: p as '<0.001' or three decimals
    # (a number format of one decimal had turned p = 0.02 into 0.0).
    sheet = sheet_table(book[by_id["reference_comparison"]])
    html = html_table(parse(render_html(pooled)), "reference_comparison")
    for label, row in html.items():
        assert sheet[label]["p"] == row["p"] and sheet[label]["p (Holm)"] == row["p (Holm)"]
        assert sheet[label]["This cohort"] == row["This cohort"]


def test_2014_sample_reproduces_000_tables_3_and_6(tmp_path: Path) -> None:
    store = store_with(tmp_path, "cafcass-2014.csv")
    try:
        page = parse(render_html(build_study_report(store)))
    finally:
        store.close()
    law = html_table(page, "law_type")
    labels = {**LABEL["law_type"], "public": "Total public law", "private": "Total private law"}
    assert {k: count(law[labels[k]]["Number"]) for k in pub.TABLE_000_3["rows"]} == {
        k: n for k, (_, n) in pub.TABLE_000_3["rows"].items()
    }
    scores = html_table(page, "risk_score_by_law_type")
    labels["all"] = "All case types"
    for key, (_, (_earlier, in_2014, _overall)) in pub.TABLE_000_6["rows"].items():
        mean, n = mean_and_n(scores[labels[key]]["Average"])
        assert (n, abs(mean - in_2014[0]) <= 0.05) == (in_2014[1], True), key


def test_any_codebook_gets_a_report_from_its_field_groups(tmp_path: Path) -> None:
    import pandas as pd

    from report_pages import DATA

    store = store_with(tmp_path, "triennial-sample.csv")
    try:
        report = build_study_report(store)
    finally:
        store.close()
    assert report.codebook.startswith("triennial-2014-17")
    titles = [s.title for s in report.sections]
    assert {
        "Nature of the incident",
        "Child",
        "Parental characteristics",
        "Neglect protocol",
    } <= set(titles)
    page = parse(render_html(report))
    # Counted here from the sample file: children who died, of all children.
    kids = pd.read_csv(DATA / "triennial-sample.csv", dtype=str)
    died = int((kids["fatal"] == "yes").sum())
    assert count(html_table(page, "frequency_fatal")["Yes"]["Number"]) == died
    said = " ".join(" ".join(li.text().split()) for li in page.css(".observations li"))
    assert (
        f"Death (rather than serious harm): yes in {100 * died / len(kids):.0f}% of children ({died} of {len(kids)})"
        in said
    )
    assert (
        page.css_first(
            'figure.exhibit.figure[data-table-id="present_parental-characteristics"] img'
        )
        is not None
    )


def test_every_percentage_sentence_states_its_denominator(page) -> None:  # type: ignore[no-untyped-def]
    """A sentence with a percentage also says what it divides by ('28% of cases (27 of 97)');
    the old sentences gave '28% of cases (27 cases)'."""
    items = page.css(".observations li") + page.css("#summary li")
    sentences = [
        s
        for li in items
        for s in re.split(r"(?<=\.) (?=[A-Z0-9])", " ".join(li.text().split()))
        if "%" in s
    ]
    assert sentences
    for s in sentences:
        for pct in re.finditer(r"\d+%", s):
            after = s[pct.end() :]
            before = s[: pct.start()]
            stated = re.match(r"[^.;%]*?\(?\d+ of (the )?\d+", after) or re.search(
                r"\d+ of (the )?\d+[^%]*$", before
            )
            assert stated, f"no denominator for {pct.group()} in: {s}"


def _notes(page, table_id: str) -> str:  # type: ignore[no-untyped-def]
    figure = page.css_first(f'figure.exhibit[data-table-id="{table_id}"]')
    assert figure is not None, table_id
    notes = figure.css_first(".notes")
    return " ".join(notes.text().split()) if notes is not None else ""


def test_known_inconsistencies_of_the_documents_are_noted_beside_the_table(page) -> None:  # type: ignore[no-untyped-def]
    """'Reproduces 000 Table 1' under 16 of 26 where the document prints 18 of 28 had no
    note; each inconsistency of published_tables.INCONSISTENCIES that concerns a table of the
    report is now explained under it, with the document's figures."""
    from analysis_acceptance import inconsistency

    t1 = inconsistency("000 Table 1")
    scr = _notes(page, "scr_type")
    assert "Reproduces Cafcass (2014) Table 1" in scr
    assert f"{t1['published']} submissions" in scr and f"{t1['implied']} reviews analysed" in scr
    assert count(html_table(page, "scr_type")["Total"]["Number"]) == t1["implied"]
    t5 = inconsistency("001 Table 5")
    assert f"{t5['published']}" in _notes(page, "risk_score_by_law_type")
    neglect = inconsistency("000 Table 5")
    assert f"{neglect['published']}%" in _notes(page, "incident_type_by_study")
    da = _notes(page, "da_perpetrator_by_law_type")
    assert f"{inconsistency('001 Section 5.3.2 text')['published']}%" in da
    assert f"{inconsistency('001 Executive summary')['published']}%" in da
    # A table citing no inconsistent source gets no such note.
    assert "About the source" not in _notes(page, "law_type")


def test_the_report_speaks_to_readers_not_coders(page) -> None:  # type: ignore[no-untyped-def]
    """No codebook keys, document ids, quoted field ids or comparison-set ids in what a
    reader sees; documents are cited by author and year with a reference list."""
    body = page.css_first("body")
    assert body is not None
    text = " ".join(body.text().split())
    assert "cafcass-scr" not in text and "@2017" not in text
    assert "triennial-2011-14" not in text  # the --compare set, named by its documents
    assert not re.search(r"(?<![\w.,])0\d\d (Table|Section|Figure|Chart|Appendix)", text)
    assert not re.search(r"'[a-z]+_[a-z_]+'", text)  # field ids such as 'risk_other_specify'
    assert "Reproduces Cafcass (2014) Table 6; Cafcass (2017) Table 5" in text
    refs = [" ".join(li.text().split()) for li in page.css("#methodology ul.references li")]
    assert any(r.startswith("Cafcass (2017). Learning from Cafcass submissions") for r in refs)
    assert any(r.startswith("Cafcass (2014).") for r in refs)


def test_one_share_two_denominators_is_explained(page) -> None:  # type: ignore[no-untyped-def]
    """Mothers under 21: 26 of 64 (41%) in the age-profile table, which keeps an 'Unknown'
    row (001 Table 13), and 42.6% of the 61 known ages in the summary (000 Chart 1). The
    summary says what its share is of, so the two figures are not read as one quantity."""
    profile = html_table(page, "parent_age_first_birth")
    assert profile["Under 21"]["Mothers"] == "26 (41%)"
    summary = html_table(page, "mother_age_summary")
    assert summary["All"]["Cases"] == "61" and summary["All"]["% at most 20"] == "42.6"
    assert "share of the cases with a known value" in _notes(page, "mother_age_summary")


def test_summary_statistics_keep_one_decimal(page) -> None:  # type: ignore[no-untyped-def]
    """001 Table 5 prints the private-law average as 9.0; the summary printed it as '9'."""
    spread = html_table(page, "risk_score_range")
    assert spread["Total private law"]["Mean"] == "9.0"
    assert spread["Total private law"]["Cases"] == "41"
    assert spread["All case types"]["Minimum"] == "0"
