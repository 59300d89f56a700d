"""Acceptance: the product's own analysis output for the pooled Cafcass dataset (97 reviews,
174 children, 2009-2016) reproduces the published tables of 001 (Cafcass, Learning from
Cafcass submissions to SCRs, June 2017) number for number.

The dataset goes through the importer and the register; the tables are those the study
report shows (`analysis.catalogue.standard_tables`, and the analysis functions the report
calls for the few exhibits the catalogue leaves to it). Each cell is compared with the
value typed from the document in tests/published_tables.py, both the counts and the text
the product prints ("29 (59%)", "17.6 (12)", rounded half up as the document rounds).
Where the document contradicts itself (published_tables.INCONSISTENCIES) the published
number is asserted as printed and the product's as the consistent value."""

from __future__ import annotations

import re

import pytest

import published_tables as pub
from analysis_acceptance import (
    LAW_COLUMNS,
    Cohort,
    count,
    inconsistency,
    load_cohort,
    mean_and_cases,
    row_label,
    table,
    with_percent,
)
from casereview.analysis.bands import numeric_summary
from casereview.analysis.catalogue import LAW_ORDER
from casereview.analysis.frame import with_groups
from casereview.analysis.frequency import frequency
from casereview.analysis.scores import score_summary
from casereview.analysis.table import ResultTable, round_half_up

LAW3 = [LAW_COLUMNS[k] for k in pub.LAW3]


@pytest.fixture(scope="module")
def pooled(tmp_path_factory: pytest.TempPathFactory) -> Cohort:
    return load_cohort(tmp_path_factory.mktemp("analysis001"), "cafcass-2009-2016.csv", "2017")


def test_size(pooled: Cohort) -> None:
    # 001 Section 1.1: 97 SCR submissions involving 174 children.
    assert pooled.cases["review_id"].nunique() == pub.POOLED_SIZE["reviews"]
    assert len(pooled.cases) == pub.POOLED_SIZE["children"]


def test_table_1_submissions_per_study(pooled: Cohort) -> None:
    # The report's Table 1: reviews per study, counted once per review, studies in time order.
    t = frequency(pooled.cases, None, "study", unit="reviews")
    rows = pub.TABLE_001_1["rows"]
    assert list(t.data.index) == [*rows, "Total"]
    for study, (_timeframe, n) in rows.items():
        assert count(t, study, "n") == n, study
    assert count(t, "Total", "n") == pub.TABLE_001_1["total"][1]
    # The timeframes' years ("2009 - March 2012" ... "December 2015 – December 2016"): the
    # first and last year of each study's submissions.
    years = numeric_summary(pooled.cases, None, "year", by="study", unit="reviews").data
    for study, (timeframe, _n) in rows.items():
        span = [str(int(years.at[study, m])) for m in ("Minimum", "Maximum")]
        assert re.findall(r"\d{4}", timeframe) == span, (study, timeframe)
    assert (int(years.at["All", "Minimum"]), int(years.at["All", "Maximum"])) == (2009, 2016)


def check_score_table(t: ResultTable, columns: dict[int, str]) -> list[str]:
    """001 Table 5's cells (published column index -> product column) as the report prints
    them ("17.6 (12)", one decimal); the known inconsistent cell is checked apart."""
    t5 = pub.TABLE_001_5
    shown = t.display(decimals=1)
    assert list(t.data.index) == [label for label, _cells in t5["rows"].values()]
    wrong = []
    for key, (label, cells) in t5["rows"].items():
        for i, col in columns.items():
            if key == "all" and t5["columns"][i] == "overall":
                continue  # see test_table_5_inconsistent_overall_average
            mean, n = cells[i] if cells[i] is not None else (None, 0)
            if shown.at[label, col] != mean_and_cases(mean, n):
                wrong.append(
                    f"{label} / {col}: product {shown.at[label, col]}, published {mean} ({n})"
                )
    return wrong


def test_table_5_average_risk_rating_as_the_report_shows_it(pooled: Cohort) -> None:
    # The report shows every study and the overall average: 001's '2017' and 'overall'.
    t = table(pooled, "risk_score_by_law_type")
    assert list(t.data.columns)[-2:] == ["cafcass-2017", "Overall"]
    assert not check_score_table(t, {0: "cafcass-2017", 2: "Overall"})


def test_table_5_with_the_earlier_studies_pooled(pooled: Cohort) -> None:
    # 001 Table 5 pools the four earlier studies into one column ("2012 – 2015").
    sample = with_groups(
        pooled.cases,
        "study",
        {
            "2017": ["cafcass-2017"],
            "2012-2015": ["cafcass-2012", "cafcass-2013", "cafcass-2014", "cafcass-2015"],
        },
        "sample",
    )
    t = score_summary(sample, pooled.codebook, "law_type", across="sample", order=LAW_ORDER)
    assert list(t.data.columns) == ["2017", "2012-2015", "Overall"]
    assert not check_score_table(t, {0: "2017", 1: "2012-2015", 2: "Overall"})


