"""`build_study_report`: the register -> an immutable StudyReport, ready for any renderer.

Reads the cohort once, runs the codebook's layout (every table through the analysis layer,
then small-cell suppression if asked), writes the observations from the suppressed tables,
adds the comparison with published figures if asked, and the methodology from the codebook.
"""

from __future__ import annotations

from collections.abc import Callable

from casereview.analysis.table import ResultTable
from casereview.codebook.registry import CodebookRegistry
from casereview.errors import CaseReviewError
from casereview.reports.context import ReportData, load_report_data
from casereview.reports.layout import SectionSpec, assemble
from casereview.reports.layouts import layout_for
from casereview.reports.methodology import build_methodology
from casereview.reports.model import StudyReport
from casereview.store.database import Store


def suppressor(suppress_below: int | None) -> Callable[[ResultTable], ResultTable] | None:
    """The small-cell rule for `--suppress-below N`, or None for no suppression."""
    if suppress_below is None:
        return None
    if suppress_below < 2:
        raise CaseReviewError(
            f"--suppress-below must be 2 or more (counts below it are hidden); got {suppress_below}"
        )
    from casereview.analysis.suppress import threshold_rule

    rule = threshold_rule(suppress_below)
    return rule.apply


def build_study_report(
    store: Store,
    study: str | None = None,
    compare: str | None = None,
    suppress_below: int | None = None,
    *,
    codebook: str | None = None,
    registry: CodebookRegistry | None = None,
) -> StudyReport:
    """The study report of the register (or one study of it); see module docstring."""
    data = load_report_data(
        store, study=study, codebook=codebook, suppress=suppressor(suppress_below), registry=registry
    )
    return report_from_data(data, compare=compare, suppress_below=suppress_below)


def report_from_data(
    data: ReportData, *, compare: str | None = None, suppress_below: int | None = None
) -> StudyReport:
    layout = layout_for(data.codebook)
    extra: list[SectionSpec] = []
    if compare is not None:
        from casereview.reports.comparison import comparison_section

        extra.append(comparison_section(compare, data))
    built = assemble(layout, data, extra)
    cohort = data.cohort
    studies = f" from {len(cohort.studies)} studies" if len(cohort.studies) > 1 else (
        f", {cohort.studies[0]}" if cohort.studies else ""
    )
    years = f" ({cohort.years})" if cohort.years else ""
    return StudyReport(
        title=layout.title(data),
        subtitle=f"{cohort.reviews} reviews concerning {cohort.children} children{studies}{years}",
        cohort=cohort,
        codebook=data.codebook.key,
        sections=built.sections,
        methodology=build_methodology(data.codebook, cohort, suppress_below=suppress_below),
        summary=built.summary,
        suppress_below=suppress_below,
        compare=compare,
    )
