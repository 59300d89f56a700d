"""Start-up: coding a text must not load nltk (QuickUMLS, imported by medspaCy, is unused)."""

from __future__ import annotations

import subprocess
import sys

_PROBE = """
import sys
from casereview.extract import extract_text
s = extract_text("Death of a 3-month-old boy. Mother had depression.").summary
real = type(sys.modules.get("nltk")).__name__ == "module"
print(s["fatal"], s["child_gender"], s["parental_mental_health"], real)
"""


def test_coding_does_not_load_nltk() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "male", "True", "False"]


def test_nltk_still_loads_when_asked_for() -> None:
    probe = (
        "import casereview.extract, quickumls.core as q; "
        "print(q.nltk.corpus.__name__, type(__import__('sys').modules['nltk']).__name__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["nltk.corpus", "module"]
