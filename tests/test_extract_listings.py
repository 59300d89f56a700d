"""Generalising beyond the development set's phrasing, continued: published-listing variants
(review-type headings, "Key issues: include:", a lost label, unlabelled tag lines, learning
headings on their own line), carers other than parents, convictions, a teenager's own use.
Summaries written for these tests; expected values follow docs/assisted-coding-manual.md.
"""

from __future__ import annotations

from typing import Any

import pytest

from casereview.extract import extract_text

CASES: list[tuple[str, dict[str, Any]]] = []


# Review-type headings, perpetrators' convictions, carers other than parents.
CASES += [
    (
        "Serious injury to a 4-year-old girl in 2018, bitten on the arm by a dog at a neighbour's house.",
        {"physical_abuse": None},
    ),
    (
        "Serious injury of a 2-year-old boy in a road traffic collision. Learning: car seats.",
        {"physical_abuse": None},
    ),
    (
        (
            "Physical abuse of a 3-year-old boy by his uncle, who looked after him while his mother "
            "worked. He was convicted of cruelty."
        ),
        {"physical_abuse": True, "parental_criminal_record": True},
    ),
    (
        "Sexual abuse of an 8-year-old girl by a neighbour, who was convicted of rape.",
        {"sexual_abuse": True, "parental_criminal_record": None},
    ),
    (
        (
            "Death of a 1-year-old boy. Mother's partner had convictions for assault and was subject "
            "to a restraining order."
        ),
        {"parental_criminal_record": True, "domestic_abuse": None},
    ),
    (
        (
            "Death of a 6-month-old girl from an inflicted head injury. Recommendations: raise "
            "awareness of the risks when a parent forms a new relationship; include domestic abuse "
            "and coercive control in training."
        ),
        {"physical_abuse": True, "domestic_abuse": None},
    ),
]


# A teenager's summary: use with nobody named is the young person's; a parent's own illness
# reported by the parent stays the parent's.
CASES += [
    (
        (
            "Death of a 16-year-old boy in 2019. History of school exclusion, cannabis and alcohol "
            "use from the age of 12 and a difficult relationship with his father."
        ),
        {
            "child_substance_misuse": True,
            "parental_drug_misuse": None,
            "parental_alcohol_misuse": None,
        },
    ),
    (
        (
            "Child W, a 15-year-old girl, died in 2020. Mother told the review that she had been "
            "prescribed antidepressants for depression."
        ),
        {"parental_mental_health": True, "child_mental_health": None},
    ),
    (
        (
            "Death of a 2-year-old girl. History of drug and alcohol use and a volatile relationship "
            "between her parents."
        ),
        {
            "parental_drug_misuse": True,
            "parental_alcohol_misuse": True,
            "child_substance_misuse": None,
        },
    ),
]


