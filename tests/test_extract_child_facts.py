"""Child facts in the language of published case summaries (docs/assisted-coding-manual.md):
age at the incident in years (months / 12, weeks x 7 / 365.25, days / 365.25, two decimals),
whether the child died, the child protection plan and looked-after status."""

from __future__ import annotations

import pytest

from casereview.extract import extract_text


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Death of a 2-year-1-month-old girl in 2016 from a head injury.", 2.08),  # 2 + 1/12
        ("Death of a 2-year-4-month-old boy following a head injury.", 2.33),  # 2 + 4/12
        ("Death of a 2-year-6-month-old girl from abdominal injuries.", 2.5),
        ("Serious injury of a 21 month old boy with fractures.", 1.75),  # 21/12
        ("Death of a 14-week-old baby boy while co-sleeping.", 0.27),  # 98/365.25
        ("Death of an 8-day-old girl at home.", 0.02),  # 8/365.25 = 0.0219
        ("Death of a six-week-old baby who was found unresponsive.", 0.11),
        ("Death of a baby aged eleven weeks from a skull fracture.", 0.21),  # 77/365.25
        ("Child X was 15 years 4 months old when she was found hanged.", 15.33),
        ("Child Y had just turned 13 when she was sexually exploited by a group of men.", 13),
        ("Serious injury of a twenty-two-month-old boy who was shaken.", 1.83),  # 22/12
        ("Death of a baby aged thirty-one weeks after a head injury.", 0.59),  # 217/365.25
        ("Death of a baby aged 3½ months in 2014.", 0.29),  # 3.5/12
        ("Child A, aged 14½, was sexually exploited.", 14.5),
        (
            (
                "Concerns about serious harm to three siblings, a 9-year-old boy and his two "
                "younger sisters, through suspected fabricated illness."
            ),
            9,
        ),
        ("Murder of a mother by her former partner in front of her 8-year-old son.", 8),
        ("Deaths of two brothers aged 3 and 5 in a house fire.", 3),
        ("Neglect of three siblings aged 8, 6 and 4.", 8),
        ("Death of a 3-year-old girl and serious injury to her 6-year-old brother.", 3),
    ],
)
def test_age_in_summary_language(text: str, years: float) -> None:
    age = extract_text(text).summary["child_age_years"]
    assert age is not None and abs(age - years) <= 0.006


@pytest.mark.parametrize(
    "text",
    [
        "Child A lived with her mother, aged 24, and her 17-year-old brother.",
        "Death of a young person (age not stated) who took his own life.",
        "Concerns about an unborn baby whose mother used heroin.",
        "Death of a baby boy, less than one month old, from starvation.",
    ],
)
def test_no_age_for_others_or_unstated(text: str) -> None:
    assert extract_text(text).summary["child_age_years"] is None


@pytest.mark.parametrize(
    ("text", "fatal"),
    [
        ("Neglect of a 10-year-old boy and his two younger sisters over six years.", False),
        ("Attempted drowning of a 5-year-old girl by her father in 2016.", False),
        ("Abduction of a 14-year-old girl by a man she met online.", False),
        ("Sexual abuse of a 12-year-old girl by her stepfather over three years.", False),
        ("Serious and sustained physical abuse of a 3-year-old boy by his mother.", False),
        ("A 16-year-old girl may have died by suicide after months of online bullying.", True),
        ("Child K was killed by his father in 2017.", True),
        ("Neglect of a 2-year-old boy, who died of dehydration while his mother slept.", True),
        ("Sexual abuse and death of a 4-year-old girl.", True),
        ("Near fatal injuries to a 10-week-old baby boy, including a skull fracture.", False),
        ("Near fatal neglect of a 3-year-old girl found alone in a flat.", False),
        ("Life threatening injuries to a 5-month-old baby.", False),
        ("Baby K died unexpectedly aged four months in May 2013.", True),
        ("Death of a 4-month-old boy, Child B, in 2016.", True),
        ("Baby A was found unresponsive and could not be resuscitated.", True),
        ("Child B was placed on life support, which was withdrawn two days later.", True),
        ("Death of Child C, aged 3, in 2015.", True),
        ("Murder of two brothers, aged 9 and 11, by their father.", True),
    ],
)
def test_fatal_from_opening_words(text: str, fatal: bool) -> None:
    assert extract_text(text).summary["fatal"] is fatal


