"""One rounding for every output: half up on the exact value (casereview.numbers).

The old behaviour each test guards against: HTML rounding the float 0.285 * 100 (28.4999...)
down to 28%, the workbook using Python's half-to-even round (6.25 -> 6.2), sentences with a
third rule (`:.0f`), p-values printed as 0, and no note where rounded percentages do not
add to 100.
"""

from __future__ import annotations

import io
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from casereview import numbers
from casereview.analysis.table import ResultTable
from casereview.reports.observations import Share


def test_57_of_200_is_29_percent_from_ints_and_from_the_float() -> None:
    assert 0.285 * 100 < 28.5  # the float the old HTML path rounded down
    assert numbers.fmt_pct(numbers.percent(57, 200)) == "29%"
    assert numbers.fmt_pct(0.285 * 100) == "29%"
    assert numbers.fmt_pct(np.float64(0.285) * 100) == "29%"


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (6.25, 1, "6.3"),  # round(6.25, 1) == 6.2
        (Fraction(25, 4), 1, "6.3"),
        (13.25, 1, "13.3"),  # 001 Table 5 prints 13.25 as 13.3
        (0.125, 2, "0.13"),
        (2.5, 0, "3"),  # round(2.5) == 2
        (-2.5, 0, "-3"),
        (Decimal("1.005"), 2, "1.01"),
        (1.005, 2, "1.01"),  # binary 1.00499999...
        (28.4, 0, "28"),
        (7, 1, "7.0"),
    ],
)
def test_half_up(value: object, decimals: int, expected: str) -> None:
    assert str(numbers.round_half_up(value, decimals)) == expected


def test_fmt_number_defaults() -> None:
    assert numbers.fmt_number(16.0) == "16"
    assert numbers.fmt_number(np.int64(16)) == "16"
    assert numbers.fmt_number(12.25) == "12.3"
    assert numbers.fmt_number(np.nan) == "\u2013"
    assert numbers.fmt_number(None) == "\u2013"


def test_share_states_its_denominator() -> None:
    assert numbers.fmt_share(27, 97, "reviews") == "28% (27 of 97 reviews)"
    assert numbers.fmt_share(57, 200) == "29% (57 of 200)"
    assert numbers.fmt_share(3, 0, "reviews") == "3 of 0 reviews"


@pytest.mark.parametrize(
    ("p", "expected"),
    [
        (0.0, "<0.001"),
        (1e-12, "<0.001"),
        (0.0009999, "<0.001"),
        (0.001, "0.001"),
        (0.0954, "0.095"),
        (0.4857143, "0.486"),
        (0.0785, "0.079"),
        (1.0, "1.000"),
    ],
)
def test_p_values_never_print_as_zero(p: float, expected: str) -> None:
    assert numbers.fmt_p(p) == expected


def test_rounded_sum_note() -> None:
    thirds = [Fraction(100, 3)] * 3
    assert numbers.rounded_sum_note(thirds) == (
        "Percentages are rounded and add to 99% rather than 100%."
    )
    assert numbers.rounded_sum_note([50, 50]) is None
    assert numbers.rounded_sum_note([Fraction(100, 3)] * 3, 1) == (
        "Percentages are rounded and add to 99.9% rather than 100%."
    )


def _freq(counts: list[int]) -> ResultTable:
    labels = [f"c{i}" for i in range(len(counts))]
    total = sum(counts)
    data = pd.DataFrame({"n": counts}, index=labels)
    pct = pd.DataFrame({"n": [100 * c / total for c in counts]}, index=labels)
    return ResultTable(
        "t", "T", data, "reviews", total, "frequency", percent=pct, percent_basis="total"
    )


def test_table_cells_round_half_up_and_note_when_percentages_do_not_add() -> None:
    t = _freq([57, 143])
    assert list(t.display()["n"]) == ["57 (29%)", "143 (72%)"]  # 28.5 -> 29, 71.5 -> 72
    assert t.rounding_note() == "Percentages are rounded and add to 101% rather than 100%."
    assert _freq([1, 1, 1]).rounding_note() == (
        "Percentages are rounded and add to 99% rather than 100%."
    )
    assert _freq([1, 3]).rounding_note() is None


