"""Published reference figures, and comparisons of a cohort with them.

The library (`reference_figures.yaml` beside this module) holds figures typed from the
reference documents, each with its document, section and population. A comparison gives
the cohort's proportion with a Wilson 95% interval and a test chosen by what the reference
publishes:
- a proportion with its numerator and denominator: two-sample test (Pearson chi-square, or
  Fisher's exact test when an expected count is below 5);
- a proportion without a count (a national percentage): exact binomial test against it;
- a distribution over categories (the national age profile of 004): chi-square goodness of fit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from casereview.analysis import stats
from casereview.analysis.bands import PRESETS
from casereview.analysis.frequency import units
from casereview.analysis.risk import known_mask
from casereview.analysis.table import ResultTable
from casereview.codebook.model import Codebook
from casereview.errors import CaseReviewError, NotFoundError

LIBRARY = Path(__file__).with_name("reference_figures.yaml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Measure(_Strict):
    """How to count the reference's quantity in a cohort coded with `codebook`."""

    codebook: str
    field: str
    values: tuple[str, ...] = ()
    bands: str | None = Field(default=None, description="Band preset id for a numeric field")
    band: str | None = Field(default=None, description="The band that counts as present")


class ReferenceFigure(_Strict):
    id: str
    label: str
    statement: str
    document: str
    section: str
    page: int | None = None
    cites: str | None = None
    population: str
    unit: Literal["reviews", "children", "population"]
    kind: Literal["proportion", "distribution", "rate", "mean"]
    percent: float | None = None
    numerator: int | None = None
    denominator: int | None = None
    categories: dict[str, float] | None = None
    value: float | None = None
    per: int | None = None
    region: str | None = None
    note: str | None = None
    measures: tuple[Measure, ...] = ()

    @model_validator(mode="after")
    def _complete(self) -> ReferenceFigure:
        if (
            self.kind == "proportion"
            and self.percent is None
            and not (self.numerator and self.denominator)
        ):
            raise ValueError(
                f"{self.id}: a proportion needs a percent or numerator and denominator"
            )
        if self.kind == "distribution" and not self.categories:
            raise ValueError(f"{self.id}: a distribution needs categories")
        if self.kind in ("rate", "mean") and self.value is None:
            raise ValueError(f"{self.id}: a {self.kind} needs a value")
        for m in self.measures:
            if m.bands is not None and m.bands not in PRESETS:
                raise ValueError(
                    f"{self.id}: unknown bands {m.bands!r}; known: {', '.join(PRESETS)}"
                )
        return self

    @property
    def proportion(self) -> float:
        """The published proportion (0-1): from the counts when given, else the percent."""
        if self.numerator is not None and self.denominator:
            return self.numerator / self.denominator
        if self.percent is None:
            raise CaseReviewError(f"reference {self.id} is not a proportion")
        return self.percent / 100

    def cite(self) -> str:
        page = f", p. {self.page}" if self.page else ""
        cites = f" (citing {self.cites})" if self.cites else ""
        return f"{self.document} {self.section}{page}{cites}"

    def measure_for(self, codebook_id: str) -> Measure | None:
        return next((m for m in self.measures if m.codebook == codebook_id), None)


