"""Assisted coding on whole case summaries written for these tests (not the development set),
in the forms reviews are published in: an SCR summary with a learning section, a rapid review,
a present-tense case summary with initials, a summary of two children. Expected values follow
docs/assisted-coding-manual.md; keys not listed are not checked here.
"""

from __future__ import annotations

from typing import Any

import pytest

from casereview.extract import extract_text

SUMMARIES: list[tuple[str, dict[str, Any]]] = [
    (
        (
            "Serious case review: Child Y\n"
            "\n"
            "Death of a 15-year-old girl in 2017 by suicide. Child Y had a history of self-harm, low mood and disordered eating, and had made disclosures of sexual abuse by a family friend when she was 11. She had been open to CAMHS and was on a waiting list for therapy at the time of her death. Child Y lived with her mother and younger brother; her parents had separated following domestic abuse. Mother had depression and was herself under the care of the community mental health team. There were no concerns about substance misuse in the household.\n"
            "\n"
            "Learning includes: professionals need to understand the impact of trauma on adolescents; the importance of joint working between CAMHS and children's social care."
        ),
        {
            "child_age_years": 15,
            "child_gender": "female",
            "fatal": True,
            "domestic_abuse": True,
            "parental_mental_health": True,
            "parental_alcohol_misuse": False,
            "parental_drug_misuse": False,
            "sexual_abuse": True,
            "child_mental_health": True,
        },
    ),
    (
        "Baby X was 11 weeks old when he was admitted to hospital with a serious head injury, rib fractures and bruising. Medical evidence indicated the injuries were non-accidental. Baby X survived but has been left with significant brain damage. His parents were both in their early twenties. Father had a history of violent offending and had spent time in a young offender institution. Mother was a care leaver. There was no evidence of drug or alcohol misuse by either parent. The family were known to children's social care because of concerns about domestic abuse, and Baby X had been assessed as a child in need before his birth. He was not subject to a child protection plan. Baby X and his twin sister are now in foster care.",
        {
            "child_age_years": 0.21,
            "child_gender": "male",
            "fatal": False,
            "physical_abuse": True,
            "parental_criminal_record": True,
            "parental_alcohol_misuse": False,
            "parental_drug_misuse": False,
            "domestic_abuse": None,  # known "because of concerns about" it: not established
            "child_protection_plan": "none",
            "looked_after": True,
        },
    ),
    (
        "Child V was a 3-year-old boy who died from dehydration and starvation. He was found in a flat with his mother, who had died of a drug overdose some days earlier. Mother had a long history of heroin use and was on a methadone script. She had been known to children's services as a child and had been in care. Child V's father was in prison. Child V had been subject to a child protection plan under the category of neglect which ended a year before his death. Health visitors had not seen him for 18 months, and he had not been registered with a GP.",
        {
            "child_age_years": 3,
            "child_gender": "male",
            "fatal": True,
            "parental_drug_misuse": True,
            "parental_criminal_record": True,
            "neglect": True,
            "child_protection_plan": "previous",
        },
    ),
    (
        "Child U, a 16-year-old boy of mixed heritage, was stabbed to death in a park. He had been excluded from school at 14 and had links with a local gang. Police intelligence suggested that he was being used to deliver drugs. He had been reported missing by his mother on several occasions. He had been known to the youth offending team after convictions for robbery. His mother had been a victim of domestic abuse from his father, who had served a prison sentence for assault. There is no evidence that Child U had mental health problems, though he smoked cannabis regularly.",
        {
            "child_age_years": 16,
            "child_gender": "male",
            "ethnicity": "mixed",
            "fatal": True,
            "physical_abuse": True,
            "criminal_exploitation": True,
            "missing_episodes": True,
            "domestic_abuse": True,
            "parental_criminal_record": True,
            "child_mental_health": False,
            "child_substance_misuse": True,
        },
    ),
    (
        "Child S is a 9-year-old girl who lives with her mother, Ms A, and Ms A's partner, Mr B. In March 2019 Child S told her teacher that Mr B had hurt her. She had bruises to her arms and back. Mr B has previous convictions for assault and drug offences. Ms A has a history of anxiety and depression and uses cannabis. The couple's relationship is volatile and police have attended the home on four occasions following reports of arguments; on one occasion Ms A had a black eye. Child S has an older half-brother, aged 17, who has been involved in county lines and has been missing from home. Child S has ADHD.",
        {
            "child_age_years": 9,
            "child_gender": "female",
            "physical_abuse": True,
            "parental_criminal_record": True,
            "parental_mental_health": True,
            "parental_drug_misuse": True,
            "domestic_abuse": True,
            "criminal_exploitation": None,
            "missing_episodes": None,
            "child_disability": True,
            "fatal": False,
        },
    ),
    (
        "This review concerns two children, Child C (aged 6) and Child D (aged 4). Both children were found at home alone, in a flat with no food, no heating and dog faeces on the floor, after their mother was arrested for shoplifting. Mother had a learning disability and had been supported by an advocate. She did not drink alcohol or use drugs. The children had been subject to child protection plans for neglect for two years and remained on plans at the time of the incident. Both children were placed in foster care.",
        {
            "child_age_years": 6,
            "neglect": True,
            "parental_learning_disability": True,
            "parental_alcohol_misuse": False,
            "parental_drug_misuse": False,
            "child_protection_plan": "current",
            "looked_after": True,
            "fatal": False,
        },
    ),
    (
        (
            "Rapid review: Baby Q\n"
            "\n"
            "Baby Q, a 10-day-old girl, died after being shaken by her father. Father, 19, had been in care himself and had been convicted of robbery at 17. Mother, 18, reported that she had felt low since the birth but had not seen her GP. Neither parent was known to use drugs, though father drank alcohol at weekends. There had been no previous concerns about domestic abuse. Baby Q was not known to children's social care."
        ),
        {
            "child_age_years": 0.03,
            "child_gender": "female",
            "fatal": True,
            "physical_abuse": True,
            "parental_criminal_record": True,
            "parental_drug_misuse": False,
            "domestic_abuse": False,
            "child_protection_plan": None,
        },
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), SUMMARIES, ids=[f"summary-{i}" for i in range(len(SUMMARIES))]
)
def test_summary(text: str, expected: dict[str, Any]) -> None:
    summary = extract_text(text).summary
    wrong = {k: (summary[k], v) for k, v in expected.items() if summary[k] != v}
    assert not wrong, wrong


