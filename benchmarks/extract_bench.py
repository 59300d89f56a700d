"""Assisted coding, measured: accuracy against hand-coded gold and speed on a 100-page PDF.

    .venv/bin/python benchmarks/extract_bench.py            # dev + held-out figures, speed
    .venv/bin/python benchmarks/extract_bench.py --errors   # also list the development-set errors
    .venv/bin/python benchmarks/extract_bench.py --no-speed
    .venv/bin/python benchmarks/extract_bench.py --real-only --no-speed   # the real corpus only

Accuracy: for each fixed summary key (docs/assisted-coding-manual.md) precision, recall and F1
of the asserted value (flags: the positive class `true`; categories and age: a non-null
prediction is right when it equals the gold, age within 0.02 years) and Cohen's kappa over
all values (null, true and false as three categories). Flags F1 is micro-averaged over the 18
flag keys (fatal included, as in tests/test_extract_dev_set.py). Beside each figure the same
for a plain keyword search computed in the same run: any phrase of the concept lists anywhere
in the text -> true, with no negation, hedging, history or subject. The held-out set is only
ever scored here, never read for errors.

Real corpus (tests/data/extract_real/, published summaries paraphrased): `real_dev` is every
dev_*.yaml and `real_heldout` every heldout_*.yaml, found at run time. The set-aside part prints
totals only (per-key figures beside the keyword baseline, micro-F1, gender/age/fatal accuracy,
calibration); `--errors` lists development errors only. Calibration: each suggestion's
confidence against whether the summary value it stands for (hedged -> null) equals the gold,
in bins, with the expected calibration error.

Speed: see benchmarks/extract_speed.py (run from here unless --no-speed).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml
from sklearn.metrics import cohen_kappa_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "extract_dev"
REAL = ROOT / "tests" / "data" / "extract_real"
CATEGORIES = ("child_gender", "ethnicity", "child_protection_plan")

# Keyword baseline: which concept lists stand for each flag (no context, no subject).
BASELINE = {
    "fatal": ["fatal"],
    "domestic_abuse": ["domestic_abuse"],
    "parental_mental_health": ["mental_health", "self_harm", "mh_service"],
    "parental_alcohol_misuse": ["alcohol"],
    "parental_drug_misuse": ["drugs", "substance_service"],
    "parental_learning_disability": ["learning_disability"],
    "parental_criminal_record": ["criminal_record", "violent_crime"],
    "neglect": ["neglect", "nourishment", "living_conditions"],
    "physical_abuse": ["physical_abuse"],
    "sexual_abuse": ["sexual_abuse", "cse"],
    "child_mental_health": ["mental_health", "self_harm", "camhs"],
    "child_disability": ["child_disability"],
    "child_substance_misuse": ["drugs", "alcohol"],
    "missing_episodes": ["missing"],
    "cse": ["cse"],
    "criminal_exploitation": ["criminal_exploitation"],
    "looked_after": ["looked_after"],
}


def load_file(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(data.get("cases") or []) if isinstance(data, dict) else list(data)


def load(name: str) -> list[dict[str, Any]]:
    return load_file(DATA / f"{name}.yaml")


@lru_cache(maxsize=1)
def summary_keys() -> list[str]:
    """The manual's fixed summary keys (a gold missing a key means null: not mentioned)."""
    from casereview.extract import rules as R

    return [fm.key for fm in R.field_map().summary]


def gold_of(case: dict[str, Any]) -> dict[str, Any]:
    return dict(case.get("gold") or {})


@lru_cache(maxsize=1)
def _baseline_patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str] | None]]:
    from casereview.extract import rules as R

    out = {}
    for c in R.concepts():
        words = sorted({p for ph in c.phrases for p in R.expand(ph.lower())}, key=len, reverse=True)
        lower = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
            if words
            else re.compile(r"(?!)")
        )
        abbr = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, c.abbreviations)) + r")\b")
            if c.abbreviations
            else None
        )
        out[c.id] = (lower, abbr)
    return out


def baseline_summary(text: str, keys: list[str]) -> dict[str, Any]:
    """Plain keyword search: any phrase of the concept lists -> true; nothing else."""
    lower = " ".join(text.lower().split())
    pats = _baseline_patterns()

    def found(ids: list[str]) -> bool:
        for cid in ids:
            low, abbr = pats[cid]
            if low.search(lower) or (abbr is not None and abbr.search(text)):
                return True
        return False

    out: dict[str, Any] = {k: None for k in keys}
    for key, ids in BASELINE.items():
        out[key] = True if found(ids) else None
    out["child_protection_plan"] = "current" if found(["cpp"]) else None
    g = re.search(r"\b(boy|girl)\b", lower)
    out["child_gender"] = {"boy": "male", "girl": "female"}[g.group(1)] if g else None
    return out