# Listing variants: "Key issues: include:", a lost label ("includes: ..."), "Issues identified
# include:", an unlabelled tag line, "maternal history of ...", attempted suffocation.
CASES += [
    (
        "2018 - Anonymous - Child Q\nNear-fatal suffocation of a 4-year-old girl by her mother in 2016, followed by the mother's attempt to take her own life.\nBackground: maternal history of depression and self-harm; no previous involvement with children's social care.\nKey issues: include: screening for maternal mental health was not embedded; professionals did not ask about thoughts of harming others.\nRecommendations: include: improve understanding of filicide risk where a parent has mental illness.\nKeywords: parents with mental health problems, filicide\nRead the overview report",
        {
            "physical_abuse": True,
            "parental_mental_health": True,
            "domestic_abuse": None,
            "child_mental_health": None,
        },
    ),
    (
        "2019 - Anonymous - Child J\nSerious neglect of a 15-year-old boy over several years. Background: maternal history of alcohol misuse and mental ill health. Child J had ADHD and was frequently missing from school.\nincludes: practitioners should consider the impact of parental alcohol misuse on adolescents; neglect of teenagers is often overlooked.\nKeywords: neglect, adolescents, alcohol misuse",
        {
            "neglect": True,
            "parental_alcohol_misuse": True,
            "parental_mental_health": True,
            "child_substance_misuse": None,
            "child_mental_health": None,
            "child_disability": True,
        },
    ),
    (
        "2015 - Unnamed LSCB - Baby E\nDeath of a 3-year-old boy in 2014 after swallowing his father's methadone. Father was on a methadone programme and was also using heroin. Both parents were convicted of manslaughter.\nIssues identified include: lack of safe storage advice; reliance on drug services to share concerns.\nRecommendations include: drug testing of children whose parents are known drug users.\nSubstance misuse, safe storage, unknown men",
        {
            "parental_drug_misuse": True,
            "parental_criminal_record": True,
            "child_substance_misuse": None,
        },
    ),
    (
        "2020 - Anonymous - Child H\nDeath of a 13-year-old girl by suicide in 2019. She had a history of self-harm and had been referred to CAMHS. Her parents had separated and her father had been violent towards her mother.\nLearning: agencies should share information about self-harm; young people's voices should be heard.\nKeywords: suicide, self-harm, domestic abuse, young people",
        {"child_mental_health": True, "domestic_abuse": True, "parental_mental_health": None},
    ),
    (
        "2017 - Anonymous - Child L\nSerious physical abuse of a 7-month-old boy by his father, who was sentenced to 4 years. Mother had a learning disability.\nLearning: professionals should not rely on a parent with a learning disability to report concerns; fathers should be included in assessments.\nModel: SILP.\nKeywords: physical abuse, fathers, parents with learning disabilities",
        {
            "physical_abuse": True,
            "parental_criminal_record": True,
            "parental_learning_disability": True,
        },
    ),
    (
        "2021 - Anonymous - Child D\nCriminal exploitation of a 16-year-old boy, who was found with drugs in a flat in another county. He had been reported missing 12 times and was permanently excluded from school. His mother had been in prison. He smoked cannabis daily.\nLearning includes: children who go missing may be being exploited.\nKeywords: county lines, criminal exploitation, missing children, school exclusion",
        {
            "criminal_exploitation": True,
            "missing_episodes": True,
            "parental_criminal_record": True,
            "child_substance_misuse": True,
            "parental_drug_misuse": None,
        },
    ),
    (
        "2016 - Anonymous - Child T\nDeath of a 9-week-old baby in 2015 while co-sleeping with his mother on a sofa after she had drunk alcohol. The family were known to children's social care because of neglect of the older siblings.\nKey issues: safe sleep messages were not tailored to the family.\nKeywords: sudden infant death, co-sleeping, alcohol, neglect",
        {"neglect": None},
    ),
    (
        "Death of a 6-week-old girl in 2016. Mother had a history of heroin use and had been in care as a child. Makes recommendations about pre-birth assessments for mothers who misuse drugs and have mental health problems.",
        {"parental_drug_misuse": True, "parental_mental_health": None, "looked_after": None},
    ),
]


# Neglect named and described, carers and non-carers convicted, a teenager exploited.
CASES += [
    (
        "Death of a 4-month-old boy in 2017. The children had been subject to child protection plans under the category of neglect which had ended six months before. Mother was known to have a history of cannabis use.",
        {"neglect": True, "parental_drug_misuse": True},
    ),
    (
        "Serious harm to a 2-year-old girl through chronic neglect. The house was described as squalid, with dog faeces on the floor. Both parents misused alcohol.",
        {"neglect": True, "parental_alcohol_misuse": True, "parental_drug_misuse": None},
    ),
    (
        "Death of a 14-month-old boy from pneumonia. There was a delay in seeking medical help by his parents, who had mild learning disabilities.",
        {"parental_learning_disability": True},
    ),
    (
        "Death of a 3-year-old girl. Father had a long criminal history including drug offences and had served several prison sentences.",
        {"parental_criminal_record": True, "parental_drug_misuse": None},
    ),
    (
        "Sexual abuse of a 10-year-old girl by a family friend, who was later jailed. Her mother had depression.",
        {"sexual_abuse": True, "parental_criminal_record": None, "parental_mental_health": True},
    ),
    (
        "Death of a 5-month-old baby. Mother's new partner, who had moved into the household two weeks earlier, was a registered sex offender.",
        {"parental_criminal_record": True},
    ),
    (
        "Serious injury to a 9-week-old boy who sustained a fractured skull and rib fractures. Both parents denied causing the injuries and no one was prosecuted. Father had previously been cautioned for possession of cannabis.",
        {"physical_abuse": True, "parental_criminal_record": True},
    ),
    (
        "Death of a 16-year-old girl who was murdered by her 19-year-old boyfriend. She had previously disclosed that he was controlling.",
        {"physical_abuse": True, "domestic_abuse": None, "parental_criminal_record": None},
    ),
    (
        "2018 - Anonymous - Child R\nDeath of a 1-year-old boy in 2016 in a house fire. Parents had been drinking. Learning: fire safety advice should be given to families where parents misuse alcohol or drugs.\nKeywords: house fires, alcohol misuse, neglect",
        {"neglect": None, "parental_drug_misuse": None},
    ),
    (
        "Death of a 15-year-old boy who was stabbed in 2019. He had been groomed into selling drugs by older males and had been arrested for possession with intent to supply. His mother had reported him missing several times.",
        {
            "criminal_exploitation": True,
            "missing_episodes": True,
            "physical_abuse": True,
            "parental_criminal_record": None,
            "child_substance_misuse": None,
            "parental_drug_misuse": None,
        },
    ),
    (
        "Death of an 8-month-old girl. Postmortem found she had been physically abused over a period of time. Mother and her partner were both convicted of causing or allowing her death.",
        {"physical_abuse": True, "parental_criminal_record": True},
    ),
    (
        "A 13-year-old boy with autism was restrained by staff at his residential school. Learning: use of restraint on disabled children.",
        {"child_disability": True, "looked_after": None},
    ),
]

