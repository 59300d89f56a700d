"""One answer per field: conflicting suggestions resolve to one summary value, the evidence
for each side is kept on the suggestion list, and `casereview code` proposes one value per
field, most confident first in the review queue."""

from __future__ import annotations

from pathlib import Path

from casereview.extract import extract_text
from casereview.ingest.assist import code_review
from casereview.ingest.service import ingest_paths
from casereview.store.database import Store
from casereview.store.suggestions import list_codes

# A child taken to hospital (serious harm) who died there two days later: both kinds of
# evidence, one answer (manual 'fatal': death beats serious harm).
DIED_IN_HOSPITAL = (
    "Child R, a 14-month-old boy, was taken to hospital by ambulance after his mother found "
    "him unresponsive in his cot. He died in hospital two days later."
)


def test_fatal_is_one_value_with_the_evidence_for_each_side() -> None:
    result = extract_text(DIED_IN_HOSPITAL)
    fatal = [s for s in result.suggestions if s.field == "fatal"]
    assert {s.value for s in fatal} == {"yes", "no"}  # both sides stay on the list
    assert result.summary["fatal"] is True
    res = result.resolved["fatal"]
    assert res.value is True
    assert {result.suggestions[i].value for i in res.support} == {"yes"}
    assert {result.suggestions[i].value for i in res.against} == {"no"}
    assert "died in hospital" in result.suggestions[res.support[0]].evidence
    assert "taken to hospital" in result.suggestions[res.against[0]].evidence


def test_a_flag_asserted_and_denied_keeps_the_denial_as_evidence_against() -> None:
    result = extract_text(
        "Mother told the midwife that she did not drink. Police later found that mother "
        "was drinking heavily every day and had been drunk when caring for Child F."
    )
    res = result.resolved["parental_alcohol_misuse"]
    assert res.value is True and result.summary["parental_alcohol_misuse"] is True
    assert res.against and all(result.suggestions[i].value == "no" for i in res.against)
    assert all(result.suggestions[i].value == "yes" for i in res.support)


def test_a_key_nothing_asserts_resolves_to_null_without_confidence() -> None:
    res = extract_text("Child D was a 6-year-old girl.").resolved["neglect"]
    assert res.value is None and res.confidence is None and not res.support


def test_code_proposes_one_fatal_value_and_orders_the_queue_by_confidence(
    any_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "child_r_review.txt"
    path.write_text(
        DIED_IN_HOSPITAL + "\n\nThe mother had a history of depression. There was no evidence "
        "that either parent used drugs. Practitioners should ask about domestic abuse.\n",
        encoding="utf-8",
    )
    ingest_paths(any_store, [path], review="child_r_review")
    code_review(any_store, "child_r_review")
    with any_store.session() as s:
        pending = list_codes(s, "child_r_review", "pending")
    assert [c.value for c in pending if c.field_id == "fatal"] == ["yes"]
    confidences = [c.confidence for c in pending]
    assert len(pending) >= 3 and None not in confidences
    assert confidences == sorted(confidences, reverse=True)  # type: ignore[type-var]