def test_table_5_inconsistent_overall_average(pooled: Cohort) -> None:
    # 001 Table 5 prints 13.1 for all 97 cases; its own cells give 13.4 (INCONSISTENCIES).
    assert pub.TABLE_001_5["rows"]["all"][1][2] == (13.1, 97)
    assert inconsistency("001 Table 5")["implied"] == 13.4
    t = table(pooled, "risk_score_by_law_type")
    assert t.display(decimals=1).at["All case types", "Overall"] == "13.4 (97)"


def test_table_6_incident_type_by_law_type(pooled: Cohort) -> None:
    t6 = pub.TABLE_001_6
    t = table(pooled, "incident_type_by_law_type")
    assert list(t.data.columns) == LAW3
    labels = {key: row_label(t, key) for key in t6["rows"]}
    # The incident types in the document's order; the product adds a subtotal after each
    # group (death - direct maltreatment, death - other, death, serious harm, other).
    leaves = [r for r in t.data.index if r not in t.groups and r != t.row_total]
    assert leaves == list(labels.values())
    for key, (_label, cells) in t6["rows"].items():
        assert tuple(count(t, labels[key], c) for c in LAW3) == cells, key
    assert tuple(count(t, "Total", c) for c in LAW3) == t6["total"]
    rows = t6["rows"]
    subtotals = {
        "Total death – direct maltreatment": ("physical_abuse_fatal", "homicide"),
        "Total death – other": ("neglect_fatal", "co_sleeping"),
        "Total serious harm": ("physical_abuse_non_fatal", "neglect_non_fatal", "sexual_abuse"),
    }
    for label, keys in subtotals.items():
        expected = tuple(sum(rows[k][1][i] for k in keys) for i in range(4))
        assert tuple(count(t, label, c) for c in LAW3) == expected, label


def test_table_7_suspected_perpetrator(pooled: Cohort) -> None:
    t7 = pub.TABLE_001_7
    t = table(pooled, "perpetrator")
    assert list(t.data.index) == [label for label, _n in t7["rows"].values()] + ["Total"]
    for label, n in t7["rows"].values():
        assert count(t, label, "n") == n, label
    assert count(t, "Total", "n") == t7["total"]
    # The percentage column: the rows grouped as familial, child, extra-familial, unknown.
    groups = table(pooled, "perpetrator_group")
    printed = {
        "familial": "Familial",
        "child": "Child",
        "extra_familial_group": "Extra-familial (group)",  # the document: "Extra-familial"
        "unknown": "Unknown",
    }
    for key, pct in t7["group_percent"].items():
        assert round_half_up(float(groups.percent.at[printed[key], "n"]), 0) == str(pct), key
    assert count(groups, "Total", "n") == t7["total"]


def test_table_8_perpetrator_by_incident_type(pooled: Cohort) -> None:
    t8 = pub.TABLE_001_8
    t = table(pooled, "perpetrator_by_incident")
    columns = list(t.data.columns)
    assert len(columns) == len(t8["columns"]) + 1 and columns[-1] == "Total"
    assert list(t.data.index) == [label for label, _c in t8["rows"].values()] + ["Total"]
    for label, cells in t8["rows"].values():
        assert tuple(count(t, label, c) for c in columns[:-1]) == cells, label
    assert tuple(count(t, "Total", c) for c in columns[:-1]) == t8["total"]
    # Footnote 22: incidents where the young person was responsible are left out (10 + 1).
    assert t.extra["excluded"] == pub.TABLE_001_7["total"] - sum(t8["total"])


def levels_by_law(t: ResultTable, published: dict) -> None:
    assert list(t.data.columns) == LAW3
    assert list(t.data.index) == [label for label, _c in published["rows"].values()] + ["Total"]
    for label, cells in published["rows"].values():
        assert tuple(count(t, label, c) for c in LAW3) == cells, label
    assert tuple(count(t, "Total", c) for c in LAW3) == published["total"]


def test_table_9_domestic_abuse_by_law_type(pooled: Cohort) -> None:
    t9 = pub.TABLE_001_9
    t = table(pooled, "risk_domestic_abuse_levels_by_law_type")
    levels_by_law(t, t9)
    # "Total cases featuring risk (% of overall number of cases)": 29 (59%) ... 69 (71%).
    shown = t.display()
    printed = [with_percent(n, p) for n, p in zip(t9["total"], t9["total_percent"])]
    assert [shown.at["Total", c] for c in LAW3] == printed


