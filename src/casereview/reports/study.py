"""`build_study_report`: the register -> an immutable StudyReport, ready for any renderer.

Reads the cohort once, runs the codebook's layout (every table through the analysis layer,
then small-cell suppression if asked), writes the observations from the suppressed tables,
adds the comparison with published figures if asked, and the methodology from the codebook.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pandas as pd

from casereview.analysis.table import ResultTable
from casereview.codebook.registry import CodebookRegistry
from casereview.reports.context import ReportData, load_report_data
from casereview.reports.layout import SectionSpec, assemble
from casereview.reports.layouts import layout_for
from casereview.reports.methodology import build_methodology
from casereview.reports.model import StudyReport
from casereview.store.database import Store


def suppressor(suppress_below: int | None) -> Callable[[ResultTable], ResultTable] | None:
    """The small-cell rule for `--suppress-below N` (counts 1..N-1 shown as '<N', with
    secondary suppression), or None for no suppression."""
    if suppress_below is None:
        return None
    from casereview.analysis.suppress import suppress, threshold_rule

    rule = dataclasses.replace(
        threshold_rule(suppress_below),
        description=f"counts of 1 to {suppress_below - 1} shown as '<{suppress_below}'; "
        "other cells shown as 'c' where a total would reveal them",
    )

    def apply(table: ResultTable) -> ResultTable:
        if table.kind == "summary" and table.counts is None:
            return _suppress_small_groups(table, suppress_below, rule.marker)
        return suppress(table, rule)

    return apply


def _suppress_small_groups(table: ResultTable, below: int, marker: str) -> ResultTable:
    """Statistics of a group of fewer than `below` cases (a mean, a minimum...) say too much
    about those cases: the whole row is hidden, its case count too."""
    if "Cases" not in table.data.columns:
        return table
    cases = pd.to_numeric(table.data["Cases"], errors="coerce")
    small = (cases > 0) & (cases < below)
    marks = pd.DataFrame("", index=table.data.index, columns=table.data.columns)
    marks.loc[small, :] = marker
    if not small.any():
        return table.replace(suppressed=marks, suppression=f"lt{below}")
    data = table.data.astype(float).where(~marks.ne(""))
    note = f"Groups of fewer than {below} cases are not shown."
    return table.replace(
        data=data, suppressed=marks, suppression=f"lt{below}", notes=(*table.notes, note)
    )


def build_study_report(
    store: Store,
    study: str | None = None,
    compare: str | None = None,
    suppress_below: int | None = None,
    *,
    codebook: str | None = None,
    registry: CodebookRegistry | None = None,
    rule: str | None = None,
) -> StudyReport:
    """The study report of the register (or one study of it); see module docstring."""
    data = load_report_data(store, study=study, codebook=codebook, registry=registry)
    return report_from_data(
        with_protection(data, suppress_below, rule), compare=compare, suppress_below=suppress_below
    )


def with_protection(
    data: ReportData, suppress_below: int | None = None, rule: str | None = None
) -> ReportData:
    """`data` with the report's disclosure control (all tables protected together), if asked."""
    from casereview.reports.protection import Protection, report_rule

    chosen = report_rule(suppress_below, rule)
    return data if chosen is None else dataclasses.replace(data, protect=Protection(chosen))


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
    studies = (
        f" from {len(cohort.studies)} studies"
        if len(cohort.studies) > 1
        else (f", {cohort.studies[0]}" if cohort.studies else "")
    )
    years = f" ({cohort.years})" if cohort.years else ""
    return StudyReport(
        title=layout.title(data),
        subtitle=f"{cohort.reviews} reviews concerning {cohort.children} children{studies}{years}",
        cohort=cohort,
        codebook=data.codebook.key,
        sections=built.sections,
        methodology=build_methodology(
            data.codebook,
            cohort,
            suppress_below=suppress_below,
            withheld=getattr(data.protect, "withheld", ()),
        ),
        summary=built.summary,
        suppress_below=suppress_below,
        compare=compare,
    )
