"""Small-cell suppression: small counts hidden, and no hidden small count can be worked
out from what is published. The proof here is by exhaustive search (independent of the
integer programming the suppression itself uses): every whole-number filling of the hidden
cells that agrees with the shown cells, the markers and the sums is enumerated."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis_frames import cafcass, frame
from casereview.analysis.disclosure import disclosure_ranges, table_lines
from casereview.analysis.frequency import crosstab, frequency
from casereview.analysis.suppress import RULES, suppress, threshold_rule
from casereview.analysis.table import ResultTable
from casereview.errors import CaseReviewError


def table_of(matrix: list[list[int]]) -> ResultTable:
    """A cross-tabulation with row and column totals, built from a matrix of counts."""
    rows, cols = [f"r{i}" for i in range(len(matrix))], [f"c{j}" for j in range(len(matrix[0]))]
    df = pd.DataFrame(matrix, index=rows, columns=cols)
    df["Total"] = df.sum(axis=1)
    df.loc["Total"] = df.sum()
    return ResultTable(
        "m",
        "M",
        df,
        "reviews",
        int(df.at["Total", "Total"]),
        "crosstab",
        percent=df / df.loc["Total"] * 100,
        percent_basis="column",
        row_total="Total",
        col_total="Total",
    )


def cross_lines(df: pd.DataFrame) -> list[list[tuple[str, str]]]:
    """Sums of a table with margins, written out independently of the code under test."""
    inner_r = [r for r in df.index if r != "Total"]
    inner_c = [c for c in df.columns if c != "Total"]
    lines = [[(r, c) for c in inner_c] + [(r, "Total")] for r in df.index]
    lines += [[(r, c) for r in inner_r] + [("Total", c)] for c in df.columns]
    return lines


def feasible_values(t: ResultTable, lines, low: int, high: int, shared: bool) -> dict:
    """For each hidden cell, every value it can take in some filling consistent with the
    published table (exhaustive backtracking)."""
    marks = t.suppressed
    known = {
        (r, c): t.data.at[r, c]
        for r in t.data.index
        for c in t.data.columns
        if marks.at[r, c] == ""
    }
    hidden = [(r, c) for r in t.data.index for c in t.data.columns if marks.at[r, c] != ""]
    # No count exceeds the grand total; a reader who sees it knows that too.
    grand = known.get(("Total", "Total"), known.get(("Total", "n")))
    top = int(grand) + 1 if grand is not None else int(np.nansum(t.data.to_numpy(dtype=float))) + 40

    def domain(cell):
        m = marks.at[cell]
        if shared:
            return range(top)
        if m.startswith("<"):
            return range(low, high + 1)
        return [0, *range(high + 1, top)]

    domains = {cell: list(domain(cell)) for cell in hidden}
    seen: dict = {cell: set() for cell in hidden}
    assign: dict = {}

    def consistent() -> bool:
        for line in lines:
            vals = [assign.get(c, known.get(c)) for c in line]
            if any(v is None for v in vals):
                members = [v for v in vals[:-1] if v is not None]
                if vals[-1] is not None and sum(members) > vals[-1]:
                    return False
                continue
            if sum(vals[:-1]) != vals[-1]:
                return False
        return True

    def search(i: int) -> None:
        if i == len(hidden):
            for cell in hidden:
                seen[cell].add(assign[cell])
            return
        cell = hidden[i]
        for v in domains[cell]:
            assign[cell] = v
            if consistent():
                search(i + 1)
        del assign[cell]

    search(0)
    return seen


SMALL_TABLES = [
    [[3, 10], [12, 20]],
    [[3, 10, 12], [8, 2, 9], [15, 11, 20]],
    [[0, 6, 1], [7, 9, 8], [5, 0, 12]],
]


@pytest.mark.parametrize("matrix", SMALL_TABLES)
def test_no_small_cell_can_be_recovered_under_lt5(matrix) -> None:
    t = suppress(table_of(matrix), "lt5")
    original = table_of(matrix).data
    small = [
        (r, c) for r in original.index for c in original.columns if 1 <= original.at[r, c] <= 4
    ]
    assert small and all(t.suppressed.at[cell] == "<5" for cell in small)
    values = feasible_values(t, cross_lines(t.data), 1, 4, shared=False)
    for cell, vals in values.items():
        assert original.at[cell] in vals  # the truth is among the fillings
        assert len(vals) >= 2, f"hidden cell {cell} can be worked out: {vals}"


@pytest.mark.parametrize("matrix", SMALL_TABLES)
def test_no_hidden_cell_can_be_recovered_under_the_c_rule(matrix) -> None:
    t = suppress(table_of(matrix), "secondary_c")
    values = feasible_values(t, cross_lines(t.data), 1, 9, shared=True)
    assert values
    for cell, vals in values.items():
        assert len(vals) >= 2, f"hidden cell {cell} can be worked out: {vals}"


def test_a_lone_small_cell_needs_three_more_hidden() -> None:
    t = suppress(table_of([[3, 10], [12, 20]]), "lt5")
    # In a 2x2 table with totals, one hidden cell is recovered from its row or column, so
    # at least a rectangle of four cells must be hidden.
    assert (t.suppressed != "").sum().sum() >= 4
    assert t.data.isna().sum().sum() == (t.suppressed != "").sum().sum()


def test_subtotals_cannot_reveal_a_small_cell() -> None:
    cases = frame(
        [{"law_type": "private_wtfh"}] * 2
        + [{"law_type": "private_wtfh_wafh"}] * 7
        + [{"law_type": "public_s31"}] * 9
        + [{"law_type": "public_other"}] * 3
        + [{"law_type": "public_and_private"}] * 6
    )
    t = suppress(frequency(cases, cafcass(), "law_type", hierarchy="subtotals"), "lt5")
    d = t.data
    lines = [
        [
            ("Private law – WTFH only", "n"),
            ("Private law – WTFH & WAFH", "n"),
            ("Total private law", "n"),
        ],
        [("Public law – s31 only", "n"), ("Public law – others", "n"), ("Total public law", "n")],
        [
            ("Private law – WTFH only", "n"),
            ("Private law – WTFH & WAFH", "n"),
            ("Public law – s31 only", "n"),
            ("Public law – others", "n"),
            ("Public and private", "n"),
            ("Total", "n"),
        ],
    ]
    assert t.suppressed.at["Private law – WTFH only", "n"] == "<5"
    assert t.suppressed.at["Public law – others", "n"] == "<5"
    for cell, vals in feasible_values(t, lines, 1, 4, shared=False).items():
        assert len(vals) >= 2, (cell, vals)
    assert np.isnan(d.at["Private law – WTFH only", "n"])


def test_percentages_of_hidden_cells_and_hidden_bases_are_hidden() -> None:
    t = suppress(table_of([[3, 10, 12], [8, 2, 9], [15, 11, 20]]), "lt5")
    pct = t.percent
    for r in t.data.index:
        for c in t.data.columns:
            if t.suppressed.at[r, c] or t.suppressed.at["Total", c]:
                assert np.isnan(pct.at[r, c])
    assert "<5" in t.display().to_numpy()


def test_nhs_digital_rule_rounds_and_stars() -> None:
    base = table_of([[3, 10, 12], [8, 2, 9], [15, 11, 20]])
    t = suppress(base, "nhs_digital")
    marks, d = t.suppressed, t.data
    for r in d.index:
        for c in d.columns:
            true = base.data.at[r, c]
            if 1 <= true <= 7:
                assert marks.at[r, c] == "*"
            if marks.at[r, c] == "":
                assert d.at[r, c] % 5 == 0 and abs(d.at[r, c] - true) <= 2
    ranges = disclosure_ranges(d, marks, table_lines(t), RULES["nhs_digital"])
    assert all(lo < hi for lo, hi in ranges.values())
    assert t.denominator == 90  # 90 rounded to the nearest 5


def test_summary_table_means_hidden_with_their_small_counts() -> None:
    means = pd.DataFrame({"All": [18.0, 9.0, 15.0]}, index=["a", "b", "Total"])
    counts = pd.DataFrame({"All": [9, 3, 12]}, index=["a", "b", "Total"])
    t = ResultTable("s", "S", means, "reviews", 12, "summary", counts=counts, row_total="Total")
    s = suppress(t, "lt5")
    assert s.suppressed.at["b", "All"] == "<5"
    assert s.suppressed.at["a", "All"] != ""  # else 12 - 9 gives b's count
    assert np.isnan(s.data.at["b", "All"])


def test_threshold_rule_and_errors() -> None:
    r = threshold_rule(10)
    assert (r.low, r.high, r.marker) == (1, 9, "<10")
    with pytest.raises(CaseReviewError):
        suppress(table_of([[1]]), "no_such_rule")
    listing = ResultTable(
        "l", "L", pd.DataFrame({"Total": [3]}, index=["R1"]), "reviews", 1, "listing"
    )
    with pytest.raises(CaseReviewError):
        suppress(listing)


def test_suppressed_crosstab_of_a_cohort_keeps_shown_cells_exact() -> None:
    cases = frame(
        [
            {"child_gender": g, "law_type": lt}
            for g, lt in [("female", "public_s31")] * 12
            + [("male", "public_s31")] * 2
            + [("female", "private_wtfh")] * 6
            + [("male", "private_wtfh")] * 9
        ]
    )
    base = crosstab(cases, cafcass(), "child_gender", "law_type", col_hierarchy="top")
    t = suppress(base, "lt5")
    shown = t.suppressed == ""
    assert t.data.where(shown).equals(base.data.astype(float).where(shown))
    assert t.suppressed.at["Male", "Public law"] == "<5"


def test_summary_rows_over_few_cases_are_hidden_whole() -> None:
    stats = pd.DataFrame(
        {
            "Cases": [17, 3, 20],
            "Mean": [7.1, 9.0, 7.4],
            "Minimum": [0, 8, 0],
            "Maximum": [12, 10, 12],
        },
        index=["WTFH only", "WAFH", "All case types"],
    )
    t = ResultTable("r", "R", stats, "reviews", 20, "summary", row_total="All case types")
    s = suppress(t, "lt5")
    assert (s.suppressed.loc["WAFH"] == "<5").all()
    assert s.data.loc["WAFH"].isna().all()
    # 20 - 17 would give the hidden count, so the other row is hidden too.
    assert (s.suppressed.loc["WTFH only"] != "").all()
