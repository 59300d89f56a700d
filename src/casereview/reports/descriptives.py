"""Statistics printed under a table: the strength of association of a crosstab (Cramér's V
with its chi-square or Fisher test) and, for a yes/no split across studies in time order,
the Cochran-Armitage test for a trend.

They are computed from the table as printed, and only when no cell of it is hidden: a
statistic of a table with suppressed cells could give the hidden counts away.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from casereview.analysis import stats
from casereview.analysis.table import ResultTable
from casereview.numbers import fmt_number, fmt_p


def _visible(table: ResultTable) -> bool:
    return table.suppressed is None or not table.suppressed.to_numpy().astype(bool).any()


def _p(p: float) -> str:
    text = fmt_p(p)
    return f"p {text}" if text.startswith("<") else f"p = {text}"


def association_note(table: ResultTable) -> str | None:
    """'Association between the rows and columns: Cramér's V 0.21 (Pearson chi-square test,
    p = 0.012).' for a crosstab of counts with at least two rows and two columns."""
    if table.kind != "crosstab" or table.counts is not None or not _visible(table):
        return None
    body = table.body
    if body.shape[0] < 2 or body.shape[1] < 2 or body.isna().to_numpy().any():
        return None
    counts = body.to_numpy()
    if counts.sum() == 0:
        return None
    test = stats.independence_test(counts.astype(int))
    v = stats.cramers_v(counts.astype(int))
    if test.statistic is None or math.isnan(v):  # fewer than two non-empty rows or columns
        return None
    caveat = f" {test.caveat[:1].upper()}{test.caveat[1:]}." if test.caveat else ""
    return (
        f"Association between rows and columns: Cramér's V {fmt_number(v, 2)} "
        f"({test.method}, {_p(test.p_value)}).{caveat}"
    )


def trend_note(table: ResultTable, studies: Sequence[str]) -> str | None:
    """For a two-row crosstab whose columns are the cohort's studies (in time order), the
    Cochran-Armitage test of a steady change in the first row's share across them."""
    if table.kind not in ("crosstab", "trend") or table.counts is not None:
        return None
    if not _visible(table):
        return None
    body = table.body
    cols = [str(c) for c in body.columns]
    if len(cols) < 3 or cols != [s for s in studies if s in cols] or len(cols) != len(studies):
        return None
    if body.shape[0] != 2 or body.isna().to_numpy().any():
        return None
    first = [int(x) for x in body.iloc[0]]
    totals = [int(x) for x in body.sum(axis=0)]
    test = stats.trend_test(first, totals)
    if test.statistic is None:
        return None
    row = str(body.index[0])
    return (
        f"Trend across the studies in time order: Cochran-Armitage test of the share "
        f"'{row}', z = {fmt_number(test.statistic, 2)}, {_p(test.p_value)}."
    )


def statistics_notes(table: ResultTable, studies: Sequence[str]) -> tuple[str, ...]:
    return tuple(n for n in (association_note(table), trend_note(table, studies)) if n)