NOTIFICATION = """Serious incident notification

Child: Child K
Age: 4 years
Gender: Male
Ethnicity: White British
Incident: Serious harm - non-accidental head injury
Child protection plan: Yes (neglect)
Looked after: No
Domestic abuse: Yes
Parental mental health: Not known
Parental substance misuse: No
Parental learning disability: No

Questions for practitioners
Did agencies understand the impact of the father's drinking? How well was the child heard?
"""


def test_a_notification_form() -> None:
    summary = extract_text(NOTIFICATION).summary
    assert summary["child_age_years"] == 4
    assert summary["child_gender"] == "male"
    assert summary["ethnicity"] == "white"
    assert summary["fatal"] is False
    assert summary["physical_abuse"] is True
    assert summary["child_protection_plan"] == "current"
    assert summary["looked_after"] is False
    assert summary["domestic_abuse"] is True
    assert summary["parental_mental_health"] is None  # "Not known"
    assert summary["parental_drug_misuse"] is False
    assert summary["parental_learning_disability"] is False
    # a question asserts nothing about the father's drinking
    assert summary["parental_alcohol_misuse"] is False  # from "substance misuse: No"


TEENAGER = """Child L was 15 when she took an overdose of her mother's prescribed medication. Her mother \
had been treated for depression for many years and the family had struggled financially since \
her father left. She had been self-harming since Year 8 and had told a school counsellor that \
she felt hopeless. She was drinking alcohol most weekends and had started using cannabis with \
older friends. Her mother was unaware of this. She had previously been referred to CAMHS but \
the referral was not accepted.

In the months before the overdose she was increasingly absent from school. Her mother reported \
her missing on two occasions. There was no evidence that she was being sexually exploited."""


def test_a_teenagers_own_difficulties_are_hers_not_her_mothers() -> None:
    summary = extract_text(TEENAGER).summary
    assert summary["child_mental_health"] is True
    assert summary["child_substance_misuse"] is True
    assert summary["missing_episodes"] is True
    assert summary["cse"] is False
    assert summary["parental_mental_health"] is True  # the mother's depression
    assert summary["parental_drug_misuse"] is None
    assert summary["parental_alcohol_misuse"] is None
    assert summary["fatal"] is False


def test_he_in_a_boys_world_is_the_boy_and_his_fathers_denial_is_about_him() -> None:
    text = (
        "Child M, a 16-year-old boy, lived with his father after his mother moved abroad. His "
        "father worked long hours and had a history of alcohol misuse. He was often out late and "
        "was known to police for carrying a knife. He told his youth worker that he was being "
        "made to sell drugs to pay off a debt. His father said he had never been violent to him."
    )
    summary = extract_text(text).summary
    assert summary["parental_alcohol_misuse"] is True
    assert summary["parental_criminal_record"] is None  # the knife was the boy's
    assert summary["criminal_exploitation"] is True
    assert summary["physical_abuse"] is False  # "never been violent to him"
    assert summary["domestic_abuse"] is None
