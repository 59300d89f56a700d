"""Confidence that means something: a suggestion at 0.9 is right about 9 times in 10.

The rules give each suggestion a raw score (the concept's confidence x how firmly the sentence
asserts it x how surely it was tied to a person). Two small logistic models, fitted on the
development sets by scripts/fit_confidence.py and stored in rules/confidence.json, turn
those into probabilities:
- a suggestion: P(the summary value it stands for is the coder's), from its raw score,
  assertion, how its subject was found and its summary key;
- a resolved summary value: P(it is the coder's value), from the confidences of the
  suggestions for it and against it, and its key.
Without the file (or for a key it never saw) the raw score stands.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL = Path(__file__).with_name("rules") / "confidence.json"


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    if not MODEL.exists():
        return {}
    return dict(json.loads(MODEL.read_text(encoding="utf-8")))


def logit(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def suggestion_features(raw: float, assertion: str, how: str, key: str | None) -> dict[str, float]:
    return {
        "logit_raw": logit(raw),
        f"assertion={assertion}": 1.0,
        f"how={how}": 1.0,
        f"key={key}": 1.0,
    }


def summary_features(
    support: list[float], against: list[float], key: str | None = None
) -> dict[str, float]:
    return {
        f"key={key}": 1.0,
        "logit_best": logit(max(support)) if support else 0.0,
        "log_support": math.log1p(len(support)),
        "has_against": 1.0 if against else 0.0,
        "logit_against": logit(max(against)) if against else 0.0,
    }


def _apply(part: str, features: dict[str, float]) -> float | None:
    m = model().get(part)
    if not m:
        return None
    weights: dict[str, float] = m["weights"]
    x = m["intercept"] + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return _sigmoid(x)


def suggestion_confidence(raw: float, assertion: str, how: str, key: str | None) -> float:
    p = _apply("suggestion", suggestion_features(raw, assertion, how, key))
    return round(min(raw if p is None else p, 0.99), 2)


def summary_confidence(
    support: list[float], against: list[float], key: str | None = None
) -> float | None:
    if not support:
        return None
    p = _apply("summary", summary_features(support, against, key))
    if p is None:  # no fitted model: the best evidence, discounted by the best contrary
        p = max(support) * (1 - 0.5 * max(against, default=0.0))
    return round(min(p, 0.99), 2)
