"""Assisted coding: the subject child's age, gender, ethnic group and whether the child died.

Ages follow the manual: months / 12, weeks x 7 / 365.25, days / 365.25, two decimals;
"newborn" 0; with several children the first named subject child. Ethnic groups are the five
of 002 Table 8.
"""

from __future__ import annotations

import pytest

from casereview.extract import extract_text


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Child A was a 15-year-old girl who lived with her mother.", 15),
        ("Child B, aged 2 years 4 months, was admitted to hospital.", 2.33),  # 2 + 4/12
        ("Baby C was a six-week-old boy.", 0.11),  # 42 / 365.25 = 0.115
        ("Baby D was 10 days old when she died.", 0.03),  # 10 / 365.25 = 0.027
        ("Child E was 17 years and 2 months old when he died.", 17.17),
        ("Baby F, a newborn girl, was found in a bin.", 0.0),
        ("Mother, aged 17, was living in a hostel with Baby G, then 3 months old.", 0.25),
        ("Child H, a boy aged 4, and his sister Child I, aged 18 months, were killed.", 4),
    ],
)
def test_child_age(text: str, years: float) -> None:
    age = extract_text(text).summary["child_age_years"]
    assert age is not None and abs(age - years) < 0.006


def test_no_age_when_only_adults_have_ages() -> None:
    assert (
        extract_text("Mother, aged 19, and father, aged 23, lived together.").summary[
            "child_age_years"
        ]
        is None
    )


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("Child A was a 3-month-old boy.", "male"),
        ("Child B lived with her mother and her mother's partner.", "female"),
        (
            "Child D was taken to hospital by ambulance. He was pronounced dead shortly after arrival.",
            "male",
        ),
    ],
)
def test_child_gender(text: str, gender: str) -> None:
    assert extract_text(text).summary["child_gender"] == gender


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Child M was a girl of White and Black Caribbean heritage.", "mixed"),
        ("The review concerns four siblings of Polish heritage.", "white"),
        ("Child N was a 13-year-old British Pakistani girl.", "asian"),
        ("Mother is White British and father is Black Caribbean.", "mixed"),
        ("Child O was of Arab heritage.", "other"),
        ("Child P was a Black African boy.", "black"),
    ],
)
def test_ethnicity(text: str, group: str) -> None:
    assert extract_text(text).summary["ethnicity"] == group


@pytest.mark.parametrize(
    ("text", "fatal"),
    [
        ("Child A was pronounced dead at hospital.", True),
        ("Child B sustained serious head injuries and died two days later.", True),
        ("Child C was admitted to hospital with a fractured skull; she survived.", False),
        (
            "Child D's father died when she was two. She was later admitted to hospital after an overdose.",
            False,
        ),
    ],
)
def test_fatal(text: str, fatal: bool) -> None:
    assert extract_text(text).summary["fatal"] is fatal


def test_review_criteria_are_not_a_death() -> None:
    text = (
        "A review is required where abuse or neglect is known or suspected and the child has "
        "died or been seriously harmed. Child E was admitted to hospital with burns."
    )
    assert extract_text(text).summary["fatal"] is False


def test_chronology_age_is_the_last_entry() -> None:
    text = (
        "Key episodes\n\nAged 14 months: Child T attends A&E with a burn.\n"
        "Aged 19 months: Police execute a drugs warrant.\n"
        "Aged 2 years 4 months: Child T is brought to hospital drowsy and agitated."
    )
    assert extract_text(text).summary["child_age_years"] == 2.33


def test_two_groups_for_the_child_are_mixed() -> None:
    text = "Baby C is of Black Caribbean and White British dual heritage."
    assert extract_text(text).summary["ethnicity"] == "mixed"
