"""`check_disclosure`: the attack (analysis.attack) run on a finished study report.

What a report publishes is its exhibits (the HTML/PDF tables and figures and the workbook's
sheets are the same tables), the cohort's size in its subtitle and the sentences written from
the protected tables. The audit collects every exhibit's table with the units behind each
count and asks, for every hidden cell, how far a reader can narrow it.
"""

from __future__ import annotations

from casereview.analysis.attack import Audit, audit
from casereview.analysis.suppress import SuppressionRule
from casereview.analysis.table import ResultTable
from casereview.reports.model import StudyReport


def published_tables(report: StudyReport) -> list[tuple[str, ResultTable]]:
    """(name, table) for every exhibit, named as a reader finds it ("Table 9 (law_type)")."""
    return [(f"{e.label} ({e.table.id})", e.table) for e in report.exhibits()]


def check_disclosure(report: StudyReport, rule: SuppressionRule) -> Audit:
    """The attack on `report` under the rule it was protected with."""
    return audit(
        published_tables(report),
        low=rule.low,
        high=rule.high,
        marker=rule.marker,
        secondary_marker=rule.secondary_marker,
        round_to=rule.round_to,
        cohort={"reviews": report.cohort.reviews, "children": report.cohort.children},
    )
