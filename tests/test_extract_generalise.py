"""Generalising beyond the development set's phrasing: short case summaries written for these
tests in the published repository style (section labels with and without colons, inline after a
full stop, unlabelled topic-tag lines), a teenager's own harm, a parent's conviction, animals and
accidents. Expected values follow docs/assisted-coding-manual.md; keys not listed are not checked.
"""

from __future__ import annotations

from typing import Any

import pytest

from casereview.extract import extract_text

CASES: list[tuple[str, dict[str, Any]]] = [
    (
        "Death of a 2-year-old boy in 2015. Child was found unresponsive at home. Learning: domestic abuse, parental mental health and substance misuse should be considered. Keywords: domestic abuse, neglect, parental substance misuse, mental health.",
        {
            "domestic_abuse": None,
            "neglect": None,
            "parental_drug_misuse": None,
            "parental_alcohol_misuse": None,
            "parental_mental_health": None,
        },
    ),
    (
        "Serious injury of a 4-month-old girl in 2016. Baby was admitted with bruising. Key issues include: recognising domestic violence; parental drug use. Recommendations include: training on neglect.",
        {"domestic_abuse": None, "parental_drug_misuse": None, "neglect": None},
    ),
    (
        "Death of a 10-week-old baby in 2017 from a non-accidental head injury. Father was convicted of manslaughter. Learning includes the need to engage fathers, domestic abuse and mental health.",
        {
            "physical_abuse": True,
            "parental_criminal_record": True,
            "domestic_abuse": None,
            "parental_mental_health": None,
        },
    ),
    (
        "Child T, aged 15, died by suicide. Child T had a history of drug and alcohol use from the age of 13 and had self-harmed. Child T was known to CAMHS.",
        {
            "child_substance_misuse": True,
            "child_mental_health": True,
            "parental_drug_misuse": None,
            "parental_alcohol_misuse": None,
            "parental_mental_health": None,
        },
    ),
    (
        "A 16-year-old girl took an overdose and was admitted to hospital. She had self-harmed since the age of 12 and had been referred to CAMHS. Her mother had depression.",
        {
            "child_mental_health": True,
            "parental_mental_health": True,
            "child_substance_misuse": None,
        },
    ),
    (
        "A 2-year-old boy died after swallowing his mother's methadone. Mother was on a methadone programme and had a long history of heroin use.",
        {"child_substance_misuse": None, "parental_drug_misuse": True, "physical_abuse": None},
    ),
    (
        "A 7-month-old boy was killed by his father. Father was convicted of murder and sentenced to life imprisonment.",
        {"physical_abuse": True, "parental_criminal_record": True},
    ),
    (
        "A 3-year-old girl was murdered by her mother's partner. He was convicted of murder.",
        {"physical_abuse": True, "parental_criminal_record": True},
    ),
    (
        "A 5-week-old baby was shaken by his father and suffered abusive head trauma. Father received a prison sentence.",
        {"physical_abuse": True, "parental_criminal_record": True},
    ),
    (
        "Baby H, aged 8 weeks, was found to have multiple fractures which were non-accidental. Both parents were charged with causing or allowing serious physical harm.",
        {"physical_abuse": True, "parental_criminal_record": None},
    ),
    (
        "A 4-year-old girl was bitten by the family dog and died of her injuries. There were concerns about poor home conditions.",
        {"physical_abuse": None},
    ),
    (
        "A 14-year-old boy was stabbed by another young person in the street. He had been involved in county lines.",
        {"physical_abuse": True, "criminal_exploitation": True},
    ),
    (
        "Mother was assaulted by her partner in front of the children. The 6-year-old boy was later admitted to hospital after an accidental fall.",
        {"domestic_abuse": True, "physical_abuse": None},
    ),
    (
        "The children were subject to child protection plans under the category of neglect. The 4-year-old boy died in a house fire.",
        {"neglect": True},
    ),
    (
        "Death of a 9-month-old girl. The family home was in a poor condition and there was a failure to seek medical attention for the baby's illness. Parents were convicted of child cruelty.",
        {"neglect": True, "parental_criminal_record": True},
    ),
    (
        "An 18-month-old boy suffered chronic neglect over many months. Neglectful care was recognised by the health visitor.",
        {"neglect": True},
    ),
    (
        "A 2-year-old girl drowned in the bath. Mother had a history of substance misuse.",
        # "substance misuse" alone means drugs (manual 'parental_drug_misuse')
        {"parental_drug_misuse": True, "parental_alcohol_misuse": None},
    ),
    (
        "A 3-month-old boy died. His parents both had substance misuse problems.",
        {"parental_drug_misuse": True, "parental_alcohol_misuse": None},
    ),
    (
        "A 12-year-old girl was sexually abused by her teacher, who was convicted and imprisoned.",
        {"sexual_abuse": True, "parental_criminal_record": None},
    ),
    (
        "A 9-year-old boy was sexually abused by a second cousin, who was later convicted.",
        {"sexual_abuse": True, "parental_criminal_record": None},
    ),
    (
        "A 6-month-old baby died. Father was charged with murder but the charge was later dropped.",
        {"parental_criminal_record": None},
    ),
    (
        "A 13-year-old girl died following a fall from a window. She had been missing from home several times. Learning: child sexual exploitation, self-harm, substance misuse. Keywords: child sexual exploitation, missing children, self-harm",
        {
            "missing_episodes": True,
            "cse": None,
            "child_mental_health": None,
            "child_substance_misuse": None,
        },
    ),
    (
        "Death of a 1-year-old boy in 2014. Read the overview report. Physical abuse, neglect, domestic abuse, parental mental health, substance misuse",
        {
            "physical_abuse": None,
            "neglect": None,
            "domestic_abuse": None,
            "parental_mental_health": None,
        },
    ),
    (
        "Serious injury of a 6-week-old girl. Key issues: mother's drug use was not recognised by the midwife; father's history of domestic violence was not shared.",
        {"parental_drug_misuse": True, "domestic_abuse": True},
    ),
    (
        "A 15-year-old boy overdosed on prescription medication. He was known to CAMHS and had self-harmed.",
        {
            "child_mental_health": True,
            "child_substance_misuse": None,
            "parental_drug_misuse": None,
            "parental_mental_health": None,
        },
    ),
    (
        "Death of a 17-year-old girl. She had misused drugs and alcohol from a young age and had been known to the youth offending team.",
        {
            "child_substance_misuse": True,
            "parental_drug_misuse": None,
            "parental_alcohol_misuse": None,
            "parental_criminal_record": None,
        },
    ),
    (
        "Non-fatal injuries to a 5-month-old boy. The baby had inflicted injuries including a skull fracture. Mother's partner was sentenced to 6 years.",
        {"physical_abuse": True, "parental_criminal_record": True},
    ),
    (
        "Death of a 4-year-old girl in 2013 following physical abuse by her stepfather, who was found guilty of murder. Learning includes: neglect, domestic violence.",
        {
            "physical_abuse": True,
            "parental_criminal_record": True,
            "neglect": None,
            "domestic_abuse": None,
        },
    ),
    (
        "Child K, a 14-year-old boy, was sentenced for robbery. Recommendations (to the partnership) include: improve the response to child criminal exploitation and parental alcohol misuse.",
        {
            "criminal_exploitation": None,
            "parental_alcohol_misuse": None,
            "parental_criminal_record": None,
        },
    ),
    (
        "Death of a baby boy aged 3 months. Model: SCIE learning together systems model. Keywords: co-sleeping, parental alcohol misuse, domestic abuse.",
        {"parental_alcohol_misuse": None, "domestic_abuse": None},
    ),
]


