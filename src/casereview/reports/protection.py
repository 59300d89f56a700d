"""The report's disclosure control: which rule, applied to all of a report's tables at once.

`Protection` is what `ReportData.protect` holds: called with every table of a report and the
cohort's size, it runs `analysis.protect.protect_tables` and remembers which tables had to be
withheld, so the methodology can say so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from casereview.analysis.protect import protect_tables
from casereview.analysis.suppress import RULES, SuppressionRule, threshold_rule
from casereview.analysis.table import ResultTable
from casereview.errors import CaseReviewError


def report_rule(
    suppress_below: int | None = None, rule: str | None = None
) -> SuppressionRule | None:
    """The rule for `--suppress-below N` (counts 1..N-1 shown as '<N', further hidden cells
    as 'c') or a named rule set (`nhs_digital`, `secondary_c`, `lt5`); None for neither."""
    if rule is not None and suppress_below is not None:
        raise CaseReviewError("give either --suppress-below N or --suppression-rule NAME, not both")
    if rule is not None:
        if rule not in RULES:
            raise CaseReviewError(f"unknown suppression rule {rule!r}; rules: {', '.join(RULES)}")
        return RULES[rule]
    if suppress_below is None:
        return None
    return dataclasses.replace(
        threshold_rule(suppress_below),
        description=f"counts of 1 to {suppress_below - 1} shown as '<{suppress_below}'; "
        f"cells shown as 'c' are {suppress_below} or more, hidden where a total would reveal "
        "a small count",
    )


class Protection:
    def __init__(self, rule: SuppressionRule) -> None:
        self.rule = rule
        self.withheld: tuple[str, ...] = ()

    def __call__(
        self, tables: Mapping[str, ResultTable], cohort: Mapping[str, int]
    ) -> dict[str, ResultTable]:
        done = protect_tables(tables, self.rule, cohort)
        self.withheld = done.withheld
        return done.tables
