"""Section finding and the number of recommendations, on the fixtures and on the ways real
review reports set out their recommendations."""

from __future__ import annotations

from casereview.ingest import (
    count_recommendations,
    document_from_text,
    find_sections,
    read_document,
)
from document_factory import DOCUMENTS


def kinds(doc) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(s.kind, s.title) for s in find_sections(doc)]


def test_pdf_sections_pages_and_counts() -> None:
    doc = read_document(DOCUMENTS / "child_t_review.pdf")
    found = {s.title: s for s in doc.sections}
    assert list(found) == [
        "1. Introduction",
        "2. Background",
        "3. Key findings",
        "4. Learning points",
        "5. Recommendations",
        "6. Conclusion",
    ]
    assert found["3. Key findings"].kind == "findings"
    assert found["4. Learning points"].kind == "learning"
    assert found["4. Learning points"].items == 3  # three bullets
    recs = found["5. Recommendations"]
    assert (recs.kind, recs.page) == ("recommendations", 4)
    # Recommendation 2 has parts a) and b): four recommendations, not six.
    assert recs.items == 4
    body = doc.text[recs.body_start : recs.end]
    assert body.startswith("Recommendation 1:") and "6. Conclusion" not in body
    assert count_recommendations(doc) == 4


def test_docx_html_and_text_counts() -> None:
    docx = read_document(DOCUMENTS / "child_k_review.docx")
    assert count_recommendations(docx) == 2
    learning = [s for s in docx.sections if s.kind == "learning"]
    assert [(s.title, s.items, s.page) for s in learning] == [("Learning points", 2, 2)]
    html = read_document(DOCUMENTS / "child_m_review.html")
    assert count_recommendations(html) == 3
    assert [s.kind for s in html.sections if s.title == "Findings"] == ["findings"]
    text = read_document(DOCUMENTS / "child_r_review.txt")
    assert count_recommendations(text) == 3  # R1. R2. R3.
    assert [s.title for s in text.sections if s.kind == "recommendations"] == ["RECOMMENDATIONS"]


def count(text: str) -> int | None:
    return count_recommendations(document_from_text(text))


def test_numbering_styles_used_in_reports() -> None:
    assert (
        count(
            "Recommendations\n1. Agencies should share.\n2. Schools should ask.\n3. GPs should record.\n"
        )
        == 3
    )
    assert count("Recommendations\n1) Share.\n2) Ask.\n") == 2
    assert count("Recommendations\n(1) Share.\n(2) Ask.\n(3) Record.\n(4) Review.\n") == 4
    assert count("RECOMMENDATIONS\nR1 The board should act.\nR2 The police should act.\n") == 2
    assert count("Recommendations\na) Share.\nb) Ask.\nc) Record.\n") == 3
    assert count("Recommendations\n• Share.\n• Ask.\n") == 2
    assert count("Recommendations\nRecommendation One: share.\nRecommendation Two: ask.\n") == 2
    # Numbered paragraphs of section 7 are its recommendations.
    assert (
        count(
            "7. Recommendations\n7.1 The board should act.\n7.2 Health should act.\n8. Appendix\n"
        )
        == 2
    )


def test_sub_items_and_agency_groups() -> None:
    text = (
        "5. Recommendations\n"
        "Recommendation 1: The LSCB should review training, including:\n"
        "a) domestic abuse;\n"
        "b) neglect.\n"
        "Recommendation 2: Health should audit records.\n"
        "6. Conclusion\n"
        "1. This is not a recommendation but a numbered point of the conclusion.\n"
    )
    assert count(text) == 2
    grouped = (
        "RECOMMENDATIONS\n"
        "HEALTH\n"
        "1. Health visitors should ask about new partners.\n"
        "2. GPs should record who lives in the home.\n"
        "POLICE\n"
        "1. Officers should notify children's services of every incident.\n"
        "CONCLUSION\n"
        "The review ends here.\n"
    )
    assert count(grouped) == 3  # numbering restarts per agency: items, not distinct numbers


def test_numbered_items_inside_a_numbered_section_are_not_headings() -> None:
    text = (
        "5. Recommendations\n"
        "1. Multi-agency training\n"
        "2. Information sharing\n"
        "3. Supervision\n"
        "6. Conclusion\n"
        "The end.\n"
    )
    doc = document_from_text(text)
    assert [s.title for s in doc.sections] == ["5. Recommendations", "6. Conclusion"]
    assert count_recommendations(doc) == 3


def test_no_recommendations_section_is_not_stated_not_zero() -> None:
    assert (
        count("1. Introduction\nThe family moved often.\n2. Analysis\nAgencies did not share.\n")
        is None
    )
    # A report with learning points instead of recommendations is counted from them
    # (002 section 6.3 treated them the same way).
    assert count("Key learning points\n• Listen to the child.\n• Check who lives there.\n") == 2
    # A sentence that begins with the word is not a heading.
    text = "Background\nRecommendations were made by the previous review in 2012 and\nnot all of them were acted on.\n"
    assert count(text) is None


def test_wrapped_lines_running_headers_and_contents_are_not_headings() -> None:
    titles = ["Introduction", "The family", "Agency involvement", "Analysis of practice"]
    pages = []
    for n in range(1, 5):
        pages.append(
            f"SERIOUS CASE REVIEW: CHILD Q (PAGE {n})\n{n}. {titles[n - 1]}\n"
            "The social worker visited the family at home on three occasions and\n"
            "found the children well.\nPage " + str(n)
        )
    doc = document_from_text(pages)
    assert [s.title for s in doc.sections] == [f"{n}. {t}" for n, t in enumerate(titles, 1)]
    contents = document_from_text(
        "Contents\n5. Recommendations ........ 23\n6. Conclusion ........ 25\n"
        "5. Recommendations\n1. Share.\n2. Ask.\n6. Conclusion\nDone.\n"
    )
    recs = [s for s in contents.sections if s.kind == "recommendations"]
    assert [(s.title, s.items) for s in recs] == [("5. Recommendations", 2)]


def test_markdown_text_headings() -> None:
    doc = document_from_text(
        "# Review of Child P\n## Findings\nThe school saw bruises.\n## Recommendations\n"
        "1. Train staff.\n2. Share records.\n## References\nNone.\n"
    )
    assert kinds(doc) == [
        ("heading", "Review of Child P"),
        ("findings", "Findings"),
        ("recommendations", "Recommendations"),
        ("heading", "References"),
    ]
    assert count_recommendations(doc) == 2
