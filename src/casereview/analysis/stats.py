"""Statistical tests and intervals, delegated to SciPy and statsmodels (never re-derived).

- Wilson score interval for a proportion (statsmodels `proportion_confint(method="wilson")`);
- exact binomial test of a cohort proportion against a published figure with no stated
  denominator (`scipy.stats.binomtest`);
- two proportions / r x c tables: Pearson chi-square (`scipy.stats.chi2_contingency`,
  no continuity correction), or Fisher's exact test for a 2x2 table with an expected count
  below 5 (`scipy.stats.fisher_exact`);
- goodness of fit of a cohort distribution to a published one (`scipy.stats.chisquare`);
- exact Poisson (Garwood) interval for a rate per population;
- Holm's adjustment of a family of p-values (statsmodels `multipletests(method="holm")`);
- Cramér's V for a crosstab (`scipy.stats.contingency.association`);
- the Cochran-Armitage test for a trend in proportions across ordered groups (scores
  1, 2, 3, ...), the statistic R's `prop.trend.test` gives (its chi-square is z squared);
  neither SciPy nor statsmodels has it under that name, and it is four lines.

SciPy is imported lazily: it takes over a second to import and quick commands need none of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from casereview.errors import CaseReviewError
from casereview.numbers import fmt_number, fmt_p, fmt_pct


@dataclass(frozen=True)
class TestResult:
    """One test: its method, statistic, degrees of freedom (chi-square) and p-value."""

    __test__ = False  # not a pytest test class

    method: str
    statistic: float | None
    p_value: float
    dof: int | None = None
    caveat: str | None = None

    def describe(self) -> str:
        stat = "" if self.statistic is None else f", statistic {fmt_number(self.statistic, 3)}"
        dof = "" if self.dof is None else f", df {self.dof}"
        return f"{self.method}{stat}{dof}, p = {format_p(self.p_value)}"


def format_p(p: float) -> str:
    return fmt_p(p)


def wilson_ci(count: int, n: int, alpha: float = 0.05) -> tuple[float, float]:
    """Wilson score interval for count/n (as proportions, 0-1)."""
    _check_count(count, n)
    from statsmodels.stats.proportion import proportion_confint

    low, high = proportion_confint(count, n, alpha=alpha, method="wilson")
    return float(low), float(high)


def binomial_test(count: int, n: int, p0: float, alternative: str = "two-sided") -> TestResult:
    """Exact binomial test of count/n against a fixed proportion p0 (0-1)."""
    _check_count(count, n)
    if not 0 <= p0 <= 1:
        raise CaseReviewError(f"reference proportion {p0} is not between 0 and 1")
    from scipy.stats import binomtest

    res = binomtest(count, n, p0, alternative=alternative)
    return TestResult("Exact binomial test", float(res.statistic), float(res.pvalue))


def fisher_exact(table: Sequence[Sequence[int]]) -> TestResult:
    """Fisher's exact test of a 2x2 table (two-sided); statistic is the odds ratio."""
    from scipy.stats import fisher_exact as _fisher

    res = _fisher(np.asarray(table), alternative="two-sided")
    return TestResult("Fisher's exact test", float(res.statistic), float(res.pvalue))


def independence_test(table: np.ndarray | Sequence[Sequence[int]]) -> TestResult:
    """Test of no association in a contingency table of counts (empty rows/columns dropped)."""
    arr = np.asarray(table, dtype=float)
    arr = arr[arr.sum(axis=1) > 0][:, arr.sum(axis=0) > 0]
    if arr.shape[0] < 2 or arr.shape[1] < 2:
        return TestResult("No test (fewer than two non-empty rows or columns)", None, float("nan"))
    from scipy.stats import chi2_contingency

    res = chi2_contingency(arr, correction=False)
    expected = np.asarray(res.expected_freq)
    if arr.shape == (2, 2) and expected.min() < 5:
        return fisher_exact(arr.astype(int).tolist())
    caveat = _small_expected_caveat(expected)
    return TestResult(
        "Pearson chi-square test", float(res.statistic), float(res.pvalue), int(res.dof), caveat
    )