def test_table_10_domestic_abuse_perpetrator_by_law_type(pooled: Cohort) -> None:
    t10 = pub.TABLE_001_10
    t = table(pooled, "da_perpetrator_by_law_type")
    levels_by_law(t, t10)
    shown = t.display()
    for key, (label, cells) in t10["rows"].items():
        assert shown.at[label, "Total"] == with_percent(cells[3], t10["total_percent"][key])
    # Section 5.3.2 says 66% male; the table (and the product) 46 of 69, 67%.
    assert pub.DOMESTIC_ABUSE_TEXT["male_percent_text"] == 66
    assert inconsistency("001 Section 5.3.2 text")["implied"] == 67
    assert shown.at["Father/male partner", "Total"] == "46 (67%)"


def test_table_11_neglect_by_law_type(pooled: Cohort) -> None:
    t11 = pub.TABLE_001_11
    t = table(pooled, "risk_neglect_levels_by_law_type")
    levels_by_law(t, t11)


def test_domestic_abuse_71_and_neglect_60_percent(pooled: Cohort) -> None:
    # 001 Section 5.3.2: "present at varied risk levels in 71% of the SCRS (n=69)";
    # Section 5.3.3: "Risk of neglect was present in 60% of SCR cases reviewed (n=58)".
    da, neglect = pub.DOMESTIC_ABUSE_TEXT, pub.NEGLECT_TEXT
    presence = table(pooled, "risk_presence").display()
    assert presence.at["Domestic abuse", "n"] == with_percent(da["cases"], da["percent"])
    assert presence.at["Neglect", "n"] == with_percent(neglect["cases"], neglect["percent"])
    # Domestic abuse was the most common risk factor.
    assert table(pooled, "risk_presence").data.index[0] == "Domestic abuse"
    # The same figures on the total rows of Tables 9 and 11.
    t9 = table(pooled, "risk_domestic_abuse_levels_by_law_type").display()
    t11 = table(pooled, "risk_neglect_levels_by_law_type").display()
    assert t9.at["Total", "Total"] == with_percent(da["cases"], da["percent"])
    assert t11.at["Total", "Total"] == with_percent(neglect["cases"], neglect["percent"])


def test_toxic_trio(pooled: Cohort) -> None:
    # 001 Section 5.3.1: all three in 28% of cases, at least one in 89%, none in eleven.
    trio = pub.TOXIC_TRIO_001
    summary = table(pooled, "toxic_trio_summary")
    assert summary.denominator == pub.POOLED_SIZE["reviews"]

    def pct(row: str) -> str:
        return round_half_up(float(summary.percent.at[row, "n"]), 0)

    assert pct("All three") == str(trio["all_three_percent"])
    assert pct("At least one") == str(trio["at_least_one_percent"])
    assert count(summary, "None", "n") == trio["none"]
    overlap = table(pooled, "toxic_trio")
    assert count(overlap, "None", "n") == trio["none"]
    assert count(overlap, "All three", "n") == count(summary, "All three", "n")
    assert count(overlap, "Total", "n") == pub.POOLED_SIZE["reviews"]


def test_table_12_gender_by_study(pooled: Cohort) -> None:
    t12 = pub.TABLE_001_12
    t = table(pooled, "gender_by_study")
    assert list(t.data.columns) == list(t12["columns"][:-1]) + ["Total"]
    assert list(t.data.index) == [label for label, _c in t12["rows"].values()] + ["Total"]
    shown = t.display()
    for label, cells in t12["rows"].values():
        assert [shown.at[label, c] for c in t.data.columns] == [with_percent(*c) for c in cells]
    assert tuple(count(t, "Total", c) for c in t.data.columns) == t12["total"]


def test_table_13_parents_age_at_first_birth(pooled: Cohort) -> None:
    # Footnote 32: parents' ages were collected since the 2014 study: 64 reviews.
    t13 = pub.TABLE_001_13
    t = table(pooled, "parent_age_first_birth")
    mothers, fathers = t.data.columns
    assert "Mother" in mothers and "Father" in fathers
    labels = [label for label, _lo, _hi in pub.AGE_BANDS_PARENTS.values()]
    assert list(t.data.index) == labels + ["Total"]
    shown = t.display()
    for key, (label, _lo, _hi) in pub.AGE_BANDS_PARENTS.items():
        assert shown.at[label, mothers] == with_percent(*t13["mothers"][key]), label
        assert shown.at[label, fathers] == with_percent(*t13["fathers"][key]), label
    assert count(t, "Total", mothers) == count(t, "Total", fathers) == t13["total"]
