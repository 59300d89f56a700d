"""Full-text search on SQLite (FTS5) and PostgreSQL (tsvector per page): phrases, words,
ranking, highlighting, malformed queries, very long pages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete

from casereview.errors import CaseReviewError
from casereview.ingest.service import ingest_paths
from casereview.store.database import Store
from casereview.store.documents import Document
from casereview.store.fulltext import search
from document_factory import DOCUMENTS


def write(tmp_path: Path, name: str, pages: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\f".join(pages), encoding="utf-8")
    return path


@pytest.fixture
def store(any_store: Store, tmp_path: Path) -> Store:
    files = [
        DOCUMENTS / n for n in ("child_t_review.pdf", "child_m_review.html", "child_r_review.txt")
    ]
    files.append(
        write(
            tmp_path,
            "Child V.txt",
            [
                (
                    "Review of Child V. The mother described domestic abuse by her partner. "
                    "Domestic abuse was reported twice more, and domestic abuse continued."
                ),
                "Abuse of alcohol was, the father said, a domestic matter between the adults.",
                "Notes: R&D <script>alert(1)</script> neglect & poverty were both present.",
            ],
        )
    )
    assert all(r.status == "added" for r in ingest_paths(any_store, files))
    return any_store


def pages_of(hits, review: str) -> list[int]:  # type: ignore[no-untyped-def]
    return sorted(h.page for h in hits if h.review == review)


def test_phrase_query_finds_the_phrase_only_and_highlights_it(store: Store) -> None:
    hits = search(store, '"domestic abuse"')
    assert pages_of(hits, "child_t_review") == [2, 3, 4]
    assert pages_of(hits, "Child V") == [1]  # page 2 has both words, not the phrase
    for h in hits:
        assert "<mark>domestic abuse</mark>" in h.snippet.lower()
    assert ("domestic abuse", True) in [(t.lower(), m) for t, m in hits[0].fragments()]


def test_plain_words_must_all_be_on_the_page(store: Store) -> None:
    hits = search(store, "domestic abuse")
    assert pages_of(hits, "Child V") == [1, 2]
    assert [(h.review, h.page) for h in search(store, "missing school")] == [("child_m_review", 1)]
    assert [(h.review, h.page) for h in search(store, "prison")] == [("child_r_review", 2)]
    assert search(store, "prison school") == []


def test_ranking_puts_the_page_with_most_mentions_first(store: Store) -> None:
    hits = search(store, '"domestic abuse"')
    assert (hits[0].review, hits[0].page) == ("Child V", 1)  # three mentions on one short page
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)
    assert len(search(store, '"domestic abuse"', limit=2)) == 2


def test_or_not_and_prefix(store: Store) -> None:
    hits = search(store, '"safer sleep" OR "return home interviews"')
    assert {(h.review, h.page) for h in hits} == {("child_r_review", 3), ("child_m_review", 1)}
    without = search(store, '"domestic abuse" -partner')
    # Child T page 2 names her partner, page 4 "partners" (same stem), Child V page 1 "her
    # partner"; only Child T page 3 is left.
    assert {(h.review, h.page) for h in without} == {("child_t_review", 3)}
    prefixed = search(store, "exploit*")
    assert {(h.review, h.page) for h in prefixed} == {("child_m_review", 1)}


def test_snippets_are_html_escaped(store: Store) -> None:
    [hit] = search(store, "poverty")
    # The only markup left is <mark> (PostgreSQL's parser drops the tag; FTS5 keeps it as text).
    assert not re.search("[<>]", re.sub("</?mark>", "", hit.snippet))
    assert "R&amp;D" in hit.snippet
    assert "<mark>poverty</mark>" in hit.snippet


def test_malformed_queries_are_clear_errors(store: Store) -> None:
    for query, reason in (
        ('"domestic abuse', "quote is not closed"),
        ("-police", "not only ones to leave out"),
        ("neglect NOT", "nothing after NOT"),
        ("   ", "no words to search for"),
    ):
        with pytest.raises(CaseReviewError, match=reason):
            search(store, query)
    # Words that are operators in FTS5 are searched as words, not parsed as syntax.
    assert search(store, "NEAR AND(") == []


def test_phrase_beyond_16383_words_of_one_page_is_found(any_store: Store, tmp_path: Path) -> None:
    filler = " ".join(f"word{i % 97}" for i in range(20_000))
    path = write(
        tmp_path, "long.txt", [filler + " The boy was drawn into county lines drug running."]
    )
    ingest_paths(any_store, [path])
    hits = search(any_store, '"county lines"')
    assert [(h.review, h.page) for h in hits] == [("long", 1)]
    assert "<mark>county lines</mark>" in hits[0].snippet


def test_deleted_documents_leave_the_index(store: Store) -> None:
    assert search(store, "prison")
    with store.session() as s:
        s.execute(delete(Document).where(Document.filename == "child_r_review.txt"))
    assert search(store, "prison") == []
    assert search(store, '"domestic abuse"')  # the others are still there


def test_search_command(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CASEREVIEW_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "COLUMNS": "200",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "casereview", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )

    assert run("ingest", str(DOCUMENTS / "child_r_review.txt")).returncode == 0
    found = run("search", '"safer sleep"')
    assert found.returncode == 0, found.stderr
    assert "child_r_review  p. 3" in found.stdout
    assert "remind practitioners of safer sleep advice" in found.stdout
    assert "1 hit" in found.stdout
    bad = run("search", '"safer sleep')
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: search") and "quote is not closed" in bad.stderr