def test_harm_title_only_at_the_opening() -> None:
    text = (
        "Child A was a 7-year-old boy who lived with his mother. "
        "The family moved often. Mother had a learning disability. "
        "Practitioners should recognise neglect of a child early."
    )
    assert extract_text(text).summary["fatal"] is None


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        (
            (
                "Child Y and her brothers had been subject to child protection plans under the "
                "category of neglect twice, most recently ending in 2009."
            ),
            "previous",
        ),
        (
            (
                "Child R had been subject to a child protection plan under the category of neglect "
                "from 2014 to 2015."
            ),
            "previous",
        ),
        (
            (
                "Child M had been subject to a child protection plan under the category of sexual "
                "abuse when the partner first moved in; the plan ended after the mother said the "
                "relationship was over."
            ),
            "previous",
        ),
        (
            (
                "Child L was on a child protection plan for neglect for eighteen months, ending a "
                "year before the incident."
            ),
            "previous",
        ),
        (
            (
                "Child A was subject to a Child Protection plan under the category of neglect at "
                "the time of her death."
            ),
            "current",
        ),
        (
            (
                "Baby D had been made subject to a child protection plan under the category of "
                "neglect six weeks before the admission."
            ),
            "current",
        ),
        (
            (
                "Child Q had been subject to a child protection plan since March 2016 under the "
                "category of emotional abuse."
            ),
            "current",
        ),
        (
            (
                "Child J was subject to a child protection plan between 2012 and 2013 and again "
                "from 2015 until her death."
            ),
            "current",
        ),
        (
            (
                "Child J was subject to a child in need plan, having previously been subject to "
                "a child protection plan for neglect."
            ),
            "previous",
        ),
        (
            (
                "Child E had been on a child protection plan for emotional abuse for two years when "
                "she died."
            ),
            "current",
        ),
        (
            "Child G was subject to a child protection plan until a month before her death.",
            "previous",
        ),
        (
            "Child K was subject to a child protection plan from birth until the age of 2.",
            "previous",
        ),
        ("Child E had never been subject to a child protection plan.", "none"),
        ("Child E was made subject to a child protection plan after the incident.", None),
        (
            (
                "Following the incident, Child G was made subject to a child protection plan "
                "under the category of physical abuse."
            ),
            None,
        ),
        (
            (
                "Child F was subject to a child protection plan at the time of the incident and, "
                "after the incident, was placed in foster care."
            ),
            "current",
        ),
        ("Child F was not subject to a plan at the time of the incident.", "none"),
        ("After the incident Child H lived with her mother under a child in need plan.", None),
        ("Child I's older sister was subject to a child protection plan for neglect.", None),
        ("The family were known to universal services only.", None),
    ],
)
def test_child_protection_plan(text: str, plan: str | None) -> None:
    assert extract_text(text).summary["child_protection_plan"] == plan


@pytest.mark.parametrize(
    ("text", "looked_after"),
    [
        (
            (
                "Child P was privately fostered by an unrelated woman; the local authority had not "
                "been notified, and Child P was never looked after."
            ),
            False,
        ),
        ("Child P lived with a private foster carer from the age of 8.", None),
        ("Child A lived with her grandmother in a kinship foster placement.", True),
        (
            "Child B was placed with his aunt under a connected person foster care arrangement.",
            True,
        ),
        ("Child E had been in the care of the local authority since the age of 3.", True),
        ("Child F was a CLA at the time of her death.", True),
        ("Child G lived with her father under a child arrangements order.", None),
        ("Child H lived with her grandmother under a special guardianship order.", None),
        (
            (
                "Child I had been in foster care as a baby and was later placed with her "
                "grandmother under a special guardianship order."
            ),
            True,
        ),
        (
            (
                "A residential placement to improve access to treatment had been agreed but had "
                "not started."
            ),
            None,
        ),
        ("Child K's older brother was in foster care.", None),
        ("Death of a 16-year-old unaccompanied asylum-seeking young person.", True),
    ],
)
def test_looked_after(text: str, looked_after: bool | None) -> None:
    assert extract_text(text).summary["looked_after"] is looked_after


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Neglect of a 6-year-old Romany Gypsy boy.", "white"),
        ("Child B, a 12-year-old Irish Traveller girl, was sexually exploited.", "white"),
        ("Serious injury of a 4-month-old Nigerian baby.", "black"),
        ("Child C was an Eritrean young person aged 16.", "black"),
        ("Child D was of White and Black African heritage.", "mixed"),
        ("Child F was a girl of Arab heritage.", "other"),
        ("Death of a 15-year-old boy. Ethnicity and nationality not stated.", None),
        ("Death of a 2-year-old girl. Her mother is Polish.", None),
        ("Death of a 2-year-old girl. The family are Pakistani.", "asian"),
        ("Child A and her mother are White British.", "white"),
        ("The family spoke Arabic at home.", None),  # a language, not an ethnic group
        ("Child A is Black British of Nigerian heritage.", "black"),
        ("Child E's mother is Polish and his father is Lithuanian.", "white"),
        (
            (
                "Child C lived with her mother, who is White British, and her father, who is Black "
                "Caribbean."
            ),
            "mixed",
        ),
        ("Death of a 10-month-old Traveller boy.", "white"),
        ("Chronic neglect of five children in a family of Roma heritage.", "white"),
        ("Child Y, a 5 year old Black British male, received life-threatening injuries.", "black"),
    ],
)
def test_ethnicity_of_the_child(text: str, group: str | None) -> None:
    assert extract_text(text).summary["ethnicity"] == group


@pytest.mark.parametrize(
    "text",
    [
        "Death of a 15-year-old in 2018 following a stabbing.",
        "Serious injury of a 4-month-old baby who was admitted with rib fractures.",
        "Death of a 17-year-old. They had been known to CAMHS for two years.",
    ],
)
def test_gender_unstated(text: str) -> None:
    assert extract_text(text).summary["child_gender"] is None


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        (
            (
                "Baby G died at the age of 19 days from a head injury. Father admitted to the police "
                "that he had dropped her and then shaken her."
            ),
            "female",
        ),
        (
            (
                "Baby M is admitted to hospital with a skull fracture. Father says he tripped while "
                "carrying her."
            ),
            "female",
        ),
        ("Child T is brought to hospital drowsy. Mother says he picked something up.", "male"),
        ("Child W was found at home. Mother said she had been asleep.", None),
        ("Child A (female, aged 15) was found hanged at home.", "female"),
        ("The young person, a 16 year old male, died after being stabbed.", "male"),
        ("Mother, a 24 year old female, was interviewed. Child D was found.", None),
    ],
)
def test_gender_from_a_pronoun_past_a_parent_of_the_other_gender(
    text: str, gender: str | None
) -> None:
    assert extract_text(text).summary["child_gender"] == gender