def test_multi_answer_tables_get_no_rounding_note() -> None:
    t = _freq([1, 1, 1]).replace(kind="multi")
    assert t.rounding_note() is None


def test_sentence_percentage_comes_from_count_and_denominator() -> None:
    # The table's float says 28.4999...; the sentence reads 57 of 200 exactly.
    s = Share("Neglect", 57.0, 0.285 * 100, 200)
    assert s.pct == "29%"


def test_workbook_holds_the_figures_the_report_prints() -> None:
    from casereview.reports.xlsx import _cell

    data = pd.DataFrame({"Mean": [6.25, 13.25, 4.0]}, index=["a", "b", "c"])
    t = ResultTable("m", "Means", data, "reviews", 3, "summary")
    assert [_cell(t, r, "Mean", "value") for r in data.index] == [6.3, 13.3, 4]
    f = _freq([57, 143])
    assert _cell(f, "c0", "n", "percent") == 29.0
    assert _cell(f, "c1", "n", "percent") == 72.0


def test_workbook_number_formats_match_the_rounding() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from casereview.reports.model import Cohort, Exhibit, Methodology, Section, StudyReport
    from casereview.reports.xlsx import render_xlsx

    data = pd.DataFrame({"Mean": [6.25]}, index=["All"])
    t = ResultTable("m", "Means", data, "reviews", 1, "summary")
    f = _freq([57, 143])
    report = StudyReport(
        title="R",
        subtitle="",
        cohort=Cohort(reviews=1, children=1),
        codebook="x",
        sections=(
            Section(
                "s",
                1,
                "S",
                exhibits=(Exhibit("table", 1, t, "Means"), Exhibit("table", 2, f, "Freq")),
            ),
        ),
        methodology=Methodology("x", "x", "", (), (), (), ()),
    )
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
    mean = book["Table 1"]["B4"]
    assert (mean.value, mean.number_format) == (6.3, "0.0")
    pct = book["Table 2"]["C4"]
    assert (pct.value, pct.number_format) == (29, "0")


def test_wilson_intervals_on_request() -> None:
    """--ci: each percentage with its Wilson 95% interval (18 of 20: 0.698966-0.972134,
    the published reference value), none on totals, none unless asked."""
    t = _freq([18, 2])
    t = t.replace(
        data=pd.concat([t.data, pd.DataFrame({"n": [20]}, index=["Total"])]),
        percent=pd.concat([t.percent, pd.DataFrame({"n": [100.0]}, index=["Total"])]),
        row_total="Total",
    )
    shown = t.display(ci=True)
    assert shown.at["c0", "n"] == "18 (90%; 70\u201397%)"
    assert shown.at["c1", "n"] == "2 (10%; 3\u201330%)"
    assert shown.at["Total", "n"] == "20 (100%)"
    assert t.display().at["c0", "n"] == "18 (90%)"
    zero = _freq([0, 5]).display(ci=True).at["c0", "n"]
    assert zero == "0 (0%; 0\u201343%)"  # Wilson upper bound for 0/5 is 0.4345


def test_workbook_carries_the_intervals_on_request() -> None:
    from casereview.reports.xlsx import _cell, _columns

    t = _freq([18, 2])
    assert [w for _h, _c, w in _columns(t)] == ["value", "percent"]
    assert [w for _h, _c, w in _columns(t, ci=True)] == ["value", "percent", "ci_low", "ci_high"]
    assert (_cell(t, "c0", "n", "ci_low"), _cell(t, "c0", "n", "ci_high")) == (70.0, 97.0)


def test_round_to_multiple_is_half_up() -> None:
    assert [numbers.round_to_multiple(v, 10) for v in (15, 25, 24, 35)] == [20, 30, 20, 40]
    assert [numbers.round_to_multiple(v, 5) for v in (7, 8, 12, 13)] == [5, 10, 10, 15]
    assert float(np.round(25 / 10) * 10) == 20.0  # what numpy's rounding gives instead
