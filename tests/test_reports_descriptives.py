"""Statistics under tables: Cramér's V for crosstabs and the Cochran-Armitage trend test
across studies, checked against independent computations on published counts, and never
computed from a table with hidden cells."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency
from scipy.stats.contingency import association

import published_tables as pub
from casereview.analysis.table import ResultTable
from casereview.reports.descriptives import association_note, trend_note

STUDIES = ("cafcass-2012", "cafcass-2013", "cafcass-2014", "cafcass-2015", "cafcass-2017")


def gender_by_study(kind: str = "trend") -> ResultTable:
    rows = pub.TABLE_001_12["rows"]
    data = pd.DataFrame(
        [[n for n, _pct in rows[k][1][:5]] for k in ("female", "male")],
        index=["Female", "Male"],
        columns=list(STUDIES),
    )
    return ResultTable("gender_by_study", "Gender", data, "children", 174, kind)  # type: ignore[arg-type]


def test_trend_across_studies_matches_n_r_squared() -> None:
    """001 Table 12: girls 27/54, 17/29, 16/32, 26/38, 12/21. The Cochran-Armitage chi-square
    (R's prop.trend.test) is N r^2, r the correlation of study order and sex over children."""
    female = [27, 17, 16, 26, 12]
    totals = list(pub.TABLE_001_12["total"][:5])
    score = np.repeat(np.arange(1, 6), totals)
    girl = np.concatenate([[1] * f + [0] * (t - f) for f, t in zip(female, totals, strict=True)])
    r = np.corrcoef(score, girl)[0, 1]
    z = math.sqrt(len(girl) * r**2)
    note = trend_note(gender_by_study(), STUDIES)
    assert note is not None
    assert f"z = {z:.2f}" in note
    p = math.erfc(z / math.sqrt(2))
    assert f"p = {p:.3f}" in note


def test_cramers_v_note_matches_scipy() -> None:
    t = gender_by_study("crosstab")
    note = association_note(t)
    counts = t.data.to_numpy()
    v = association(counts, method="cramer")
    chi = chi2_contingency(counts, correction=False)
    assert note is not None
    assert f"Cramér's V {v:.2f}" in note
    assert f"p = {chi.pvalue:.3f}" in note


def test_no_statistic_from_a_table_with_hidden_cells() -> None:
    t = gender_by_study("crosstab")
    marks = pd.DataFrame("", index=t.data.index, columns=t.data.columns)
    marks.iloc[0, 1] = "*"
    hidden = t.replace(suppressed=marks)
    assert association_note(hidden) is None
    assert trend_note(hidden.replace(kind="trend"), STUDIES) is None


def test_trend_needs_the_studies_in_time_order() -> None:
    t = gender_by_study()
    assert trend_note(t, tuple(reversed(STUDIES))) is None
    assert trend_note(t.replace(kind="frequency"), STUDIES) is None


@pytest.mark.parametrize("kind", ["multi", "summary", "frequency"])
def test_no_association_for_other_tables(kind: str) -> None:
    assert association_note(gender_by_study(kind)) is None
