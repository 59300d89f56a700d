"""Error classes found on real published summaries (tests/data/extract_real/dev_*.yaml), fixed
as classes: who a finding is about when several people are named, what a conviction says
(and does not say) about how a child was harmed, violence against people outside the family,
and a worry ("concerns about") that is not a finding. The sentences are written here in the
style of news reports and repository listings; none is copied from the corpus."""

from __future__ import annotations

import pytest

from casereview.extract import extract_text


def summary(text: str) -> dict[str, object]:
    return extract_text(text).summary


# ---------------------------------------------------------------- who: coordinated subjects
@pytest.mark.parametrize(
    "text",
    [
        (
            "A four-month-old boy died of starvation in 2016. His mother and grandmother "
            "were jailed for six years each."
        ),
        "Baby Q died in 2019. The mother and her partner were later jailed for cruelty.",
        "Both the father and the paternal uncle were imprisoned for the assault.",
    ],
)
def test_a_finding_about_a_parent_and_a_relative_is_the_parents_too(text: str) -> None:
    assert summary(text)["parental_criminal_record"] is True


def test_a_relative_alone_is_still_not_a_parent() -> None:
    text = "Child L lived with her mother. Her uncle and grandfather were jailed for drug offences."
    assert summary(text)["parental_criminal_record"] is None


def test_words_inside_a_phrase_are_not_a_coordinated_subject() -> None:
    # "as a child ... and father": the father's own registration is not the baby's plan
    s = summary(
        "Baby J, aged 10 weeks, died of head injuries. Mother was abused as a child and father "
        "spent time on the child protection register as a teenager."
    )
    assert s["child_protection_plan"] is None


# ---------------------------------------------------- violence against people outside the family
@pytest.mark.parametrize(
    "text",
    [
        (
            "Police were called to a disturbance in 2016; the father assaulted two officers and was "
            "arrested."
        ),
        "Mother's partner had attacked a stranger outside a nightclub the year before.",
    ],
)
def test_assaulting_an_outsider_is_violent_offending_not_domestic_or_child_abuse(text: str) -> None:
    s = summary("Child K was a 2-year-old girl. " + text)
    assert s["parental_criminal_record"] is True
    assert s["domestic_abuse"] is None
    assert s["physical_abuse"] is None


def test_assaulting_the_mother_is_still_domestic_abuse() -> None:
    assert summary("Child K was 2. Her father assaulted the mother in 2017.")["domestic_abuse"]


# ----------------------------------------------- convictions: a record, not the kind of harm
@pytest.mark.parametrize(
    "text",
    [
        (
            "Death of a 5-month-old boy from severe malnutrition. Both parents pleaded guilty to "
            "manslaughter."
        ),
        (
            "A toddler died after drinking methadone left within reach. Her mother was convicted of "
            "manslaughter and child cruelty."
        ),
        "The 16-year-old mother pleaded guilty to infanticide.",
    ],
)
def test_a_parent_convicted_of_manslaughter_has_a_record_but_the_charge_is_not_the_injury(
    text: str,
) -> None:
    s = summary(text)
    assert s["parental_criminal_record"] is True
    assert s["physical_abuse"] is None


def test_a_killing_by_someone_outside_the_family_is_physical_abuse() -> None:
    s = summary(
        "Death of a 16-year-old boy in a street fight. A man was convicted of manslaughter."
    )
    assert s["physical_abuse"] is True
    assert s["parental_criminal_record"] is None


def test_a_murder_conviction_still_names_the_harm() -> None:
    s = summary("Child N died in 2018 and his father was convicted of murder.")
    assert (s["physical_abuse"], s["parental_criminal_record"]) == (True, True)


def test_a_charge_is_not_a_conviction() -> None:
    s = summary(
        "After the baby drowned, the mother was charged with neglect; the trial is pending."
    )
    assert s["parental_criminal_record"] is None


def test_charged_and_sentenced_is_a_record() -> None:
    s = summary("Both parents were charged with neglect and sentenced at the crown court in 2021.")
    assert s["parental_criminal_record"] is True


