"""Agreement statistics against published reference values."""

from __future__ import annotations

import math

import pytest

from casereview.analysis.agreement import agreement, agreement_by_field, cohen_kappa

NAN = None


def _from_matrix(matrix: list[list[int]]) -> tuple[list[str], list[str]]:
    a: list[str] = []
    b: list[str] = []
    for i, row in enumerate(matrix):
        for j, n in enumerate(row):
            a += [str(i)] * n
            b += [str(j)] * n
    return a, b


def test_cohen_kappa_matches_the_published_value() -> None:
    # ENGINEERING.md: Cohen's kappa for [[0,4,1],[0,8,0],[0,1,5]] is 0.4842.
    a, b = _from_matrix([[0, 4, 1], [0, 8, 0], [0, 1, 5]])
    assert cohen_kappa(a, b) == pytest.approx(0.4842, abs=5e-5)
    codings = {k: {"ann": x, "ben": y} for k, (x, y) in enumerate(zip(a, b, strict=True))}
    result = agreement("f", codings)
    assert result.kappa == pytest.approx(0.4842, abs=5e-5)
    assert (result.units, result.agreed) == (19, 13)  # the diagonal: 0 + 8 + 5


def test_krippendorff_alpha_matches_the_published_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers x
    # 12 units example with missing values: nominal alpha = 0.743.
    rows = {
        "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
        "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
        "C": [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
        "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
    }
    codings = {
        u: {c: str(v[u]) for c, v in rows.items() if v[u] is not None} for u in range(12)
    }
    result = agreement("f", codings)
    assert result.alpha == pytest.approx(0.743, abs=5e-4)
    assert result.kappa is None  # four coders: Cohen's kappa does not apply
    assert (result.units, result.single) == (11, 1)  # unit 12 has one value only


def test_undefined_statistics_are_none_not_nan() -> None:
    same = {u: {"ann": "yes", "ben": "yes"} for u in range(5)}
    result = agreement("f", same)
    assert result.kappa is None and result.alpha is None and result.percent == 100.0


def test_pooled_agreement_keeps_fields_apart() -> None:
    per_field, overall = agreement_by_field({
        "a": {1: {"x": "yes", "y": "yes"}, 2: {"x": "no", "y": "yes"}},
        "b": {1: {"x": "yes", "y": "yes"}, 3: {"x": "low"}},
    })
    assert [f.name for f in per_field] == ["a", "b"]
    assert (overall.units, overall.agreed, overall.single) == (3, 2, 1)
    assert overall.alpha is not None and not math.isnan(overall.alpha)
