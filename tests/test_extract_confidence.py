"""Confidence that means something: the fitted models (extract/rules/confidence.json, built by
scripts/fit_confidence.py from development data) turn the rules' scores into probabilities.
Checked on the real corpus's development part: in each confidence band holding enough
suggestions, the share that is right is close to the band's mean confidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from casereview.extract import extract_text
from casereview.extract import rules as R
from casereview.extract.calibrate import MODEL, summary_confidence
from casereview.extract.resolve import ASSERTED, implied

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "extract_real"


def test_the_model_was_fitted_on_real_development_text() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert data["trained_on"]["real_dev_cases"] >= 50
    assert {"suggestion", "summary"} <= set(data)
    # a higher raw score means a likelier right answer
    assert data["suggestion"]["weights"]["logit_raw"] > 0
    assert data["summary"]["weights"]["logit_best"] > 0


def test_a_hedge_is_less_sure_than_a_plain_statement() -> None:
    plain = extract_text("Child A was 4. Her mother misused cannabis.")
    hedged = extract_text("Child A was 4. Her mother possibly misused cannabis.")
    [p] = [s for s in plain.suggestions if s.field == "par_drugs"]
    [h] = [s for s in hedged.suggestions if s.field == "par_drugs"]
    assert 0 < h.confidence < p.confidence < 1


def test_evidence_against_lowers_a_resolved_value() -> None:
    alone = summary_confidence([0.9], [], "parental_alcohol_misuse")
    contested = summary_confidence([0.9], [0.9], "parental_alcohol_misuse")
    assert alone is not None and contested is not None and contested < alone


def _right(s: Any, gold: dict[str, Any]) -> bool | None:
    fm = next((m for m in R.field_map().summary if s.field in m.fields), None)
    if fm is None:
        return None
    asserted = s.assertion in ASSERTED or fm.kind == "number"
    value = implied(fm, s) if asserted else None
    if value is None and asserted:
        return None
    g = gold.get(fm.key)
    if fm.kind == "number" and value is not None and g is not None:
        return abs(float(value) - float(g)) <= 0.02
    return bool(value == g)


@pytest.mark.slow
def test_confidence_bands_match_how_often_suggestions_are_right_on_real_text() -> None:
    cases = [
        c
        for p in sorted(REAL.glob("dev_*.yaml"))
        for c in yaml.safe_load(p.read_text(encoding="utf-8"))["cases"]
    ]
    assert len(cases) >= 50
    pairs = []
    for case in cases:
        for s in extract_text(case["text"]).suggestions:
            ok = _right(s, case.get("gold") or {})
            if ok is not None:
                pairs.append((s.confidence, ok))
    for lo, hi in ((0.0, 0.5), (0.8, 0.9), (0.9, 1.01)):
        band = [ok for c, ok in pairs if lo <= c < hi]
        mean = sum(c for c, _ in pairs if lo <= c < hi) / max(len(band), 1)
        if len(band) >= 50:
            assert abs(sum(band) / len(band) - mean) < 0.1, (lo, hi, len(band))
