"""Fit the confidence models of assisted coding (src/casereview/extract/calibrate.py).

    .venv/bin/python scripts/fit_confidence.py          # writes extract/rules/confidence.json

Trained only on development data: the real corpus's development part
(tests/data/extract_real/dev_*.yaml) and, with a lower weight, the synthetic development sets
(tests/data/extract_dev/dev.yaml, dev_repository.yaml). The set-aside part (heldout_*.yaml) is
never read here; benchmarks/extract_bench.py checks the calibration on it.

A suggestion is right when the summary value it stands for (a hedged or hypothetical one
stands for null, as the manual codes it) is the coder's gold value; a resolved summary value
is right when it equals the gold. Refit after changing the rules: the raw scores they give
and how often they are right both move.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "extract_real"
SYNTHETIC = [
    ROOT / "tests" / "data" / "extract_dev" / f for f in ("dev.yaml", "dev_repository.yaml")
]
SYNTHETIC_WEIGHT = 0.1  # written for the rules: easier than real text, so it counts less


def cases_of(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(data.get("cases") or [])


def same(key: str, pred: Any, gold: Any) -> bool:
    if key == "child_age_years" and pred is not None and gold is not None:
        return abs(float(pred) - float(gold)) <= 0.02
    return bool(pred == gold)


def examples(
    cases: list[dict[str, Any]],
) -> tuple[list[tuple[dict[str, float], bool]], list[tuple[list[Any], list[Any], str, bool]]]:
    """(suggestion features, right) and (support, against, right) per resolved value."""
    from casereview.extract import extract_text
    from casereview.extract import rules as R
    from casereview.extract.calibrate import suggestion_features
    from casereview.extract.resolve import ASSERTED, implied

    fms = R.field_map().summary
    sugg: list[tuple[dict[str, float], bool]] = []
    summ: list[tuple[list[Any], list[Any], str, bool]] = []
    for case in cases:
        gold = case.get("gold") or {}
        result = extract_text(case["text"])
        feats: dict[int, dict[str, float]] = {}
        for i, s in enumerate(result.suggestions):
            fm = next((m for m in fms if s.field in m.fields), None)
            if fm is None:
                continue
            asserted = s.assertion in ASSERTED or fm.kind == "number"
            value = implied(fm, s) if asserted else None
            if value is None and asserted:
                continue
            feats[i] = suggestion_features(s.raw_confidence, s.assertion, s.how, fm.key)
            sugg.append((feats[i], same(fm.key, value, gold.get(fm.key))))
        for key, res in result.resolved.items():
            if res.value is None:
                continue
            summ.append(
                (
                    [feats.get(i) for i in res.support],
                    [feats.get(i) for i in res.against],
                    key,
                    same(key, res.value, gold.get(key)),
                )
            )
    return sugg, summ


def fit(rows: list[tuple[dict[str, float], bool]], weights: list[float]) -> dict[str, Any]:
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform([r[0] for r in rows])
    y = [r[1] for r in rows]
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y, sample_weight=weights)
    return {
        "intercept": round(float(model.intercept_[0]), 5),
        "weights": {
            name: round(float(w), 5)
            for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        },
    }


def _apply(part: dict[str, Any], features: dict[str, float]) -> float:
    import math

    x = part["intercept"] + sum(part["weights"].get(k, 0.0) * v for k, v in features.items())
    return 1 / (1 + math.exp(-x))


def main() -> int:
    from casereview.extract import calibrate
    from casereview.extract.calibrate import summary_features

    real = [c for p in sorted(REAL.glob("dev_*.yaml")) for c in cases_of(p)]
    synthetic = [c for p in SYNTHETIC if p.exists() for c in cases_of(p)]
    if not real:
        print("no real development cases in tests/data/extract_real/dev_*.yaml", file=sys.stderr)
        return 1
    # Score with the rules' raw confidences only: never with a model fitted before.
    calibrate.model.cache_clear()
    original = calibrate.MODEL
    calibrate.MODEL = original.with_suffix(".none")
    try:
        s_real, m_real = examples(real)
        s_syn, m_syn = examples(synthetic)
    finally:
        calibrate.MODEL = original
        calibrate.model.cache_clear()
    weights = [1.0] * len(s_real) + [SYNTHETIC_WEIGHT] * len(s_syn)
    suggestion = fit(s_real + s_syn, weights)

    def conf(f: dict[str, float] | None) -> float:
        return 0.5 if f is None else _apply(suggestion, f)

    rows = [
        (summary_features([conf(f) for f in sup], [conf(f) for f in ag], key), ok)
        for sup, ag, key, ok in m_real + m_syn
        if sup
    ]
    sw = [1.0] * sum(1 for r in m_real if r[0]) + [SYNTHETIC_WEIGHT] * sum(1 for r in m_syn if r[0])
    summary = fit(rows, sw)
    out = {
        "about": "Confidence models fitted by scripts/fit_confidence.py on development data only",
        "trained_on": {
            "real_dev_cases": len(real),
            "synthetic_dev_cases": len(synthetic),
            "suggestions": len(s_real) + len(s_syn),
            "summary_values": len(rows),
        },
        "suggestion": suggestion,
        "summary": summary,
    }
    original.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {original.relative_to(ROOT)}: {out['trained_on']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
