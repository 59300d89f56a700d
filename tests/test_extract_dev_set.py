"""Checks on the assisted-coding development and held-out sets (tests/data/extract_dev/).

The sets measure `casereview extract --json` against hand-coded gold. These tests keep the
files honest: every case carries every fixed summary key of docs/assisted-coding-manual.md
(the keys are read from the manual's table, so the two cannot drift apart), values are the
ones the manual allows, texts are the length of a real case summary, and the development set
has enough positive and negated examples of each flag to measure anything.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "extract_dev"
MANUAL = ROOT / "docs" / "assisted-coding-manual.md"

SETS = {
    "dev": DATA / "dev.yaml",
    "heldout": DATA / "heldout.yaml",
    # A second held-out set, written independently of the first two in the style of published summaries.
    "heldout_b": DATA / "heldout_b.yaml",
    # A third held-out set in the style of the national case review repository listings
    # ("Death of a ... Background: ... Learning: ... Keywords: ..."); entries there can be very short.
    "heldout_repository": DATA / "heldout_repository.yaml",
    # A development set in the same repository-listing style, for finding errors on short entries
    # whose Learning / Recommendations / Keywords lines name many risks the narrative never asserts.
    "dev_repository": DATA / "dev_repository.yaml",
}
ID_PREFIX = {
    "dev": "dev-",
    "heldout": "ho-",
    "heldout_b": "hb-",
    "heldout_repository": "hr-",
    "dev_repository": "dr-",
}
MIN_CASES = {
    "dev": 80,
    "heldout": 30,
    "heldout_b": 45,
    "heldout_repository": 45,
    "dev_repository": 60,
}
# Fewest words a case text may have; repository listings are often only a few lines.
MIN_WORDS = {"heldout_repository": 40, "dev_repository": 40}
DEFAULT_MIN_WORDS = 80

CASE_FIELDS = {"id", "style", "text", "gold", "notes"}
REQUIRED_FIELDS = {"id", "style", "text", "gold"}
STYLES = {
    "case-summary",
    "scr-excerpt",
    "rapid-review",
    "lcspr-excerpt",
    "vignette",
    "chronology",
    "notification",
    "learning-brief",
    "repository-summary",
}
CATEGORICAL = {
    "child_gender": {"male", "female"},
    "ethnicity": {"white", "mixed", "asian", "black", "other"},
    "child_protection_plan": {"current", "previous", "none"},
}
# Flags that must be both asserted and negated often enough in the development set.
MIN_TRUE, MIN_FALSE = 12, 4
# Names must be initials ("Child A", "Mr B"), never anything that could be a real name.
NAME_PATTERN = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+"
    r"|\b(?:Child|Baby)\s+(?!Protection|Sexual|Criminal|Death|Safeguarding|Practice)[A-Z][a-z]+"
)


def manual_keys() -> list[str]:
    """The fixed summary keys, in the order of the manual's Keys table."""
    rows = re.findall(r"^\| `([a-z_]+)` \|", MANUAL.read_text(encoding="utf-8"), re.MULTILINE)
    assert rows, f"no key rows found in {MANUAL}"
    return rows


def load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load(SETS[name].read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("cases"), list), (
        f"{SETS[name]} must be a mapping with a 'cases' list"
    )
    return data["cases"]


KEYS = manual_keys()
FLAGS = [k for k in KEYS if k not in CATEGORICAL and k != "child_age_years"]
CASES = {name: load(name) for name in SETS}
ALL = [(name, case) for name, cases in CASES.items() for case in cases]


def case_id(item: tuple[str, dict[str, Any]]) -> str:
    return str(item[1].get("id"))


def test_manual_table_has_the_21_keys() -> None:
    assert len(KEYS) == 21 and len(set(KEYS)) == 21
    assert KEYS[0] == "child_age_years" and KEYS[-1] == "looked_after"


@pytest.mark.parametrize("name", list(SETS))
def test_minimum_number_of_cases(name: str) -> None:
    assert len(CASES[name]) >= MIN_CASES[name]


def test_ids_unique_across_both_sets_and_prefixed() -> None:
    ids = [case["id"] for _, case in ALL]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"
    for name, case in ALL:
        assert str(case["id"]).startswith(ID_PREFIX[name]), case["id"]


def test_no_text_appears_twice() -> None:
    texts = Counter(" ".join(case["text"].split()) for _, case in ALL)
    assert max(texts.values()) == 1


@pytest.mark.parametrize("item", ALL, ids=case_id)
def test_case_shape(item: tuple[str, dict[str, Any]]) -> None:
    _, case = item
    assert REQUIRED_FIELDS <= set(case) <= CASE_FIELDS, sorted(case)
    assert case["style"] in STYLES
    assert isinstance(case["text"], str)
    if "notes" in case:
        assert isinstance(case["notes"], str) and case["notes"].strip()


@pytest.mark.parametrize("item", ALL, ids=case_id)
def test_text_length_and_paragraphs(item: tuple[str, dict[str, Any]]) -> None:
    name, case = item
    text = case["text"]
    words = len(text.split())
    assert MIN_WORDS.get(name, DEFAULT_MIN_WORDS) <= words <= 400, f"{words} words"
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    assert 1 <= len(paragraphs) <= 4, f"{len(paragraphs)} paragraphs"


@pytest.mark.parametrize("item", ALL, ids=case_id)
def test_text_uses_initials_not_names(item: tuple[str, dict[str, Any]]) -> None:
    found = NAME_PATTERN.findall(item[1]["text"])
    assert not found, found


@pytest.mark.parametrize("item", ALL, ids=case_id)
def test_gold_has_every_key_with_an_allowed_value(item: tuple[str, dict[str, Any]]) -> None:
    gold = item[1]["gold"]
    assert isinstance(gold, dict)
    assert list(gold) == KEYS, "gold keys must be exactly the manual's keys, in its order"
    age = gold["child_age_years"]
    if age is not None:
        assert isinstance(age, (int, float)) and not isinstance(age, bool), repr(age)
        assert 0 <= age < 18, age
        assert round(age, 2) == age, f"age {age} has more than 2 decimals"
    for key, allowed in CATEGORICAL.items():
        assert gold[key] is None or gold[key] in allowed, (key, gold[key])
    for key in FLAGS:
        assert gold[key] in (True, False, None), (key, gold[key])


@pytest.mark.parametrize("item", ALL, ids=case_id)
def test_gold_respects_manual_implications(item: tuple[str, dict[str, Any]]) -> None:
    gold = item[1]["gold"]
    # Manual: sexual_abuse includes sexual exploitation (CSE).
    if gold["cse"] is True:
        assert gold["sexual_abuse"] is True


@pytest.mark.parametrize("flag", FLAGS)
def test_dev_set_has_enough_true_and_negated_examples(flag: str) -> None:
    counts = Counter(case["gold"][flag] for case in CASES["dev"])
    assert counts[True] >= MIN_TRUE, f"{flag}: {counts[True]} true"
    assert counts[False] >= MIN_FALSE, f"{flag}: {counts[False]} false"


@pytest.mark.parametrize("key", ["child_gender", "ethnicity", "child_protection_plan"])
def test_dev_set_covers_every_categorical_value(key: str) -> None:
    seen = {case["gold"][key] for case in CASES["dev"]}
    assert CATEGORICAL[key] | {None} <= seen, (CATEGORICAL[key] | {None}) - seen
