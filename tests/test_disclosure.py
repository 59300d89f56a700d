"""Disclosure control over a whole publication: the attack (analysis.attack) finds what the
old table-by-table suppression gave away, and the report-wide pass (analysis.protect)
leaves it nothing: on the bundled 2017 study, on small cells, on a row of 1, 1, 1, 1, on
random cohorts drawn from the sample (a property test) and in the sentences."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_frames import cafcass, frame
from casereview.analysis.attack import audit
from casereview.analysis.frame import read_cases
from casereview.analysis.frequency import crosstab, frequency
from casereview.analysis.protect import protect_table, protect_tables
from casereview.analysis.suppress import suppress
from casereview.analysis.table import ResultTable
from casereview.codebook import default_registry
from casereview.reports.audit import check_disclosure
from casereview.reports.context import ReportData
from casereview.reports.observations import top
from casereview.reports.protection import report_rule
from casereview.reports.study import report_from_data, suppressor, with_protection

SAMPLE = Path(__file__).parents[1] / "src" / "casereview" / "data" / "cafcass-2009-2016.csv"


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return read_cases(SAMPLE, default_registry().get("cafcass-scr"))


def attack(tables: dict[str, ResultTable], below: int, cohort: dict[str, int]):  # type: ignore[no-untyped-def]
    rule = report_rule(below)
    assert rule is not None
    return audit(
        list(tables.items()),
        low=rule.low,
        high=rule.high,
        marker=rule.marker,
        secondary_marker=rule.secondary_marker,
        cohort=cohort,
    )


def linked_tables(cases: pd.DataFrame) -> dict[str, ResultTable]:
    """Tables a report prints about the same reviews: margins repeat across them."""
    cb = cafcass()
    return {
        "law": frequency(cases, cb, "law_type"),
        "incident": frequency(cases, cb, "incident_type"),
        "incident_by_law": crosstab(cases, cb, "incident_type", "law_type"),
        "study": frequency(cases, None, "study", unit="reviews"),
        "incident_by_study": crosstab(cases, cb, "incident_type", "study", percent="column"),
    }


def test_table_by_table_suppression_is_undone_by_the_rest_of_the_report(sample) -> None:  # type: ignore[no-untyped-def]
    """The old behaviour: each table protected alone, notes kept. The attack recovers hidden
    cells and finds counts stated in notes; the report-wide pass leaves it nothing."""
    cases = sample[sample["study"].astype(str) == "cafcass-2017"]
    cohort = {"reviews": int(cases["review_id"].nunique()), "children": len(cases)}
    tables = linked_tables(cases)
    rule = report_rule(4)
    assert rule is not None
    old = attack({k: suppress(t, rule) for k, t in tables.items()}, 4, cohort)
    assert any(e.reason == "interval" and e.low == e.high for e in old.exposures)
    done = protect_tables(tables, rule, cohort)
    assert attack(done.tables, 4, cohort).ok


def test_a_note_may_not_restate_a_hidden_total() -> None:
    """'Counted per review: 3 reviews ...' under a table whose total is hidden."""
    rows = [{"scr_model": m} for m in ("traditional", "scie", "scie")] + [{}, {}]
    t = frequency(frame(rows), cafcass(), "scr_model")
    assert any("3 reviews" in n for n in t.notes)
    rule = report_rule(4)
    assert rule is not None
    old = attack({"scr": suppress(t, rule)}, 4, {"reviews": 5})
    assert any(e.reason.startswith("note states a count") for e in old.exposures)
    out = protect_table(t, rule)
    assert not any("3 reviews" in n for n in out.notes)
    assert attack({"scr": out}, 4, {"reviews": 5}).ok


def test_a_row_of_ones_is_protected_not_refused() -> None:
    """1, 1, 1, 1 used to abort with 'cannot protect cell'."""
    rows = [
        {"law_type": law}
        for law in ("public_s31", "public_other", "private_wtfh", "private_wtfh_wafh")
    ]
    t = frequency(frame(rows), cafcass(), "law_type")
    rule = report_rule(4)
    assert rule is not None
    out = protect_table(t, rule)  # no exception
    assert attack({t.id: out}, 4, {}).ok
    assert suppress(t, rule).suppressed is not None  # the per-table rule no longer aborts either


def test_one_review_study_gives_nothing_away() -> None:
    rows = [{"law_type": "public_s31", "incident_type": "homicide", "study": "only"}]
    tables = linked_tables(frame(rows))
    rule = report_rule(6)
    assert rule is not None
    done = protect_tables(tables, rule, {"reviews": 1, "children": 1})
    assert attack(done.tables, 6, {"reviews": 1, "children": 1}).ok


def test_most_common_is_not_claimed_when_a_hidden_cell_could_be_larger() -> None:
    """'Sexual abuse was the most common index incident, 15 of 97' while a hidden cell was
    larger: the sentence must not be written from the visible cells alone."""
    data = pd.DataFrame({"n": [15, 20, 2, 37]}, index=["Sexual abuse", "Neglect", "Other", "Total"])
    marks = pd.DataFrame({"n": ["", "c", "<4", ""]}, index=data.index)
    t = ResultTable(
        "x",
        "X",
        data.where(marks == ""),
        "reviews",
        37,
        "frequency",
        row_total="Total",
        suppressed=marks,
        extra={"primary_marker": "<4", "suppressed_high": 3},
    )
    assert top(t) is None
    shown = t.replace(
        data=data.where(marks["n"].ne("<4").to_frame()),
        suppressed=pd.DataFrame({"n": ["", "", "<4", ""]}, index=data.index),
    )
    best = top(shown)
    assert best is not None and best.label == "Neglect"  # 20 beats any count below 4


def test_comparison_statistics_of_a_hidden_count_are_hidden(sample) -> None:  # type: ignore[no-untyped-def]
    from casereview.analysis.reference import compare_cohort

    cases = sample[sample["study"].astype(str) == "cafcass-2017"]
    t = compare_cohort(cases, cafcass(), ["triennial_2011_14_teenagers"])
    rule = report_rule(6)
    assert rule is not None
    k = int(t.data["Cohort n"].iloc[0])
    assert 1 <= k <= 5  # a small count, so the row must hide its p-value too
    leaky = t.replace(
        suppressed=pd.DataFrame("", index=t.data.index, columns=t.data.columns).assign(
            **{"Cohort n": "<6"}
        )
    )
    found = attack({"cmp": leaky}, 6, {})
    assert any(e.column == "p" for e in found.exposures)
    out = protect_table(t, rule)
    assert out.data["p"].isna().all() and attack({"cmp": out}, 6, {}).ok


@pytest.fixture(scope="module")
def review_ids(sample) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(sample["review_id"].unique())


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    size=st.integers(min_value=1, max_value=14),
    seed=st.integers(min_value=0, max_value=10_000),
    below=st.sampled_from([4, 6, 10]),
)
def test_random_cohorts_give_nothing_away(sample, review_ids, size, seed, below) -> None:  # type: ignore[no-untyped-def]
    """Random cohorts drawn from the sample (small cells, empty rows, one-review studies):
    after the report-wide pass the attack narrows no hidden small count."""
    rng = np.random.default_rng(seed)
    chosen = rng.choice(review_ids, size=size, replace=False)
    cases = sample[sample["review_id"].isin(chosen)]
    cohort = {"reviews": size, "children": len(cases)}
    rule = report_rule(below)
    assert rule is not None
    done = protect_tables(linked_tables(cases), rule, cohort)
    assert attack(done.tables, below, cohort).ok


def test_the_report_passes_its_own_check(sample) -> None:  # type: ignore[no-untyped-def]
    """The whole report on one small study: built, never refused, and its audit (every
    table, figure and comparison row) recovers nothing; withheld tables are named."""
    reg = default_registry()
    cases = sample[sample["study"].astype(str) == "cafcass-2015"]
    data = with_protection(ReportData(reg.get("cafcass-scr"), cases, None, reg), 6)
    report = report_from_data(data, compare="triennial-2011-14", suppress_below=6)
    result = check_disclosure(report, report_rule(6))  # type: ignore[arg-type]
    assert result.ok, [e.describe() for e in result.exposures]
    old = report_from_data(
        ReportData(reg.get("cafcass-scr"), cases, None, reg, suppressor(6)),
        compare="triennial-2011-14",
        suppress_below=6,
    )
    assert not check_disclosure(old, report_rule(6)).ok  # type: ignore[arg-type]


def test_the_sample_report_keeps_most_of_its_tables(sample) -> None:  # type: ignore[no-untyped-def]
    """The reader knows the printed sums, not which combinations of categories occur in the
    data, and a hidden count must keep half its marker's range: at '<4' the bundled sample
    keeps at least 22 of its 30 tables and figures (15 when the reader was assumed to know
    the combinations and any narrowing counted), and its audit still recovers nothing."""
    reg = default_registry()
    cb = reg.get("cafcass-scr")
    total = len(report_from_data(ReportData(cb, sample, None, reg)).exhibits())
    data = with_protection(ReportData(cb, sample, None, reg), 4)
    report = report_from_data(data, suppress_below=4)
    result = check_disclosure(report, report_rule(4))  # type: ignore[arg-type]
    assert result.ok, [e.describe() for e in result.exposures]
    assert result.hidden > 0
    assert len(report.exhibits()) >= 22 and total == 30
    # The cover prints the cohort's size: no table hides a total of all 97 reviews.
    for e in report.exhibits():
        t = e.table
        margins = t.row_total in t.data.index and t.col_total in t.data.columns
        if margins and t.counts is None and t.data.at[t.row_total, t.col_total] == 97:
            assert not t.suppressed.at[t.row_total, t.col_total], e.label
    counts = report.exhibits()[0].table.data
    assert counts.loc["Total", "Reviews"] == 97


def test_a_small_groups_score_sum_is_an_exposure(sample) -> None:  # type: ignore[no-untyped-def]
    """Mean x count is a score sum, and sums add up: hiding only a small group's row of the
    score table (the old suppression) leaves its scores' sum in the other rows' means and
    counts (one case: that case's own score). Hiding one more row's statistics
    (protect._hide_mean), a subtotal's too where the groups nest, leaves the sum unknown."""
    from casereview.analysis import scores
    from casereview.analysis.attack import SCORE_SUM
    from casereview.analysis.protect import _hide_mean, _publish, _start

    both = sample[sample["law_type"].astype(str) == "public_and_private"]["review_id"].unique()
    cases = sample[~sample["review_id"].isin(both[2:])]
    table = scores.score_range(cases, cafcass(), "law_type", table_id="range")
    rule = report_rule(4)
    assert rule is not None
    state = _start(table, rule)
    assert list(state.marks.index[state.marks["Cases"] != ""]) == ["Public and private"]
    old = attack({"range": _publish(state, rule, {})}, 4, {})
    assert [(e.row, e.column) for e in old.exposures if e.reason == SCORE_SUM] == [
        ("Public and private", "Mean")
    ]
    for _ in range(3):  # as protection's rounds do: one more row each time it is still known
        assert _hide_mean(state, "Public and private", rule)
        published = _publish(state, rule, {})
        if not any(e.reason == SCORE_SUM for e in attack({"range": published}, 4, {}).exposures):
            break
    else:
        raise AssertionError("the score sum is still known")
    # The rows hidden for it keep their counts and lose only their statistics.
    assert (published.data["Cases"].notna() & published.data["Mean"].isna()).sum() >= 1
    assert published.data.loc["All case types"].notna().all()


def test_a_note_loses_its_count_and_the_clause_left_empty_by_it() -> None:
    from casereview.analysis.protect_print import strip_note_counts

    keep = {"97"}  # the cohort's own size stays
    assert strip_note_counts("Number of reviews at each level; 14 reviews in all.", keep) == (
        "Number of reviews at each level."
    )
    assert strip_note_counts(
        "Percentages are of the reviews in which each was recorded (14 reviews in all).", keep
    ) == "Percentages are of the reviews in which each was recorded."
    assert strip_note_counts("Counted per review: 14 reviews with 'Law type' recorded.", keep) == (
        "Counted per review: reviews with 'Law type' recorded."
    )
    assert strip_note_counts("Number of reviews at each level; 97 reviews in all.", keep) == (
        "Number of reviews at each level; 97 reviews in all."
    )
