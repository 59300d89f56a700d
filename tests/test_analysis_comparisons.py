"""Comparison tests and descriptive statistics against independently published values.

Old behaviour each test guards against: a published percentage with a known denominator
tested as a fixed value (one-sample binomial), no multiple-comparison control, p-values
printed as 0, and no Cramér's V or trend test."""

from __future__ import annotations

import math

import pytest
from scipy.stats import binomtest, chi2_contingency

from casereview.analysis import stats
from casereview.analysis.reference import adjust_holm, compare, reference
from casereview.numbers import fmt_p


def test_published_percentage_with_denominator_is_tested_two_sample() -> None:
    # 002 Section 2.7.1, Table 13: domestic abuse in 59% of the 278 SCR reports read.
    ref = reference("triennial_2014_17_domestic_abuse")
    assert ref.numerator is None and ref.denominator == 278 and ref.percent == 59
    k, n, derived = ref.published_count  # type: ignore[misc]
    assert derived and (k, n) == (164, 278)  # 164/278 = 58.99% -> 59%
    c = compare(69, 97, ref)
    expected = chi2_contingency([[69, 28], [164, 114]], correction=False)
    assert c.test.method == "Pearson chi-square test"
    assert c.test.p_value == pytest.approx(expected.pvalue)
    # The one-sample test overstated the evidence (0.017 against 0.034).
    assert c.test.p_value > 1.5 * binomtest(69, 97, 0.59).pvalue


def test_rebuilt_count_rounds_to_the_published_percentage() -> None:
    for fid in ("triennial_2014_17_parental_substance", "triennial_2014_17_parental_aces"):
        ref = reference(fid)
        k, n, derived = ref.published_count  # type: ignore[misc]
        assert derived
        assert round(100 * k / n) == ref.percent  # 100/278 = 35.97%; 103/278 = 37.05%


def test_percentage_without_denominator_stays_one_sample() -> None:
    c = compare(69, 97, "triennial_2011_14_domestic_abuse")  # 54%, no denominator printed
    assert c.test.method == "Exact binomial test"
    assert c.test.p_value == pytest.approx(binomtest(69, 97, 0.54).pvalue)


def test_small_expected_counts_use_fisher() -> None:
    # Fisher's exact test, two-sided, for [[3, 1], [1, 3]]: 0.4857143 (published value).
    res = stats.two_proportions(3, 4, 1, 4)
    assert res.method == "Fisher's exact test"
    assert res.p_value == pytest.approx(0.4857143, abs=1e-7)


def test_holm_wikipedia_example() -> None:
    # Holm-Bonferroni method, Wikipedia's example: p = 0.01, 0.04, 0.03, 0.005 at alpha 0.05;
    # H4 and H1 are rejected (adjusted 0.02, 0.03), H3 and H2 are not (0.06).
    adjusted = stats.holm([0.01, 0.04, 0.03, 0.005])
    assert adjusted == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert [p < 0.05 for p in adjusted] == [True, False, False, True]


def test_holm_r_p_adjust_example() -> None:
    # R: p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") -> 0.05 0.08 0.09 0.09 0.09
    assert stats.holm([0.01, 0.02, 0.03, 0.04, 0.05]) == pytest.approx(
        [0.05, 0.08, 0.09, 0.09, 0.09]
    )


def test_a_report_adjusts_its_comparisons_together() -> None:
    cs = [
        compare(69, 97, "triennial_2014_17_domestic_abuse"),
        compare(76, 174, "triennial_2014_17_boys"),
    ]
    adjusted = adjust_holm(cs)
    raw = sorted(c.test.p_value for c in cs)
    expected = sorted([min(1.0, 2 * raw[0]), max(2 * raw[0], raw[1])])
    assert sorted(c.adjusted_p for c in adjusted) == pytest.approx(expected)  # type: ignore[type-var]


def test_p_values_print_as_less_than_or_three_decimals() -> None:
    c = compare(35, 174, "triennial_2014_17_under_one")
    assert c.test.p_value < 0.001
    assert fmt_p(c.test.p_value) == "<0.001"
    assert fmt_p(0.0) == "<0.001"


def test_cochran_armitage_r_prop_trend_test_example() -> None:
    # R documentation, ?prop.trend.test: smokers c(83, 90, 129, 70) of patients
    # c(86, 93, 136, 82): X-squared = 8.2249, df = 1, p-value = 0.004132.
    res = stats.trend_test([83, 90, 129, 70], [86, 93, 136, 82])
    assert res.statistic is not None
    assert res.statistic**2 == pytest.approx(8.2249, abs=1e-4)
    assert res.p_value == pytest.approx(0.004132, abs=1e-6)


def test_trend_test_refuses_bad_counts() -> None:
    from casereview.errors import CaseReviewError

    with pytest.raises(CaseReviewError):
        stats.trend_test([5, 11], [10, 10])
    assert math.isnan(stats.trend_test([0, 0], [10, 10]).p_value)


def test_cramers_v_from_r_chisq_test_example() -> None:
    # R documentation, ?chisq.test (Agresti 2007, p. 39): party identification by gender,
    # X-squared = 30.07, df = 2, N = 2757; V = sqrt(X^2 / (N (min(r, c) - 1))) = 0.1044.
    table = [[762, 327, 468], [484, 239, 477]]
    assert stats.cramers_v(table) == pytest.approx(math.sqrt(30.07 / 2757), abs=1e-4)
    assert stats.cramers_v([[5, 0], [0, 5]]) == pytest.approx(1.0)