# Learning parts under headings on their own line, "Learning points:", "Key themes:" (dev_repository.yaml
# header: learning lines assert nothing, however many risks they name).
CASES += [
    (
        "Death of a 2-year-old boy in 2015 from a head injury. Mother's partner was convicted of murder.\n\nLearning\nProfessionals should be alert to domestic abuse, parental drug misuse and mental health problems.\n\nRecommendations\nTraining on neglect and coercive control.",
        {
            "physical_abuse": True,
            "parental_criminal_record": True,
            "domestic_abuse": None,
            "parental_drug_misuse": None,
            "parental_mental_health": None,
            "neglect": None,
        },
    ),
    (
        "Death of a 2-year-old boy in 2015 from a head injury. Mother's partner was convicted of murder. Learning points: domestic abuse; drug misuse; mental health.",
        {"domestic_abuse": None, "parental_drug_misuse": None, "parental_mental_health": None},
    ),
    (
        "Death of a 6-week-old baby. Lessons learned: neglect and domestic violence were not recognised by agencies working with the family.",
        {"neglect": None, "domestic_abuse": None},
    ),
    (
        "Serious injury to a 3-month-old girl. Key learning: the impact of parental substance misuse and domestic abuse on babies.",
        {"parental_drug_misuse": None, "domestic_abuse": None},
    ),
    (
        "Death of a 10-year-old boy. Key themes: neglect, parental alcohol misuse.",
        {"neglect": None, "parental_alcohol_misuse": None},
    ),
    (
        "Death of a 17-year-old girl by suicide. Background: Child had a diagnosis of autism and had been known to CAMHS for anxiety. Mother had a history of depression. Learning: the needs of autistic girls.",
        {"child_disability": True, "child_mental_health": True, "parental_mental_health": True},
    ),
]


# "... when she would not stop crying and was convicted": the conviction is not hypothetical.
CASES += [
    (
        (
            "Serious injury of a 5-week-old boy. Father admitted shaking him when he would not stop "
            "crying and was convicted of grievous bodily harm. Father had no previous convictions."
        ),
        {"physical_abuse": True, "parental_criminal_record": True},
    ),
]


# Sexual abuse in exchange for something is exploitation (manual: CSE).
CASES += [
    (
        (
            "A 15-year-old boy disclosed that older men had sexually abused him in exchange for "
            "cannabis and a place to stay."
        ),
        {"cse": True, "sexual_abuse": True},
    ),
    (
        "A 10-year-old girl was sexually abused by her stepfather for two years.",
        {"cse": None, "sexual_abuse": True},
    ),
]


