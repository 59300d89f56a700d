"""Statistics against published reference values and against SciPy/statsmodels called directly;
the reference-figure library against the documents it cites."""

import re
from pathlib import Path

import pytest
from scipy.stats import binomtest, chi2_contingency, chisquare, fisher_exact
from statsmodels.stats.proportion import proportion_confint

from analysis_frames import cafcass, frame
from casereview.analysis import stats
from casereview.analysis.reference import (
    compare,
    compare_cohort,
    compare_distribution,
    library,
    reference,
)

# The five reference documents, as text (the published reports the codebooks cite).
REFERENCE_DOCS = Path(__file__).resolve().parent / "data" / "reference"


def test_wilson_interval_published_value() -> None:
    # Published reference value (Wilson 95% for 18/20), as ENGINEERING.md quotes it.
    low, high = stats.wilson_ci(18, 20)
    assert low == pytest.approx(0.698966, abs=1e-6)
    assert high == pytest.approx(0.972134, abs=1e-6)


def test_fisher_exact_published_value() -> None:
    assert stats.fisher_exact([[3, 1], [1, 3]]).p_value == pytest.approx(0.4857143, abs=1e-7)


def test_two_proportions_uses_fisher_for_small_expected_counts() -> None:
    res = stats.two_proportions(3, 4, 1, 4)
    assert res.method == "Fisher's exact test"
    assert res.p_value == pytest.approx(fisher_exact([[3, 1], [1, 3]]).pvalue)


def test_compare_with_a_published_percentage_is_an_exact_binomial_test() -> None:
    # 001 Section 5.3.1: 69 of 97 cases with domestic abuse against the Triennial 54%.
    c = compare(69, 97, "triennial_2011_14_domestic_abuse")
    assert c.test.method == "Exact binomial test"
    assert c.test.p_value == pytest.approx(binomtest(69, 97, 0.54).pvalue)
    assert c.ci == pytest.approx(proportion_confint(69, 97, method="wilson"))
    assert c.difference == pytest.approx(100 * 69 / 97 - 54)


def test_compare_with_a_published_count_is_a_chi_square_test() -> None:
    # Against 002 Section 2.6.1: 200 of 368 SCRs involved boys.
    c = compare(76, 174, "triennial_2014_17_boys")
    expected = chi2_contingency([[76, 98], [200, 168]], correction=False)
    assert c.test.method == "Pearson chi-square test"
    assert c.test.statistic == pytest.approx(expected.statistic)
    assert c.test.p_value == pytest.approx(expected.pvalue)
    assert c.reference_ci == pytest.approx(proportion_confint(200, 368, method="wilson"))


def test_distribution_against_the_national_age_profile_of_004() -> None:
    observed = {"Under 1": 30, "1 – 5": 20, "6 – 10": 10, "11 – 15": 10, "16 and over": 5}
    c = compare_distribution(observed, "national_2008_09_age_profile")
    expected = chisquare([30, 20, 10, 10, 5], f_exp=[75 * p / 100 for p in (32, 29, 15, 15, 9)])
    assert c.test.p_value == pytest.approx(expected.pvalue)
    assert c.test.dof == 4


def test_cohort_comparison_counts_the_codebook_measure() -> None:
    cases = frame(
        [
            {"risk_domestic_abuse": "high"},
            {"risk_domestic_abuse": "low"},
            {"risk_domestic_abuse": "none"},
            {"risk_domestic_abuse": None},
        ]
    )
    t = compare_cohort(cases, cafcass(), ["triennial_2011_14_domestic_abuse"])
    row = t.data.iloc[0]
    assert (row["Cohort n"], row["Cohort total"]) == (2, 3)
    assert row["p"] == pytest.approx(binomtest(2, 3, 0.54).pvalue)


def test_library_figures_are_typed_from_their_documents() -> None:
    """Every percentage and count in the library appears in the document it cites."""
    names = {p.name[:3]: p for p in REFERENCE_DOCS.glob("*.txt")}
    lib = library()
    assert len(lib) >= 40
    for fig in lib.values():
        text = names[fig.document].read_text(encoding="utf-8")
        numbers = [fig.percent, fig.numerator, fig.value] + list((fig.categories or {}).values())
        for x in numbers:
            if x is None:
                continue
            shown = f"{x:g}"
            assert re.search(rf"(?<![\d.]){re.escape(shown)}(?![\d])", text), (fig.id, shown)


def test_headline_triennial_figures() -> None:
    # 001 Section 5.3.1 and 5.3.3, as typed from the document.
    assert reference("triennial_2011_14_domestic_abuse").percent == 54
    assert reference("triennial_2011_14_toxic_trio_any").percent == 47
    assert reference("triennial_2011_14_toxic_trio_all").percent == 22
    assert reference("triennial_2011_14_neglect").percent == 55
