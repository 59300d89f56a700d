"""Assisted coding: the many ways reviews say the same thing.

One sentence per case, written for these tests in the language of review reports (not taken
from the development set); expected values follow docs/assisted-coding-manual.md: asserted
facts about parents/carers or the subject child are true, negated ones false, hedged ones,
other people's and general advice null.
"""

from __future__ import annotations

import pytest

from casereview.extract import extract_text

CASES = [
    (
        "At the time of the incident Child A was living with his mother and her new partner, Mr C, who had a history of drug misuse and violence.",
        "parental_drug_misuse",
        True,
    ),
    (
        "At the time of the incident Child A was living with his mother and her new partner, Mr C, who had a history of drug misuse and violence.",
        "parental_criminal_record",
        None,
    ),
    (
        "Child B's father, who did not live with the family, was a heroin user.",
        "parental_drug_misuse",
        True,
    ),
    (
        "The children were often cared for by their maternal aunt, who had a history of depression.",
        "parental_mental_health",
        True,
    ),
    (
        "Following the birth, the health visitor identified that mother was experiencing low mood and referred her to the GP.",
        "parental_mental_health",
        True,
    ),
    (
        "Mother, who had a diagnosed learning disability, struggled to understand the advice given.",
        "parental_learning_disability",
        True,
    ),
    (
        "The couple had a history of domestic abuse, with police called to the home on numerous occasions.",
        "domestic_abuse",
        True,
    ),
    ("Both parents were dependent on alcohol.", "parental_alcohol_misuse", True),
    (
        "Mother's previous partner had been imprisoned for offences against children.",
        "parental_criminal_record",
        True,
    ),
    ("Father was known to police as a drug dealer.", "parental_criminal_record", True),
    ("The family moved frequently and the children missed school.", "missing_episodes", None),
    (
        "Professionals were aware that mother had been a victim of domestic abuse in a previous relationship.",
        "domestic_abuse",
        True,
    ),
    (
        "Father told the social worker that he had stopped using cocaine.",
        "parental_drug_misuse",
        True,
    ),
    ("Mother had been abstinent from alcohol for two years.", "parental_alcohol_misuse", True),
    (
        "Father had no mental health history but had been drinking heavily since losing his job.",
        "parental_mental_health",
        False,
    ),
    (
        "Father had no mental health history but had been drinking heavily since losing his job.",
        "parental_alcohol_misuse",
        True,
    ),
    ("Mother described a childhood marked by neglect and sexual abuse.", "sexual_abuse", None),
    ("Mother described a childhood marked by neglect and sexual abuse.", "neglect", None),
    (
        "Child C's grandmother, who was his main carer, misused alcohol.",
        "parental_alcohol_misuse",
        True,
    ),
    (
        "Child A, 14, had been presenting at A&E with self-inflicted injuries.",
        "child_mental_health",
        True,
    ),
    ("Child B, 15, was admitted to an adolescent psychiatric unit.", "child_mental_health", True),
    (
        "Child C, 16, was experiencing suicidal ideation and had a plan to end her life.",
        "child_mental_health",
        True,
    ),
    (
        "Child D, 13, had been diagnosed with anxiety and depression by CAMHS.",
        "child_mental_health",
        True,
    ),
    (
        "Child E, 15, had been detained under section 136 after being found on a bridge.",
        "child_mental_health",
        True,
    ),
    (
        "Child F, 12, disclosed that she had been touched inappropriately by her stepfather.",
        "sexual_abuse",
        True,
    ),
    (
        "Child G, 8, made a disclosure of sexual abuse by her father, who was later convicted.",
        "sexual_abuse",
        True,
    ),
    ("Child H, 14, was found in a hotel room with an adult man.", "sexual_abuse", None),
    (
        "Child I, 15, was identified as a victim of CSE and was made subject to a CP plan.",
        "cse",
        True,
    ),
    ("Child J, 14, was being sexually exploited by a group of men in the town.", "cse", True),
    (
        "Child K, 2, was found to have multiple injuries including burns and fractures which had been caused by his mother's partner.",
        "physical_abuse",
        True,
    ),
    ("Child L, aged 4 months, had been shaken by her father.", "physical_abuse", True),
    ("Child M, 7, told his teacher that his dad hits him.", "physical_abuse", True),
    (
        "Child N, 10, had a diagnosis of autism spectrum condition and attended a special school.",
        "child_disability",
        True,
    ),
    (
        "Child O, 6, had complex health needs and was fed through a gastrostomy.",
        "child_disability",
        True,
    ),
    ("Child P, 9, had a moderate learning disability.", "child_disability", True),
    ("Child Q, 15, was regularly using cannabis and alcohol.", "child_substance_misuse", True),
    ("Child R, 16, had been drinking heavily since she was 13.", "child_substance_misuse", True),
    (
        "Child S, 14, was referred to the young people's substance misuse service after being found intoxicated.",
        "child_substance_misuse",
        True,
    ),
    ("Child T, 15, was taking MDMA at parties.", "child_substance_misuse", True),
    ("Child U, 13, was a regular cannabis user.", "child_substance_misuse", True),
    (
        "Child V, 16, was criminally exploited and forced to sell drugs.",
        "criminal_exploitation",
        True,
    ),
    (
        "Child W, 15, was found with a large amount of cash and drugs in a flat in another county.",
        "criminal_exploitation",
        None,
    ),
    ("Child X, 14, had been reported missing 12 times.", "missing_episodes", True),
    (
        "Child Y, 16, had not been seen at school for weeks and her whereabouts were unknown.",
        "missing_episodes",
        True,
    ),
    ("Child A lived with her mother, who was a heavy drinker.", "parental_alcohol_misuse", True),
    ("Mother's partner was known to use crack cocaine.", "parental_drug_misuse", True),
    ("The father was violent towards her mother.", "domestic_abuse", True),
    ("Police were called to the home after reports of a domestic.", "domestic_abuse", True),
    ("Mother had fled to a refuge with the children.", "domestic_abuse", True),
    ("Mother was diagnosed with depression after the birth.", "parental_mental_health", True),
    (
        "Father had been sectioned under the Mental Health Act in 2015.",
        "parental_mental_health",
        True,
    ),
    (
        "Mother had mild learning difficulties and struggled to read.",
        "parental_learning_disability",
        True,
    ),
    ("Father had served time in prison for burglary.", "parental_criminal_record", True),
    ("Father had a string of convictions for theft.", "parental_criminal_record", True),
    ("Child B, aged 2, was severely malnourished when admitted.", "neglect", True),
    ("The children were found living in squalid conditions.", "neglect", True),
    (
        "Child C, aged 3 months, had a fractured skull and rib fractures of different ages.",
        "physical_abuse",
        True,
    ),
    ("Child D, 14, disclosed that her stepfather had raped her.", "sexual_abuse", True),
    ("Child E, 15, had been taking overdoses and cutting herself.", "child_mental_health", True),
    ("Child F, 13, was diagnosed with autistic spectrum disorder.", "child_disability", True),
    ("Child G, 15, was drinking heavily and using cannabis daily.", "child_substance_misuse", True),
    ("Child H, 14, had run away from home several times.", "missing_episodes", True),
    (
        "Child I, 14, was being exploited by older men who gave her alcohol in exchange for sex.",
        "cse",
        True,
    ),
    ("Child J, 15, was running drugs for a gang.", "criminal_exploitation", True),
    (
        "Child K was on a child protection plan at the time of his death.",
        "child_protection_plan",
        "current",
    ),
    ("Child L was in foster care.", "looked_after", True),
    ("Child M, 16, had been in local authority care since the age of 9.", "looked_after", True),
    ("Child N, 15, had been accommodated under s20.", "looked_after", True),
    (
        "There was no evidence of any mental health problems for either parent.",
        "parental_mental_health",
        False,
    ),
    ("Neither parent had a criminal record.", "parental_criminal_record", False),
    (
        "Mother denied any history of domestic abuse, and none was known to agencies.",
        "domestic_abuse",
        False,
    ),
    (
        "It was suspected that father was using heroin but this was never confirmed.",
        "parental_drug_misuse",
        None,
    ),
    ("Child O, 15, may have been the victim of sexual exploitation.", "cse", None),
    ("The maternal grandfather had convictions for violence.", "parental_criminal_record", None),
    ("Child P's older brother, 17, was involved in county lines.", "criminal_exploitation", None),
    (
        "Practitioners should consider whether parents are misusing alcohol.",
        "parental_alcohol_misuse",
        None,
    ),
    ("Child Q died of a head injury. Post-mortem showed no evidence of neglect.", "neglect", False),
    (
        "Mother's boyfriend, who was not Child R's father, had a history of violence against women.",
        "domestic_abuse",
        True,
    ),
    ("The family lived in overcrowded and dirty accommodation.", "neglect", True),
    ("Mum had post natal depression.", "parental_mental_health", True),
    ("Dad was a regular cannabis user.", "parental_drug_misuse", True),
    (
        "Child S was subject to a CP plan for neglect which ended in 2017.",
        "child_protection_plan",
        "previous",
    ),
    ("Child T had never been on a plan.", "child_protection_plan", "none"),
    ("Child U, 15, had been self-harming.", "child_mental_health", True),
    ("The baby was born with neonatal abstinence syndrome.", "parental_drug_misuse", True),
    ("Child V, 14, was excluded from school and was missing education.", "missing_episodes", None),
    (
        "Child W, 16, had a diagnosis of ADHD and attended a pupil referral unit.",
        "child_disability",
        True,
    ),
    ("Mother had a history of being in care.", "looked_after", None),
    (
        "The couple's relationship was characterised by frequent arguments and physical fights.",
        "domestic_abuse",
        True,
    ),
    (
        "Child A, 2, lived with her mother and maternal grandparents. The grandfather was an alcoholic.",
        "parental_alcohol_misuse",
        None,
    ),
    (
        "Child B's mother had been subject to domestic abuse by a former partner before Child B was born.",
        "domestic_abuse",
        True,
    ),
    (
        "Mother reported that father had been emotionally abusive and controlling throughout their relationship.",
        "domestic_abuse",
        True,
    ),
    ("Mother said there had been no violence in the relationship.", "domestic_abuse", False),
    (
        "There were unconfirmed reports that mother was drinking heavily.",
        "parental_alcohol_misuse",
        None,
    ),
    (
        "An anonymous referral alleged that the parents were using drugs in front of the children.",
        "parental_drug_misuse",
        None,
    ),
    (
        "Hair strand tests later confirmed that mother had been using cocaine.",
        "parental_drug_misuse",
        True,
    ),
    ("Father's cannabis use was described as recreational.", "parental_drug_misuse", True),
    (
        "Mother had been prescribed antidepressants by her GP for low mood.",
        "parental_mental_health",
        True,
    ),
    (
        "Mother was assessed by the perinatal mental health team, who found no evidence of mental illness.",
        "parental_mental_health",
        False,
    ),
    ("Child C, 15, told her school nurse she felt suicidal.", "child_mental_health", True),
    (
        "Child D, aged 12, was referred to CAMHS for an autism assessment.",
        "child_mental_health",
        None,
    ),
    (
        "Child E, aged 4, had speech and language delay and was awaiting assessment for autism.",
        "child_disability",
        True,
    ),
    ("Child F's sister has cerebral palsy.", "child_disability", None),
    ("Child G, 13, had been groomed online by an adult male.", "sexual_abuse", True),
    (
        "Child H, 6, made an allegation of sexual abuse against her uncle which was not substantiated.",
        "sexual_abuse",
        None,
    ),
    (
        "Child I, 3 months, was found to have a bleed on the brain consistent with shaking.",
        "physical_abuse",
        True,
    ),
    (
        "The paediatrician concluded that the bruising was likely to be non-accidental.",
        "physical_abuse",
        None,
    ),
    (
        "Child J had been subject to a child protection plan since birth.",
        "child_protection_plan",
        "current",
    ),
    (
        "Child K was made subject to a child protection plan in 2016; the plan was discontinued in 2017.",
        "child_protection_plan",
        "previous",
    ),
    ("Child L, 17, was living in supported accommodation as a care leaver.", "looked_after", True),
    (
        "Child M was placed with her grandmother under a special guardianship order.",
        "looked_after",
        None,
    ),
    (
        "Child N, 15, was arrested for possession of cannabis with intent to supply.",
        "criminal_exploitation",
        True,
    ),
    (
        "The family were not known to children's social care and there were no concerns about neglect.",
        "neglect",
        False,
    ),
    ("Child O died in hospital three days after the assault.", "fatal", True),
    ("Child P was seriously injured but is making a good recovery.", "fatal", False),
    (
        "Child Q, 16, had been missing from his children's home for three days when he was found.",
        "missing_episodes",
        True,
    ),
    ("Child R, 14, was identified as at high risk of child sexual exploitation.", "cse", None),
    ("Mother was a victim of CSE as a teenager.", "cse", None),
    ("Father was on licence following his release from prison.", "parental_criminal_record", True),
    (
        "Mother's partner had previously been convicted of offences against children.",
        "parental_criminal_record",
        True,
    ),
    (
        "Mother had been in care as a child and had a learning disability.",
        "parental_learning_disability",
        True,
    ),
    ("Mother had been in care as a child and had a learning disability.", "looked_after", None),
]


@pytest.mark.parametrize(("text", "key", "expected"), CASES)
def test_summary_value(text: str, key: str, expected: object) -> None:
    assert extract_text(text).summary[key] == expected


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        # a practice failure about a fact asserts the fact
        ("Police did not take action about the domestic abuse.", "domestic_abuse", True),
        # not asking asserts nothing
        ("Mother was not asked about domestic abuse.", "domestic_abuse", None),
        ("Child A did not go missing.", "missing_episodes", False),
    ],
)
def test_practice_failures_and_questions(text: str, key: str, expected: object) -> None:
    assert extract_text(text).summary[key] == expected