# ------------------------------------------------------------ a worry is not a finding
@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Social workers had known the girls for years because of concerns about neglect.",
            "neglect",
        ),
        (
            "The family were referred following concerns over domestic abuse and the boys' behaviour.",
            "domestic_abuse",
        ),
        (
            "Teachers raised concerns about the mother's drinking with the school nurse.",
            "parental_alcohol_misuse",
        ),
    ],
)
def test_concerns_about_something_leave_it_unestablished(text: str, key: str) -> None:
    assert summary("Child M was a 12-year-old girl. " + text)[key] is None


def test_no_concerns_about_is_still_a_negation() -> None:
    s = summary(
        "Child S was a 14-year-old boy. There had been no earlier concerns about his mental "
        "health, and no concerns about neglect."
    )
    assert (s["child_mental_health"], s["neglect"]) == (False, False)


def test_concerns_about_the_impact_of_abuse_take_the_abuse_as_given() -> None:
    s = summary(
        "Baby E was six months old. Children's social care were working with the family because "
        "of concerns about the impact of domestic abuse on her older brother."
    )
    assert s["domestic_abuse"] is True


def test_an_asserted_fact_beats_a_concern_about_it() -> None:
    s = summary(
        "Child B was 3. There were concerns about neglect. The home was filthy and the children "
        "were malnourished."
    )
    assert s["neglect"] is True


def test_a_suicide_attempt_in_plain_words_is_the_childs_mental_health() -> None:
    s = summary(
        "Child S, a 13-year-old girl, tried to hang herself after months of online grooming. "
        "There had been no earlier concerns about her mental health."
    )
    assert s["child_mental_health"] is True


# ------------------------------------------------ drink and drugs: what the words commit to
def test_substance_misuse_alone_is_drugs_not_drink() -> None:
    s = summary(
        "Child T, aged 2, died after drinking methadone. His mother was a long-term substance "
        "misuser on a methadone programme."
    )
    assert (s["parental_drug_misuse"], s["parental_alcohol_misuse"]) == (True, None)


def test_no_substance_misuse_rules_out_both() -> None:
    s = summary("Child L was 9. No substance misuse was identified in the family.")
    assert (s["parental_drug_misuse"], s["parental_alcohol_misuse"]) == (False, False)


@pytest.mark.parametrize(
    "text",
    [
        "Officers found the father drunk in the street outside the flat.",
        "The six-week-old suffocated while sleeping between her drunk parents after a party.",
    ],
)
def test_drunk_once_is_not_problem_drinking(text: str) -> None:
    assert summary(text)["parental_alcohol_misuse"] is None


def test_often_drunk_is_problem_drinking() -> None:
    s = summary("Child C was 4. Neighbours said the mother was often drunk by midday.")
    assert s["parental_alcohol_misuse"] is True


# ------------------------------------------- neglect from its definition (002 Appendix C)
@pytest.mark.parametrize(
    "text",
    [
        (
            "Child D, a 3-month-old boy, was left alone in his pram for twelve hours while his "
            "mother went out."
        ),
        "The 10-month-old had untreated burns to both feet when she was admitted.",
        (
            "Baby F, five months old, died of rickets. His parents had delayed seeking medical help "
            "for three days."
        ),
        "After her birth the parents refused consent to medical treatment for Baby G.",
    ],
)
def test_failures_of_care_are_neglect_without_the_word(text: str) -> None:
    assert summary(text)["neglect"] is True


def test_a_teenager_in_a_placement_without_supervision_is_not_a_neglected_young_child() -> None:
    s = summary(
        "Child E was 15 and lived in a children's home. Inspectors criticised a lack of "
        "supervision at night."
    )
    assert s["neglect"] is None