def same(key: str, pred: Any, gold: Any) -> bool:
    if key == "child_age_years" and pred is not None and gold is not None:
        return abs(float(pred) - float(gold)) <= 0.02
    return pred == gold


def score(cases: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    keys = summary_keys()
    micro = [0, 0, 0]
    for key in keys:
        golds = [gold_of(c).get(key) for c in cases]
        ps = [p.get(key) for p in preds]
        if key in CATEGORIES or key == "child_age_years":
            tp = sum(1 for p, g in zip(ps, golds) if p is not None and same(key, p, g))
            npred = sum(1 for p in ps if p is not None)
            ngold = sum(1 for g in golds if g is not None)
            fp, fn = npred - tp, ngold - tp
        else:
            tp = sum(1 for p, g in zip(ps, golds) if p is True and g is True)
            fp = sum(1 for p, g in zip(ps, golds) if p is True and g is not True)
            fn = sum(1 for p, g in zip(ps, golds) if g is True and p is not True)
            micro = [micro[0] + tp, micro[1] + fp, micro[2] + fn]
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if key == "child_age_years":
            ga = ["null" if g is None else "ok" for g in golds]
            pa = [
                "null" if p is None else ("ok" if same(key, p, g) else "wrong")
                for p, g in zip(ps, golds)
            ]
            kappa = cohen_kappa_score(ga, pa)
        else:
            kappa = cohen_kappa_score([str(g) for g in golds], [str(p) for p in ps])
        exact = sum(1 for p, g in zip(ps, golds) if same(key, p, g)) / len(cases)
        out[key] = {"p": prec, "r": rec, "f1": f1, "kappa": float(kappa), "acc": exact}
    tp, fp, fn = micro
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    out["_flags_micro"] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return out


def suggestion_right(sug: Any, gold: dict[str, Any]) -> tuple[str, bool] | None:
    """(summary key, right?) for one suggestion: the summary value it stands for (hedged or
    hypothetical ones stand for null, as the manual codes them) against the gold."""
    from casereview.extract import rules as R
    from casereview.extract.suggest import ASSERTED

    for fm in R.field_map().summary:
        if sug.field not in fm.fields:
            continue
        if fm.kind == "number":
            implied: Any = sug.value
        elif sug.assertion not in ASSERTED:
            implied = None
        elif fm.kind == "category" and fm.key != "fatal":
            implied = fm.values.get(str(sug.value))
        else:
            v = fm.values.get(str(sug.value), {"yes": True, "no": False}.get(str(sug.value)))
            implied = v if isinstance(v, bool) else None
        if implied is None and sug.assertion in ASSERTED:
            return None  # a value the summary does not resolve (e.g. a plan 'unknown')
        return fm.key, same(fm.key, implied, gold.get(fm.key))
    return None


BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def calibration(pairs: list[tuple[float, bool]]) -> list[tuple[str, int, float, float]]:
    """Confidence bins -> (label, n, mean confidence, fraction right)."""
    rows = []
    for lo, hi in pairwise(BINS):
        inbin = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if inbin:
            rows.append(
                (
                    f"{lo:.1f}-{min(hi, 1.0):.1f}",
                    len(inbin),
                    sum(c for c, _ in inbin) / len(inbin),
                    sum(ok for _, ok in inbin) / len(inbin),
                )
            )
    return rows


def print_calibration(title: str, pairs: list[tuple[float, bool]]) -> None:
    rows = calibration(pairs)
    n = len(pairs)
    ece = sum(k * abs(conf - right) for _, k, conf, right in rows) / n if n else 0.0
    print(f"calibration, {title}: {n} items, expected calibration error {ece:.3f}")
    print(f"  {'confidence':12} {'n':>5} {'mean conf':>9} {'right':>6}")
    for label, k, conf, right in rows:
        print(f"  {label:12} {k:5d} {conf:9.2f} {right:6.2f}")


def report(
    name: str, cases: list[dict[str, Any]], errors: bool, totals_only: bool = False
) -> dict[str, Any]:
    """Score one set. `totals_only` (the set-aside part): per-flag P/R/F1 beside the keyword
    baseline, micro-F1, gender/age/fatal accuracy and calibration; never a case or an error."""
    from casereview.extract import extract_text

    keys = summary_keys()
    t0 = time.perf_counter()
    results = [extract_text(c["text"]) for c in cases]
    elapsed = time.perf_counter() - t0
    preds = [r.summary for r in results]
    base = [baseline_summary(c["text"], keys) for c in cases]
    ours, theirs = score(cases, preds), score(cases, base)
    print(f"\n== {name}: {len(cases)} cases, coded in {elapsed:.2f} s ==")
    print(
        f"{'key':30} {'P':>5} {'R':>5} {'F1':>5} {'kappa':>6} {'acc':>5} | keyword: {'P':>5} {'R':>5} {'F1':>5} {'kappa':>6}"
    )
    for key in keys:
        a, b = ours[key], theirs[key]
        print(
            f"{key:30} {a['p']:5.2f} {a['r']:5.2f} {a['f1']:5.2f} {a['kappa']:6.2f} {a['acc']:5.2f} |"
            f"          {b['p']:5.2f} {b['r']:5.2f} {b['f1']:5.2f} {b['kappa']:6.2f}"
        )
    a, b = ours["_flags_micro"], theirs["_flags_micro"]
    print(
        f"{'FLAGS micro':30} {a['p']:5.2f} {a['r']:5.2f} {a['f1']:5.2f} {'':>6} {'':>5} |          {b['p']:5.2f} {b['r']:5.2f} {b['f1']:5.2f}"
    )
    low = [k for k in keys if k in ours and k not in CATEGORIES and k != "child_age_years"]
    below = [
        k
        for k in low
        if ours[k]["f1"] < 0.75 and (ours[k]["p"] or ours[k]["r"] or _has_gold(cases, k))
    ]
    print(
        "accuracy: "
        + ", ".join(
            f"{k} {ours[k]['acc']:.3f}" for k in ("child_gender", "child_age_years", "fatal")
        )
        + f"; flags below F1 0.75: {', '.join(below) or 'none'}"
    )
    sugs = [
        (s.confidence, ok[1])
        for r, c in zip(results, cases)
        for s in r.suggestions
        if (ok := suggestion_right(s, gold_of(c))) is not None
    ]
    print_calibration("suggestions", sugs)
    conf = getattr(results[0], "confidence", None) if results else None
    if isinstance(conf, dict):
        vals = [
            (r.confidence[k], same(k, r.summary.get(k), gold_of(c).get(k)))  # type: ignore[attr-defined]
            for r, c in zip(results, cases)
            for k in keys
            if r.summary.get(k) is not None and k in r.confidence  # type: ignore[attr-defined]
        ]
        print_calibration("summary values", vals)
    if errors and not totals_only:
        for case, pred in zip(cases, preds):
            gold = gold_of(case)
            wrong = [k for k in keys if not same(k, pred.get(k), gold.get(k))]
            if wrong:
                print(
                    f"\n-- {case['id']} ({case.get('style', '')}): "
                    + ", ".join(f"{k}: got {pred.get(k)!r} want {gold.get(k)!r}" for k in wrong)
                )
    return {"ours": ours, "keyword": theirs}


def _has_gold(cases: list[dict[str, Any]], key: str) -> bool:
    return any(gold_of(c).get(key) is True for c in cases)


DEV_SETS = ("dev", "dev_repository")
HELDOUT_SETS = ("heldout", "heldout_b", "heldout_repository")


def real_sets() -> dict[str, list[dict[str, Any]]]:
    """The real corpus, read at run time: every dev_*.yaml is real_dev, every heldout_*.yaml
    real_heldout (scored for totals only)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, pattern in (("real_dev", "dev_*.yaml"), ("real_heldout", "heldout_*.yaml")):
        cases = [c for path in sorted(REAL.glob(pattern)) for c in load_file(path)]
        if cases:
            out[name] = cases
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list development-set errors")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument(
        "--dev-only", action="store_true", help="skip the held-out sets (while iterating)"
    )
    ap.add_argument("--real-only", action="store_true", help="score only the real corpus")
    args = ap.parse_args()
    # Development sets (errors may be listed and studied) and held-out sets (totals only:
    # never read them or tune on them; they estimate performance on unseen text).
    if not args.real_only:
        for name in DEV_SETS:
            if (DATA / f"{name}.yaml").exists():
                report(name, load(name), args.errors)
        if not args.dev_only:
            for name in HELDOUT_SETS:
                if (DATA / f"{name}.yaml").exists():
                    report(f"{name} (held out)", load(name), errors=False, totals_only=True)
    real = real_sets()
    if "real_dev" in real:
        report("real_dev", real["real_dev"], args.errors)
    if "real_heldout" in real and not args.dev_only:
        report(
            "real_heldout (set aside: totals only)", real["real_heldout"], False, totals_only=True
        )
    if not args.no_speed:
        from extract_speed import speed

        speed()
    return 0


if __name__ == "__main__":
    sys.exit(main())
