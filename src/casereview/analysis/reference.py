"""Published reference figures, and comparisons of a cohort with them.

The library (`reference_figures.yaml` beside this module) holds figures typed from the
reference documents, each with its document, section and population. A comparison gives
the cohort's proportion with a Wilson 95% interval and a test chosen by what the reference
publishes:
- a proportion with its denominator (the numerator as published, or else the whole number
  of that denominator that gives the published percentage): two-sample test (Pearson
  chi-square, or Fisher's exact test when an expected count is below 5). Testing such a
  figure as a fixed value ignores its own sampling error and overstates the evidence
  (domestic abuse in 69 of 97 Cafcass cases against 59% of 278 SCRs: p 0.017 one-sample,
  0.034 two-sample);
- a proportion without a denominator (a national percentage): exact binomial test;
- a distribution over categories (the national age profile of 004): chi-square goodness of fit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from casereview import numbers
from casereview.analysis import stats
from casereview.analysis.bands import PRESETS
from casereview.analysis.frequency import units
from casereview.analysis.members import Members, unit_ids
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
    def published_count(self) -> tuple[int, int, bool] | None:
        """(numerator, denominator, derived) of the published figure, or None without a
        denominator. With only a percentage and its denominator, the numerator is the whole
        number whose share rounds (half up, at the printed places) to the published percentage,
        the one nearest percent x denominator; `derived` says it was not printed."""
        if self.numerator is not None and self.denominator:
            return self.numerator, self.denominator, False
        if self.percent is None or not self.denominator:
            return None
        d = self.denominator
        places = _places(self.percent)
        target = Fraction(str(self.percent))
        exact = [
            k
            for k in range(d + 1)
            if Fraction(str(numbers.round_half_up(numbers.percent(k, d), places))) == target
        ]
        centre = target * d / 100
        best = min(exact or range(d + 1), key=lambda k: (abs(k - centre), k))
        return best, d, True

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


def _places(value: float) -> int:
    """Decimal places a published percentage was printed with (36 -> 0, 9.2 -> 1)."""
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


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
    adjusted_p: float | None = None  # Holm-adjusted across the comparisons of one report

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
    published = ref.published_count
    if published is not None:
        k2, n2, _ = published
        test = stats.two_proportions(count, n, k2, n2)
        ref_ci: tuple[float, float] | None = stats.wilson_ci(k2, n2, alpha)
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
    sets: dict[str, tuple[str, np.ndarray, np.ndarray, np.ndarray]] = {}
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
            data, present, known = _measure(frame, codebook, m)
            k, n = int(present[known].sum()), int(known.sum())
            if n == 0:
                continue
            c = compare(k, n, ref)
            unit = "reviews" if codebook.field(m.field).level == "review" else "children"
            ids = unit_ids(data, unit)
            if ids is not None:  # the units behind the row's count and total (analysis.members)
                sets[ref.label + f" [{ref.id}]"] = (unit, ids, present & known, known)
        else:
            continue
        comparisons.append(c)
    comparisons = adjust_holm(comparisons)
    for c in comparisons:
        rows[c.reference.label + f" [{c.reference.id}]"] = _row(c)
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
                "published figure whose number of reviews or children is known, a two-sample "
                "Pearson chi-square test (Fisher's exact test when an expected count is below 5); "
                "where only the percentage and its denominator were published, the count is the "
                "whole number of that denominator giving the percentage; against a percentage "
                "with no denominator, the exact binomial test; against a published distribution, "
                "the chi-square goodness-of-fit test. p-values are adjusted for the number of "
                "comparisons by Holm's method; a difference is called significant when the "
                "adjusted p-value is below 0.05."
            ),
            "Reference populations differ from the cohort (see each figure's source).",
        ),
        caveats=tuple(c.test.caveat for c in comparisons if c.test.caveat),
        extra={"comparisons": tuple(comparisons), "members": _row_members(df, sets)},
    )


def _row_members(
    df: pd.DataFrame, sets: dict[str, tuple[str, np.ndarray, np.ndarray, np.ndarray]]
) -> tuple[Members, ...]:
    """Per row, the units of 'Cohort n' and 'Cohort total' (one Members per unit kind)."""
    if "Cohort n" not in df.columns:
        return ()
    jn, jt = list(df.columns).index("Cohort n"), list(df.columns).index("Cohort total")
    by_unit: dict[str, tuple[np.ndarray, dict[tuple[int, int], np.ndarray]]] = {}
    for label, (unit, ids, count, total) in sets.items():
        i = list(df.index).index(label)
        cells = by_unit.setdefault(unit, (ids, {}))[1]
        cells[(i, jn)], cells[(i, jt)] = count, total
    return tuple(Members(u, ids, cells=cells) for u, (ids, cells) in by_unit.items())


def adjust_holm(comparisons: Sequence[Comparison]) -> list[Comparison]:
    """The comparisons with Holm-adjusted p-values (one family: one report's comparisons)."""
    tested = [i for i, c in enumerate(comparisons) if not np.isnan(c.test.p_value)]
    adjusted = stats.holm([comparisons[i].test.p_value for i in tested])
    out = list(comparisons)
    for i, p in zip(tested, adjusted, strict=True):
        out[i] = replace(out[i], adjusted_p=p)
    return out


def _row(c: Comparison) -> dict[str, object]:
    ref = c.reference
    is_prop = ref.kind == "proportion"
    published = ref.published_count if is_prop else None
    return {
        "Cohort n": c.count if is_prop else None,
        "Cohort total": c.n,
        "Cohort %": c.proportion * 100 if is_prop else None,
        "95% CI low": c.ci[0] * 100 if is_prop else None,
        "95% CI high": c.ci[1] * 100 if is_prop else None,
        "Reference %": ref.proportion * 100 if is_prop else None,
        "Reference n": published[0] if published else None,
        "Reference total": published[1] if published else None,
        "Reference n derived": bool(published and published[2]),
        "Test": c.test.method,
        "p": c.test.p_value,
        "p (Holm)": c.adjusted_p,
        "Source": ref.cite(),
    }
