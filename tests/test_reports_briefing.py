"""The practitioner briefing: headline figures computed from the cases, the learning themes
of 002 Appendix H found in the reviews' key lessons, practice points quoted from them, and
two A4 pages at most (counted with pypdfium2). Expected values are counted here from the
sample file with plain pandas and string search, independently of the report code."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd
import pytest

from casereview.reports.briefing import (
    Briefing,
    build_briefing,
    render_briefing_html,
    render_briefing_pdf,
)
from report_pages import DATA, parse, pdf_pages, store_with

SAMPLE = pd.read_csv(DATA / "triennial-sample.csv", dtype=str)
REVIEWS = SAMPLE.drop_duplicates("review_id")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    s = store_with(
        tmp_path_factory.mktemp("briefing"), "cafcass-2009-2016.csv", "triennial-sample.csv"
    )
    yield s
    s.close()


@pytest.fixture(scope="module")
def briefing(store) -> Briefing:  # type: ignore[no-untyped-def]
    return build_briefing(store)


@pytest.fixture(scope="module")
def page(briefing: Briefing):  # type: ignore[no-untyped-def]
    return parse(render_briefing_html(briefing))


def reviews_saying(*phrases: str) -> int:
    text = REVIEWS["key_lessons"].fillna("").str.lower()
    return int(text.apply(lambda t: any(p in t for p in phrases)).sum())


def test_the_briefing_is_about_the_reviews_with_learning_text(briefing: Briefing, page) -> None:  # type: ignore[no-untyped-def]
    assert briefing.codebook.startswith("triennial-2014-17")  # the Cafcass cases carry no lessons
    n = REVIEWS["review_id"].nunique()
    assert briefing.cohort.reviews == n
    assert page.css_first("h1").text(strip=True) == f"Key messages from {n} case reviews"


def _half_up(n: int, total: int) -> str:
    exact = Decimal(100 * n) / Decimal(total)
    return f"{exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"


def test_headline_figures_are_counted_from_the_cases(page) -> None:  # type: ignore[no-untyped-def]
    tiles = {
        " ".join(t.css_first(".text").text().split()): t.css_first(".figure").text(strip=True)
        for t in page.css(".headline")
    }
    yes = int((REVIEWS["fam_domestic_abuse"] == "yes").sum())
    # Halves round up, as the publications do (63 of 120 = 52.5 -> 53%).
    assert tiles["of reviews recorded domestic abuse"] == _half_up(yes, len(REVIEWS))
    died = int((SAMPLE["fatal"] == "yes").sum())
    assert tiles["of the children died"] == _half_up(died, len(SAMPLE))
    assert tiles["case reviews"] == str(len(REVIEWS))


def test_learning_themes_are_found_in_the_key_lessons(page) -> None:  # type: ignore[no-untyped-def]
    shown = {
        " ".join(t.css_first(".name").text().split()): int(t.css_first(".count").text(strip=True))
        for t in page.css(".theme")
    }
    # Theme labels are those of 002 Appendix H; each count is the reviews whose lessons say it.
    assert shown["Voice of the child / understanding child’s lived experience"] == reviews_saying(
        "voice of the child"
    )
    assert shown["Safe sleeping"] == reviews_saying("safe sleeping")
    assert shown["Challenge and escalation"] == reviews_saying("escalation", "challenged")
    headings = [h.text(strip=True) for h in page.css(".theme-group h3")]
    assert "Working together" in headings


def test_every_theme_present_is_counted(briefing: Briefing) -> None:
    themes = briefing.learning.themes  # type: ignore[union-attr]
    assert themes.data.at["Working with fathers/male partners", "n"] == reviews_saying("fathers")
    assert themes.data.at["Safe sleeping", "n"] == reviews_saying("safe sleeping")
    assert themes.denominator == REVIEWS["key_lessons"].notna().sum()


def test_practice_points_quote_the_lessons_with_how_many_reviews_say_them(page) -> None:  # type: ignore[no-untyped-def]
    points = page.css(".point")
    assert 4 <= len(points) <= 12
    lessons = " ".join(REVIEWS["key_lessons"].fillna(""))
    for p in points:
        text = " ".join(p.css_first("p").text().split())
        assert text in lessons, text
        said = int(re.search(r"Recorded in (\d+) reviews?", p.css_first(".said").text()).group(1))
        assert said == int(REVIEWS["key_lessons"].fillna("").str.contains(text, regex=False).sum())


def test_briefing_fits_two_a4_pages(briefing: Briefing) -> None:
    pages = pdf_pages(render_briefing_pdf(briefing))
    assert 1 <= len(pages) <= 2
    assert "Practice point" in pages[-1].replace("PRACTICE POINT", "Practice point")


def test_cafcass_cohort_without_learning_text_still_fits(store) -> None:  # type: ignore[no-untyped-def]
    b = build_briefing(store, codebook="cafcass-scr", suppress_below=5)
    html = render_briefing_html(b)
    assert "No learning text is recorded" in html
    figures = {h.text: h.figure for h in b.headlines}
    assert figures["of cases featured domestic abuse"] == "71%"  # 001 Section 5.3.2
    assert len(pdf_pages(render_briefing_pdf(b))) <= 2


def test_suppression_hides_small_theme_counts(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    b = build_briefing(store, study="triennial-2014-15", suppress_below=10)
    page = parse(render_briefing_html(b))
    counts = [t.css_first(".count").text(strip=True) for t in page.css(".theme")]
    assert "<10" in counts
    assert not [c for c in counts if c.isdigit() and int(c) < 10]
    for said in page.css(".point .said"):
        m = re.search(r"Recorded in (\d+) review", said.text())
        assert m is None or int(m.group(1)) >= 10
    assert len(pdf_pages(render_briefing_pdf(b))) <= 2


def test_long_and_varied_learning_still_fits_two_pages(tmp_path: Path) -> None:
    # Forty reviews whose lessons touch many themes in long sentences (synthetic wording).
    topics = [
        "information sharing between agencies",
        "professional curiosity",
        "escalation of concerns",
        "supervision of practitioners",
        "the voice of the child",
        "risk assessment",
        "drift and delay",
        "disguised compliance",
        "thresholds for intervention",
        "neglect",
        "domestic abuse",
        "parental mental health",
        "fathers and male partners",
        "vulnerable adolescents",
        "safe sleeping",
        "bruising in babies",
        "children with disabilities",
        "sexual exploitation",
        "school attendance",
        "home education",
        "young carers",
        "concealed pregnancy",
        "care planning for looked after children",
    ]
    rows = []
    for i in range(40):
        said = [
            f"Practitioners in review {i} should always attend to {topics[(i + k) % len(topics)]} and record "
            f"how it shapes their judgement about the child's safety, sharing that judgement with partners."
            for k in range(6)
        ]
        rows.append(
            {
                "review_id": f"L-{i:03d}",
                "child": "1",
                "study": "learning-test",
                "year": 2020,
                "fatal": "no",
                "key_lessons": " ".join(said),
            }
        )
    path = tmp_path / "lessons.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    from casereview.io.importer import import_file
    from casereview.store.database import Store

    store = Store.open(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        import_file(store, path, "triennial-2014-17")
        b = build_briefing(store)
    finally:
        store.close()
    assert b.learning is not None and len(b.learning.themes.data) >= 15
    assert len(pdf_pages(render_briefing_pdf(b))) <= 2
