"""Assisted coding: each assertion type on small fixture sentences.

Expected values come from docs/assisted-coding-manual.md: present and historical facts count
(true), negations give false, hedges and hypotheticals alone give null, and an assertion
anywhere beats a denial or negation elsewhere.
"""

from __future__ import annotations

import pytest

from casereview.extract import extract_text


def suggestions_for(text: str, field: str) -> list[tuple[object, str]]:
    return [(s.value, s.assertion) for s in extract_text(text).suggestions if s.field == field]


@pytest.mark.parametrize(
    ("text", "field", "assertion"),
    [
        ("Mother misused heroin throughout the pregnancy.", "par_drugs", "present"),
        (
            "There was no evidence of domestic abuse in the household.",
            "fam_domestic_abuse",
            "negated",
        ),
        (
            "Father denied any cannabis use and his hair strand tests were negative.",
            "par_drugs",
            "negated",
        ),
        (
            "Possible cannabis use by the father was noted by the health visitor.",
            "par_drugs",
            "possible",
        ),
        ("It was alleged that the father had used cocaine.", "par_drugs", "possible"),
        ("Mother had a history of depression.", "par_mental_health", "historical"),
        (
            "Practitioners should always ask about domestic abuse.",
            "fam_domestic_abuse",
            "hypothetical",
        ),
        (
            "If there had been any concerns about alcohol, a referral would have followed.",
            "par_alcohol",
            "hypothetical",
        ),
        # pseudo-negations: the fact existed, agencies did not know or act
        (
            "The domestic abuse was not known to agencies at the time.",
            "fam_domestic_abuse",
            "present",
        ),
        ("Mother did not disclose her heroin use to the midwife.", "par_drugs", "present"),
        ("Mother was no longer using heroin when the baby was born.", "par_drugs", "historical"),
        ("A non-accidental injury could not be ruled out.", "physical_abuse", "possible"),
    ],
)
def test_assertion_types(text: str, field: str, assertion: str) -> None:
    found = suggestions_for(text, field)
    assert found, f"no {field} suggestion for {text!r}"
    assert assertion in {a for _, a in found}


def test_negated_yes_no_field_suggests_no() -> None:
    assert suggestions_for(
        "Mother had no history of mental health problems.", "par_mental_health"
    ) == [("no", "negated")]


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("Mother had a history of depression.", "parental_mental_health", True),
        (
            "No concerns were raised about the mother's mental health.",
            "parental_mental_health",
            False,
        ),
        (
            "There were suspicions that father was drinking heavily.",
            "parental_alcohol_misuse",
            None,
        ),
        ("Professionals need to be alert to domestic abuse.", "domestic_abuse", None),
        # denial alone is a negation, but an assertion elsewhere wins (manual, General rules)
        ("Father denied drinking.", "parental_alcohol_misuse", False),
        (
            "Father denied drinking. Police found that he was a heavy drinker and unable to care for the baby.",
            "parental_alcohol_misuse",
            True,
        ),
        # drunk once is not problem drinking (manual 'parental_alcohol_misuse')
        (
            "Police found the father drunk and unable to care for the baby.",
            "parental_alcohol_misuse",
            None,
        ),
        # hedged here, asserted elsewhere -> true
        (
            "There was possible domestic abuse. Mother later disclosed domestic abuse by her partner.",
            "domestic_abuse",
            True,
        ),
        ("The injuries were found to be accidental.", "physical_abuse", False),
        ("The paediatrician concluded the injuries were non-accidental.", "physical_abuse", True),
    ],
)
def test_summary_resolution(text: str, key: str, expected: object) -> None:
    assert extract_text(text).summary[key] is expected


def test_negation_scope_ends_at_but() -> None:
    summary = extract_text(
        "Mother denied using drugs but admitted that she drank heavily every night."
    ).summary
    assert summary["parental_drug_misuse"] is False
    assert summary["parental_alcohol_misuse"] is True


def test_a_month_name_is_not_a_hedge() -> None:
    summary = extract_text("In May 2016 mother disclosed domestic abuse by her partner.").summary
    assert summary["domestic_abuse"] is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Child A was made subject to a child protection plan and was on the plan at the time of her death.",
            "current",
        ),
        (
            "Child A had been subject to a child protection plan for neglect; the plan ended a year before the incident.",
            "previous",
        ),
        ("Child A had never been subject to a child protection plan.", "none"),
        ("Child A's older brother had been subject to a child protection plan.", None),
        ("The conference decided against a child protection plan for Child A.", "none"),
        ("Child A did not meet the threshold for a child protection plan.", "none"),
    ],
)
def test_child_protection_plan(text: str, expected: object) -> None:
    assert extract_text(text).summary["child_protection_plan"] == expected


def test_learning_and_recommendations_sections_assert_nothing() -> None:
    text = (
        "Death of a 7-month-old boy from a head injury. Mother had experienced postnatal depression.\n\n"
        "Learning includes: the importance of involving fathers; professionals need to recognise "
        "the cumulative risk of domestic abuse, parental mental health problems and substance misuse.\n\n"
        "Recommendations include: training for GPs on neglect and learning disability in parents."
    )
    summary = extract_text(text).summary
    assert summary["parental_mental_health"] is True  # asserted in the case summary
    for key in (
        "domestic_abuse",
        "parental_drug_misuse",
        "neglect",
        "parental_learning_disability",
    ):
        assert summary[key] is None, key


def test_a_parent_convicted_of_manslaughter_has_a_record_the_harm_comes_from_the_account() -> None:
    # Manslaughter follows deaths from neglect as well as from injury (002 Appendix B keeps
    # them apart): the conviction is a record; physical abuse needs the injury or the assault.
    summary = extract_text(
        "Death of a 7-month-old boy. Father was convicted of manslaughter."
    ).summary
    assert summary["physical_abuse"] is None
    assert summary["parental_criminal_record"] is True
    shaken = extract_text(
        "Death of a 7-month-old boy who was shaken by his father. Father was convicted of manslaughter."
    ).summary
    assert shaken["physical_abuse"] is True


def test_a_service_counts_unless_the_same_person_is_said_to_be_well() -> None:
    both = "Mother was known to adult mental health services. Father had no mental health problems."
    assert extract_text(both).summary["parental_mental_health"] is True
    same = "Mother was assessed by mental health services. She had no mental health problems."
    assert extract_text(same).summary["parental_mental_health"] is False
