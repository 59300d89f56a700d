"""Synthetic case datasets for benchmarks and demonstrations (no real cases, no names).

`synthetic_cases(codebook, n_reviews)` draws a wide case table in the shared import layout
(one row per child, canonical values as text): 1-3 children per review, every coded field
drawn from its codebook values with skewed random weights, numbers within the field's range,
a few values left empty, text fields empty. Reproducible for a given seed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from casereview.analysis.codes import field_codes, is_coded
from casereview.codebook.model import Codebook

REGIONS = (
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)


def synthetic_cases(
    codebook: Codebook, n_reviews: int, *, seed: int = 0, missing_rate: float = 0.03
) -> pd.DataFrame:
    """A case table of `n_reviews` reviews (canonical text values, None where empty)."""
    rng = np.random.default_rng(seed)
    kids = rng.choice([1, 2, 3], size=n_reviews, p=[0.65, 0.25, 0.10])
    review_of_row = np.repeat(np.arange(n_reviews), kids)
    n_rows = len(review_of_row)
    years = rng.integers(2009, 2017, size=n_reviews)
    frame: dict[str, object] = {
        "review_id": np.array([f"S{i:06d}" for i in range(n_reviews)], dtype=object)[review_of_row],
        "child": np.concatenate([np.arange(1, k + 1) for k in kids]).astype(str).astype(object),
        "study": np.array([f"synthetic-{y}" for y in years], dtype=object)[review_of_row],
        "year": years[review_of_row],
        "region": np.array(REGIONS, dtype=object)[rng.integers(0, len(REGIONS), n_reviews)][
            review_of_row
        ],
    }
    derived = {r.field for r in codebook.derivations}
    for f in codebook.fields:
        if f.id in derived or f.type in ("text", "date"):
            continue
        size = n_reviews if f.level == "review" else n_rows
        if is_coded(codebook, f.id):
            codes = field_codes(codebook, f.id)
            choices = [v.id for v in codes.values if v.id not in codes.group_ids]
            weights = rng.dirichlet(np.full(len(choices), 0.8))
            values = np.array(choices, dtype=object)[rng.choice(len(choices), size=size, p=weights)]
        else:
            low = f.minimum if f.minimum is not None else 0
            high = f.maximum if f.maximum is not None else low + 100
            nums = rng.uniform(low, high, size=size)
            nums = (
                np.round(nums)
                if f.type == "integer" or f.id != "child_age"
                else np.floor(nums * 12) / 12
            )
            values = np.array([_num(x) for x in nums], dtype=object)
        values[rng.random(size) < missing_rate] = None
        frame[f.id] = values[review_of_row] if f.level == "review" else values
    return pd.DataFrame(frame)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.4g}"
