"""Small hand-made case frames for the analysis tests (synthetic, no real cases)."""

from __future__ import annotations

import pandas as pd

from casereview.analysis.frame import prepare
from casereview.codebook import default_registry

RISK_FIELDS = (
    "risk_cpp",
    "risk_physical_abuse",
    "risk_emotional_abuse",
    "risk_sexual_abuse",
    "risk_neglect",
    "risk_child_vulnerabilities",
    "risk_domestic_abuse",
    "risk_parental_mental_health",
    "risk_substance_misuse",
    "risk_parental_vulnerabilities",
    "risk_non_engagement",
    "risk_parental_abuse_experience",
    "risk_other",
)


def cafcass():
    return default_registry().get("cafcass-scr", "2017")


def frame(rows: list[dict[str, object]], *, risk_default: str | None = "none") -> pd.DataFrame:
    """Rows of canonical values -> analysis frame. Risk fields not given are 'none' (cpp 'no')
    unless `risk_default` is None."""
    filled = []
    for i, row in enumerate(rows):
        r = {
            "review_id": f"R{i + 1:03d}",
            "child": "1",
            "study": "s1",
            "year": 2015,
            "region": None,
        }
        if risk_default is not None:
            for f in RISK_FIELDS:
                r[f] = "no" if f == "risk_cpp" else risk_default
        r.update(row)
        filled.append(r)
    return prepare(pd.DataFrame(filled), cafcass())