@cache
def library(path: Path = LIBRARY) -> dict[str, ReferenceFigure]:
    """All reference figures, by id (loaded once)."""
    with path.open(encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    figures = [ReferenceFigure.model_validate(item) for item in raw["figures"]]
    by_id = {f.id: f for f in figures}
    if len(by_id) != len(figures):
        raise CaseReviewError(f"{path}: duplicate reference figure ids")
    return by_id


def reference(figure_id: str) -> ReferenceFigure:
    lib = library()
    if figure_id not in lib:
        raise NotFoundError(f"no reference figure {figure_id!r}; known: {', '.join(sorted(lib))}")
    return lib[figure_id]


def for_codebook(codebook_id: str) -> list[ReferenceFigure]:
    """The figures a cohort coded with this codebook can be compared with."""
    return [f for f in library().values() if f.measure_for(codebook_id) is not None]


@dataclass(frozen=True)
class Comparison:
    """A cohort proportion (or distribution) set against one reference figure."""

    reference: ReferenceFigure
    count: int  # cohort cases with the feature (distributions: all cases compared)
    n: int  # cohort cases where it is known
    ci: tuple[float, float]  # Wilson interval of count/n (0-1)
    reference_ci: tuple[float, float] | None
    test: stats.TestResult
    observed: Mapping[str, int] | None = None  # distributions: cohort count per category

    @property
    def proportion(self) -> float:
        return self.count / self.n if self.n else float("nan")

    @property
    def difference(self) -> float:
        """Cohort minus reference, in percentage points (proportions only)."""
        if self.reference.kind != "proportion":
            return float("nan")
        return (self.proportion - self.reference.proportion) * 100


def compare(count: int, n: int, ref: ReferenceFigure | str, alpha: float = 0.05) -> Comparison:
    """A cohort's count/n against a published proportion."""
    ref = reference(ref) if isinstance(ref, str) else ref
    if ref.kind != "proportion":
        raise CaseReviewError(f"reference {ref.id} is a {ref.kind}, not a proportion")
    ci = stats.wilson_ci(count, n, alpha)
    if ref.numerator is not None and ref.denominator:
        test = stats.two_proportions(count, n, ref.numerator, ref.denominator)
        ref_ci: tuple[float, float] | None = stats.wilson_ci(ref.numerator, ref.denominator, alpha)
    else:
        test = stats.binomial_test(count, n, ref.proportion)
        ref_ci = None
    return Comparison(ref, count, n, ci, ref_ci, test)


def compare_distribution(observed: Mapping[str, int], ref: ReferenceFigure | str) -> Comparison:
    """A cohort's counts per category against a published distribution (percentages)."""
    ref = reference(ref) if isinstance(ref, str) else ref
    if ref.kind != "distribution" or ref.categories is None:
        raise CaseReviewError(f"reference {ref.id} is not a distribution")
    unknown = set(observed) - set(ref.categories)
    if unknown:
        raise CaseReviewError(
            f"categories {sorted(unknown)} are not in reference {ref.id}: {list(ref.categories)}"
        )
    cats = list(ref.categories)
    obs = [int(observed.get(c, 0)) for c in cats]
    test = stats.goodness_of_fit(obs, [ref.categories[c] for c in cats])
    n = sum(obs)
    return Comparison(
        ref, n, n, (float("nan"), float("nan")), None, test, dict(zip(cats, obs, strict=True))
    )


def cohort_counts(frame: pd.DataFrame, codebook: Codebook, measure: Measure) -> tuple[int, int]:
    """(cases with the feature, cases where it is known) for one measure."""
    _data, present, known = _measure(frame, codebook, measure)
    return int(present[known].sum()), int(known.sum())


def _measure(
    frame: pd.DataFrame, codebook: Codebook, m: Measure
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    if m.codebook != codebook.id:
        raise CaseReviewError(
            f"measure for codebook {m.codebook!r} cannot count a {codebook.id!r} cohort"
        )
    field = codebook.field(m.field)
    data = units(frame, "reviews" if field.level == "review" else "children")
    col = data[m.field]
    if m.bands is not None:
        banded = PRESETS[m.bands].cut(col)
        return data, np.asarray(banded == m.band), np.asarray(~pd.isna(banded))
    return data, col.isin(list(m.values)).to_numpy(), known_mask(col, codebook, m.field)


def compare_cohort(
    frame: pd.DataFrame,
    codebook: Codebook,
    references: Sequence[str] | None = None,
    *,
    table_id: str = "reference_comparison",
    title: str = "Comparison with published figures",
) -> ResultTable:
    """Every (or the named) reference figure measurable in this codebook, against the cohort."""
    refs = [reference(r) for r in references] if references else for_codebook(codebook.id)
    rows: dict[str, dict[str, object]] = {}
    comparisons: list[Comparison] = []
    for ref in refs:
        m = ref.measure_for(codebook.id)
        if m is None:
            raise CaseReviewError(f"reference {ref.id} has no measure for codebook {codebook.id}")
        if ref.kind == "distribution":
            if m.bands is None:
                raise CaseReviewError(f"reference {ref.id}: a distribution needs a banded measure")
            data = units(
                frame, "children" if codebook.field(m.field).level == "child" else "reviews"
            )
            counts = PRESETS[m.bands].cut(data[m.field]).value_counts()
            c = compare_distribution({str(k): int(v) for k, v in counts.items()}, ref)
        elif ref.kind == "proportion":
            k, n = cohort_counts(frame, codebook, m)
            if n == 0:
                continue
            c = compare(k, n, ref)
        else:
            continue
        comparisons.append(c)
        rows[ref.label + f" [{ref.id}]"] = _row(c)
    df = pd.DataFrame.from_dict(rows, orient="index")
    return ResultTable(
        id=table_id,
        title=title,
        data=df,
        unit="cases",
        denominator=None,
        kind="comparison",
        notes=(
            (
                "Cohort percentages with Wilson 95% confidence intervals. Tests: against a "
                "published count, Pearson chi-square (Fisher's exact test when an expected count "
                "is below 5); against a published percentage alone, the exact binomial test; "
                "against a published distribution, the chi-square goodness-of-fit test."
            ),
            "Reference populations differ from the cohort (see each figure's source).",
        ),
        caveats=tuple(c.test.caveat for c in comparisons if c.test.caveat),
        extra={"comparisons": tuple(comparisons)},
    )


def _row(c: Comparison) -> dict[str, object]:
    ref = c.reference
    is_prop = ref.kind == "proportion"
    return {
        "Cohort n": c.count if is_prop else None,
        "Cohort total": c.n,
        "Cohort %": c.proportion * 100 if is_prop else None,
        "95% CI low": c.ci[0] * 100 if is_prop else None,
        "95% CI high": c.ci[1] * 100 if is_prop else None,
        "Reference %": ref.proportion * 100 if is_prop else None,
        "Reference n": ref.numerator,
        "Reference total": ref.denominator,
        "Test": c.test.method,
        "p": c.test.p_value,
        "Source": ref.cite(),
    }