def _small_expected_caveat(expected: np.ndarray) -> str | None:
    """The usual rule of thumb: chi-square is unreliable when over 20% of expected counts are below 5."""
    small = float((expected < 5).mean())
    if small <= 0.2:
        return None
    return f"{fmt_pct(small * 100)} of expected counts are below 5: the chi-square approximation is unreliable"


def two_proportions(k1: int, n1: int, k2: int, n2: int) -> TestResult:
    """Cohort k1/n1 against a published k2/n2: chi-square, or Fisher when expected < 5."""
    _check_count(k1, n1)
    _check_count(k2, n2)
    return independence_test([[k1, n1 - k1], [k2, n2 - k2]])


def goodness_of_fit(observed: Sequence[int], proportions: Sequence[float]) -> TestResult:
    """Chi-square test of observed counts against published proportions (rescaled to 1)."""
    obs = np.asarray(observed, dtype=float)
    p = np.asarray(proportions, dtype=float)
    if obs.shape != p.shape or obs.size < 2:
        raise CaseReviewError(
            "goodness of fit needs as many proportions as categories (two or more)"
        )
    if obs.sum() == 0:
        raise CaseReviewError("goodness of fit needs at least one case")
    from scipy.stats import chisquare

    expected = obs.sum() * p / p.sum()
    res = chisquare(obs, f_exp=expected)
    caveat = _small_expected_caveat(expected)
    return TestResult(
        "Chi-square goodness-of-fit test",
        float(res.statistic),
        float(res.pvalue),
        obs.size - 1,
        caveat,
    )


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm step-down adjusted p-values (same order as given); [] for no tests."""
    if not p_values:
        return []
    from statsmodels.stats.multitest import multipletests

    return [float(p) for p in multipletests(list(p_values), method="holm")[1]]


def cramers_v(table: np.ndarray | Sequence[Sequence[int]]) -> float:
    """Cramér's V of a contingency table of counts (empty rows/columns dropped; no
    bias correction, as SPSS and `scipy.stats.contingency.association` give it)."""
    arr = np.asarray(table, dtype=float)
    arr = arr[arr.sum(axis=1) > 0][:, arr.sum(axis=0) > 0]
    if arr.shape[0] < 2 or arr.shape[1] < 2:
        return float("nan")
    from scipy.stats.contingency import association

    return float(association(arr.astype(np.int64), method="cramer", correction=False))


def trend_test(successes: Sequence[int], totals: Sequence[int]) -> TestResult:
    """Cochran-Armitage test for a linear trend in proportions over ordered groups
    (scores 1, 2, 3, ...): does the share change steadily from group to group?"""
    k = np.asarray(successes, dtype=float)
    n = np.asarray(totals, dtype=float)
    if k.shape != n.shape or k.size < 2:
        raise CaseReviewError(
            "a trend test needs two or more groups, each with a count and a total"
        )
    for a, b in zip(k, n, strict=True):
        _check_count(int(a), int(b))
    keep = n > 0
    k, n = k[keep], n[keep]
    if k.size < 2 or k.sum() in (0, n.sum()):
        return TestResult("No test (no variation to test)", None, float("nan"))
    scores = np.arange(1, k.size + 1, dtype=float)[: k.size]
    big_n, p_bar = n.sum(), k.sum() / n.sum()
    t = float(np.sum(scores * (k - n * p_bar)))
    var = p_bar * (1 - p_bar) * (np.sum(n * scores**2) - np.sum(n * scores) ** 2 / big_n)
    from scipy.stats import norm

    z = t / float(np.sqrt(var))
    return TestResult("Cochran-Armitage test for trend", z, float(2 * norm.sf(abs(z))))


def poisson_ci(count: int, alpha: float = 0.05) -> tuple[float, float]:
    """Exact (Garwood) interval for a Poisson count."""
    if count < 0:
        raise CaseReviewError(f"a count cannot be negative ({count})")
    from scipy.stats import chi2

    low = 0.0 if count == 0 else float(chi2.ppf(alpha / 2, 2 * count) / 2)
    high = float(chi2.ppf(1 - alpha / 2, 2 * (count + 1)) / 2)
    return low, high


def _check_count(count: int, n: int) -> None:
    if n <= 0 or count < 0 or count > n:
        raise CaseReviewError(f"a proportion needs 0 <= count <= n and n > 0 (got {count}/{n})")
