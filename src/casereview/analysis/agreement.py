"""Agreement between independent coders, per field and overall, on plain data.

A unit is one thing coded (a review, or one child of a review, for one field); each coder
gives it at most one value. Per field: how many units two or more coders coded, how many of
those they all agreed on, Cohen's kappa when exactly two coders took part (scikit-learn),
and Krippendorff's alpha for nominal data for any number of coders (the `krippendorff`
package; it allows missing values, so a coder need not code every unit). Units coded by
one person only carry no information about agreement and are counted apart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

Codings = Mapping[Any, Mapping[str, str]]  # unit (any hashable) -> coder -> value


@dataclass(frozen=True)
class Agreement:
    name: str  # the field id, or "all fields"
    coders: tuple[str, ...]
    units: int  # units coded by two or more coders
    single: int  # units coded by one coder only (left out)
    agreed: int  # units where every coder gave the same value
    kappa: float | None  # Cohen's kappa, exactly two coders; None otherwise or undefined
    alpha: float | None  # Krippendorff's alpha (nominal); None when undefined
    percent: float | None  # agreed / units, in per cent


def _finite(x: float) -> float | None:
    return None if x is None or math.isnan(x) else float(x)


def cohen_kappa(first: list[str], second: list[str]) -> float | None:
    """Cohen's kappa of two coders over the same units; None when undefined (one category)."""
    from sklearn.metrics import cohen_kappa_score

    if not first or len(set(first) | set(second)) < 2:
        return None  # chance agreement is 1: kappa is 0/0
    return _finite(cohen_kappa_score(first, second))


def krippendorff_alpha(codings: Codings, coders: tuple[str, ...]) -> float | None:
    """Nominal alpha over units (rows: coders, columns: units, NaN where not coded)."""
    import krippendorff

    values = sorted({v for by in codings.values() for v in by.values()})
    if len(values) < 2:
        return None  # no variation: expected disagreement is 0, alpha is undefined
    index = {v: i for i, v in enumerate(values)}
    data = np.full((len(coders), len(codings)), np.nan)
    for j, by in enumerate(codings.values()):
        for i, coder in enumerate(coders):
            if coder in by:
                data[i, j] = index[by[coder]]
    return _finite(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def agreement(name: str, codings: Codings) -> Agreement:
    paired = {u: by for u, by in codings.items() if len(by) >= 2}
    coders = tuple(sorted({c for by in paired.values() for c in by}))
    agreed = sum(len(set(by.values())) == 1 for by in paired.values())
    kappa = None
    if len(coders) == 2:
        a, b = coders
        kappa = cohen_kappa([by[a] for by in paired.values()], [by[b] for by in paired.values()])
    alpha = krippendorff_alpha(paired, coders) if paired else None
    units = len(paired)
    return Agreement(
        name, coders, units, len(codings) - units, agreed, kappa, alpha,
        100.0 * agreed / units if units else None,
    )


def agreement_by_field(codings: Mapping[str, Codings]) -> tuple[list[Agreement], Agreement]:
    """Per field, and over all fields pooled (each field's values kept apart)."""
    per_field = [agreement(f, units) for f, units in sorted(codings.items())]
    pooled = {
        (f, u): {c: f"{f}={v}" for c, v in by.items()}
        for f, units in codings.items()
        for u, by in units.items()
    }
    return per_field, agreement("all fields", pooled)
