"""Rates per 100,000 children by region (002 Section 2.3, Table 2)."""

import pytest
from scipy.stats import chi2

from analysis_frames import frame
from casereview.analysis.rates import load_population, rates
from casereview.errors import CaseReviewError


def test_rates_per_100000_with_exact_interval(tmp_path) -> None:
    cases = frame(
        [{"region": "North West"}] * 6
        + [{"region": "London"}] * 2
        + [{"region": "Wales"}]
        + [{"region": None}]
    )
    t = rates(cases, {"North West": 200_000, "London": 400_000})
    d = t.data
    assert d.at["North West", "Reviews"] == 6
    assert d.at["North West", "Rate per 100,000"] == pytest.approx(3.0)  # 6 / 200,000 * 100,000
    assert d.at["London", "Rate per 100,000"] == pytest.approx(0.5)
    assert d.at["All regions", "Rate per 100,000"] == pytest.approx(8 / 600_000 * 100_000)
    # Exact Poisson (Garwood) interval for 6 events, scaled to the population.
    assert d.at["North West", "95% CI low"] == pytest.approx(chi2.ppf(0.025, 12) / 2 / 2)
    assert d.at["North West", "95% CI high"] == pytest.approx(chi2.ppf(0.975, 14) / 2 / 2)
    assert t.missing == 2  # one without a region, one in a region with no population given


def test_rates_per_year(tmp_path) -> None:
    cases = frame([{"region": "North West"}] * 6)
    t = rates(cases, {"North West": 200_000}, years=3)
    assert t.data.iloc[0, 2] == pytest.approx(1.0)


def test_population_file(tmp_path) -> None:
    path = tmp_path / "pop.csv"
    path.write_text(
        'region,population,source\nNorth West,"1,600,000",ONS mid-2015\n', encoding="utf-8"
    )
    pop, source = load_population(path)
    assert pop == {"North West": 1_600_000.0} and source == "ONS mid-2015"
    path.write_text("region,population\nNorth West,many\n", encoding="utf-8")
    with pytest.raises(CaseReviewError, match="row 2"):
        load_population(path)
