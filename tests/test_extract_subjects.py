"""Assisted coding: who each finding is about (manual, "Who").

Parental flags count for parents and carers (mother, father, a parent's partner); facts about
grandparents, siblings, neighbours or other families count for nothing; child flags are about
the subject child, not siblings.
"""

from __future__ import annotations

import pytest

from casereview.extract import extract_text


def subjects(text: str, field: str) -> set[str]:
    return {s.subject for s in extract_text(text).suggestions if s.field == field}


@pytest.mark.parametrize(
    ("text", "field", "subject"),
    [
        ("Mother's partner had convictions for violence.", "par_criminal", "mother's partner"),
        ("Father misused cocaine at weekends.", "par_drugs", "father"),
        ("Mother had postnatal depression.", "par_mental_health", "mother"),
        ("Both parents had learning difficulties.", "par_learning_disability", "parents"),
        ("Child A, a 15-year-old girl, was self-harming.", "child_mental_health", "child"),
        ("The family had a long history of domestic abuse.", "fam_domestic_abuse", "family"),
        # possessives
        ("Concerns were raised about the father's drinking.", "par_alcohol", "father"),
        # "by" after the finding
        ("There were reports of heroin use by the mother.", "par_drugs", "mother"),
        # pronoun: the last person of the same gender
        ("Mother told the GP that she was depressed.", "par_mental_health", "mother"),
        # an initialled adult takes the role he is introduced with
        (
            "Child A lived with her mother and her partner, Mr F. Mr F had previous convictions.",
            "par_criminal",
            "mother's partner",
        ),
    ],
)
def test_subject_of_finding(text: str, field: str, subject: str) -> None:
    assert subject in subjects(text, field)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The maternal grandmother misused alcohol.", "parental_alcohol_misuse"),
        ("A neighbour had convictions for violence.", "parental_criminal_record"),
        (
            "A previous partner of the maternal grandmother had convictions for violence.",
            "parental_criminal_record",
        ),
        (
            "Child A's mother had a good relationship with her own mother, who misused drugs.",
            "parental_drug_misuse",
        ),
        ("Child A's older sister had been self-harming for a year.", "child_mental_health"),
        ("Child A was 2. Her brother was on a CP plan.", "child_protection_plan"),
        ("Her older brother had ADHD.", "child_disability"),
    ],
)
def test_other_people_do_not_count(text: str, key: str) -> None:
    assert extract_text(text).summary[key] is None


def test_parent_abused_as_a_child_is_not_child_sexual_abuse() -> None:
    summary = extract_text("Mother had been sexually abused as a child by her stepfather.").summary
    assert summary["sexual_abuse"] is None


def test_a_parents_previous_relationship_counts_as_domestic_abuse() -> None:
    text = "Father had convictions for actual bodily harm against a former partner."
    assert extract_text(text).summary["domestic_abuse"] is True


def test_abuse_by_a_named_perpetrator_is_about_the_child() -> None:
    text = "Child B, aged 4, was physically abused by her mother's partner."
    summary = extract_text(text).summary
    assert summary["physical_abuse"] is True
    assert summary["parental_criminal_record"] is None


def test_pronoun_object_is_not_the_subject_of_its_verb() -> None:
    text = "Child J, a 16-year-old boy, left home after his stepfather assaulted him."
    assert extract_text(text).summary["physical_abuse"] is True


def test_a_babys_positive_drug_test_is_the_parents_use() -> None:
    text = "Baby T, a girl aged 7 weeks, tested positive for cocaine at birth."
    summary = extract_text(text).summary
    assert summary["child_substance_misuse"] is None
    assert summary["parental_drug_misuse"] is True


def test_a_pseudonym_introduced_as_the_child_is_the_child() -> None:
    text = (
        "Sam's mother ended her relationship with the father early in pregnancy. "
        "At six months old Sam was presented at the GP with vomiting. "
        "Three weeks later he suffered a non-accidental brain injury."
    )
    summary = extract_text(text).summary
    assert summary["child_gender"] == "male"
    assert summary["physical_abuse"] is True
    assert summary["fatal"] is False


def test_a_heading_line_is_its_own_sentence() -> None:
    # Without the line break the heading's "family" would be the nearest person before "died".
    text = "Case study: complex family circumstances\nCara was a two-year-old girl who died from ingesting methadone."
    result = extract_text(text)
    died = next(s for s in result.suggestions if s.field == "fatal")
    assert died.subject == "child"
    assert died.evidence.startswith("Cara was")
