"""Error classes found on real published summaries (tests/data/extract_real/dev_*.yaml) after
the first round: what a parent lived through as a child, pronouns inside a learning part, and
a report's list of contents. The sentences are written here in the style of the corpus's news
reports, listings and report extracts; none is copied from it."""

from __future__ import annotations

import pytest

from casereview.extract import extract_text


def summary(text: str) -> dict[str, object]:
    return extract_text(text).summary


# ------------------------------------------- a parent's own childhood (002 Appendix J, ACEs)
@pytest.mark.parametrize(
    "text",
    [
        "The father had grown up witnessing domestic violence as a child and left home at 16.",
        "In her own childhood the mother had lived with domestic abuse between her parents.",
        "Her partner, the baby's father, had seen his own father's violent relationship in childhood.",
    ],
)
def test_abuse_a_parent_saw_as_a_child_is_not_abuse_in_this_family(text: str) -> None:
    s = summary("Baby R, a girl aged four months, died in 2019. " + text)
    assert s["domestic_abuse"] is None


def test_abuse_of_a_parent_as_an_adult_still_counts() -> None:
    s = summary("Baby R, a girl aged four months, died in 2019. The father was violent to the mother.")
    assert s["domestic_abuse"] is True


# ------------------------------------------------------ pronouns in a learning part
@pytest.mark.parametrize(
    "text",
    [
        (
            "Learning themes include: how MARAC and MAPPA work together, and whether they "
            "identify domestic abuse where the victim makes no disclosure."
        ),
        (
            "Key learning: practitioners need to understand how their own assumptions shape "
            "what they see when parents have mental health problems."
        ),
    ],
)
def test_a_pronoun_in_a_learning_part_names_nobody_in_the_family(text: str) -> None:
    s = summary("Death of a 3-week-old boy in 2020 after a fall at home. " + text)
    assert (s["domestic_abuse"], s["parental_mental_health"]) == (None, None)


def test_a_named_parent_in_a_learning_part_still_counts() -> None:
    s = summary(
        "Death of a 3-week-old boy in 2020. Learning includes: the mother's postnatal depression "
        "was known to her GP but not shared with the health visitor."
    )
    assert s["parental_mental_health"] is True


# --------------------------------------------------------------- a report's contents
@pytest.mark.parametrize(
    "text",
    [
        (
            "The review goes on to consider the family history, the risks of domestic abuse during "
            "the pregnancy and the relevance of the MARAC referral."
        ),
        "This report examines parental mental health, housing and the transfer of the case.",
    ],
)
def test_a_list_of_the_reports_contents_asserts_nothing(text: str) -> None:
    s = summary("Child S, a boy aged two, suffered a fractured skull in 2017. " + text)
    assert (s["domestic_abuse"], s["parental_mental_health"]) == (None, None)


def test_what_the_review_considered_that_is_a_finding() -> None:
    s = summary(
        "Child S, a boy aged two, was injured in 2017. The review considered that the mother's "
        "depression had gone unrecognised."
    )
    assert s["parental_mental_health"] is True


# ------------------------------------- neglect from its definition (002 Appendix C)
@pytest.mark.parametrize(
    "text",
    [
        "Child P, aged three, drank a bottle of his father's methadone that had been left in the kitchen.",
        "The toddler swallowed several of her mother's tablets while the adults slept.",
        "A 20-month-old girl died after ingesting heroin found on the living room floor.",
    ],
)
def test_a_young_child_ingesting_a_harmful_substance_is_neglect(text: str) -> None:
    s = summary(text)
    assert (s["neglect"], s["child_substance_misuse"]) == (True, None)


def test_a_teenagers_own_overdose_is_not_neglect() -> None:
    s = summary("Child E, a 15-year-old girl, had swallowed tablets on three occasions that year.")
    assert s["neglect"] is None


def test_a_parent_swallowing_tablets_is_not_the_childs_neglect() -> None:
    s = summary("Baby W was a boy aged five months. In 2018 the mother swallowed tablets in the bathroom.")
    assert s["neglect"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Her mother repeatedly failed to take her to the dermatology clinic appointments.",
        "The stepfather did not register the children with a GP after the move.",
        "There was long-standing non-compliance with her asthma treatment plan at home.",
        "The parents did not follow medical advice about his feeding tube.",
    ],
)
def test_a_carer_not_acting_on_medical_care_is_medical_neglect(text: str) -> None:
    s = summary("Child N was a seven-year-old girl with severe eczema and asthma. " + text)
    assert s["neglect"] is True


def test_a_bare_missed_appointment_is_only_an_indicator() -> None:
    s = summary("Child N, a seven-year-old girl, missed two dental appointments in 2019.")
    assert s["neglect"] is None


# ------------------------------------------- child gender: whose "she" a pronoun is
def test_she_after_the_children_is_the_mother_not_the_child() -> None:
    s = summary(
        "The mother struggled to look after the children after her partner left, and she stopped "
        "answering the door to the health visitor."
    )
    assert s["child_gender"] is None


def test_she_after_the_child_with_the_mother_named_first_says_nothing_of_the_child() -> None:
    s = summary(
        "The review found that the mother hid the pregnancy and gave birth at home to Child M, "
        "whom she then left with a neighbour."
    )
    assert s["child_gender"] is None


def test_the_childs_own_pronoun_still_gives_the_gender() -> None:
    s = summary("Child M was taken to hospital in 2018. She had bruising to her face and arms.")
    assert s["child_gender"] == "female"