# A teenager's own harm, a parent's conviction, tag lines, lead-ins and learning parts.
MORE: list[tuple[str, dict[str, Any]]] = [
    (
        "Child M, a 16-year-old boy, lived with his mother and stepfather. He had a history of drug and alcohol use from the age of 13 and was excluded from school.",
        {
            "child_substance_misuse": True,
            "parental_drug_misuse": None,
            "parental_alcohol_misuse": None,
        },
    ),
    (
        "Death of a 15-year-old girl by suicide in 2018. She lived with her mother, who worked nights. She had self-harmed and had taken an overdose in 2017. She was referred to CAMHS.",
        {"child_mental_health": True, "parental_mental_health": None, "parental_drug_misuse": None},
    ),
    (
        "A 14-year-old girl lived with her mother. Her mother told the GP that she had been self-harming and had taken an overdose of paracetamol.",
        {"child_mental_health": True, "parental_mental_health": None},
    ),
    (
        "A 17-year-old boy died from an overdose of heroin. He had been using cannabis since the age of 12. His father had a history of alcohol misuse.",
        {
            "child_substance_misuse": True,
            "parental_alcohol_misuse": True,
            "parental_drug_misuse": None,
        },
    ),
    (
        "A 2-year-old girl died after ingesting methadone prescribed to her father. Father was on a methadone programme.",
        {"child_substance_misuse": None, "parental_drug_misuse": True},
    ),
    (
        "A 19-month-old boy was admitted to hospital after ingesting cocaine at home. Both parents used cocaine.",
        {"child_substance_misuse": None, "parental_drug_misuse": True},
    ),
    (
        "Serious injury of a 15-year-old girl who was admitted with alcohol poisoning. She had been drinking alcohol with older men and was being sexually exploited. Her mother had depression.",
        {
            "child_substance_misuse": True,
            "cse": True,
            "sexual_abuse": True,
            "parental_mental_health": True,
            "parental_alcohol_misuse": None,
        },
    ),
    (
        "Child P, a 16-year-old young man, died by suicide. He had been diagnosed with depression and anxiety and had been known to CAMHS. There were concerns about his cannabis use. His parents had separated.",
        {
            "child_mental_health": True,
            "child_substance_misuse": None,  # "concerns about his cannabis use": a worry
            "parental_mental_health": None,
            "parental_drug_misuse": None,
        },
    ),
    (
        "2017 - Anonymous - Child S\nDeath of a 3-month-old girl in 2016 while co-sleeping with her parents after they had been drinking. Both parents had a history of substance misuse.\nLearning includes: safe sleep advice should be repeated; parental alcohol use increases the risk.\nKeywords: sudden infant death, co-sleeping, alcohol misuse, substance misuse",
        {"parental_alcohol_misuse": True, "parental_drug_misuse": True},
    ),
    (
        "2019 - Anonymous - Child B\nSerious injury of a 10-week-old boy with a non-accidental head injury and rib fractures. Mother had postnatal depression. Father was convicted of grievous bodily harm.\nKey issues: the father's history of violence was not known to health professionals.\nLearning: professionals should consider the risks posed by men in the household, including domestic abuse and drug misuse.\nRecommendations: ensure fathers are included in assessments.\nKeywords: non-accidental injuries, head injuries, fathers, mental health, domestic abuse",
        {
            "physical_abuse": True,
            "parental_mental_health": True,
            "parental_criminal_record": True,
            "domestic_abuse": None,
            "parental_drug_misuse": None,
        },
    ),
    (
        "2016 - Unnamed LSCB - Child N\nDeath of a 4-year-old boy from neglect and starvation. He had been subject to a child protection plan. Learning: neglect can be hidden. Keywords: neglect, disguised compliance, parental learning disabilities",
        {"neglect": True, "parental_learning_disability": None},
    ),
    (
        "Death of a 5-week-old baby girl in 2015. The baby was found unresponsive in the parents' bed. Learning identified around safe sleeping, parental drug use and domestic abuse. Recommendations around information sharing.",
        {"parental_drug_misuse": None, "domestic_abuse": None},
    ),
    (
        "Death of a 2-year-old boy in 2014 from an abusive head trauma. Mother's partner was convicted of manslaughter. Mother had learning difficulties. Child protection, neglect, domestic violence, physical abuse, drug misuse.",
        {
            "physical_abuse": True,
            "parental_criminal_record": True,
            "parental_learning_disability": True,
            "neglect": None,
            "domestic_abuse": None,
            "parental_drug_misuse": None,
        },
    ),
    (
        "Death of a 1-year-old girl in 2016. Her father was convicted of her murder. Key issues include the impact of domestic abuse on the mother's capacity to protect, and parental mental health.",
        {
            "physical_abuse": True,
            "parental_criminal_record": True,
            "domestic_abuse": True,
            "parental_mental_health": None,
        },
    ),
    (
        "Sexual abuse of a 13-year-old girl by her stepfather, who was convicted and received a 12-year sentence. She self-harmed and was referred to CAMHS.",
        {
            "sexual_abuse": True,
            "parental_criminal_record": True,
            "child_mental_health": True,
            "parental_mental_health": None,
        },
    ),
    (
        "Death of a 16-year-old boy who was stabbed by a stranger. His mother had been in prison. He had been excluded from school.",
        {"physical_abuse": True, "parental_criminal_record": True},
    ),
    (
        "Death of a 7-year-old boy who was killed by his mother, who then killed herself. Mother had a history of depression.",
        {"physical_abuse": True, "parental_mental_health": True},
    ),
    (
        "A 6-week-old boy was found to have a fractured skull and bleeding on the brain, which were non-accidental. No one was charged.",
        {"physical_abuse": True, "parental_criminal_record": None},
    ),
    (
        "The 3-year-old girl died from a scald in the bath; the injury was accidental. She had been left unsupervised.",
        {"physical_abuse": False},
    ),
    (
        "Death of a 14-year-old boy in a road traffic collision. He had been reported missing the night before. He had ADHD. Learning: criminal exploitation, county lines, missing episodes.",
        {"missing_episodes": True, "child_disability": True, "criminal_exploitation": None},
    ),
    (
        "The family were known to children's social care because of neglect, and the children were on child protection plans under the category of neglect.",
        {"neglect": True},
    ),
    (
        "Neglect was identified as a concern by the school. The home was found to be in a very poor state with no food.",
        {"neglect": True},
    ),
    (
        "There was a failure to seek medical attention when the baby became unwell.",
        {"neglect": True},
    ),
    (
        "Mother's partner, a schedule 1 offender, had a conviction for assaulting a previous partner. The child was 4.",
        {"parental_criminal_record": True, "domestic_abuse": True},
    ),
    (
        "Father had been charged with assault but the case did not go to court.",
        {"parental_criminal_record": None},
    ),
    (
        "The 15-year-old girl was sexually exploited by a group of men, some of whom were later convicted.",
        {"cse": True, "parental_criminal_record": None},
    ),
]
CASES += MORE


# Life-limiting and long-term conditions are the child's disability (manual); in a learning
# or keywords line they say nothing.
CASES += [
    (
        (
            "Death of a 12-year-old boy with a life-limiting heart condition. Learning: families of "
            "children with chronic illnesses need support."
        ),
        {"child_disability": True},
    ),
    (
        "Death of a 14-year-old girl with cystic fibrosis in 2016.",
        {"child_disability": True},
    ),
    (
        (
            "Death of a 3-year-old boy in a house fire. Keywords: children with chronic illnesses, "
            "disabled children, fire safety."
        ),
        {"child_disability": None},
    ),
]


@pytest.mark.parametrize("text,want", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_summary_flags(text: str, want: dict[str, Any]) -> None:
    got = extract_text(text).summary
    assert {k: got[k] for k in want} == want
