"""The cohort a report or briefing is about, read once from the register.

Picks the codebook (the one most reviews are coded against, unless named), reads one row
per child through the analysis layer, and answers the questions layouts ask: is this field
coded at all, how many studies are there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from casereview.analysis.frame import case_frame, review_frame
from casereview.analysis.table import ResultTable
from casereview.codebook import default_registry
from casereview.codebook.model import Codebook
from casereview.codebook.registry import CodebookRegistry
from casereview.errors import CaseReviewError, NotFoundError
from casereview.reports.model import Cohort
from casereview.store.database import Store
from casereview.store.usage import codebook_usage, study_keys


@dataclass(frozen=True, eq=False)
class ReportData:
    codebook: Codebook
    cases: pd.DataFrame  # one row per child (analysis.frame.case_frame)
    study: str | None
    registry: CodebookRegistry
    # Small-cell suppression applied to every table before anything reads it, if asked for.
    suppress: Callable[[ResultTable], ResultTable] | None = None
    # Disclosure control over all of a report's tables at once (reports.protection).
    protect: (
        Callable[[Mapping[str, ResultTable], Mapping[str, int]], dict[str, ResultTable]] | None
    ) = None

    @cached_property
    def reviews(self) -> pd.DataFrame:
        return review_frame(self.cases, self.codebook)

    @cached_property
    def cohort(self) -> Cohort:
        cases = self.cases
        studies = tuple(str(s) for s in cases["study"].dropna().unique()) if len(cases) else ()
        if isinstance(cases["study"].dtype, pd.CategoricalDtype):
            present = set(studies)
            studies = tuple(str(s) for s in cases["study"].cat.categories if str(s) in present)
        years = pd.to_numeric(cases["year"], errors="coerce").dropna()
        return Cohort(
            reviews=int(cases["review_id"].nunique()),
            children=int(cases["child"].notna().sum()),
            studies=studies,
            first_year=int(years.min()) if len(years) else None,
            last_year=int(years.max()) if len(years) else None,
        )

    @cached_property
    def catalogue(self) -> dict[str, ResultTable]:
        """The analysis layer's standard tables for this cohort, by table id."""
        from casereview.analysis.catalogue import standard_tables

        return {t.id: t for t in standard_tables(self.cases, self.codebook, compare=False)}

    def has(self, *fields: str) -> bool:
        """True when every field exists in the codebook and is coded for some case."""
        for f in fields:
            if f not in self.cases.columns or not self.cases[f].notna().any():
                return False
        return True

    @property
    def several_studies(self) -> bool:
        return len(self.cohort.studies) > 1


def choose_codebook(
    store: Store, study: str | None, registry: CodebookRegistry, wanted: str | None
) -> Codebook:
    if wanted is not None:
        return registry.get(wanted)
    usage = codebook_usage(store, study)
    if not usage:
        if study is not None:
            known = study_keys(store)
            raise NotFoundError(
                f"no coded reviews in study {study!r}; studies in the register: "
                + (", ".join(known) or "none (import a case file first)")
            )
        raise CaseReviewError("the register holds no coded reviews; import a case file first")
    return registry.get(usage[0][0])


def load_report_data(
    store: Store,
    *,
    study: str | None = None,
    codebook: str | None = None,
    suppress: Callable[[ResultTable], ResultTable] | None = None,
    registry: CodebookRegistry | None = None,
) -> ReportData:
    registry = registry or default_registry()
    cb = choose_codebook(store, study, registry, codebook)
    cases = case_frame(store, cb.id, study, version=cb.version, registry=registry)
    if cases.empty:
        raise CaseReviewError(
            f"no reviews coded against {cb.key}" + (f" in study {study!r}" if study else "")
        )
    return ReportData(cb, cases, study, registry, suppress)