# ------------------------------------- physical abuse from how the child was killed or hurt
@pytest.mark.parametrize(
    "text",
    [
        (
            "A father who beat his three-year-old son to death had been released from prison weeks "
            "earlier."
        ),
        "The review into the murder of a toddler by his mother's partner was published today.",
        "Twin girls suffered serious head injuries in an attack by their father.",
        "Mother B and her daughter C were both murdered at home by the mother's former partner.",
        "The 17-year-old mother admitted that she had choked her son shortly after the birth.",
        "The violence that killed Child H was inflicted by her mother's boyfriend.",
    ],
)
def test_a_killing_or_attack_by_a_person_is_physical_abuse(text: str) -> None:
    assert summary(text)["physical_abuse"] is True


def test_choking_her_son_is_not_violence_between_the_parents() -> None:
    s = summary("The young mother admitted that she had choked her son.")
    assert (s["physical_abuse"], s["domestic_abuse"]) == (True, None)


def test_starved_to_death_is_neglect_not_physical_abuse() -> None:
    s = summary("A seven-month-old boy starved to death in his mother's care.")
    assert (s["neglect"], s["physical_abuse"]) == (True, None)


# ------------------------------------------------------- time and counterfactuals
def test_not_on_a_plan_at_the_time_after_an_earlier_one_is_previous() -> None:
    s = summary(
        "Child A, aged 6, was not on a child protection plan at the time of his death, having "
        "been on one until 2014."
    )
    assert s["child_protection_plan"] == "previous"


def test_not_on_a_plan_at_the_time_alone_is_none() -> None:
    s = summary("Child C was not subject to a child protection plan at the time of the incident.")
    assert s["child_protection_plan"] == "none"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Had social workers visited, they would have found the children hungry and unwashed.",
            "neglect",
        ),
        (
            "Had professionals visited more often, the bruising on the baby would have been seen.",
            "physical_abuse",
        ),
    ],
)
def test_a_counterfactual_asserts_nothing(text: str, key: str) -> None:
    assert summary("Child D was 2. " + text)[key] is None


def test_what_a_counterfactual_would_have_known_was_real() -> None:
    s = summary(
        "Had the health visitor known of the father's convictions for violence, she could have "
        "made a referral."
    )
    assert s["parental_criminal_record"] is True


def test_note_style_had_opening_a_sentence_is_not_a_counterfactual() -> None:
    assert (
        summary("Mother: aged 24. Had a history of depression.")["parental_mental_health"] is True
    )


# ---------------------------------------------------------------- ages as news reports give them
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Family K2: Death of a 15-year-old boy in early 2014 after a fall.", 15.0),
        ("Before he was stabbed, aged just 16, he had been excluded from school.", 16.0),
        ("Child L, a girl of five-and-a-half, was taken to hospital with burns.", 5.5),
        ("The two-and-a-half-year-old was found under the water by her mother.", 2.5),
        ("Mother, 24, and father, 26, lived with Child A, 3, in a one-bedroom flat.", 3.0),
    ],
)
def test_ages_in_news_and_listing_wording(text: str, age: float) -> None:
    assert summary(text)["child_age_years"] == age


# ---------------------------------------------------------------- deaths and passive harm
def test_a_death_nobody_could_have_predicted_is_still_a_death() -> None:
    s = summary(
        "Agencies could not have predicted the death of the six-week-old baby, the review found."
    )
    assert s["fatal"] is True


def test_a_passive_killing_is_the_childs_not_the_adults_named_before_it() -> None:
    s = summary(
        "When Child L was returned to the care of his parents, only to be murdered by them weeks "
        "later, the country was in lockdown."
    )
    assert (s["fatal"], s["physical_abuse"]) == (True, True)


def test_sexually_assaulted_by_is_sexual_not_physical_abuse() -> None:
    s = summary("Child G, 14, disclosed that she had been sexually assaulted by two older men.")
    assert (s["sexual_abuse"], s["physical_abuse"]) == (True, None)


def test_a_teenagers_unattributed_suicide_is_their_own_when_no_age_is_given() -> None:
    s = summary(
        "Review into the deaths of two young women who had been looked after. Both had many "
        "emotional problems. The coroner gave a verdict of suicide in relation to K."
    )
    assert (s["child_mental_health"], s["parental_mental_health"]) == (True, None)
