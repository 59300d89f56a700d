"""The qualitative codebooks of the Triennial Review 2014-2017 (document 002): the quality
template (Appendix N), the pathways coding framework (Appendix M) and the learning-point
themes (Appendix H). Expected labels, orders and counts are typed from the appendices."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from casereview.codebook import Codebook, CodebookRegistry
from casereview.codebook.values import FieldValidator, validate_value
from casereview.errors import ValidationError

APPENDIX = {
    "quality-template": "Appendix N",
    "pathways": "Appendix M",
    "learning-themes": "Appendix H",
}


@pytest.fixture(scope="module")
def registry() -> CodebookRegistry:
    return CodebookRegistry.load()


@pytest.fixture(scope="module")
def quality(registry: CodebookRegistry) -> Codebook:
    return registry.get("quality-template")


@pytest.fixture(scope="module")
def pathways(registry: CodebookRegistry) -> Codebook:
    return registry.get("pathways")


@pytest.fixture(scope="module")
def themes(registry: CodebookRegistry) -> Codebook:
    return registry.get("learning-themes")


def groups_in_order(cb: Codebook, skip_detail: bool = True) -> dict[str, list[str]]:
    """Field labels per group, in file order (comment fields '_detail' left out)."""
    out: dict[str, list[str]] = {}
    for f in cb.fields:
        if skip_detail and f.id.endswith("_detail"):
            continue
        out.setdefault(f.group or "", []).append(f.label)
    return out


# --- shared to all three --------------------------------------------------------------


@pytest.mark.parametrize("codebook_id", sorted(APPENDIX))
def test_loads_as_2020_version_citing_document_002(
    registry: CodebookRegistry, codebook_id: str
) -> None:
    # 002 reports the LSCB transition as completed on 29 September 2019: published 2020.
    assert registry.versions(codebook_id) == ["2020"]
    cb = registry.get(codebook_id)
    assert [(d.id, d.year) for d in cb.documents] == [("002", 2020)]
    assert "2014-2017" in cb.documents[0].title


@pytest.mark.parametrize("codebook_id", sorted(APPENDIX))
def test_every_field_and_value_cites_its_appendix(
    registry: CodebookRegistry, codebook_id: str
) -> None:
    cb = registry.get(codebook_id)
    for f in cb.fields:
        assert f.source.document == "002", f.id
        assert f.source.section == APPENDIX[codebook_id], f.id
        assert f.group, f"{f.id} has no group"
        for v in f.values or ():
            assert v.source is not None and v.source.document == "002", f"{f.id}:{v.id}"


# --- Appendix N: quality template -------------------------------------------------------


def test_quality_template_groups_and_question_counts(quality: Codebook) -> None:
    groups = groups_in_order(quality)
    # Appendix N headings, in order, and the number of questions under each.
    assert [(g, len(qs)) for g, qs in groups.items()] == [
        ("SCR method", 1),
        ("Accessibility", 5),
        ("SCR process", 3),
        ("Analysis", 7),
        ("The child as a person", 3),
        ("Learning", 5),
        ("Overall", 5),
    ]
    assert all(f.level == "review" for f in quality.fields)


def test_quality_template_questions_worded_as_appendix_n(quality: Codebook) -> None:
    groups = groups_in_order(quality)
    # Appendix N, "Accessibility" (all five questions, in order).
    assert groups["Accessibility"] == [
        "Contents page with clear headings?",
        "How long?",
        "How long appendices?",
        "Plain English/easy to read?",
        "Is the report repetitive and, if so, is this purposeful?",
    ]
    # Appendix N, "The child as a person".
    assert groups["The child as a person"] == [
        "Does the report reflect the child as a person?",
        (
            "Is the child understood within the context of his/her family (background, culture "
            "and history) and viewed independently from siblings/other children in SCR?"
        ),
        "Is the child’s development/wellbeing reflected (in the context of his/her age)?",
    ]
    # Appendix N, "Overall".
    assert groups["Overall"] == [
        "Is the report well/structured?",
        "Is the report well balanced for example, description v analysis?",
        "Are there accuracy discrepancies? - If so specify",
        "What were the particularly good things about the report?",
        "Were there flaws?",
    ]
    # Appendix N, spot checks in "SCR process", "Analysis" and "Learning".
    assert quality.field("process_learning_distilled").label == (
        "Is the learning from the SCR process distilled?"
    )
    assert quality.field("human_motivation_examined").label == (
        "Is human motivation examined (for example, fear, overwork, timidity, "
        "over-optimism, wilful blindness etc.?)"
    )
    assert groups["Analysis"][0] == (
        "Is there a concise account of critical points in the management of the case "
        "(rather than lengthy chronology of undifferentiated events?)"
    )
    assert groups["Analysis"][4] == "If why? Include individual errors and system failures"
    assert groups["Learning"][-1] == (
        "Is the way the learning from this SCR fits with others, regionally, stated?"
    )


def test_quality_template_answer_types(quality: Codebook) -> None:
    types = Counter(f.type for f in quality.fields)
    # 29 questions: 22 yes/no, 2 page counts, 4 with several parts or a class, 1 free-text
    # ("What were the particularly good things...") and 3 comment fields.
    assert types == Counter(yes_no=22, integer=2, categorical=4, text=4)
    for fid in ("report_length", "appendices_length"):
        assert quality.field(fid).unit == "pages"
    # Each comment field follows the question it comments on.
    ids = [f.id for f in quality.fields]
    for detail in (i for i in ids if i.endswith("_detail")):
        assert ids[ids.index(detail) - 1] == detail.removesuffix("_detail")
        assert quality.field(detail).type == "text"


def test_quality_template_values_accept_labels_codes_and_refuse_others(quality: Codebook) -> None:
    assert validate_value(quality, "report_length", "46") == "46"  # 6.8: average 46 pages
    with pytest.raises(ValidationError, match="report_length"):
        validate_value(quality, "report_length", "0")
    assert (
        validate_value(quality, "repetitive", "Repetitive, purposefully") == "repetitive_purposeful"
    )
    assert validate_value(quality, "family_involvement", "no") == "not_involved"
    assert validate_value(quality, "contents_page", "Yes") == "yes"
    # 6.1: the methodology classes of Table 21, incl. reports that did not state one.
    assert validate_value(quality, "scr_method", "SILP") == "silp"
    assert validate_value(quality, "scr_method", "IMR") == "traditional"
    method = quality.values_of(quality.field("scr_method"))
    assert len(method) == 7 and not any(v.missing for v in method)
    with pytest.raises(ValidationError, match="scr_method"):
        validate_value(quality, "scr_method", "serious case review")


def test_quality_scr_method_matches_the_triennial_codebook(
    registry: CodebookRegistry, quality: Codebook
) -> None:
    # Same classes (002 section 6.1, Table 21) with the same ids and codes, so a review's
    # method codes the same way in both codebooks.
    triennial = registry.get("triennial-2014-17")
    ours = quality.values_of(quality.field("scr_method"))
    theirs = triennial.values_of(triennial.field("scr_method"))
    assert [(v.id, v.code) for v in ours] == [(v.id, v.code) for v in theirs]


# --- Appendix M: pathways coding framework ----------------------------------------------

PATHWAYS = {  # Appendix M, superordinate -> subordinate themes, in order
    "Pathways to harm": ["Child Vulnerability", "Parent/Perpetrator Risk", "Background Context"],
    "Opportunities for Prevention/Protection: Agency": [
        "Child",
        "Parents",
        "Wider Family",
        "Wider society",
        "Statutory Agencies",
        "Voluntary Agencies",
    ],
    "Pathways to protection": [
        "Prevention",
        "Recognition",
        "Assessment",
        "Decision Making",
        "Intervention",
    ],
    "Opportunities for Prevention/Protection: Level": [
        "Managing Individual Cases",
        "Working Together Dynamics",
        "Agency Structures, Processes and Cultures",
    ],
    "Opportunities for Prevention/Protection: Type": [
        "Education",
        "Empowerment",
        "Enforcement",
        "Engineering",
    ],
}


def test_pathways_every_theme_in_order(pathways: Codebook) -> None:
    assert groups_in_order(pathways) == PATHWAYS
    # Appendix M: 3 + 6 + 5 + 3 + 4 subordinate themes.
    assert [len(v) for v in groups_in_order(pathways).values()] == [3, 6, 5, 3, 4]
    assert all(f.type == "yes_no" for f in pathways.fields)


def test_pathways_levels(pathways: Codebook) -> None:
    harm = {f.id for f in pathways.fields if f.group == "Pathways to harm"}
    assert harm == {
        "harm_child_vulnerability",
        "harm_parent_perpetrator_risk",
        "harm_background_context",
    }
    for f in pathways.fields:
        assert f.level == ("child" if f.id in harm else "review"), f.id
    v = FieldValidator(pathways, pathways.field("type_engineering"))
    assert (v("y"), v(0), v("unknown")) == ("yes", "no", "not_stated")


# --- Appendix H: learning-point themes --------------------------------------------------

THEME_GROUPS = [  # Appendix H headings, number of topics, total frequency (summed by hand)
    ("Working together", 7, 95),
    ("Assessment, planning and decision making", 14, 60),
    (
        "Recognition, assessment and response – in relation to particular child and family issues",
        22,
        91,
    ),
]


def frequency(note: str | None) -> int:
    match = re.fullmatch(r"Frequency (\d+)", note or "")
    assert match, note
    return int(match.group(1))


def test_themes_groups_counts_and_frequencies(themes: Codebook) -> None:
    topic_fields = [f for f in themes.fields if f.id != "learning_theme"]
    assert all(f.type == "yes_no" and f.level == "review" for f in topic_fields)
    seen = []
    for group in dict.fromkeys(f.group for f in topic_fields):
        members = [f for f in topic_fields if f.group == group]
        seen.append((group, len(members), sum(frequency(f.source.note) for f in members)))
    assert seen == THEME_GROUPS


def test_themes_topics_worded_as_appendix_h(themes: Codebook) -> None:
    groups = groups_in_order(themes)
    # Appendix H, WORKING TOGETHER (all seven, in order).
    assert groups["Working together"] == [
        "Information sharing and communication between professionals and agencies",
        "Lack of professional curiosity",
        "Challenge and escalation",
        "Supervision and management oversight",
        "Understanding professional roles",
        "Better recording",
        "Strengthening cross-border arrangements",
    ]
    apdm = groups["Assessment, planning and decision making"]
    assert apdm[0] == "Voice of the child / understanding child’s lived experience"
    assert apdm[10] == (
        "Safer organisational culture, including recruitment of foster carers and professionals"
    )
    assert apdm[-1] == "Managing complex cases smarter within an environment of reducing resources"
    rar = groups[THEME_GROUPS[2][0]]
    assert rar[:3] == [
        "Neglect",
        "Recognition and response to domestic abuse",
        (
            "Recognition and response to combined risk factors – domestic abuse, mental health "
            "and substance misuse"
        ),
    ]
    assert "The impact of adverse childhood experiences on adolescents (ACES)" in rar
    assert rar[-1] == "Risks associated with concealed pregnancies"
    # Frequencies, Appendix H: information sharing 46, professional curiosity 19, neglect 15.
    assert frequency(themes.field("information_sharing").source.note) == 46
    assert frequency(themes.field("professional_curiosity").source.note) == 19
    assert frequency(themes.field("neglect").source.note) == 15


def test_learning_theme_lists_every_topic_under_its_heading(themes: Codebook) -> None:
    field = themes.field("learning_theme")
    assert field.type == "categorical"
    values = themes.values_of(field)
    roots = [v for v in values if v.parent is None]
    assert [v.label for v in roots] == [g for g, _, _ in THEME_GROUPS]
    topics = [v for v in values if v.parent is not None]
    assert len(topics) == 43  # 7 + 14 + 22 topics in Appendix H
    # The value for each topic matches its yes/no field: same id, label and heading.
    root_label = {v.id: v.label for v in roots}
    for v in topics:
        f = themes.field(v.id)
        assert (f.label, f.group) == (v.label, root_label[v.parent])
        assert v.source is not None and v.source.note == f.source.note
    assert len(themes.fields) == 44


def test_learning_theme_accepts_label_alias_and_code(themes: Codebook) -> None:
    check = FieldValidator(themes, themes.field("learning_theme"))
    assert check("CSE") == "cse"
    assert check("child sexual exploitation") == "cse"
    assert check("Disguised compliance") == "disguised_compliance"
    assert check("Working together") == "working_together"
    with pytest.raises(ValidationError, match="learning_theme"):
        check("Poverty")  # a theme of chapter 3, not one of the Appendix H topics
