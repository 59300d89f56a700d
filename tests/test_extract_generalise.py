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
        {"parental_drug_misuse": True, "parental_alcohol_misuse": True},
    ),
    (
        "A 3-month-old boy died. His parents both had substance misuse problems.",
        {"parental_drug_misuse": True, "parental_alcohol_misuse": True},
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
            "child_substance_misuse": True,
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
        {"physical_abuse": True, "neglect": True},
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
            "parental_alcohol_misuse": True,
            "parental_mental_health": True,
        },
    ),
    (
        "Death of a 3-month-old boy. Background: known to universal services only. Key issues: include: recognition of domestic abuse and parental substance misuse by universal services.",
        {"domestic_abuse": None, "parental_drug_misuse": None},
    ),
]


@pytest.mark.parametrize("text,want", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_summary_flags(text: str, want: dict[str, Any]) -> None:
    got = extract_text(text).summary
    assert {k: got[k] for k in want} == want


# Physical abuse: inflicted by a person (true), found accidental (false), an accident, a fall,
# self-harm or an assault on a parent (not mentioned for the child: null).
PHYSICAL: list[tuple[str, bool | None]] = [
    ("A 4-year-old boy told his teacher that his father had hit him with a belt.", True),
    ("Mother's partner punched the 3-year-old girl in the stomach.", True),
    ("The 8-year-old boy had been beaten by his stepfather on several occasions.", True),
    ("A 2-year-old girl died from abdominal injuries inflicted by her mother's boyfriend.", True),
    (
        "Death of a 9-month-old boy from a traumatic brain injury. His father was convicted of his murder.",
        True,
    ),
    (
        "A 5-month-old baby was admitted with a spiral fracture of the femur which doctors considered non-accidental.",
        True,
    ),
    ("The baby had bruises to his face and ears that could not be explained.", True),
    ("The 6-year-old girl said that her mother kicked and slapped her.", True),
    ("Death of a 3-year-old boy who was killed by his mother's partner in 2015.", True),
    (
        "A 10-week-old boy sustained a skull fracture when his father dropped him; the injury was accepted as accidental.",
        False,
    ),
    ("A 2-year-old girl fractured her arm falling from a trampoline.", None),
    ("A 14-year-old boy died after being hit by a car.", None),
    ("Death of a 16-year-old girl from head injuries after a fall from a bridge.", None),
    (
        "The father had a history of violence towards previous partners. The 1-year-old girl died of sudden infant death syndrome.",
        None,
    ),
    ("Mother sustained facial injuries when she was assaulted by the father.", None),
    ("A 15-year-old girl had self-inflicted injuries to her arms.", None),
    ("The 5-year-old boy was physically chastised by his father, who used a slipper.", True),
    ("Child F, aged 7, disclosed that her stepfather hurt her.", True),
    (
        "The harmful sexual behaviour of a 16-year-old boy, who sexually assaulted a younger child.",
        None,
    ),
]


@pytest.mark.parametrize("text,want", PHYSICAL, ids=[f"physical{i}" for i in range(len(PHYSICAL))])
def test_physical_abuse(text: str, want: bool | None) -> None:
    assert extract_text(text).summary["physical_abuse"] is want


# The child's own mental health: a young person's self-harm, diagnosis or CAMHS care (true), a
# parent's illness or a baby's parent's overdose (null), CAMHS for ADHD (null), found well (false).
CHILD_MH: list[tuple[str, bool | None]] = [
    (
        "A 14-year-old girl had been cutting herself and expressed suicidal thoughts to her school.",
        True,
    ),
    ("Child B, 15, was referred to CAMHS for low mood and anxiety.", True),
    ("A 13-year-old boy was diagnosed with depression in 2018.", True),
    ("A 16-year-old girl with an eating disorder was admitted to a psychiatric unit.", True),
    ("The 12-year-old boy was very anxious about returning home.", None),
    ("A 15-year-old boy was known to CAMHS for an ADHD diagnosis.", None),
    (
        "Child D, 14, had emotional and behavioural difficulties and attended a pupil referral unit.",
        True,
    ),
    ("A 17-year-old girl died by suicide in 2019.", True),
    (
        "A 4-month-old baby died; his mother had postnatal depression and had taken an overdose.",
        None,
    ),
    ("The 3-year-old girl died. Her father had a history of self-harm and psychosis.", None),
    ("A 15-year-old girl took her own life. Her mother had bipolar disorder.", True),
    (
        "A 16-year-old boy experienced trauma after witnessing domestic abuse and had nightmares.",
        None,
    ),
    ("A 15-year-old boy was assessed by CAMHS, who found no mental health difficulties.", False),
]


@pytest.mark.parametrize("text,want", CHILD_MH, ids=[f"child_mh{i}" for i in range(len(CHILD_MH))])
def test_child_mental_health(text: str, want: bool | None) -> None:
    assert extract_text(text).summary["child_mental_health"] is want


# Domestic abuse is between the parents or carers or against one of them (manual), in a
# previous relationship too; not a teenager's own relationship, grandparents, an uncle, a
# neighbour, or arguments alone.
DOMESTIC: list[tuple[str, bool | None]] = [
    ("A 15-year-old girl was in a violent relationship with her 19-year-old boyfriend.", None),
    ("The maternal grandparents had a violent relationship.", None),
    ("Father was violent towards the 4-year-old boy.", None),
    ("Mother's previous partner had been violent towards her.", True),
    (
        "Police were called to the home on several occasions following arguments between the parents.",
        None,
    ),
    ("There were reports of shouting and arguments between mother and her partner.", None),
    ("Mother disclosed that her partner was controlling and had hit her.", True),
    ("Father had assaulted a neighbour.", None),
    ("The children witnessed violence between their parents.", True),
    ("Mother had a non-molestation order against the father.", True),
    ("The uncle was violent towards his wife.", None),
    ("The family home was visited by police after a domestic incident.", True),
]


@pytest.mark.parametrize("text,want", DOMESTIC, ids=[f"da{i}" for i in range(len(DOMESTIC))])
def test_domestic_abuse(text: str, want: bool | None) -> None:
    assert extract_text(text).summary["domestic_abuse"] is want


# Sexual abuse of the subject child (true); a sibling's, a parent's childhood, an offender's
# images of other children or the child's own harmful behaviour (null); unfounded (false).
SEXUAL: list[tuple[str, bool | None]] = [
    ("A 7-year-old girl disclosed that her stepfather had touched her inappropriately.", True),
    ("A 12-year-old girl was raped by a 17-year-old boy she met online.", True),
    ("A 14-year-old girl was groomed online and sent indecent images to an adult man.", True),
    ("A 9-year-old boy was the victim of sexual abuse by his uncle.", True),
    ("Indecent images of a 4-year-old girl were found on her father's computer.", True),
    ("The 10-year-old boy displayed harmful sexual behaviour towards younger children.", None),
    ("Father had a conviction for downloading indecent images of children.", None),
    ("Mother had been sexually abused as a child.", None),
    ("A 15-year-old girl made an allegation of sexual assault which was not substantiated.", False),
    ("A 6-year-old girl was sexually assaulted by a lodger in 2017.", True),
    ("An 11-year-old boy was subjected to sexual abuse by his older brother.", True),
    ("The older sister had been sexually abused by the father.", None),
    ("Intrafamilial child sexual abuse of a 5-year-old girl.", True),
]


@pytest.mark.parametrize("text,want", SEXUAL, ids=[f"sexual{i}" for i in range(len(SEXUAL))])
def test_sexual_abuse(text: str, want: bool | None) -> None:
    assert extract_text(text).summary["sexual_abuse"] is want


# Neglect named or described (002 Appendix C indicators the manual counts); a parent's own
# childhood, a learning line and an absence of concerns say nothing; "not a feature" is false.
NEGLECT: list[tuple[str, bool | None]] = [
    ("The 3-year-old boy was found alone in the flat, hungry and in a soiled nappy.", True),
    ("The children were frequently left unsupervised and the home had no food.", True),
    ("A 2-year-old girl was severely malnourished when she was admitted.", True),
    (
        "The home conditions were described as very poor, with rubbish and dog faeces throughout.",
        True,
    ),
    ("The 8-year-old had rotten teeth and head lice and was often dirty at school.", True),
    ("The children were on child protection plans for neglect.", True),
    ("Social workers were concerned about neglect of the children's basic needs.", True),
    ("The parents failed to take the baby to hospital despite obvious signs of illness.", True),
    (
        "The 5-year-old was subject to a child in need plan because of concerns about home conditions and school attendance.",
        True,
    ),
    ("Neglect was not a feature of this case.", False),
    ("The mother had herself been neglected as a child.", None),
    ("Learning: neglect is often missed in adolescents.", None),
    ("The school had no concerns about the 9-year-old's care.", None),
]


@pytest.mark.parametrize("text,want", NEGLECT, ids=[f"neglect{i}" for i in range(len(NEGLECT))])
def test_neglect(text: str, want: bool | None) -> None:
    assert extract_text(text).summary["neglect"] is want
