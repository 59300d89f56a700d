"""The result type every analysis returns: immutable, counts apart from percentages."""

import numpy as np
import pandas as pd
import pytest

from casereview.analysis.table import ResultTable, format_number


def make() -> ResultTable:
    data = pd.DataFrame({"n": [3, 4, 7]}, index=["a", "b", "Total"])
    return ResultTable(
        "t",
        "T",
        data,
        "children",
        7,
        "frequency",
        percent=data / 7 * 100,
        percent_basis="total",
        row_total="Total",
    )


def test_table_keeps_its_own_copy_of_the_data() -> None:
    data = pd.DataFrame({"n": [1, 2]}, index=["a", "b"])
    t = ResultTable("t", "T", data, "reviews", 3, "frequency")
    data.iloc[0, 0] = 99
    assert t.data.at["a", "n"] == 1


def test_table_fields_cannot_be_reassigned() -> None:
    t = make()
    with pytest.raises(AttributeError):
        t.title = "changed"  # type: ignore[misc]


def test_display_joins_counts_and_percentages() -> None:
    shown = make().display()
    assert list(shown["n"]) == ["3 (43%)", "4 (57%)", "7 (100%)"]
    assert list(make().display(percent=False)["n"]) == ["3", "4", "7"]


def test_summary_cells_show_case_counts_in_brackets() -> None:
    means = pd.DataFrame({"2014": [18.3, np.nan]}, index=["s31", "other"])
    counts = pd.DataFrame({"2014": [9, 0]}, index=["s31", "other"])
    t = ResultTable("s", "S", means, "reviews", 9, "summary", counts=counts)
    assert list(t.display()["2014"]) == ["18.3 (9)", "\u2013"]


def test_body_drops_total_and_subtotal_rows() -> None:
    data = pd.DataFrame({"n": [1, 2, 3, 3]}, index=["a", "b", "Sub", "Total"])
    t = ResultTable(
        "t", "T", data, "reviews", 3, "frequency", row_total="Total", groups={"Sub": ("a", "b")}
    )
    assert list(t.body.index) == ["a", "b"]
    assert t.margin_rows == ("Sub", "Total")


def test_percent_needs_its_basis() -> None:
    data = pd.DataFrame({"n": [1]}, index=["a"])
    with pytest.raises(ValueError):
        ResultTable("t", "T", data, "reviews", 1, "frequency", percent=data)


def test_format_number() -> None:
    assert format_number(16.0) == "16"
    # Half up, as the publications round: 001 Table 5 prints 13.3 for the public-law-others
    # mean of 106/8 = 13.25 (Python's own formatting would give 13.2).
    assert format_number(12.25) == "12.3"
    assert format_number(13.25) == "13.3"
    assert format_number(0.125, 2) == "0.13"
    assert format_number(9.0, 1) == "9.0"
    assert format_number(np.nan) == "\u2013"
