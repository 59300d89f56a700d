"""Checks on the real-language corpus (tests/data/extract_real/).

The corpus holds paraphrased published case-review summaries, hand-coded by
docs/assisted-coding-manual.md; the held-out files are scored by the benchmark only. These
tests keep every file loadable and every gold code within what the manual allows, without
running the extractor. Ids are split by rule (number divisible by 3 -> held out), so the split
cannot drift as cases are added.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "extract_real"
MANUAL = ROOT / "docs" / "assisted-coding-manual.md"

FILES = sorted(DATA.glob("*.yaml"))
ID_PATTERN = re.compile(r"^r[a-z]-(\d{3,})$")
STYLES = {"repository-listing", "briefing", "partnership-summary", "news", "report-extract"}
CATEGORICAL = {
    "child_gender": {"male", "female"},
    "ethnicity": {"white", "mixed", "asian", "black", "other"},
    "child_protection_plan": {"current", "previous", "none"},
}
# Floor reached so far for corpus A (ra-NNN); raise it as cases are added, never lower it.
MIN_CASES_A = 100


def manual_keys() -> list[str]:
    """The fixed summary keys, in the order of the manual's Keys table."""
    rows = re.findall(r"^\| `([a-z_]+)` \|", MANUAL.read_text(encoding="utf-8"), re.MULTILINE)
    assert rows, f"no key rows found in {MANUAL}"
    return rows


def load(path: Path) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("cases"), list), (
        f"{path.name} must be a mapping with a 'cases' list"
    )
    return data["cases"]


KEYS = manual_keys()
FLAGS = [k for k in KEYS if k not in CATEGORICAL and k != "child_age_years"]
CASES = {path.name: load(path) for path in FILES}
ALL = [(name, case) for name, cases in CASES.items() for case in cases]


def case_id(item: tuple[str, dict[str, Any]]) -> str:
    return str(item[1].get("id"))


def test_corpus_files_exist() -> None:
    names = set(CASES)
    assert {"dev_a.yaml", "heldout_a.yaml"} <= names, sorted(names)
    assert len([c for _, c in ALL if str(c["id"]).startswith("ra-")]) >= MIN_CASES_A


def test_heldout_files_carry_the_set_aside_header() -> None:
    for path in FILES:
        if path.name.startswith("heldout"):
            assert path.read_text(encoding="utf-8").startswith("# SET ASIDE:"), path.name


def test_ids_unique_across_files() -> None:
    ids = [case.get("id") for _, case in ALL]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"


@pytest.mark.parametrize("item", ALL, ids=case_id)
def test_split_rule(item: tuple[str, dict[str, Any]]) -> None:
    name, case = item
    match = ID_PATTERN.match(str(case["id"]))
    assert match, f"{name}: bad id {case['id']!r}"
    held_out = int(match.group(1)) % 3 == 0
    assert name.startswith("heldout") == held_out, f"{case['id']} is in {name}"
    # The file's letter matches the id's corpus letter (dev_a.yaml holds ra-NNN).
    assert name.split("_")[-1][0] == str(case["id"])[1], f"{case['id']} is in {name}"


@pytest.mark.parametrize("item", ALL, ids=case_id)
def test_case_shape_and_source(item: tuple[str, dict[str, Any]]) -> None:
    _, case = item
    assert {"id", "source", "style", "text", "gold"} <= set(case) <= {
        "id", "source", "style", "text", "gold", "notes",
    }, sorted(case)
    assert case["style"] in STYLES, case["style"]
    assert re.search(r"https?://\S+", str(case["source"])), "source must name the page's URL"
    words = len(str(case["text"]).split())
    assert 30 <= words <= 450, f"{words} words"
    if "notes" in case:
        assert isinstance(case["notes"], str) and case["notes"].strip()


@pytest.mark.parametrize("item", ALL, ids=case_id)
def test_gold_has_every_key_with_an_allowed_value(item: tuple[str, dict[str, Any]]) -> None:
    gold = item[1]["gold"]
    assert isinstance(gold, dict)
    assert list(gold) == KEYS, "gold keys must be exactly the manual's keys, in its order"
    age = gold["child_age_years"]
    if age is not None:
        assert isinstance(age, (int, float)) and not isinstance(age, bool), repr(age)
        assert 0 <= age < 18, age
    for key, allowed in CATEGORICAL.items():
        assert gold[key] is None or gold[key] in allowed, (key, gold[key])
    for key in FLAGS:
        assert gold[key] in (True, False, None), (key, gold[key])
    # Manual: sexual_abuse includes sexual exploitation (CSE).
    if gold["cse"] is True:
        assert gold["sexual_abuse"] is True


def test_no_source_and_text_twice() -> None:
    seen = Counter(
        (str(case["source"]).split()[0], " ".join(str(case["text"]).split())) for _, case in ALL
    )
    dupes = [key for key, n in seen.items() if n > 1]
    assert not dupes, dupes[:3]
    texts = Counter(" ".join(str(case["text"]).split()) for _, case in ALL)
    assert max(texts.values(), default=1) == 1