# A parent's own childhood, negated risks, a Background line after a learning line.
CASES += [
    (
        "Death of a 19-month-old boy. Mother had been in care as a child and had a history of self-harm as a teenager.",
        {"looked_after": None, "parental_mental_health": True, "child_mental_health": None},
    ),
    (
        "Serious injury to a 14-year-old girl with learning disabilities who was sexually exploited by adult men.",
        {"child_disability": True, "cse": True, "parental_learning_disability": None},
    ),
    (
        "Death of a 7-week-old baby. Both parents were heroin users and the father was alcohol dependent.",
        {"parental_drug_misuse": True, "parental_alcohol_misuse": True},
    ),
    (
        "Death of a 2-year-old girl. There was a history of domestic abuse in the mother's previous relationships.",
        {"domestic_abuse": True},
    ),
    (
        "Death of a 4-month-old boy in 2016. There was no evidence of domestic abuse, substance misuse or mental ill health in the family.",
        {
            "domestic_abuse": False,
            "parental_drug_misuse": False,
            "parental_alcohol_misuse": False,
            "parental_mental_health": False,
        },
    ),
    (
        "Physical abuse of a 6-year-old boy by his stepmother. Concerns about neglect had been raised by the school but were not acted on.",
        {"physical_abuse": True, "neglect": None},  # concerns raised: not established
    ),
    (
        "Death of a 15-year-old boy who had misused solvents and was known to the youth offending team. His mother had multiple sclerosis.",
        {
            "child_substance_misuse": True,
            "parental_learning_disability": None,
            "child_disability": None,
            "parental_criminal_record": None,
        },
    ),
    (
        "A 12-year-old girl went missing from her foster placement and was found two days later. She had been sexually exploited.",
        {"missing_episodes": True, "cse": True},
    ),
    (
        "Death of a 3-month-old boy. Learning: practitioners should ask about safe sleep. Background: history of domestic abuse, parental substance misuse and maternal depression.",
        {
            "domestic_abuse": True,
            "parental_drug_misuse": True,
            "parental_alcohol_misuse": None,  # "substance misuse" alone: drugs
            "parental_mental_health": True,
        },
    ),
    (
        "Death of a 3-month-old boy. Background: known to universal services only. Key issues: include: recognition of domestic abuse and parental substance misuse by universal services.",
        {"domestic_abuse": None, "parental_drug_misuse": None},
    ),
]


# A label line after a long line without a full stop still starts its own sentence.
CASES += [
    (
        (
            "Death of a 4-month-old boy in 2016 after co-sleeping with his parents on a sofa in the "
            "family home\nKeywords: domestic abuse, parental substance misuse, neglect"
        ),
        {"domestic_abuse": None, "parental_drug_misuse": None, "neglect": None, "fatal": True},
    ),
    (
        (
            "Serious injury to a 7-month-old girl with rib fractures that were found to be inflicted\n"
            "Learning: domestic abuse and parental drug use can reduce a parent's capacity"
        ),
        {"physical_abuse": True, "domestic_abuse": None, "parental_drug_misuse": None},
    ),
]


# Key issues and learning lines: a named parent's fact counts, general themes do not.
CASES += [
    (
        "Death of a 2-month-old boy. Key issues: lack of understanding of the impact of domestic abuse on the children; drug use by fathers.",
        {"domestic_abuse": None, "parental_drug_misuse": None},
    ),
    (
        "Death of a 2-month-old boy. Key issues: the mother's alcohol misuse was not explored by the health visitor.",
        {"parental_alcohol_misuse": True},
    ),
    (
        "Death of a 2-month-old boy. Key issues: professionals did not recognise the father's history of violence towards previous partners.",
        {"domestic_abuse": True},
    ),
    (
        "Death of a 2-month-old boy. Learning: the impact of the mother's mental health on her parenting was not understood.",
        {"parental_mental_health": True},
    ),
    (
        "Death of a 2-month-old boy. Recommendations: agencies should ensure the family's housing needs and the mother's depression are assessed.",
        {"parental_mental_health": None},
    ),
]


# A labelled background list is the case's own, not a line of topic tags.
CASES += [
    (
        (
            "Death of a 2-year-old girl in 2016. Background: domestic abuse, maternal mental health "
            "problems, parental drug misuse."
        ),
        {"domestic_abuse": True, "parental_mental_health": True, "parental_drug_misuse": True},
    ),
]


@pytest.mark.parametrize("text,want", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_summary_flags(text: str, want: dict[str, Any]) -> None:
    got = extract_text(text).summary
    assert {k: got[k] for k in want} == want
